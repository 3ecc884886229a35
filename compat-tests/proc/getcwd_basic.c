/*
 * getcwd_basic.c - getcwd(3)/(2): an absolute path; after chdir("/tmp")
 * exactly "/tmp", after chdir("/") "/"; a buffer one byte too small
 * fails with ERANGE and size 0 with a buffer fails with EINVAL; the raw
 * call returns the length including the NUL.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	char buf[4096];
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	printf("absolute: %s\n", buf[0] == '/' ? "yes" : "no");

	CHECK_OK(chdir("/tmp"));
	CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd");
	printf("after chdir /tmp: %s\n", buf);
	printf("raw call: %ld\n", syscall(SYS_getcwd, buf, sizeof buf));
	errno = 0;
	char small[4];
	CHECK(getcwd(small, 4) == NULL && errno == ERANGE, "4 bytes for /tmp");
	CHECK(getcwd(small, 5) != NULL, "5 bytes for /tmp");
	CHECK_ERR(syscall(SYS_getcwd, small, 4), ERANGE);
	errno = 0;
	CHECK(getcwd(buf, 0) == NULL && errno == EINVAL, "size 0");

	CHECK_OK(chdir("/"));
	char *dyn = getcwd(NULL, 0);
	printf("after chdir /: %s\n", dyn ? dyn : "(null)");
	free(dyn);
	CHECK_ERR(chdir("/no/such/dir"), ENOENT);
	CHECK(getcwd(buf, sizeof buf) && strcmp(buf, "/") == 0, "unchanged by a failed chdir");
	return compat_done();
}
