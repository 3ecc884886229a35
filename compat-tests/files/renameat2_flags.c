/* renameat2: RENAME_NOREPLACE fails with EEXIST when the new name exists
 * and renames otherwise; RENAME_EXCHANGE swaps two names (ENOENT if one
 * is missing); both together, or an unknown flag, is EINVAL. The raw
 * system call (musl has no wrapper). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

/* linux/fs.h is not on musl-gcc's include path; the values are the ABI */
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

static long ren2(const char *a, const char *b, unsigned flags)
{
	return syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags);
}

static void show(const char *p)
{
	char buf[8] = {0};
	int fd = open(p, O_RDONLY);
	if (fd < 0) {
		printf("%s: %s\n", p, errno_name(errno));
		return;
	}
	if (read(fd, buf, sizeof buf - 1) < 0)
		printf("%s: read failed\n", p);
	else
		printf("%s: %s\n", p, buf);
	close(fd);
}

static void make(const char *p, const char *s)
{
	int fd = open(p, O_CREAT | O_WRONLY, 0644);
	CHECK(write(fd, s, strlen(s)) == (ssize_t)strlen(s), "write");
	close(fd);
}

int main(void)
{
	compat_tmpdir();
	make("a", "A");
	make("b", "B");
	CHECK_ERR(ren2("a", "b", RENAME_NOREPLACE), EEXIST);
	show("a");
	show("b");
	CHECK_OK(ren2("a", "c", RENAME_NOREPLACE));
	show("a");
	show("c");
	CHECK_OK(ren2("b", "c", RENAME_EXCHANGE));
	show("b");
	show("c");
	CHECK_OK(mkdir("d", 0755));
	CHECK_OK(ren2("b", "d", RENAME_EXCHANGE));
	struct stat st;
	CHECK_OK(stat("b", &st));
	printf("after exchanging a file and a folder: b is a %s\n", S_ISDIR(st.st_mode) ? "folder" : "file");
	show("d");
	CHECK_ERR(ren2("c", "missing", RENAME_EXCHANGE), ENOENT);
	CHECK_ERR(ren2("c", "x", RENAME_NOREPLACE | RENAME_EXCHANGE), EINVAL);
	CHECK_ERR(ren2("c", "x", 0x80), EINVAL);
	CHECK_OK(ren2("c", "e", 0));
	show("e");
	return compat_done();
}
