/*
 * selftest.c - the table of built-in self-tests (see selftest.h).
 */
#include "selftest.h"
#include "cmdline.h"
#include <asm-generic/errno-base.h>

int st_failures;

static const struct {
	const char *name;
	int (*fn)(void);
	const char *what;
} tests[] = {
	{ "boot", selftest_boot, "boot facts, heap, page allocator and clock sanity" },
	{ "pagefault", selftest_pagefault, "a stray write must give a fault report" },
	{ "demandzero", selftest_demandzero, "VMA pages appear zeroed on first touch" },
	{ "oom", selftest_oom, "allocating until memory runs out fails cleanly" },
	{ "oom-fault", selftest_oom_fault, "touching pages until memory runs out" },
	{ "panic", selftest_panic, "panic() reports and exits non-zero" },
	{ "preempt", selftest_preempt, "busy threads are preempted by the timer" },
	{ "pingpong", selftest_pingpong, "100k round trips through wait queues" },
	{ "mutex", selftest_mutex, "mutex under contention with preemption" },
	{ "fpu", selftest_fpu, "vector registers survive context switches" },
	{ "sleep", selftest_sleep, "sleeping threads wake in deadline order" },
};

int selftest_run(const char *name)
{
	for (unsigned i = 0; i < ARRAY_SIZE(tests); i++) {
		if (strcmp(tests[i].name, name))
			continue;
		printk("selftest %s: %s\n", name, tests[i].what);
		st_failures = 0;
		int status = tests[i].fn();
		if (st_failures && !status)
			status = 1;
		printk("selftest %s: %s\n", name, status ? "FAILED" : "passed");
		return status;
	}
	return -ENOENT;
}

void selftest_list(void)
{
	for (unsigned i = 0; i < ARRAY_SIZE(tests); i++)
		printk(" %s", tests[i].name);
	printk("\n");
}
