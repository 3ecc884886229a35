/*
 * origin.c - a program that finds its shared library (libtlsdep.so) through
 * DT_RUNPATH '$ORIGIN', as relocatable packages do: the dynamic linker
 * expands $ORIGIN to the program's directory, which glibc and musl learn
 * from readlink("/proc/self/exe"). Also checks that link itself: it must
 * name the running program (argv[0] is absolute in both runs).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "libtlsdep.h"

int main(int argc, char **argv)
{
	(void)argc;
	printf("library loaded through $ORIGIN: dep_get() = %d\n", dep_get());
	CHECK(dep_get() == 1234, "dep_get");

	char exe[PATH_MAX + 1], real[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, PATH_MAX);
	CHECK(n > 0, "readlink /proc/self/exe");
	if (n > 0) {
		exe[n] = 0;
		int same = realpath(argv[0], real) && strcmp(real, exe) == 0;
		printf("/proc/self/exe names the program: %s\n", same ? "yes" : "no");
		CHECK(same, "/proc/self/exe");
	}
	return check_done();
}
