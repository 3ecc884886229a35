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

# --- the linker (elf/dyn.c, version.c, symbols.c, reloc.c, tls.c) ---
#
# test_dyn, test_symbols, test_reloc and test_glibc link the linker's files unchanged
# with linkhost.c, a small host-side loader that copies an object's
# PT_LOADs into a buffer (malloc'd, or mmap'd executable for the objects
# whose IFUNC resolvers the tests run). They read the host's own glibc
# libraries and the small objects built here from elf/tests/lk_*.c, all
# -nostdlib so they import only from each other (see each source's top
# comment for what it exercises).

LK_DIR := build/host/link
LK_SOFLAGS := -O1 -fPIC -shared -nostdlib -fno-stack-protector -fcf-protection=none
LK_OBJS := $(LK_DIR)/libprov.so $(LK_DIR)/prov3/libprov.so $(LK_DIR)/liblk.so \
	$(LK_DIR)/liblk-gnu.so $(LK_DIR)/liblk-sysv.so $(LK_DIR)/libneedy.so $(LK_DIR)/lk_exe
ELF_LINK_SRCS := elf/parse.c elf/dyn.c elf/version.c elf/symbols.c elf/reloc.c elf/tls.c
ELF_LINK_TESTS := build/host/test_elf_dyn build/host/test_elf_symbols build/host/test_elf_reloc \
	build/host/test_elf_glibc

HOSTTESTS += $(ELF_LINK_TESTS)

$(ELF_LINK_TESTS): build/host/test_elf_%: elf/tests/test_%.c elf/tests/linkhost.c \
		$(ELF_LINK_SRCS) elf/elf.h elf/internal.h elf/tests/linkhost.h \
		kernel/tests/hosttest.h $(LK_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -iquote elf -o $@ $(filter %.c,$^)

$(LK_DIR)/libprov.so: elf/tests/lk_prov.c elf/tests/lk_prov.ver
	@mkdir -p $(@D)
	$(CC) $(LK_SOFLAGS) -Wl,-soname,libprov.so.1 -Wl,--version-script,elf/tests/lk_prov.ver \
		-Wl,--hash-style=both -o $@ $<

$(LK_DIR)/prov3/libprov.so: elf/tests/lk_prov.c elf/tests/lk_prov3.ver
	@mkdir -p $(@D)
	$(CC) $(LK_SOFLAGS) -DPROV3 -Wl,-soname,libprov.so.1 \
		-Wl,--version-script,elf/tests/lk_prov3.ver -o $@ $<

LK_LIB = $(CC) $(LK_SOFLAGS) -Wl,-soname,liblk.so.1 -Wl,--version-script,elf/tests/lk_lib.ver \
	-o $@ $< $(LK_DIR)/libprov.so
$(LK_DIR)/liblk.so: elf/tests/lk_lib.c elf/tests/lk_lib.ver $(LK_DIR)/libprov.so
	$(LK_LIB) -Wl,--hash-style=both
$(LK_DIR)/liblk-gnu.so: elf/tests/lk_lib.c elf/tests/lk_lib.ver $(LK_DIR)/libprov.so
	$(LK_LIB) -Wl,--hash-style=gnu -Wl,-z,pack-relative-relocs
$(LK_DIR)/liblk-sysv.so: elf/tests/lk_lib.c elf/tests/lk_lib.ver $(LK_DIR)/libprov.so
	$(LK_LIB) -Wl,--hash-style=sysv

$(LK_DIR)/libneedy.so: elf/tests/lk_needy.c $(LK_DIR)/liblk.so $(LK_DIR)/prov3/libprov.so
	$(CC) $(LK_SOFLAGS) -Wl,-soname,libneedy.so -o $@ $< $(LK_DIR)/liblk.so \
		$(LK_DIR)/prov3/libprov.so

$(LK_DIR)/lk_exe: elf/tests/lk_exe.c $(LK_DIR)/liblk.so $(LK_DIR)/libprov.so
	$(CC) -O1 -fPIE -pie -nostdlib -fno-stack-protector -fcf-protection=none -o $@ $< \
		$(LK_DIR)/liblk.so $(LK_DIR)/libprov.so
