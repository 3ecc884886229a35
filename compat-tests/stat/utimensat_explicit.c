/* utimensat with explicit times: stat reports them back exactly, to the
 * nanosecond, including times before 1970 and far in the future; the
 * ctime becomes now. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

static void set_and_show(long long as, long an, long long ms, long mn)
{
	struct timespec t[2] = {{as, an}, {ms, mn}};
	CHECK_OK(utimensat(AT_FDCWD, "f", t, 0));
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	time_t before = time(NULL);
	set_and_show(1234567890, 123456789, 987654321, 999999999);
	set_and_show(0, 0, 1, 1);
	set_and_show(-1000, 500, 4102444800LL, 0);
	set_and_show(1700000000, 0, 1700000000, 0);
	struct stat st;
	CHECK_OK(stat("f", &st));
	printf("ctime is now, not the times set: %s\n",
	       st.st_ctim.tv_sec >= before - 2 && st.st_ctim.tv_sec <= time(NULL) + 2 ? "yes" : "no");
	return compat_done();
}
