/*
 * crash.c - a program that crashes on purpose (a store through a NULL
 * pointer two calls deep), to show keel's crash report: registers, a
 * backtrace with FILE+0xOFFSET per frame, and exit status 139 (SIGSEGV).
 * Built with frame pointers so the backtrace has every frame.
 */
#include <stdio.h>

__attribute__((noinline)) static void store(volatile int *p, int v)
{
	*p = v;
}

__attribute__((noinline)) static void deeper(volatile int *p)
{
	store(p, 42);
	printf("not reached\n");
}

int main(int argc, char **argv)
{
	(void)argv;
	printf("about to crash\n");
	fflush(stdout);
	deeper(argc > 100 ? (volatile int *)&argc : NULL);
	return 0;
}
