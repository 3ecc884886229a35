/*
 * hello.c - the smallest demo program: prints its arguments and one
 * environment variable, so a run shows argv/envp arriving intact.
 * Built three ways by the Makefile (glibc PIE, musl PIE, static-pie).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	printf("hello from keel: %d argument%s, pid > 0: %s\n", argc, argc == 1 ? "" : "s",
	       getpid() > 0 ? "yes" : "no");
	for (int i = 0; i < argc; i++)
		printf("argv[%d] = %s\n", i, argv[i]);
	const char *greeting = getenv("GREETING");
	printf("GREETING=%s\n", greeting ? greeting : "(unset)");
	return 0;
}
