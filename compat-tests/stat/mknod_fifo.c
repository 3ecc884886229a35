/* mkfifo and mknod(S_IFIFO) make FIFOs, mknod(S_IFREG) and mknod with
 * type 0 make regular files, mknod(S_IFDIR) is EPERM, an unknown type
 * EINVAL; an existing name EEXIST. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <sys/stat.h>
#include <sys/sysmacros.h>

static void show(const char *p)
{
	struct stat st;
	if (lstat(p, &st) != 0) {
		printf("%-6s %s\n", p, errno_name(errno));
		return;
	}
	printf("%-6s fifo %d reg %d mode %04o size %lld\n", p, S_ISFIFO(st.st_mode),
	       S_ISREG(st.st_mode), st.st_mode & 07777, (long long)st.st_size);
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkfifo("fifo1", 0640));
	CHECK_OK(mknod("fifo2", S_IFIFO | 0600, 0));
	CHECK_OK(mknod("reg1", S_IFREG | 0644, 0));
	CHECK_OK(mknod("reg2", 0644, 0));
	show("fifo1");
	show("fifo2");
	show("reg1");
	show("reg2");
	CHECK_ERR(mknod("dir", S_IFDIR | 0755, 0), EPERM);
	CHECK_ERR(mknod("bad", 0170000 | 0644, 0), EINVAL);
	CHECK_ERR(mkfifo("fifo1", 0644), EEXIST);
	CHECK_ERR(mknod("reg1", S_IFREG | 0644, 0), EEXIST);
	return compat_done();
}
