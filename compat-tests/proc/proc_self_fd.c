/*
 * proc_self_fd.c - /proc/self/fd lists the open descriptors: 0, 1 and 2,
 * a file the program opened (its link reads as the file's path), a pipe
 * (its link starts with "pipe:["); a closed descriptor is no longer listed, and its link no
 * longer exists (ENOENT).
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

static int listed[64];

static void scan(void)
{
	memset(listed, 0, sizeof listed);
	DIR *d = opendir("/proc/self/fd");
	CHECK(d != NULL, "opendir");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		int n = atoi(e->d_name);
		if (n >= 0 && n < 64)
			listed[n] = 1;
	}
	if (d)
		closedir(d);
}

int main(void)
{
	/* at 20 and up, so that the directory stream cannot take the number once it is closed */
	int fd = fcntl(open("/dev/null", O_RDONLY), F_DUPFD, 20);
	int p[2];
	CHECK_OK(fd);
	CHECK_OK(pipe(p));
	scan();
	printf("0 1 2 listed: %d %d %d\n", listed[0], listed[1], listed[2]);
	printf("file, pipe ends listed: %d %d %d\n", listed[fd], listed[p[0]], listed[p[1]]);

	char path[64], link[256];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(path, link, sizeof link - 1);
	link[n > 0 ? n : 0] = 0;
	printf("file link: %s\n", link);
	snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
	n = readlink(path, link, sizeof link - 1);
	link[n > 0 ? n : 0] = 0;
	printf("pipe link starts with pipe:[ : %s\n", strncmp(link, "pipe:[", 6) == 0 ? "yes" : "no");

	CHECK_OK(close(fd));
	scan();
	printf("closed fd listed: %d\n", listed[fd]);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	CHECK_ERR(readlink(path, link, sizeof link), ENOENT);

	/* opening the link reopens the file */
	snprintf(path, sizeof path, "/proc/self/fd/%d", p[1]);
	int w = open(path, O_WRONLY);
	CHECK_OK(w);
	CHECK(write(w, "x", 1) == 1, "write through the reopened pipe");
	char c = 0;
	CHECK(read(p[0], &c, 1) == 1 && c == 'x', "read it back");
	return compat_done();
}
