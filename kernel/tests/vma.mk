HOSTTESTS += build/host/test_vma
build/host/test_vma: kernel/tests/test_vma.c kernel/vma.c
	@mkdir -p $(@D)
	$(CC) $(HOSTTEST_CFLAGS) -o $@ $^
