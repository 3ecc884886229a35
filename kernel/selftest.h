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
int selftest_boot(void);
int selftest_pagefault(void);
int selftest_demandzero(void);
int selftest_oom(void);
int selftest_oom_fault(void);
int selftest_panic(void);
/* selftest_sched.c */
int selftest_preempt(void);
int selftest_pingpong(void);
int selftest_mutex(void);
int selftest_fpu(void);
int selftest_sleep(void);

#endif
