# elf/tests/elf.mk - host unit tests for the ELF header checks (elf/parse.c).
#
# Included by the top Makefile, which defines HOSTTEST_CFLAGS and runs every
# binary listed in HOSTTESTS from the repo root. test_parse checks real
# binaries of every kind keel must run, so this fragment also builds a small
# program as a glibc static and static-pie executable and, when musl-gcc is
# installed, as a musl dynamic and static one (the test reports the musl
# cases as skipped otherwise). oracle.c reads the same files with elfutils'
# libelf (libelf-dev) as an independent reference. It is -iquote elf, not
# -Ielf: with -I, libelf's own #include <elf.h> would find elf/elf.h.

ELF_TEST_BINS := build/host/elf-hello-static build/host/elf-hello-static-pie
ifneq ($(shell command -v musl-gcc 2>/dev/null),)
ELF_TEST_BINS += build/host/elf-hello-musl build/host/elf-hello-musl-static
endif

HOSTTESTS += build/host/test_elf_parse

build/host/test_elf_parse: elf/tests/test_parse.c elf/tests/oracle.c elf/parse.c elf/elf.h \
		elf/tests/oracle.h kernel/tests/hosttest.h $(ELF_TEST_BINS)
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -iquote elf -o $@ $(filter %.c,$^) -lelf

build/host/elf-hello-static: elf/tests/hello.c
	@mkdir -p $(@D)
	$(CC) -O2 -static -o $@ $<

build/host/elf-hello-static-pie: elf/tests/hello.c
	@mkdir -p $(@D)
	$(CC) -O2 -static-pie -o $@ $<

build/host/elf-hello-musl: elf/tests/hello.c
	@mkdir -p $(@D)
	musl-gcc -O2 -o $@ $<

build/host/elf-hello-musl-static: elf/tests/hello.c
	@mkdir -p $(@D)
	musl-gcc -O2 -static -o $@ $<
