/* symlink stores the target string as given (it need not exist);
 * readlink returns it without a terminating NUL, truncated to the buffer;
 * readlink of a non-link is EINVAL, of a missing name ENOENT; a buffer
 * size of 0 is EINVAL (the raw call: musl's readlink() answers that case
 * itself); symlink over an existing name is EEXIST. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

int main(void)
{
	compat_tmpdir();
	close(open("file", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("file", "l1"));
	CHECK_OK(symlink("../some/where/else", "l2"));
	CHECK_OK(symlink("/absolute/target", "l3"));
	char buf[64];
	memset(buf, '#', sizeof buf);
	ssize_t n = readlink("l1", buf, sizeof buf);
	printf("l1: %zd \"%.*s\", byte after: %c\n", n, (int)n, buf, buf[n]);
	n = readlink("l2", buf, sizeof buf);
	printf("l2: %zd \"%.*s\"\n", n, (int)n, buf);
	n = readlink("l3", buf, sizeof buf);
	printf("l3: %zd \"%.*s\"\n", n, (int)n, buf);
	memset(buf, '#', sizeof buf);
	n = readlink("l2", buf, 5);
	printf("l2 into 5 bytes: %zd \"%.*s\", byte after: %c\n", n, (int)n, buf, buf[5]);
	CHECK_ERR(readlink("file", buf, sizeof buf), EINVAL);
	CHECK_ERR(readlink(".", buf, sizeof buf), EINVAL);
	CHECK_ERR(readlink("missing", buf, sizeof buf), ENOENT);
	CHECK_ERR(syscall(SYS_readlink, "l1", buf, 0), EINVAL);
	CHECK_ERR(readlink("l1", (char *)1, 10), EFAULT);
	CHECK_ERR(symlink("x", "l1"), EEXIST);
	CHECK_ERR(symlink("x", "file"), EEXIST);
	CHECK_ERR(symlink("x", "missing/l"), ENOENT);
	CHECK_ERR(symlink("", "empty"), ENOENT);
	struct stat st;
	CHECK_OK(lstat("l2", &st));
	printf("lstat l2: symlink %d size %lld\n", S_ISLNK(st.st_mode), (long long)st.st_size);
	int d = open(".", O_RDONLY | O_DIRECTORY);
	n = readlinkat(d, "l1", buf, sizeof buf);
	printf("readlinkat: %zd\n", n);
	return compat_done();
}
