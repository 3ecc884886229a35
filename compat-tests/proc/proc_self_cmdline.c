/*
 * proc_self_cmdline.c - /proc/self/cmdline holds argv: each argument
 * followed by a NUL byte, nothing else.
 */
// compat: args alpha beta-gamma 42 x
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

int main(int argc, char **argv)
{
	char buf[8192];
	int fd = open("/proc/self/cmdline", O_RDONLY);
	CHECK_OK(fd);
	size_t len = 0;
	ssize_t n;
	while ((n = read(fd, buf + len, sizeof buf - len)) > 0)
		len += n;
	close(fd);

	size_t want = 0;
	for (int i = 0; i < argc; i++)
		want += strlen(argv[i]) + 1;
	printf("argc %d, length == sum of argv + NULs: %s\n", argc, len == want ? "yes" : "no");
	printf("ends with NUL: %s\n", len && buf[len - 1] == 0 ? "yes" : "no");
	size_t off = 0;
	for (int i = 0; i < argc && off < len; i++) {
		int same = strcmp(buf + off, argv[i]) == 0;
		if (i == 0)
			printf("arg 0 == argv[0]: %s\n", same ? "yes" : "no");
		else
			printf("arg %d: \"%s\" == argv: %s\n", i, buf + off, same ? "yes" : "no");
		off += strlen(buf + off) + 1;
	}
	return compat_done();
}
