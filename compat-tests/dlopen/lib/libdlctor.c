/*
 * libdlctor.c - a library whose constructors print, to show when they
 * run; they have priorities, so they run in a known order (101 first).
 */
#include <stdio.h>

int ctor_runs;

__attribute__((constructor(102))) static void second(void)
{
	ctor_runs++;
	printf("  libdlctor: constructor 102\n");
	fflush(stdout);
}

__attribute__((constructor(101))) static void first(void)
{
	ctor_runs++;
	printf("  libdlctor: constructor 101\n");
	fflush(stdout);
}
