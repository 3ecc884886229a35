/*
 * selftest.h - built-in self-tests, chosen with --selftest=NAME. Each
 * returns the exit status of the VM; tools/test-boot checks the status and
 * the console. They exist to test the machine-level parts (paging, traps,
 * timer, scheduler) that host unit tests cannot reach.
 */
#ifndef KEEL_SELFTEST_H
#define KEEL_SELFTEST_H

#include "klib.h"

/* Print a failed check and count it. */
#define ST_CHECK(cond)                                                                    \
	do {                                                                              \
		if (!(cond)) {                                                            \
			printk("selftest: CHECK FAILED at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
			st_failures++;                                                    \
		}                                                                         \
	} while (0)

extern int st_failures;

/* selftest_mm.c */
int selftest_boot(const char *arg);
int selftest_pagefault(const char *arg);
int selftest_demandzero(const char *arg);
int selftest_oom(const char *arg);
int selftest_oom_fault(const char *arg);
int selftest_panic(const char *arg);
/* selftest_sched.c */
int selftest_preempt(const char *arg);
int selftest_pingpong(const char *arg);
int selftest_mutex(const char *arg);
int selftest_fpu(const char *arg);
int selftest_sleep(const char *arg);
int selftest_redzone(const char *arg);
/* selftest_net.c */
int selftest_virtio_net(const char *arg);
/* libc/selftest.c */
int selftest_libc(const char *arg);

#endif
