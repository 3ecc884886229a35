/*
 * sched_policy.c - scheduling policy queries, through the raw system
 * calls (musl's wrappers return ENOSYS by design): the policy is
 * SCHED_OTHER with priority 0; the priority ranges are 1..99 for
 * SCHED_FIFO and SCHED_RR and 0..0 for SCHED_OTHER; an unknown policy
 * fails with EINVAL, as does a negative pid; a pid that does not exist
 * fails with ESRCH.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	long pol = syscall(SYS_sched_getscheduler, 0);
	printf("policy: %s\n", pol == SCHED_OTHER ? "SCHED_OTHER" : "other");
	struct sched_param sp = { .sched_priority = -1 };
	CHECK_OK(syscall(SYS_sched_getparam, 0, &sp));
	printf("priority: %d\n", sp.sched_priority);
	printf("FIFO: %d..%d\n", sched_get_priority_min(SCHED_FIFO), sched_get_priority_max(SCHED_FIFO));
	printf("RR: %d..%d\n", sched_get_priority_min(SCHED_RR), sched_get_priority_max(SCHED_RR));
	printf("OTHER: %d..%d\n", sched_get_priority_min(SCHED_OTHER), sched_get_priority_max(SCHED_OTHER));
	CHECK_ERR(sched_get_priority_max(42), EINVAL);
	CHECK_ERR(syscall(SYS_sched_getscheduler, -1), EINVAL);
	CHECK_ERR(syscall(SYS_sched_getscheduler, 0x3ffffff0), ESRCH);
	CHECK_ERR(syscall(SYS_sched_getparam, 0x3ffffff0, &sp), ESRCH);
	printf("sched_yield: %d\n", sched_yield());
	return compat_done();
}
