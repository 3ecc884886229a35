/*
 * proc_self_environ.c - /proc/self/environ holds the initial environment:
 * the strings of environ, each followed by a NUL, in order; the
 * environment has the variable the case set.
 */
// compat: env COMPAT_MARK=environ-case
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

extern char **environ;

int main(void)
{
	static char buf[65536];
	int fd = open("/proc/self/environ", O_RDONLY);
	CHECK_OK(fd);
	size_t len = 0;
	ssize_t n;
	while ((n = read(fd, buf + len, sizeof buf - len)) > 0)
		len += n;
	close(fd);

	int count = 0, same = 1;
	size_t off = 0;
	for (char **e = environ; *e; e++, count++) {
		if (off >= len || strcmp(buf + off, *e) != 0)
			same = 0;
		off += strlen(*e) + 1;
	}
	printf("entries match environ, in order: %s\n", same ? "yes" : "no");
	printf("no more after them: %s\n", off == len ? "yes" : "no");
	const char *m = getenv("COMPAT_MARK");
	printf("COMPAT_MARK=%s\n", m ? m : "(unset)");
	return compat_done();
}
