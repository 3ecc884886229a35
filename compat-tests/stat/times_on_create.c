/* A new file's atime, mtime and ctime are equal and about the current
 * time; creating it moves its folder's mtime and ctime too. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

static int eq(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

int main(void)
{
	compat_tmpdir();
	struct timespec old[2] = {{1000, 0}, {1000, 0}};
	CHECK_OK(utimensat(AT_FDCWD, ".", old, 0));
	time_t before = time(NULL);
	close(open("f", O_CREAT | O_WRONLY, 0644));
	struct stat st, dir;
	CHECK_OK(stat("f", &st));
	CHECK_OK(stat(".", &dir));
	printf("atime == mtime == ctime: %s\n",
	       eq(st.st_atim, st.st_mtim) && eq(st.st_mtim, st.st_ctim) ? "yes" : "no");
	printf("about now: %s\n",
	       st.st_mtim.tv_sec >= before - 2 && st.st_mtim.tv_sec <= time(NULL) + 2 ? "yes" : "no");
	printf("folder mtime moved: %s, ctime too: %s\n", dir.st_mtim.tv_sec != 1000 ? "yes" : "no",
	       dir.st_ctim.tv_sec >= before - 2 ? "yes" : "no");
	return compat_done();
}
