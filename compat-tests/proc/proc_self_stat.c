/*
 * proc_self_stat.c - /proc/self/stat: field 1 is the pid, field 2 the
 * name in parentheses (as in status "Name:"), field 3 the state R, field
 * 20 the thread count 1; /proc/self/comm holds the same name plus a
 * newline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

int main(int argc, char **argv)
{
	(void)argc;
	char buf[1024] = "", comm[64] = "", name[16];
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	snprintf(name, sizeof name, "%s", base);

	FILE *f = fopen("/proc/self/stat", "r");
	CHECK(f && fgets(buf, sizeof buf, f), "read stat");
	if (f)
		fclose(f);
	char *open = strchr(buf, '('), *close = strrchr(buf, ')');
	CHECK(open && close && close > open, "parentheses");
	if (!open || !close)
		return compat_done();
	printf("pid field == getpid: %s\n", atoi(buf) == getpid() ? "yes" : "no");
	*close = 0;
	printf("name field == file name (15 bytes): %s\n", strcmp(open + 1, name) == 0 ? "yes" : "no");
	char *rest = close + 2;
	printf("state: %c\n", rest[0]);
	/* rest starts at field 3; field 20 is 17 fields further */
	char *tok = strtok(rest, " ");
	for (int i = 3; i < 20 && tok; i++)
		tok = strtok(NULL, " ");
	printf("num_threads: %s\n", tok ? tok : "?");

	f = fopen("/proc/self/comm", "r");
	CHECK(f && fgets(comm, sizeof comm, f), "read comm");
	if (f)
		fclose(f);
	size_t l = strlen(comm);
	printf("comm ends with newline: %s\n", l && comm[l - 1] == '\n' ? "yes" : "no");
	if (l)
		comm[l - 1] = 0;
	printf("comm == name: %s\n", strcmp(comm, name) == 0 ? "yes" : "no");
	return compat_done();
}
