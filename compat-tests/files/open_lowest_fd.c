/* open, dup and pipe return the lowest free descriptor number. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int a = open("f", O_CREAT | O_RDWR, 0644);
	int b = open("f", O_RDONLY);
	int c = open("f", O_RDONLY);
	printf("three opens: %d %d %d\n", a, b, c);
	close(b);
	int d = open("f", O_RDONLY);
	printf("after closing the middle one: %d\n", d);
	close(a);
	int e = dup(c);
	printf("dup takes the lowest: %d\n", e);
	close(d);
	int p[2];
	CHECK_OK(pipe(p));
	printf("pipe: %d %d\n", p[0], p[1]);
	close(0);
	int z = open("f", O_RDONLY);
	printf("after closing 0: %d\n", z);
	return compat_done();
}
