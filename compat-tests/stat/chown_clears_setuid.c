/* chown of a file clears its setuid bit, and its setgid bit when group
 * execute is set (inode_change_ok / chown(2) "when the owner or group of
 * an executable file is changed by an unprivileged user..." -- Linux
 * does it for root too on regular files). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static unsigned mode(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? st.st_mode & 07777 : 0xffff;
}

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0755));
	CHECK_OK(chmod("f", 06755));
	printf("before: %04o\n", mode("f"));
	CHECK_OK(chown("f", 1, 1));
	printf("after chown: %04o\n", mode("f"));
	CHECK_OK(chmod("f", 06745));
	CHECK_OK(chown("f", 2, 2));
	printf("setgid without group x, after chown: %04o\n", mode("f"));
	return compat_done();
}
