/*
 * getpriority_basic.c - the nice value: getpriority(PRIO_PROCESS, 0) is in
 * [-20, 19] (errno must be used to tell -1 from an error); raising it by
 * 5 reads back the value set, for pid 0 and for the caller's own pid;
 * nice(2) adds to it and returns the new value; an unknown "which"
 * fails with EINVAL and a pid that does not exist with ESRCH. Values
 * are printed relative to the starting one, which the caller inherits.
 */
#include <sys/resource.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	errno = 0;
	int p = getpriority(PRIO_PROCESS, 0);
	printf("initial in [-20, 19]: %s, errno %s\n", p >= -20 && p <= 19 ? "yes" : "no", errno_name(errno));
	int want = p + 5 > 19 ? 19 : p + 5;
	CHECK_OK(setpriority(PRIO_PROCESS, 0, want));
	errno = 0;
	printf("raised by 5: reads back: %s\n", getpriority(PRIO_PROCESS, 0) == want ? "yes" : "no");
	printf("through getpid(): same: %s\n", getpriority(PRIO_PROCESS, getpid()) == want ? "yes" : "no");
	errno = 0;
	int n = nice(2);
	int want2 = want + 2 > 19 ? 19 : want + 2;
	printf("nice(2) returns the new value: %s, errno %s\n", n == want2 ? "yes" : "no", errno_name(errno));
	printf("getpriority agrees: %s\n", getpriority(PRIO_PROCESS, 0) == want2 ? "yes" : "no");
	CHECK_OK(setpriority(PRIO_PROCESS, 0, 40)); /* clamped to 19 */
	printf("set 40: clamped to 19: %s\n", getpriority(PRIO_PROCESS, 0) == 19 ? "yes" : "no");
	CHECK_ERR(getpriority(42, 0), EINVAL);
	CHECK_ERR(getpriority(PRIO_PROCESS, 0x3ffffff0), ESRCH);
	CHECK_ERR(setpriority(PRIO_PROCESS, 0x3ffffff0, 1), ESRCH);
	return compat_done();
}
