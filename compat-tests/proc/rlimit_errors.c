/*
 * rlimit_errors.c - setrlimit/getrlimit errors: a soft limit above the
 * hard one and an unknown resource fail with EINVAL; an RLIMIT_NOFILE
 * hard limit beyond the system maximum (RLIM_INFINITY is) fails with
 * EPERM; a bad pointer with EFAULT. Lowering the soft limit alone works
 * and leaves the hard limit as it was.
 */
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	struct rlimit cur, rl;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &cur));

	rl.rlim_max = 64;
	rl.rlim_cur = 65;
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &rl), EINVAL);
	CHECK_ERR(setrlimit(RLIMIT_CORE, &(struct rlimit){ 10, 5 }), EINVAL);
	CHECK_ERR(getrlimit(99, &rl), EINVAL);
	CHECK_ERR(setrlimit(99, &cur), EINVAL);
	CHECK_ERR(setrlimit(RLIMIT_NOFILE, &(struct rlimit){ RLIM_INFINITY, RLIM_INFINITY }), EPERM);
	/* the raw calls, for the pointer checks (libcs may copy first) */
	CHECK_ERR(syscall(SYS_getrlimit, RLIMIT_NOFILE, (void *)8), EFAULT);
	CHECK_ERR(syscall(SYS_setrlimit, RLIMIT_NOFILE, (void *)8), EFAULT);

	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
	printf("unchanged by the failures: %s\n",
	       rl.rlim_cur == cur.rlim_cur && rl.rlim_max == cur.rlim_max ? "yes" : "no");
	rl.rlim_cur = 50;
	CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
	struct rlimit now;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &now));
	printf("soft lowered to %llu, hard kept: %s\n", (unsigned long long)now.rlim_cur,
	       now.rlim_max == cur.rlim_max ? "yes" : "no");
	return compat_done();
}
