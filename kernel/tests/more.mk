# kernel/tests/more.mk - host unit tests for the page tables, vsnprintf, the
# string functions and the command-line parser.
#
# Included by the top Makefile, which defines HOSTTEST_CFLAGS and runs every
# binary listed in HOSTTESTS.
#
# string.c and printf.c define memset, strlen, snprintf and friends under
# their standard names, as the kernel must (GCC emits calls to mem* on its
# own). Linked into a host program under those names they would replace
# libc's for the whole process (the executable's definitions win), bypass
# ASan's interceptors, and leave the tests no reference to compare against.
# So those two files, and cmdline.c that calls them, are compiled here as
# objects with every clashing name renamed to k_NAME by -D (KLIB_RENAME);
# the kernel sources stay as they are. The tests include klib.h under the
# same renames to get the k_ prototypes. pgtable.c calls none of these and
# is built directly.

HOSTTESTS += build/host/test_pgtable build/host/test_printf build/host/test_string \
	build/host/test_cmdline

KLIB_RENAME := $(foreach f,memset memcpy memmove memcmp strlen strnlen strcmp strncmp \
	strchr strlcpy vsnprintf snprintf,-D$(f)=k_$(f))
KLIB_HOST_OBJS := build/host/klib/string.o build/host/klib/printf.o build/host/klib/cmdline.o

$(KLIB_HOST_OBJS): build/host/klib/%.o: kernel/%.c kernel/klib.h kernel/cmdline.h \
		kernel/tests/more.mk
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) $(KLIB_RENAME) -c -o $@ $<

build/host/test_pgtable: kernel/tests/test_pgtable.c kernel/pgtable.c kernel/mm.h kernel/klib.h \
		kernel/tests/hosttest.h
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -o $@ $(filter %.c,$^)

build/host/test_printf: kernel/tests/test_printf.c build/host/klib/printf.o \
		build/host/klib/string.o kernel/tests/hosttest.h
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -o $@ $(filter %.c %.o,$^)

build/host/test_string: kernel/tests/test_string.c build/host/klib/string.o kernel/tests/hosttest.h
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -o $@ $(filter %.c %.o,$^)

build/host/test_cmdline: kernel/tests/test_cmdline.c build/host/klib/cmdline.o \
		build/host/klib/string.o kernel/tests/hosttest.h
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -o $@ $(filter %.c %.o,$^)
