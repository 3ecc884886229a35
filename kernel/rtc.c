/*
 * rtc.c - wall-clock time: the CMOS real-time clock is read once at boot
 * and CLOCK_REALTIME runs on from there with the monotonic TSC clock.
 * (The RTC ticks in whole seconds; reading it more often would only add
 * port I/O, and programs never need it to follow host clock changes.)
 * A machine without an RTC (reads of 0xff) starts the wall clock at 0.
 */
#include "time.h"
#include "cpu.h"
#include "klib.h"

static int64_t realtime_offset_ns; /* CLOCK_REALTIME - clock_ns() */

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static unsigned from_bcd(uint8_t v, bool bcd)
{
	return bcd ? (v & 0xf) + (v >> 4) * 10 : v;
}

/* days from 1970-01-01 to y-m-d (proleptic Gregorian) */
static int64_t days_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void rtc_init(void)
{
	for (int i = 0; i < 100000 && (cmos(0x0a) & 0x80); i++) /* update in progress */
		cpu_relax();
	uint8_t sec = cmos(0x00), min = cmos(0x02), hour = cmos(0x04);
	uint8_t day = cmos(0x07), mon = cmos(0x08), year = cmos(0x09), b = cmos(0x0b);
	if (sec == 0xff && b == 0xff) {
		printk("rtc: no CMOS clock; the wall clock starts at 1970-01-01\n");
		realtime_offset_ns = 0;
		return;
	}
	bool bcd = !(b & 0x04), h12 = !(b & 0x02);
	unsigned h = from_bcd(hour & 0x7f, bcd);
	if (h12 && (hour & 0x80))
		h = (h % 12) + 12;
	int64_t days = days_from_civil(2000 + (int)from_bcd(year, bcd), from_bcd(mon, bcd),
				       from_bcd(day, bcd));
	int64_t secs = days * 86400 + h * 3600 + from_bcd(min, bcd) * 60 + from_bcd(sec, bcd);
	realtime_offset_ns = secs * (int64_t)NSEC_PER_SEC - (int64_t)clock_ns();
}

uint64_t clock_realtime_ns(void)
{
	return (uint64_t)((int64_t)clock_ns() + realtime_offset_ns);
}
