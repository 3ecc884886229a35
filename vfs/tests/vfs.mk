# vfs/tests/vfs.mk - host unit tests for vfs/ (ramfs, path walk, cpio, fd
# table, pipes, the file system calls).
#
# Included by the top Makefile, which defines HOSTTEST_CFLAGS and runs every
# binary listed in HOSTTESTS. Each test links every vfs/*.c file unchanged
# with vfs/tests/vfs_host.c, which stands in for the kernel services
# (heap, mutexes, wait queues, user copies, clock, console), and
# vfs/tests/procfs_host.c for the ones /proc reads (process, threads, VMAs).

VFS_TEST_NAMES := ramfs path cpio fd pipe sys procfs
VFS_TEST_BINS := $(VFS_TEST_NAMES:%=build/host/test_vfs_%)
VFS_TEST_SRCS := $(wildcard vfs/*.c) vfs/tests/vfs_host.c vfs/tests/procfs_host.c
VFS_TEST_DEPS := $(VFS_TEST_SRCS) $(wildcard vfs/*.h) vfs/tests/vfstest.h kernel/tests/hosttest.h

HOSTTESTS += $(VFS_TEST_BINS)

$(VFS_TEST_BINS): build/host/test_vfs_%: vfs/tests/test_%.c $(VFS_TEST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -Ivfs -Ivfs/tests -Ikernel/tests -o $@ $< $(VFS_TEST_SRCS)
