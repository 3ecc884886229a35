# keel - top-level Makefile.
#
#   make            build the kernel (build/keel.elf) and the host tools
#   make run        install what is missing, build, boot the default demo
#   make test       host unit tests (ASan+UBSan) and boot tests under QEMU
#   make bench-boot wall time of QEMU start -> guest exit, median of 10
#
# The kernel is linked twice: the first link gives the symbol addresses,
# tools/ksyms turns them into a table, and the second link adds that table
# in the image's last section (loader/keel.ld), so no other address moves.
# The build checks that claim.

CC := gcc
BUILD := build
# make V=1 shows the full commands
Q := $(if $(V),,@)
GCC_INC := $(shell $(CC) -print-file-name=include)

KCFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdinc -isystem $(GCC_INC) -isystem $(BUILD)/uapi \
	-mcmodel=kernel -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie \
	-fno-stack-protector -fno-omit-frame-pointer -fno-asynchronous-unwind-tables \
	-fcf-protection=none -Wall -Wextra -Werror -Ikernel -Iloader -Isyscall-trap -Ielf -Ivfs -Inet \
	-I$(BUILD)/gen -MMD -MP
KLDFLAGS := -nostdlib -static -no-pie -Wl,--no-relax -Wl,-T,loader/keel.ld -Wl,--build-id=none \
	-Wl,-z,max-page-size=4096 -Wl,-z,noexecstack -Wl,--no-warn-rwx-segments
HOSTCFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror
HOSTTEST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer -DKEEL_HOSTTEST -Ikernel

