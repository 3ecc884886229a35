/* ctime moves on chmod, chown, link, rename and truncate, while mtime
 * stays on all but truncate. Before each change, the times are set far in
 * the past (which itself sets ctime to now), then the case waits 30 ms,
 * longer than any kernel's timestamp granularity, so that a change that
 * touches ctime gives a later one. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>

static struct timespec c0;

static void reset(void)
{
	struct timespec t[2] = {{1000, 0}, {1000, 0}};
	CHECK_OK(utimensat(AT_FDCWD, "f", t, 0));
	struct stat st;
	CHECK_OK(stat("f", &st));
	c0 = st.st_ctim;
	struct timespec wait = {0, 30000000};
	nanosleep(&wait, NULL);
}

static void step(const char *what)
{
	struct stat st;
	CHECK_OK(stat("f", &st));
	int later = st.st_ctim.tv_sec > c0.tv_sec ||
		    (st.st_ctim.tv_sec == c0.tv_sec && st.st_ctim.tv_nsec > c0.tv_nsec);
	printf("%-9s ctime later %s, mtime unchanged %s\n", what, later ? "yes" : "no",
	       st.st_mtim.tv_sec == 1000 && st.st_mtim.tv_nsec == 0 ? "yes" : "no");
}

int main(void)
{
	compat_tmpdir();
	close(open("f", O_CREAT | O_WRONLY, 0644));
	reset();
	CHECK_OK(chmod("f", 0600));
	step("chmod");
	reset();
	CHECK_OK(chown("f", 0, 0));
	step("chown");
	reset();
	CHECK_OK(link("f", "g"));
	step("link");
	reset();
	CHECK_OK(rename("f", "h"));
	CHECK_OK(rename("h", "f"));
	step("rename");
	reset();
	CHECK_OK(truncate("f", 10));
	step("truncate");
	reset();
	struct stat st;
	CHECK_OK(stat("f", &st));
	step("stat");
	return compat_done();
}
