/* libconly.c - pure libc work (stdio, string, malloc, qsort, strtod):
 * in linked mode every call is a function call, and not one traps. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int main(int argc, char **argv)
{
	char buf[256], *words[8], *save;
	int v[64], n = 0;
	snprintf(buf, sizeof(buf), "%s %d %.3f %x %-5s|", argv[0] ? "prog" : "?", argc, 2.5 / 3, 48879, "ab");
	printf("format: %s\n", buf);
	strcpy(buf, "the quick brown fox jumps");
	for (char *w = strtok_r(buf, " ", &save); w && n < 8; w = strtok_r(NULL, " ", &save))
		words[n++] = w;
	printf("words: %d, last %s, strlen %zu, strstr %s\n", n, words[n - 1], strlen(words[1]),
	       strstr("haystack-needle", "needle"));
	for (int i = 0; i < 64; i++)
		v[i] = (i * 7919) % 101;
	qsort(v, 64, sizeof(int), cmp);
	printf("sorted: %d %d %d\n", v[0], v[32], v[63]);
	long total = 0;
	for (size_t sz = 1; sz <= (1u << 22); sz *= 3) {
		char *p = malloc(sz);
		memset(p, (int)(sz & 0xff), sz);
		total += p[sz - 1];
		p = realloc(p, sz * 2);
		free(p);
	}
	printf("malloc: %ld\n", total);
	printf("strtod: %g %g\n", strtod("1e-3", NULL), strtod("0x1p4", NULL));
	fputs("done\n", stdout);
	return 0;
}
