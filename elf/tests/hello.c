/*
 * hello.c - the small program elf/tests/elf.mk builds as a glibc static,
 * glibc static-pie and (when musl-gcc exists) musl dynamic and static
 * executable, so test_parse.c has each kind of real binary to check. The
 * thread-local variable makes sure every variant has a PT_TLS.
 */
#include <stdio.h>

/* Not static, and written, so the compiler cannot fold it into a constant. */
__thread int greeting_count = 1;

int main(void)
{
	greeting_count++;
	printf("hello from keel's ELF tests (%d)\n", greeting_count);
	return 0;
}
