# kernel/libc/musl.mk - compile musl (Debian's source package, unpacked by
# tools/fetch-musl) into one relocatable object for the kernel, every
# symbol it defines renamed NAME -> __musl_NAME.
#
# Run by kernel/libc/libc.mk as a sub-make once the tree is unpacked (its
# file list comes from wildcards over the tree, which a makefile parsed
# before the fetch could not see). Goal: build, making
#
#   $(OUT)/libc.o        what the kernel links: musl, renamed
#   $(OUT)/exports.list  the public names (default visibility), one per
#                        line, for the linker that binds programs to them
#
# What is built is musl's own libc.a recipe (its Makefile: src/*/*.c,
# src/malloc/mallocng, the x86_64 files replacing generic ones) minus
# src/ldso (keel's ELF linker provides dlopen & co.), never crt/ or ldso/
# (keel's linker starts programs), with keel's replacements from
# kernel/libc/musl/src for the few files that would trap. kernel/libc/README.md
# says why each is left out or replaced.
MUSL ?= $(BUILD)/src/musl-$(MUSL_VERSION)
OUT ?= $(BUILD)/musl
KEEL_MUSL := kernel/libc/musl
Q ?= @

.DELETE_ON_ERROR:
.PHONY: build
build: $(OUT)/libc.o $(OUT)/exports.list
	@:

# --- the file list, as musl's Makefile computes it, then keel's changes ---
SRC_DIRS := $(filter-out src/ldso src/include,$(patsubst $(MUSL)/%,%,$(wildcard $(MUSL)/src/*))) \
	src/malloc/mallocng
BASE_SRCS := $(sort $(patsubst $(MUSL)/%,%,$(wildcard $(addprefix $(MUSL)/,$(addsuffix /*.c,$(SRC_DIRS))))))
ARCH_SRCS := $(sort $(patsubst $(MUSL)/%,%,$(wildcard $(addprefix $(MUSL)/,$(addsuffix /x86_64/*.[csS],$(SRC_DIRS))))))
# x86_64 files that make the system call with the `syscall` instruction
# where a direct call does as well: the generic C file is used instead
# (vfork: keel has none, the generic one calls fork, -ENOSYS) or keel's own.
DROPPED := src/process/x86_64/vfork.s src/thread/x86_64/syscall_cp.s \
	src/thread/x86_64/__set_thread_area.s src/thread/x86_64/__unmapself.s
# keel's own files, named like the musl file they replace (kernel/libc/musl/src/...)
KEEL_SRCS := $(sort $(patsubst $(KEEL_MUSL)/%,%,$(wildcard $(KEEL_MUSL)/src/*/*.c)))
ARCH_SRCS := $(filter-out $(DROPPED),$(ARCH_SRCS))
stem = $(basename $(subst /x86_64/,/,$(1)))
REPLACED := $(call stem,$(ARCH_SRCS)) $(call stem,$(KEEL_SRCS))
BASE_SRCS := $(filter-out $(addsuffix .c,$(REPLACED)),$(BASE_SRCS))
ARCH_SRCS := $(filter-out $(addsuffix .c,$(call stem,$(KEEL_SRCS))),$(ARCH_SRCS))

OBJS := $(patsubst %,$(OUT)/obj/%.o,$(basename $(BASE_SRCS) $(ARCH_SRCS))) \
	$(patsubst %,$(OUT)/obj/keel/%.o,$(basename $(KEEL_SRCS)))

# --- generated headers: the same commands as musl's Makefile ---
GENH := $(OUT)/include/bits/alltypes.h $(OUT)/include/bits/syscall.h $(OUT)/src/internal/version.h
$(OUT)/include/bits/alltypes.h: $(MUSL)/arch/x86_64/bits/alltypes.h.in $(MUSL)/include/alltypes.h.in \
		$(MUSL)/tools/mkalltypes.sed
	@mkdir -p $(@D)
	$(Q)sed -f $(MUSL)/tools/mkalltypes.sed $(MUSL)/arch/x86_64/bits/alltypes.h.in \
		$(MUSL)/include/alltypes.h.in > $@
