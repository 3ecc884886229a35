/*
 * glibcprog.c - a program built with the host's gcc against glibc
 * (tools/test-linked runs it with --mode=linked: its libc imports bound to
 * the kernel's musl). It uses what glibc programs rely on: getopt_long
 * with optind/optarg (COPY relocations musl must share), environ (another
 * COPY) next to getenv/setenv, errno and strerror, stdio to stdout and
 * stderr, qsort, strtol, snprintf of doubles, gmtime/strftime.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern char **environ;

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "verbose", no_argument, 0, 'v' },
		{ "count", required_argument, 0, 'c' },
		{ 0, 0, 0, 0 },
	};
	int c, verbose = 0;
	long count = 0;

	while ((c = getopt_long(argc, argv, "vc:", opts, NULL)) != -1) {
		if (c == 'v')
			verbose++;
		else if (c == 'c')
			count = strtol(optarg, NULL, 10);
	}
	printf("verbose %d, count %ld, optind %d, operands:", verbose, count, optind);
	for (int i = optind; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");

	int nenv = 0;
	for (char **e = environ; *e; e++)
		nenv++;
	setenv("KEEL_GLIBC_TEST", "set", 1);
	int seen = 0;
	for (char **e = environ; *e; e++)
		seen |= !strcmp(*e, "KEEL_GLIBC_TEST=set");
	printf("environ: %d entries before setenv, new one visible through environ: %s, getenv: %s\n",
	       nenv, seen ? "yes" : "no", getenv("KEEL_GLIBC_TEST"));

	FILE *f = fopen("/nonexistent/file", "r");
	printf("fopen: %s, errno %d (%s)\n", f ? "opened" : "NULL", errno, strerror(errno));

	int v[] = { 42, 7, 19, 3, 88, 1 };
	qsort(v, 6, sizeof(v[0]), cmp);
	printf("sorted: %d %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4], v[5]);

	char buf[64];
	snprintf(buf, sizeof buf, "%.3f %e %g", 3.14159265, 6.02e23, 1e-5);
	printf("doubles: %s\n", buf);
	time_t t = 1700000000;
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", gmtime(&t));
	printf("gmtime: %s\n", buf);
	fprintf(stderr, "to stderr\n");
	return verbose + 2;
}
