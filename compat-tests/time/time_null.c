// time/time_null.c - time(NULL) and time(&t) return the same second and
// time(&t) stores it; the time system call does the same.
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	time_t t = 0;
	time_t a = time(NULL);
	time_t b = time(&t);
	printf("stored equals returned: %s\n", t == b ? "yes" : "no");
	printf("time(NULL) and time(&t) within a second: %s\n", b - a >= 0 && b - a <= 1 ? "yes" : "no");
	time_t s = 0;
	long r = syscall(SYS_time, &s);
	printf("system call stores and returns the same: %s, agrees: %s\n", r == (long)s ? "yes" : "no",
	       r - b >= 0 && r - b <= 1 ? "yes" : "no");
	return compat_done();
}
