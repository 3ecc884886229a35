/*
 * selftest.c - the table of built-in self-tests (see selftest.h).
 */
#include "selftest.h"
#include "cmdline.h"
#include "sched.h"
#include "time.h"
#include <asm-generic/errno-base.h>

int st_failures;

static int selftest_exit(const char *arg);
static int selftest_hang(const char *arg);
static int selftest_demo(const char *arg);

static const struct {
	const char *name;
	int (*fn)(const char *arg);
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
	{ "redzone", selftest_redzone, "interrupts leave the red zone below a lower-half %rsp alone" },
	{ "exit", selftest_exit, "exit with the status given as exit:N" },
	{ "hang", selftest_hang, "never exit (checks the test harness's timeout)" },
	{ "demo", selftest_demo, "the default demo: threads, preemption, sleeps, FPU" },
	{ "virtio-net", selftest_virtio_net, "a virtio-net NIC gets ARP and DHCP answers (QEMU user net)" },
	{ "libc", selftest_libc, "the kernel's libc (musl) with direct system calls, run like a program" },
};

/* name is NAME or NAME:ARG */
int selftest_run(const char *name)
{
	const char *colon = strchr(name, ':');
	size_t len = colon ? (size_t)(colon - name) : strlen(name);

	for (unsigned i = 0; i < ARRAY_SIZE(tests); i++) {
		if (strlen(tests[i].name) != len || strncmp(tests[i].name, name, len))
			continue;
		printk("selftest %s: %s\n", tests[i].name, tests[i].what);
		st_failures = 0;
		int status = tests[i].fn(colon ? colon + 1 : "");
		if (st_failures && !status)
			status = 1;
		printk("selftest %s: %s\n", tests[i].name, status ? "FAILED" : "passed");
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

static int selftest_exit(const char *arg)
{
	uint64_t status;
	if (parse_u64(arg, &status) || status > 255) {
		printk("selftest exit: give a status 0..255, as exit:N\n");
		return 2;
	}
	return (int)status;
}

static int selftest_hang(const char *arg)
{
	struct waitq never;
	(void)arg;
	waitq_init(&never);
	printk("selftest hang: sleeping forever\n");
	unsigned long flags = sched_lock_irqsave();
	while (waitq_wait_locked(&never, 0) == 0 && !st_failures)
		; /* nobody wakes us: the harness must time out */
	sched_unlock_irqrestore(flags);
	return 1;
}

static int selftest_demo(const char *arg)
{
	int (*const parts[])(const char *) = { selftest_boot, selftest_preempt, selftest_sleep,
					       selftest_fpu, selftest_mutex };
	int status = 0;
	for (unsigned i = 0; i < ARRAY_SIZE(parts) && !status; i++)
		status = parts[i](arg);
	printk("demo: %lu context switches, %lu timer interrupts, %u threads left\n",
	       sched_context_switches(), timer_interrupts(), sched_nr_threads());
	return status;
}
