/*
 * proc_self_exe.c - readlink("/proc/self/exe") gives an absolute path
 * ending in the program's file name (argv[0]'s last component), without
 * a terminating NUL; a buffer too small gets a truncated name and the
 * full buffer length; readlink of a non-link fails with EINVAL.
 */
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

int main(int argc, char **argv)
{
	(void)argc;
	char buf[PATH_MAX + 1];
	memset(buf, 'z', sizeof buf);
	ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX);
	CHECK(n > 0, "readlink");
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	size_t bl = strlen(base);
	printf("absolute: %s\n", n > 0 && buf[0] == '/' ? "yes" : "no");
	printf("no NUL written: %s\n", n > 0 && buf[n] == 'z' ? "yes" : "no");
	buf[n > 0 ? n : 0] = 0;
	printf("ends with /%s: %s\n", base,
	       (size_t)n > bl && buf[n - bl - 1] == '/' && strcmp(buf + n - bl, base) == 0 ? "yes" : "no");

	char small[4];
	printf("4-byte buffer: %zd\n", readlink("/proc/self/exe", small, sizeof small));
	printf("truncated prefix: %s\n", memcmp(small, buf, 4) == 0 ? "yes" : "no");
	CHECK_ERR(readlink("/proc/self/status", buf, sizeof buf), EINVAL);
	return compat_done();
}
