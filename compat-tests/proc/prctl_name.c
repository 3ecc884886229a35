/*
 * prctl_name.c - PR_GET_NAME starts as the program's file name (15 bytes
 * at most); PR_SET_NAME stores at most 15 bytes plus a NUL, cutting a
 * longer name; the name shows in /proc/self/comm.
 */
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include "compat.h"

static void comm(char *out, size_t size)
{
	FILE *f = fopen("/proc/self/comm", "r");
	out[0] = 0;
	if (f && fgets(out, (int)size, f))
		out[strcspn(out, "\n")] = 0;
	if (f)
		fclose(f);
}

int main(int argc, char **argv)
{
	(void)argc;
	char name[32], want[16], c[64];
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	snprintf(want, sizeof want, "%s", base);
	memset(name, 'z', sizeof name);
	CHECK_OK(prctl(PR_GET_NAME, name));
	printf("initial == file name: %s\n", strcmp(name, want) == 0 ? "yes" : "no");

	CHECK_OK(prctl(PR_SET_NAME, "short"));
	CHECK_OK(prctl(PR_GET_NAME, name));
	comm(c, sizeof c);
	printf("set short: %s, comm %s\n", name, c);

	memset(name, 'z', sizeof name);
	CHECK_OK(prctl(PR_SET_NAME, "abcdefghijklmnopqrstuvwxyz"));
	CHECK_OK(prctl(PR_GET_NAME, name));
	comm(c, sizeof c);
	printf("set long: %s (length %zu), byte 16 untouched: %s, comm %s\n", name, strlen(name),
	       name[16] == 'z' ? "yes" : "no", c);
	return compat_done();
}
