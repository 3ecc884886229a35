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
#include <asm-generic/errno-base.h>

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

/*
 * Measure the TSC and the APIC timer against the PIT.
 *
 * The PIT counter is 16 bits and wraps every 55 ms. A vCPU that the host
 * deschedules for longer than that between two reads (TCG on a busy
 * machine does) loses whole periods, which would make every rate come out
 * too high. So reads are grouped in chunks that also note the TSC; the
 * median TSC-per-PIT-tick ratio of the chunks (chunks are short, and a
 * stall without a wrap keeps both clocks in step, since the PIT follows
 * the host clock) tells how many PIT ticks each chunk really spanned, and
 * the lost periods are added back. The APIC timer, 32 bits at ~1 GHz, does
 * not wrap within a window of a few seconds; longer windows are retried.
 */
#define CHUNK_READS 64
#define MAX_CHUNKS 512

static struct chunk {
	uint32_t pit;  /* PIT ticks seen (modulo lost periods) */
	uint64_t tsc;  /* TSC cycles it took */
} chunks[MAX_CHUNKS];

static uint64_t median_ratio(unsigned n)
{
	static uint64_t r[MAX_CHUNKS];
	unsigned m = 0;
	for (unsigned i = 0; i < n; i++)
		if (chunks[i].pit)
			r[m++] = (chunks[i].tsc << 8) / chunks[i].pit; /* 8 fraction bits */
	for (unsigned i = 1; i < m; i++) /* insertion sort: m is at most a few hundred */
		for (unsigned j = i; j > 0 && r[j - 1] > r[j]; j--) {
			uint64_t t = r[j];
			r[j] = r[j - 1];
			r[j - 1] = t;
		}
	return m ? r[m / 2] : 0;
}

/* Return: 0, -EAGAIN (no usable window: retry), or -ENODEV (the PIT does not count). */
static int pit_window(void)
{
	outb(PIT_CMD, 0x34); /* channel 0, lo/hi byte, mode 2, binary */
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0); /* period 65536 */

	uint16_t prev = pit_read();
	uint64_t raw = 0, spins = 0;
	unsigned n = 0;
	apic_timer_count_start();
	uint64_t t0 = rdtsc(), last = t0;
	while (raw < CALIB_PIT_TICKS && n < MAX_CHUNKS) {
		uint32_t ticks = 0;
		for (int i = 0; i < CHUNK_READS; i++) {
			uint16_t now = pit_read();
			ticks += (uint16_t)(prev - now); /* counts down, wraps at 65536 */
			prev = now;
		}
		uint64_t t = rdtsc();
		chunks[n++] = (struct chunk){ ticks, t - last };
		last = t;
		raw += ticks;
		spins += CHUNK_READS;
		if (spins > 50000000 || (spins > 100000 && raw == 0))
			return -ENODEV;
	}
	uint64_t dtsc = last - t0;
	uint32_t dapic = apic_timer_count_elapsed();
	uint64_t ratio = median_ratio(n);
	if (!ratio)
		return -EAGAIN;
	uint64_t ticks = 0;
	for (unsigned i = 0; i < n; i++) { /* add back the periods a long stall lost */
		uint64_t expect = (chunks[i].tsc << 8) / ratio;
		uint64_t lost = expect > chunks[i].pit + 32768 ? (expect - chunks[i].pit + 32768) / 65536 : 0;
		ticks += chunks[i].pit + lost * 65536;
	}
	if (ticks > 3 * PIT_HZ) /* over 3 s: the APIC timer may have wrapped */
		return -EAGAIN;
	tsc_hz = dtsc * PIT_HZ / ticks;
	lapic_timer_hz = (uint64_t)dapic * PIT_HZ / ticks;
	return 0;
}

/* Return: 0, or -1 if the PIT does not count (absent) or never gave a usable window. */
static int calibrate_pit(void)
{
	for (int tries = 0; tries < 8; tries++) {
		int r = pit_window();
		if (r == -ENODEV)
			return -1;
		if (r == 0 && tsc_hz >= 10000000 && lapic_timer_hz >= 100000 &&
		    lapic_timer_hz < (1ULL << 32)) {
			clock_source = "PIT-calibrated TSC";
			return 0;
		}
	}
	return -1;
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
		panic("no clock: no kvmclock, and the PIT does not count or never gave a "
		      "consistent measurement in 8 tries");
	}
	if (tsc_hz < 10000000)
		panic("the TSC barely moves (%lu Hz measured by %s); refusing it as a clock",
		      tsc_hz, clock_source);
	if (lapic_timer_hz < 100000 || lapic_timer_hz >= (1ULL << 32))
		panic("implausible APIC timer rate (%lu Hz)", lapic_timer_hz);
}
