/*
 * time.h - clocks and timers.
 *
 * clock_ns() is monotonic nanoseconds since boot, read from the TSC. The
 * TSC rate comes from kvmclock when the hypervisor offers it, otherwise it
 * is measured against the PIT (whose rate, 1.193182 MHz, is fixed), and
 * the measurement is checked: a TSC that does not move is refused. The local
 * APIC timer, measured in the same window, runs in one-shot mode and is
 * always programmed for the earliest armed ktimer, so an idle kernel takes
 * no interrupts at all.
 */
#ifndef KEEL_TIME_H
#define KEEL_TIME_H

#include <stdint.h>
#include <stdbool.h>
#include "sched.h"

#define NSEC_PER_SEC 1000000000ULL

/* clock.c */
void clock_init(void);
uint64_t clock_ns(void);
uint64_t tsc_to_ns(uint64_t tsc_delta);
extern uint64_t tsc_hz, lapic_timer_hz;
extern const char *clock_source; /* how tsc_hz was obtained */

/* rtc.c: CLOCK_REALTIME, from the CMOS clock at boot */
void rtc_init(void);
uint64_t clock_realtime_ns(void);

/* apic.c */
void apic_init(void);
void apic_eoi(void);
void apic_timer_oneshot(uint64_t ns); /* 0 stops it */
uint32_t apic_id(void);

/* timer.c: one-shot kernel timers; fn runs in interrupt context, interrupts off */
struct ktimer {
	uint64_t deadline;              /* clock_ns() value */
	void (*fn)(struct ktimer *t);
	struct list link;               /* protected by timer_lock (interrupts off) */
	bool armed;
};
void timer_init(void);
void ktimer_arm(struct ktimer *t, uint64_t deadline_ns);
void ktimer_cancel(struct ktimer *t);
uint64_t timer_interrupts(void);

/* sys_time.c */
struct __kernel_timespec;
struct __kernel_old_timeval;
struct tms;
long sys_clock_gettime(int clk, struct __kernel_timespec *ts);
long sys_clock_getres(int clk, struct __kernel_timespec *ts);
long sys_clock_nanosleep(int clk, int flags, const struct __kernel_timespec *req,
			 struct __kernel_timespec *rem);
long sys_nanosleep(const struct __kernel_timespec *req, struct __kernel_timespec *rem);
long sys_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long sys_time(long *t);
long sys_times(struct tms *buf);

#endif
