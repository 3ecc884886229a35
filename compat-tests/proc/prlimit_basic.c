/*
 * prlimit_basic.c - prlimit(2): with pid 0 or the caller's own pid it
 * reads the same limits as getrlimit, sets a new limit and returns the
 * old one in one call; a pid that does not exist fails with ESRCH, an
 * unknown resource with EINVAL.
 */
#define _GNU_SOURCE
#include <sys/resource.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct rlimit g, p, old, now;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &g));
	CHECK_OK(prlimit(0, RLIMIT_NOFILE, NULL, &p));
	printf("pid 0 == getrlimit: %s\n", p.rlim_cur == g.rlim_cur && p.rlim_max == g.rlim_max ? "yes" : "no");
	CHECK_OK(prlimit(getpid(), RLIMIT_NOFILE, NULL, &p));
	printf("own pid == getrlimit: %s\n", p.rlim_cur == g.rlim_cur && p.rlim_max == g.rlim_max ? "yes" : "no");

	struct rlimit set = { 40, g.rlim_max };
	CHECK_OK(prlimit(0, RLIMIT_NOFILE, &set, &old));
	printf("old returned: %s\n", old.rlim_cur == g.rlim_cur && old.rlim_max == g.rlim_max ? "yes" : "no");
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &now));
	printf("new soft limit: %llu\n", (unsigned long long)now.rlim_cur);

	CHECK_ERR(prlimit(0x3ffffff0, RLIMIT_NOFILE, NULL, &p), ESRCH);
	CHECK_ERR(prlimit(0, 99, NULL, &p), EINVAL);
	printf("RLIM_INFINITY is all ones: %s\n", RLIM_INFINITY == ~(rlim_t)0 ? "yes" : "no");
	return compat_done();
}
