/* libdldtor.c - a library whose destructor prints, to show when it runs. */
#include <stdio.h>

int dtor_marker = 1;

__attribute__((destructor)) static void last(void)
{
	printf("  libdldtor: destructor\n");
	fflush(stdout);
}