$(OUT)/include/bits/syscall.h: $(MUSL)/arch/x86_64/bits/syscall.h.in
	@mkdir -p $(@D)
	$(Q)cp $< $@
	$(Q)sed -n -e s/__NR_/SYS_/p < $< >> $@
$(OUT)/src/internal/version.h: $(MUSL)/VERSION
	@mkdir -p $(@D)
	$(Q)printf '#define VERSION "%s"\n' "$$(cat $<)" > $@

# --- flags ---
# musl's own (configure's choices for gcc on x86_64), then the kernel's needs:
# no red zone, no stack protector (it would read %fs:0x28). Position
# independent, as musl's own libc.so, so that musl reaches every exported
# variable (environ, optind, stdout, __progname, timezone ...) through a GOT
# slot: a program in linked mode that keeps a COPY of one (every PIE that
# names it) gets the slots pointed at its copy (elf/klibc.c), and then musl
# and the program share one variable, as with a real libc.so. The
# assembler keeps those loads (-mrelax-relocations=no: the static kernel
# link would otherwise turn them into direct addresses). -fno-plt does the
# same for calls to exported functions: a program that brings its own
# malloc (redis's jemalloc) gets musl's calls to malloc, free, realloc ...
# pointed at it, so memory musl hands out (strdup, getline, realpath) is
# the allocator's the program frees it with (elf/linked.c). -fPIC with
# the small model runs anywhere within 2 GiB of its own code, kernel half
# too.
# Vector registers are allowed: musl runs on the calling thread, whose
# extended state keel saves on every switch. Frame pointers are kept for
# the kernel's backtraces. -Os, with -O3 for src/internal, src/malloc and
# src/string, is musl's default optimisation.
MUSL_CFLAGS := -std=c99 -ffreestanding -nostdinc -fexcess-precision=standard -frounding-math \
	-Wa,--noexecstack -D_XOPEN_SOURCE=700 \
	-I$(KEEL_MUSL)/arch -I$(MUSL)/arch/x86_64 -I$(MUSL)/arch/generic -I$(OUT)/src/internal \
	-I$(MUSL)/src/include -I$(MUSL)/src/internal -I$(OUT)/include -I$(MUSL)/include \
	-Os -g -pipe -fno-omit-frame-pointer -fno-unwind-tables -fno-asynchronous-unwind-tables \
	-mcmodel=small -fPIC -fno-plt -Wa,-mrelax-relocations=no -mno-red-zone -fno-stack-protector \
	-fcf-protection=none \
	-Wno-pointer-to-int-cast -Werror=implicit-function-declaration -Werror=implicit-int \
	-Werror=pointer-sign -Werror=pointer-arith -Werror=int-conversion \
	-Werror=incompatible-pointer-types -Werror=discarded-qualifiers \
	-Werror=discarded-array-qualifiers -Waddress -Warray-bounds -Wchar-subscripts \
	-Wduplicate-decl-specifier -Winit-self -Wreturn-type -Wsequence-point -Wstrict-aliasing \
	-Wunused-function -Wunused-label -Wunused-variable -MMD -MP
O3_OBJS := $(filter $(OUT)/obj/src/internal/% $(OUT)/obj/src/string/%,$(OBJS)) \
	$(filter-out $(OUT)/obj/src/malloc/mallocng/%,$(filter $(OUT)/obj/src/malloc/%,$(OBJS)))
$(O3_OBJS): MUSL_CFLAGS += -O3
# gcc cannot see that getcwd(NULL, 0) returns strdup() of its local buffer, not the buffer
$(OUT)/obj/src/unistd/getcwd.o: MUSL_CFLAGS += -Wno-return-local-addr
# musl's: keep gcc from turning memcpy's own loop into a call to memcpy
$(filter %/memcpy.o %/memmove.o %/memcmp.o %/memset.o,$(OBJS)): MUSL_CFLAGS += -fno-tree-loop-distribute-patterns

