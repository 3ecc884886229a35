/*
 * clock.c - the TSC as the kernel's clock, and the rates of the TSC and the
 * local APIC timer.
 *
 * Rates, in order of preference:
 *  1. kvmclock (KVM): the hypervisor publishes the TSC-to-nanosecond scale;
 *     no waiting, which keeps boot within milliseconds.
 *  2. the PIT: count 10 ms of its fixed 1.193182 MHz clock (channel 0,
 *     polled through latched reads, so no speaker-gate port is needed) and
 *     see how far the TSC and the APIC timer moved meanwhile. Under TCG this
 *     is the only trustworthy source; DESIGN.md warns that the TSC must not
 *     be trusted without such a check.
 * The APIC timer is always measured against the PIT or, on KVM, against the
 * calibrated TSC over 1 ms.
 */
#include "time.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"
#include "loader.h"

#define PIT_HZ 1193182ULL
#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define CALIB_PIT_TICKS (PIT_HZ / 100) /* 10 ms */

uint64_t tsc_hz, lapic_timer_hz;
const char *clock_source = "none";
static uint64_t tsc_base, ns_mult; /* ns = (tsc - tsc_base) * ns_mult >> 32 */

uint64_t tsc_to_ns(uint64_t d)
{
	return (uint64_t)(((unsigned __int128)d * ns_mult) >> 32);
}

uint64_t clock_ns(void)
{
	return tsc_to_ns(rdtsc() - tsc_base);
}

static uint16_t pit_read(void)
{
	outb(PIT_CMD, 0x00); /* latch channel 0 */
	uint8_t lo = inb(PIT_CH0);
	return lo | (uint16_t)inb(PIT_CH0) << 8;
}

/* apic.c helpers for calibration */
void apic_timer_count_start(void);
uint32_t apic_timer_count_elapsed(void);

/* Return: 0, or -1 if the PIT does not count (absent). */
static int calibrate_pit(void)
{
	outb(PIT_CMD, 0x34); /* channel 0, lo/hi byte, mode 2, binary */
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0); /* period 65536 */

	uint16_t prev = pit_read();
	uint64_t elapsed = 0, spins = 0;
	apic_timer_count_start();
	uint64_t t0 = rdtsc();
	while (elapsed < CALIB_PIT_TICKS) {
		uint16_t now = pit_read();
		elapsed += (uint16_t)(prev - now); /* counts down, wraps at 65536 */
		prev = now;
		if (++spins > 50000000 || (spins > 100000 && elapsed == 0))
			return -1;
	}
	uint64_t dtsc = rdtsc() - t0;
	uint32_t dapic = apic_timer_count_elapsed();
	tsc_hz = dtsc * PIT_HZ / elapsed;
	lapic_timer_hz = (uint64_t)dapic * PIT_HZ / elapsed;
	clock_source = "PIT-calibrated TSC";
	return 0;
}

struct pvclock {
	uint32_t version, pad0;
	uint64_t tsc_timestamp, system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags, pad[2];
} __attribute__((packed));

static struct pvclock kvm_pvclock __attribute__((aligned(64)));

static int calibrate_kvmclock(void)
{
	if (!cpu.kvmclock)
		return -1;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, va_to_pa(&kvm_pvclock) | 1);
	uint32_t mul = kvm_pvclock.tsc_to_system_mul;
	int shift = kvm_pvclock.tsc_shift;
	wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);
	if (!mul)
		return -1;
	/* ns = ((tsc << shift) * mul) >> 32, so hz = 1e9 * 2^32 / mul / 2^shift */
	uint64_t hz = (NSEC_PER_SEC << 32) / mul; /* 1e9 << 32 fits in 64 bits */
	tsc_hz = shift >= 0 ? hz >> shift : hz << -shift;
	clock_source = "kvmclock";
	return 0;
}

static void set_scale(void)
{
	ns_mult = (NSEC_PER_SEC << 32) / tsc_hz;
}

void clock_init(void)
{
	tsc_base = boot_tsc;
	if (calibrate_kvmclock() == 0) {
		set_scale();
		apic_timer_count_start(); /* APIC timer against the TSC, 1 ms */
		uint64_t end = rdtsc() + tsc_hz / 1000, t0 = rdtsc();
		while (rdtsc() < end)
			cpu_relax();
		lapic_timer_hz = (uint64_t)apic_timer_count_elapsed() * tsc_hz / (rdtsc() - t0);
	} else if (calibrate_pit() == 0) {
		set_scale();
	} else {
		panic("no clock: no kvmclock and the PIT does not count");
	}
	if (tsc_hz < 10000000)
		panic("the TSC barely moves (%lu Hz measured by %s); refusing it as a clock",
		      tsc_hz, clock_source);
	if (lapic_timer_hz < 100000 || lapic_timer_hz >= (1ULL << 32))
		panic("implausible APIC timer rate (%lu Hz)", lapic_timer_hz);
}
