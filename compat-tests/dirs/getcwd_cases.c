/* getcwd: the absolute path of the current folder (printed relative to
 * the case's working folder); a buffer too small is ERANGE; a zero size
 * with a buffer is EINVAL; getcwd(NULL, 0) allocates. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <stdlib.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	char buf[4096];
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	printf("at the start: %s\n", strcmp(buf, compat_tmp) == 0 ? "the working folder" : buf);
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("a/b", 0755));
	CHECK_OK(chdir("a/b"));
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	size_t len = strlen(compat_tmp);
	printf("in a/b: %s\n", strncmp(buf, compat_tmp, len) == 0 ? buf + len : buf);
	char small[8];
	errno = 0;
	CHECK(getcwd(small, sizeof small) == NULL && errno == ERANGE, "a small buffer: ERANGE");
	errno = 0;
	CHECK(getcwd(buf, 0) == NULL && errno == EINVAL, "size 0: EINVAL");
	char *p = getcwd(NULL, 0);
	CHECK(p != NULL, "getcwd(NULL, 0)");
	printf("allocated: %s\n", p && strncmp(p, compat_tmp, len) == 0 ? p + len : "?");
	free(p);
	CHECK_OK(chdir("/"));
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd in /");
	printf("in /: %s\n", buf);
	return compat_done();
}
