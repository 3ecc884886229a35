# vfs/tests/poll.mk - host unit tests for poll/select (vfs/poll.c), epoll,
# eventfd and timerfd. Include it after vfs/tests/vfs.mk: it links the
# same way (every vfs/*.c file unchanged with vfs/tests/vfs_host.c, whose
# wait-queue callback entries are real and whose timers tests fire by hand).

POLL_TEST_BINS := build/host/test_vfs_epoll

HOSTTESTS += $(POLL_TEST_BINS)

$(POLL_TEST_BINS): build/host/test_vfs_%: vfs/tests/test_%.c $(VFS_TEST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -Ivfs -Ivfs/tests -Ikernel/tests -o $@ $< $(VFS_TEST_SRCS)
