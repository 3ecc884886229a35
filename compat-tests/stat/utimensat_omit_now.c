/* UTIME_OMIT leaves that time alone, UTIME_NOW sets it to the current
 * time, a NULL times pointer sets both to now; a tv_nsec outside
 * [0, 999999999] that is neither is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

static int near_now(time_t t)
{
	time_t now = time(NULL);
	return t >= now - 2 && t <= now + 2;
}

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct timespec old[2] = {{1000, 1}, {2000, 2}};
	CHECK_OK(utimensat(AT_FDCWD, "f", old, 0));
	struct timespec t[2] = {{5, UTIME_OMIT}, {3000, 3}};
	CHECK_OK(utimensat(AT_FDCWD, "f", t, 0));
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("atime OMIT: atime %lld.%ld mtime %lld.%ld\n", (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	t[0] = (struct timespec){4000, 4};
	t[1] = (struct timespec){0, UTIME_NOW};
	CHECK_OK(utimensat(AT_FDCWD, "f", t, 0));
	CHECK_OK(stat("f", &st));
	printf("mtime NOW: atime %lld.%ld, mtime near now %s\n", (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, near_now(st.st_mtim.tv_sec) ? "yes" : "no");
	CHECK_OK(utimensat(AT_FDCWD, "f", old, 0));
	t[0] = (struct timespec){0, UTIME_OMIT};
	t[1] = (struct timespec){0, UTIME_OMIT};
	CHECK_OK(utimensat(AT_FDCWD, "f", t, 0));
	CHECK_OK(stat("f", &st));
	printf("both OMIT: atime %lld mtime %lld\n", (long long)st.st_atim.tv_sec,
	       (long long)st.st_mtim.tv_sec);
	CHECK_OK(utimensat(AT_FDCWD, "f", NULL, 0));
	CHECK_OK(stat("f", &st));
	printf("NULL: both near now %s\n",
	       near_now(st.st_atim.tv_sec) && near_now(st.st_mtim.tv_sec) ? "yes" : "no");
	t[0] = (struct timespec){1, 1000000000};
	t[1] = (struct timespec){1, 0};
	CHECK_ERR(utimensat(AT_FDCWD, "f", t, 0), EINVAL);
	t[0] = (struct timespec){1, -1};
	CHECK_ERR(utimensat(AT_FDCWD, "f", t, 0), EINVAL);
	CHECK_ERR(utimensat(AT_FDCWD, "missing", NULL, 0), ENOENT);
	CHECK_ERR(utimensat(AT_FDCWD, "f", NULL, 0x8000), EINVAL);
	return compat_done();
}
