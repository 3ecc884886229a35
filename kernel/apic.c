/*
 * apic.c - the local APIC (xAPIC, memory mapped): enable it, acknowledge
 * interrupts, and run its timer in one-shot mode. The legacy 8259 PICs, if
 * the machine has them, are masked: every interrupt keel uses comes through
 * the local APIC (timer) or, later, the I/O APIC.
 */
#include "time.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"

#define APIC_ID 0x20
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_ERROR 0x370
#define APIC_TIMER_INIT 0x380
#define APIC_TIMER_CUR 0x390
#define APIC_TIMER_DIV 0x3e0
#define LVT_MASKED (1u << 16)

static volatile uint32_t *apic;
static uint64_t ns_to_ticks_mult; /* ticks = ns * mult >> 32 */

static uint32_t apic_read(unsigned reg) { return apic[reg / 4]; }
static void apic_write(unsigned reg, uint32_t v) { apic[reg / 4] = v; }

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

uint32_t apic_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

void apic_init(void)
{
	outb(0x21, 0xff); /* mask both 8259s (harmless if absent) */
	outb(0xa1, 0xff);

	uint64_t base = rdmsr(MSR_APIC_BASE);
	wrmsr(MSR_APIC_BASE, base | (1u << 11)); /* global enable */
	apic = mmio_map(base & ~0xfffUL, PAGE_SIZE);
	if (!apic)
		panic("cannot map the local APIC");
	apic_write(APIC_SVR, 0x100 | VEC_SPURIOUS);
	apic_write(APIC_LVT_LINT0, LVT_MASKED);
	apic_write(APIC_LVT_ERROR, LVT_MASKED);
	apic_write(APIC_TIMER_DIV, 0xb); /* divide by 1 */
	apic_write(APIC_LVT_TIMER, LVT_MASKED | VEC_TIMER);
}

/* Calibration (clock.c): let the timer count down from its maximum. */
void apic_timer_count_start(void)
{
	apic_write(APIC_LVT_TIMER, LVT_MASKED | VEC_TIMER);
	apic_write(APIC_TIMER_INIT, 0xffffffff);
}

uint32_t apic_timer_count_elapsed(void)
{
	uint32_t left = apic_read(APIC_TIMER_CUR);
	apic_write(APIC_TIMER_INIT, 0);
	return 0xffffffff - left;
}

void apic_timer_oneshot(uint64_t ns)
{
	if (!ns_to_ticks_mult)
		ns_to_ticks_mult = (lapic_timer_hz << 32) / NSEC_PER_SEC; /* clock.c keeps hz < 2^32 */
	if (ns == 0) {
		apic_write(APIC_TIMER_INIT, 0);
		return;
	}
	uint64_t ticks = (uint64_t)(((unsigned __int128)ns * ns_to_ticks_mult) >> 32);
	if (ticks == 0)
		ticks = 1;
	if (ticks > 0xffffffff)
		ticks = 0xffffffff; /* the timer handler re-arms for the rest */
	apic_write(APIC_LVT_TIMER, VEC_TIMER); /* one-shot, unmasked */
	apic_write(APIC_TIMER_INIT, (uint32_t)ticks);
}
