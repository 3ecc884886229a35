# kernel/libc/libc.mk - the kernel's libc: musl (Debian's source package,
# fetched and verified by tools/fetch-musl) compiled into the kernel with
# keel's direct system-call layer. Included by the top-level Makefile.
#
#   build/src/musl-$(MUSL_VERSION)   the unpacked, verified source tree
#   build/musl/libc.o                musl as one object, symbols __musl_*
#                                    (kernel/libc/musl.mk, a sub-make: its
#                                    file list comes from the fetched tree)
#   build/musl/exports.list          musl's public names, for linked mode
#
# The kernel side of it -- the direct system calls (direct.c) and the
# boot self-test (selftest.c) -- is kernel code built with the kernel's
# rules; the self-test alone may use vector registers, as musl does
# (it calls musl with doubles). kernel/libc/README.md has the design.
MUSL_VERSION := 1.2.3
MUSL_DIR := $(BUILD)/src/musl-$(MUSL_VERSION)
MUSL_STAMP := $(MUSL_DIR)/.keel-verified
MUSL_OUT := $(BUILD)/musl
MUSL_LIBC := $(MUSL_OUT)/libc.o

# A new pin in the fetch script (or a new fetcher) verifies the tree again.
$(MUSL_STAMP): tools/fetch-musl tools/fetch-debsrc
	@echo "  FETCH   musl $(MUSL_VERSION) (apt-get source)"
	$(Q)rm -f $@
	$(Q)tools/fetch-musl $(BUILD)/src

# Always asks the sub-make, which does nothing when musl is up to date
# (then libc.o keeps its time and nothing relinks).
.PHONY: musl-libc-force
$(MUSL_LIBC): $(MUSL_STAMP) musl-libc-force
	+$(Q)$(MAKE) --no-print-directory -f kernel/libc/musl.mk BUILD=$(BUILD) \
		MUSL=$(MUSL_DIR) OUT=$(MUSL_OUT) CC=$(CC) Q=$(Q) build

LIBC_KOBJS := $(BUILD)/obj/kernel/libc/direct.c.o $(BUILD)/obj/kernel/libc/selftest.c.o
$(BUILD)/obj/kernel/libc/selftest.c.o: kernel/libc/selftest.c $(BUILD)/uapi/.stamp
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(filter-out -mgeneral-regs-only,$(KCFLAGS)) -c $< -o $@

KOBJS += $(LIBC_KOBJS) $(MUSL_LIBC)
