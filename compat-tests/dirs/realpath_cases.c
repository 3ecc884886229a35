/* realpath resolves ".", "..", repeated slashes and symlinks to an
 * absolute path (printed relative to the working folder); a missing
 * component is ENOENT; a file in the middle ENOTDIR. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

static void try(const char *p)
{
	char buf[PATH_MAX];
	size_t len = strlen(compat_tmp);
	errno = 0;
	if (realpath(p, buf))
		printf("%-18s <tmp>%s\n", p, strncmp(buf, compat_tmp, len) == 0 ? buf + len : buf);
	else
		printf("%-18s %s\n", p, errno_name(errno));
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("a/b", 0755));
	close(open("a/b/f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("a/b", "lb"));
	CHECK_OK(symlink("../b/f", "a/b/lf"));
	try("a//b/./f");
	try("a/b/../b/f");
	try("lb/f");
	try("lb/lf");
	try("lb/..");
	try("a/missing");
	try("a/b/f/x");
	try(".");
	return compat_done();
}
