/*
 * umask_roundtrip.c - umask(2) returns the previous mask, keeps only the
 * permission bits (0777), and masks the mode of files and directories
 * the program creates.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	umask(022);
	printf("set 077, old: %03o\n", (unsigned)umask(077));
	printf("set 01777, old: %03o\n", (unsigned)umask(01777));
	printf("set 027, old: %03o\n", (unsigned)umask(027));

	char path[64];
	snprintf(path, sizeof path, "/tmp/compat-umask-%d", (int)getpid());
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0666);
	CHECK_OK(fd);
	struct stat st;
	CHECK_OK(fstat(fd, &st));
	printf("file 0666 under 027: %03o\n", (unsigned)(st.st_mode & 07777));
	close(fd);
	CHECK_OK(unlink(path));
	CHECK_OK(mkdir(path, 0777));
	CHECK_OK(stat(path, &st));
	printf("dir 0777 under 027: %03o\n", (unsigned)(st.st_mode & 07777));
	CHECK_OK(rmdir(path));
	umask(0);
	fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0666);
	CHECK_OK(fstat(fd, &st));
	printf("file 0666 under 000: %03o\n", (unsigned)(st.st_mode & 07777));
	close(fd);
	unlink(path);
	return compat_done();
}
