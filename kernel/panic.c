/*
 * panic.c - the end of the line for a kernel bug: print why, where from
 * (a symbolized backtrace), and stop the VM with KEEL_STATUS_PANIC.
 */
#include "klib.h"
#include "cpu.h"
#include "spinlock.h"

__noreturn void panic(const char *fmt, ...)
{
	static bool in_panic;
	char buf[256];
	va_list ap;

	irq_disable();
	if (in_panic) /* panicking while printing a panic: just stop */
		machine_exit(KEEL_STATUS_PANIC);
	in_panic = true;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("\nkeel: PANIC: %s\n", buf);
	uint64_t rbp;
	__asm__ volatile("movq %%rbp, %0" : "=r"(rbp));
	backtrace_print(0, rbp); /* starts at panic's caller */
	machine_exit(KEEL_STATUS_PANIC);
}

void spin_lock_failed(struct spinlock *l)
{
	panic("spinlock '%s' taken twice (deadlock on one CPU)", l->name);
}
