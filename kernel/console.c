/*
 * console.c - the kernel console on COM1 (16550 UART at 0x3f8), polled.
 *
 * Output is written with interrupts off so that lines from an interrupt
 * handler and from a thread never interleave mid-line. Polling is fine: the
 * console carries logs and the program's stdout, and QEMU's UART never
 * makes us wait long.
 */
#include "klib.h"
#include "cpu.h"
#include "spinlock.h"

#define COM1 0x3f8

static struct spinlock console_lock = SPINLOCK_INIT("console");

void console_init(void)
{
	outb(COM1 + 1, 0x00); /* no UART interrupts */
	outb(COM1 + 3, 0x80); /* DLAB on */
	outb(COM1 + 0, 0x01); /* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03); /* 8N1 */
	outb(COM1 + 2, 0xc7); /* FIFO on */
	outb(COM1 + 4, 0x03);
}

static void uart_putc(char c)
{
	for (int spins = 0; !(inb(COM1 + 5) & 0x20) && spins < 100000; spins++)
		cpu_relax();
	outb(COM1, c);
}

void console_write(const char *s, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&console_lock);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart_putc('\r');
		uart_putc(s[i]);
	}
	spin_unlock_irqrestore(&console_lock, flags);
}

int printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
	return n;
}