# every object depends on this file: its flags are the objects' flags
$(OUT)/obj/%.o: $(MUSL)/%.c $(GENH) kernel/libc/musl.mk
	@mkdir -p $(@D)
	@echo "  CC      musl/$*.c"
	$(Q)$(CC) $(MUSL_CFLAGS) -c $< -o $@
$(OUT)/obj/%.o: $(MUSL)/%.s kernel/libc/musl.mk
	@mkdir -p $(@D)
	@echo "  AS      musl/$*.s"
	$(Q)$(CC) $(MUSL_CFLAGS) -c $< -o $@
$(OUT)/obj/%.o: $(MUSL)/%.S kernel/libc/musl.mk
	@mkdir -p $(@D)
	@echo "  AS      musl/$*.S"
	$(Q)$(CC) $(MUSL_CFLAGS) -c $< -o $@
# keel's own are held to -Wall, but for musl's futex macros (pthread_impl.h)
$(OUT)/obj/keel/%.o: $(KEEL_MUSL)/%.c $(GENH) kernel/libc/musl.mk
	@mkdir -p $(@D)
	@echo "  CC      $(KEEL_MUSL)/$*.c"
	$(Q)$(CC) $(MUSL_CFLAGS) -Wall -Werror -Wno-unused-value -c $< -o $@

# --- one object, renamed ---
# ld -r joins the objects; every symbol defined in them (global or weak,
# hidden ones too) gets the prefix, in definitions and references alike,
# so musl's memcpy, printf, errno machinery never meet the kernel's.
# References to what musl does not define keep their names: that is the
# direct system-call entry and the other keel_libc_* hooks
# (kernel/libc/direct.c), and weak references musl leaves empty on
# purpose, and _GLOBAL_OFFSET_TABLE_ (PIC code's, made by the kernel's
# link). Any other undefined symbol stops the build here.
$(OUT)/objs.list: $(OBJS) kernel/libc/musl.mk
	$(Q)printf '%s\n' $(OBJS) > $@
# libgcc, as musl's own libc.so is linked with it: gcc calls __muldc3 and
# friends for complex multiplication (src/complex); only what is needed is
# taken from the archive, and renamed with the rest.
LIBGCC := $(shell $(CC) -print-libgcc-file-name)
$(OUT)/libc-raw.o: $(OUT)/objs.list
	@echo "  LD      $@ ($(words $(OBJS)) objects)"
	$(Q)$(LD) -r -o $@ @$< $(LIBGCC)
$(OUT)/rename.list: $(OUT)/libc-raw.o
	$(Q)$(NM) -g --defined-only $< | awk '{ print $$3, "__musl_" $$3 }' | sort -u > $@
$(OUT)/libc.o: $(OUT)/libc-raw.o $(OUT)/rename.list
	@echo "  RENAME  $@ (__musl_ prefix on $$(wc -l < $(OUT)/rename.list) symbols)"
	$(Q)$(OBJCOPY) --redefine-syms=$(OUT)/rename.list $< $@
	$(Q)undef=$$($(NM) -u $@ | awk '$$1 == "U" { print $$2 }' | grep -v '^keel_libc_\|^_GLOBAL_OFFSET_TABLE_$$' || true); \
	if [ -n "$$undef" ]; then \
		echo "musl.mk: $@ needs symbols nobody defines:" $$undef >&2; rm -f $@; exit 1; \
	fi
# public: global or weak, default or protected visibility (stdio_impl.h makes
# __overflow and __uflow protected in a PIC build; glibc's putc and getc
# macros call them), defined (readelf -W: Num Value Size Type Bind Vis Ndx Name)
$(OUT)/exports.list: $(OUT)/libc-raw.o
	$(Q)$(READELF) -sW $< | awk '$$5 != "LOCAL" && ($$6 == "DEFAULT" || $$6 == "PROTECTED") && \
		$$7 != "UND" && \
		($$4 == "FUNC" || $$4 == "OBJECT" || $$4 == "NOTYPE") && NF == 8 { print $$8 }' | sort -u > $@

LD ?= ld
NM ?= nm
OBJCOPY ?= objcopy
READELF ?= readelf

-include $(OBJS:.o=.d)
