/* access as root: R_OK and W_OK succeed whatever the mode bits; X_OK
 * needs at least one x bit on a file (EACCES otherwise) and always
 * succeeds on a folder; F_OK only checks existence; a bad mode is EINVAL;
 * a missing name ENOENT. Assumes uid 0, as keel's program is. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void try(const char *p, int mode, const char *m)
{
	printf("%-6s %-4s %s\n", p, m, access(p, mode) == 0 ? "ok" : errno_name(errno));
}

int main(void)
{
	compat_tmpdir();
	printf("euid %u\n", geteuid());
	close(open("m000", O_CREAT | O_WRONLY, 0));
	close(open("m644", O_CREAT | O_WRONLY, 0644));
	close(open("m100", O_CREAT | O_WRONLY, 0100));
	close(open("m001", O_CREAT | O_WRONLY, 0001));
	CHECK_OK(chmod("m000", 0));
	CHECK_OK(chmod("m001", 01));
	CHECK_OK(mkdir("d000", 0));
	const char *names[] = {"m000", "m644", "m100", "m001", "d000"};
	for (int i = 0; i < 5; i++) {
		try(names[i], F_OK, "F_OK");
		try(names[i], R_OK | W_OK, "RW");
		try(names[i], X_OK, "X_OK");
	}
	CHECK_ERR(access("m644", 0x10), EINVAL);
	CHECK_ERR(access("missing", F_OK), ENOENT);
	CHECK_ERR(access("m644/x", F_OK), ENOTDIR);
	int fd = open("m000", O_RDWR);
	CHECK(fd >= 0, "root opens a mode-000 file read-write");
	return compat_done();
}