KDIRS := loader kernel syscall-trap elf vfs net
KSRCS := $(foreach d,$(KDIRS),$(wildcard $(d)/*.c) $(wildcard $(d)/*.S))
KOBJS := $(patsubst %,$(BUILD)/obj/%.o,$(KSRCS))
.DEFAULT_GOAL := all
# lwIP, from Debian's source package, is part of the kernel
include net/lwip.mk
include kernel/libc/libc.mk

.DELETE_ON_ERROR:
.PHONY: all kernel run test unit-test boot-test bench-boot setup clean
all: kernel

kernel: $(BUILD)/keel.elf

# Linux UAPI headers (errno, later virtio) without the rest of /usr/include.
$(BUILD)/uapi/.stamp:
	@mkdir -p $(@D)
	ln -sfn /usr/include/linux $(@D)/linux
	ln -sfn /usr/include/asm-generic $(@D)/asm-generic
	ln -sfn /usr/include/x86_64-linux-gnu/asm $(@D)/asm
	@touch $@

# System call names, from the UAPI header (syscall-trap/names.c includes it).
$(BUILD)/gen/syscall_names.h: /usr/include/x86_64-linux-gnu/asm/unistd_64.h
	@mkdir -p $(@D)
	sed -n 's/^#define __NR_\([a-z0-9_]*\) \([0-9]*\)$$/[\2] = "\1",/p' $< > $@
$(BUILD)/obj/syscall-trap/names.c.o: $(BUILD)/gen/syscall_names.h

# The vDSO: a small shared object, embedded by elf/vdso_blob.S.
$(BUILD)/vdso/vdso.so: elf/vdso/vdso.c elf/vdso/vdso.lds elf/vdso/vdso.ver
	@mkdir -p $(@D)
	@echo "  VDSO    $@"
	$(Q)$(CC) -std=gnu11 -O2 -fPIC -shared -nostdlib -fno-stack-protector -fcf-protection=none \
		-Wall -Wextra -Werror -Wl,-soname,linux-vdso.so.1 -Wl,--hash-style=both \
		-Wl,--version-script,elf/vdso/vdso.ver -Wl,-T,elf/vdso/vdso.lds -Wl,-z,max-page-size=4096 \
		-Wl,--build-id=none -Wl,--eh-frame-hdr \
		-o $@ $<
$(BUILD)/obj/elf/vdso_blob.S.o: $(BUILD)/vdso/vdso.so
$(BUILD)/obj/elf/vdso_blob.S.o: KCFLAGS += -DVDSO_SO='"$(BUILD)/vdso/vdso.so"'

$(BUILD)/obj/%.c.o: %.c $(BUILD)/uapi/.stamp
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/obj/%.S.o: %.S $(BUILD)/uapi/.stamp
	@mkdir -p $(@D)
	@echo "  AS      $<"
	$(Q)$(CC) $(KCFLAGS) -D__ASSEMBLY__ -c $< -o $@

$(BUILD)/tools/ksyms: tools/ksyms.c
	@mkdir -p $(@D)
	$(CC) $(HOSTCFLAGS) -o $@ $<

$(BUILD)/ksyms0.S: $(BUILD)/tools/ksyms
	$(BUILD)/tools/ksyms < /dev/null > $@
$(BUILD)/ksyms.S: $(BUILD)/keel.pass1.elf $(BUILD)/tools/ksyms
	$(Q)nm -n -S --defined-only $< | $(BUILD)/tools/ksyms > $@
$(BUILD)/%.o: $(BUILD)/%.S
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(BUILD)/keel.pass1.elf: $(KOBJS) $(BUILD)/ksyms0.o loader/keel.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(KLDFLAGS) -o $@ $(KOBJS) $(BUILD)/ksyms0.o

$(BUILD)/keel.elf: $(KOBJS) $(BUILD)/ksyms.o loader/keel.ld
	@echo "  LD      $@"
	$(Q)$(CC) $(KLDFLAGS) -o $@ $(KOBJS) $(BUILD)/ksyms.o
	@nm -n $(BUILD)/keel.pass1.elf | grep -v -e ' ksyms_table$$' -e ' __kernel_end$$' > $(BUILD)/syms.pass1
	@nm -n $@ | grep -v -e ' ksyms_table$$' -e ' __kernel_end$$' > $(BUILD)/syms.final
	@cmp -s $(BUILD)/syms.pass1 $(BUILD)/syms.final || \
		{ echo "keel.elf: symbols moved between the two links (see loader/keel.ld)"; exit 1; }
	@# debug info goes to keel.debug (gdb finds it through the debuglink); the
	@# image QEMU loads keeps its symbol table but not the DWARF
	$(Q)objcopy --only-keep-debug $@ $(BUILD)/keel.debug
	$(Q)objcopy --strip-debug --add-gnu-debuglink=$(BUILD)/keel.debug $@
	@echo "keel.elf: $$(stat -c %s $@) bytes"

-include $(KOBJS:.o=.d)

# --- host unit tests ---
HOSTTESTS :=
TOOLS :=
include kernel/tests/Makefile.inc
include kernel/tests/vma.mk
include kernel/tests/more.mk
-include elf/tests/elf.mk vfs/tests/vfs.mk vfs/tests/poll.mk tools/mkimage.mk

# Networking: the server images and their tests
# (tools/images.mk: NETTESTS, NETTEST_DEPS), bench-net (tools/bench-net.mk).
NETTESTS :=
NETTEST_DEPS :=
-include tools/images.mk tools/bench-net.mk

all: $(TOOLS)
-include compat-tests/progs.mk
include compat-tests/compat.mk

unit-test: $(HOSTTESTS)
	@tools/run-tests $(HOSTTESTS)

# --- boot tests and the rest need QEMU ---
setup:
	@tools/setup.sh

# The default demo: Debian's own /bin/ls, then a hello program of ours,
# each in a boot image built from the host's binaries by tools/mkimage.
$(BUILD)/examples/hello: examples/hello.c
	@mkdir -p $(@D)
	$(CC) -O2 -g -o $@ $<
$(BUILD)/images/ls.cpio: build/tools/mkimage
	@mkdir -p $(@D)
	build/tools/mkimage -o $@ --add /etc/passwd --add /etc/group /bin/ls -- -l /
$(BUILD)/images/hello.cpio: $(BUILD)/examples/hello build/tools/mkimage
	@mkdir -p $(@D)
	build/tools/mkimage -o $@ --env "GREETING=hello from the image" $< -- one two
DEMO_IMAGES := $(BUILD)/images/ls.cpio $(BUILD)/images/hello.cpio
$(BUILD)/examples/crash: examples/crash.c
	@mkdir -p $(@D)
	$(CC) -O0 -g -fno-omit-frame-pointer -o $@ $<
$(BUILD)/images/crash.cpio: $(BUILD)/examples/crash build/tools/mkimage
	@mkdir -p $(@D)
	build/tools/mkimage -o $@ $<
TEST_IMAGES := $(DEMO_IMAGES) $(BUILD)/images/crash.cpio

run: setup kernel $(DEMO_IMAGES)
	tools/run $(BUILD)/images/ls.cpio
	tools/run $(BUILD)/images/hello.cpio

boot-test: kernel $(TEST_IMAGES)
	@tools/test-boot

test: setup kernel $(HOSTTESTS) $(TEST_IMAGES) $(NETTEST_DEPS)
	@tools/run-tests $(HOSTTESTS) tools/test-boot $(PROGTESTS) tools/test-linked \
		kernel/libc/musl/src/glibc/tests/run $(COMPATTESTS) $(NETTESTS)

bench-boot: setup kernel
	@tools/bench-boot

# getppid through the raw syscall instruction: host, keel and a stock Debian
# Linux guest on the same QEMU, side by side; then boot-to-main of a hello.
BENCH_PROGS := $(BUILD)/bench/getppid $(BUILD)/bench/hello
$(BENCH_PROGS): $(BUILD)/bench/%: tools/bench/%.c
	@mkdir -p $(@D)
	$(CC) -static -O2 -g -Wall -Wextra -Werror -o $@ $<
.PHONY: bench-syscall
bench-syscall: setup kernel build/tools/mkimage $(BENCH_PROGS)
	@tools/bench-syscall --no-make
# five libc calls in linked mode vs interp mode vs the host (musl-gcc builds the program)
.PHONY: bench-linked
bench-linked: setup kernel build/tools/mkimage
	@tools/bench-linked --no-make

clean:
	rm -rf $(BUILD)
