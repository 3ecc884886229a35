/*
 * fileio.c - file I/O in a fresh directory under /tmp: open/write/lseek/
 * read/pread/pwrite, O_APPEND, O_EXCL, fstat/stat, ftruncate, rename over
 * an existing name, unlink, getdents through opendir/readdir (names sorted
 * before printing), rmdir, and the errors of the common mistakes. Also
 * reads the data file the test driver put at data/fileio.txt (relative to
 * the current directory: / in keel, the copy's top on the host).
 * The temporary directory's name is never printed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "check.h"

static char dir[64];

static char *in_dir(const char *name)
{
	static char buf[2][128];
	static int which;
	which ^= 1;
	snprintf(buf[which], sizeof buf[which], "%s/%s", dir, name);
	return buf[which];
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *what)
{
	DIR *d = opendir(dir);
	CHECK(d != NULL, "opendir");
	if (!d)
		return;
	char *names[32];
	int n = 0, dots = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
			dots++;
			CHECK(e->d_type == DT_DIR || e->d_type == DT_UNKNOWN, "d_type of %s", e->d_name);
			continue;
		}
		if (n < 32) {
			names[n] = malloc(strlen(e->d_name) + 8);
			sprintf(names[n], "%s%s", e->d_name,
				e->d_type == DT_REG ? "" : e->d_type == DT_DIR ? "/" : "?");
			n++;
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	printf("%s: %d entries + %d dot entries:", what, n, dots);
	for (int i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	strcpy(dir, "/tmp/compat-fileio-XXXXXX");
	CHECK(mkdtemp(dir) != NULL, "mkdtemp");

	/* write, seek, read */
	int fd = open(in_dir("a.txt"), O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd >= 0, "open O_CREAT");
	const char *text = "hello, file\nsecond line\n";
	CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write");
	CHECK(lseek(fd, 0, SEEK_CUR) == (off_t)strlen(text), "lseek SEEK_CUR");
	CHECK(lseek(fd, 7, SEEK_SET) == 7, "lseek SEEK_SET");
	char buf[256] = { 0 };
	CHECK(read(fd, buf, 4) == 4, "read");
	printf("read at 7: '%s'\n", buf);
	CHECK(strcmp(buf, "file") == 0, "read content");
	memset(buf, 0, sizeof buf);
	CHECK(pread(fd, buf, 6, 12) == 6, "pread");
	printf("pread at 12: '%s'\n", buf);
	CHECK(lseek(fd, 0, SEEK_CUR) == 11, "pread must not move the offset");
	CHECK(pwrite(fd, "SECOND", 6, 12) == 6, "pwrite");
	CHECK(lseek(fd, 0, SEEK_END) == (off_t)strlen(text), "lseek SEEK_END");
	memset(buf, 0, sizeof buf);
	CHECK(read(fd, buf, 10) == 0, "read at EOF returns 0");

	/* a hole: write past the end, the gap reads as zeros */
	CHECK(pwrite(fd, "Z", 1, 8191) == 1, "pwrite past end");
	struct stat st;
	CHECK(fstat(fd, &st) == 0, "fstat");
	printf("fstat: size %lld regular %s mode %o nlink %ld\n", (long long)st.st_size,
	       S_ISREG(st.st_mode) ? "yes" : "no", (unsigned)(st.st_mode & 07777), (long)st.st_nlink);
	CHECK(st.st_size == 8192 && S_ISREG(st.st_mode) && st.st_nlink == 1, "fstat values");
	CHECK(st.st_blksize > 0, "st_blksize");
	char zeros[100];
	memset(zeros, 1, sizeof zeros);
	CHECK(pread(fd, zeros, sizeof zeros, 4000) == (ssize_t)sizeof zeros, "pread hole");
	int allzero = 1;
	for (size_t i = 0; i < sizeof zeros; i++)
		allzero &= zeros[i] == 0;
	printf("hole reads as zeros: %s\n", allzero ? "yes" : "no");
	CHECK(allzero, "hole");
	CHECK(ftruncate(fd, strlen(text)) == 0, "ftruncate");
	CHECK(fstat(fd, &st) == 0 && st.st_size == (off_t)strlen(text), "size after ftruncate");
	CHECK(close(fd) == 0, "close");

	/* O_APPEND writes at the end whatever the offset */
	fd = open(in_dir("a.txt"), O_WRONLY | O_APPEND);
	CHECK(fd >= 0, "open O_APPEND");
	lseek(fd, 0, SEEK_SET);
	CHECK(write(fd, "third\n", 6) == 6, "append write");
	close(fd);
	fd = open(in_dir("a.txt"), O_RDONLY);
	memset(buf, 0, sizeof buf);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	printf("content (%zd bytes):\n%s", n, buf);
	CHECK(strcmp(buf, "hello, file\nSECOND line\nthird\n") == 0, "content after append");

	/* errors */
	errno = 0;
	CHECK(open(in_dir("a.txt"), O_RDWR | O_CREAT | O_EXCL, 0600) == -1 && errno == EEXIST,
	      "O_EXCL on existing file");
	errno = 0;
	CHECK(open(in_dir("missing"), O_RDONLY) == -1 && errno == ENOENT, "open missing");
	errno = 0;
	CHECK(read(-1, buf, 1) == -1 && errno == EBADF, "read bad fd");
	errno = 0;
	CHECK(rmdir(dir) == -1 && errno == ENOTEMPTY, "rmdir non-empty");
	errno = 0;
	CHECK(open(in_dir("a.txt/x"), O_RDONLY) == -1 && errno == ENOTDIR, "file as directory");

	/* more files, a subdirectory, rename over an existing name */
	fd = open(in_dir("b.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0 && write(fd, "bbb", 3) == 3, "b.txt");
	close(fd);
	fd = creat(in_dir("c.txt"), 0644);
	CHECK(fd >= 0 && write(fd, "c", 1) == 1, "c.txt");
	close(fd);
	CHECK(mkdir(in_dir("sub"), 0755) == 0, "mkdir");
	list_dir("before rename");
	CHECK(rename(in_dir("b.txt"), in_dir("c.txt")) == 0, "rename over c.txt");
	CHECK(rename(in_dir("a.txt"), in_dir("sub/moved.txt")) == 0, "rename into sub");
	list_dir("after rename");
	CHECK(stat(in_dir("c.txt"), &st) == 0 && st.st_size == 3, "c.txt is the old b.txt");
	CHECK(stat(in_dir("sub/moved.txt"), &st) == 0 && st.st_size == 30, "moved file");
	CHECK(stat(in_dir("sub"), &st) == 0 && S_ISDIR(st.st_mode), "sub is a directory");
	printf("sub: directory %s, mode %o\n", S_ISDIR(st.st_mode) ? "yes" : "no",
	       (unsigned)(st.st_mode & 07777));

	/* unlink while open: the data lives on until close */
	fd = open(in_dir("c.txt"), O_RDONLY);
	CHECK(unlink(in_dir("c.txt")) == 0, "unlink");
	memset(buf, 0, sizeof buf);
	CHECK(fd >= 0 && read(fd, buf, 10) == 3 && strcmp(buf, "bbb") == 0, "read after unlink");
	CHECK(fstat(fd, &st) == 0 && st.st_nlink == 0, "nlink 0 after unlink");
	close(fd);
	errno = 0;
	CHECK(stat(in_dir("c.txt"), &st) == -1 && errno == ENOENT, "stat after unlink");
	CHECK(unlink(in_dir("sub/moved.txt")) == 0, "unlink moved");
	CHECK(rmdir(in_dir("sub")) == 0, "rmdir sub");
	list_dir("after unlink");
	CHECK(rmdir(dir) == 0, "rmdir");
	errno = 0;
	CHECK(opendir(dir) == NULL && errno == ENOENT, "opendir removed dir");

	/* the data file the driver put in place, through stdio */
	FILE *f = fopen("data/fileio.txt", "r");
	CHECK(f != NULL, "fopen data/fileio.txt");
	if (f) {
		int lines = 0;
		long sum = 0;
		char line[128];
		while (fgets(line, sizeof line, f)) {
			lines++;
			sum += strtol(line, NULL, 10);
		}
		fclose(f);
		printf("data/fileio.txt: %d lines, sum %ld\n", lines, sum);
		CHECK(lines == 100 && sum == 5050, "data file");
	}
	return check_done();
}
