/* mkdir's mode: the permission bits minus the umask, and the sticky bit
 * kept; a new folder is empty and owned by the caller. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <sys/stat.h>

static void show(const char *p)
{
	struct stat st;
	CHECK_OK(stat(p, &st));
	printf("%-6s %04o uid %u gid %u\n", p, st.st_mode & 07777, st.st_uid, st.st_gid);
}

int main(void)
{
	compat_tmpdir();
	umask(022);
	CHECK_OK(mkdir("m777", 0777));
	CHECK_OK(mkdir("m700", 0700));
	CHECK_OK(mkdir("m1777", 01777));
	CHECK_OK(mkdir("m000", 0));
	show("m777");
	show("m700");
	show("m1777");
	show("m000");
	printf("uid %u gid %u\n", getuid(), getgid());
	return compat_done();
}
