/*
 * dispatch.c - from the trap frame to sys_*, and back.
 *
 * The number is checked against the table; a hole or an out-of-range
 * number returns -ENOSYS and is reported once, by name, on the console
 * (programs probe for newer calls -- rseq, clone3, statx -- and fall back,
 * so a report is information, not an error). Handlers run with interrupts
 * enabled, on the calling thread's kernel stack, and may sleep. Each trap
 * is counted per number (syscall_print_stats; --syscall-stats prints them
 * at exit).
 */
#include "syscall.h"
#include "cpu.h"
#include "klib.h"
#include "sched.h"
#include "ksignal.h"
#include <asm-generic/errno.h>

#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_FMASK 0xc0000084
#define EFER_SCE 1
/* cleared on entry: TF, IF, DF, IOPL, NT, AC -- as Linux does */
#define SYSCALL_FMASK (0x100 | 0x200 | 0x400 | 0x3000 | 0x4000 | 0x40000)

extern char syscall_entry[];
static uint64_t counts[NR_SYSCALLS + 1]; /* [NR_SYSCALLS]: out-of-range numbers */
static uint8_t reported[NR_SYSCALLS + 1];

void syscall_init(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	/* CS on SYSCALL = STAR[47:32], SS = that + 8: our kernel selectors. */
	wrmsr(MSR_STAR, (uint64_t)SEL_KCODE << 32);
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, SYSCALL_FMASK);
}

static long unknown(unsigned long nr)
{
	unsigned long slot = nr < NR_SYSCALLS ? nr : NR_SYSCALLS;
	if (!reported[slot]) {
		reported[slot] = 1;
		printk("keel: system call %s (%lu) is not implemented; it returns -ENOSYS "
		       "(reported once)\n", syscall_name(nr), nr);
	}
	return -ENOSYS;
}

long syscall_invoke(unsigned long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	if (nr >= NR_SYSCALLS || !syscall_table[nr])
		return unknown(nr);
	return syscall_table[nr](a0, a1, a2, a3, a4, a5);
}

int syscall_dispatch(struct trap_frame *f)
{
	struct thread *t = thread_current();
	unsigned long nr = f->rax;

	counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS]++; /* interrupts are still off */
	t->syscall_frame = f;
	t->full_return = false;
	irq_enable();
	long ret = syscall_invoke(nr, f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9);
	irq_disable();
	if (!t->full_return)
		f->rax = ret;
	if ((t->sig_pending & ~t->sig_mask) || t->sig_restore_mask)
		t->full_return |= signal_deliver(f, ret);
	t->syscall_frame = NULL;
	return t->full_return;
}

void syscall_set_full_return(void)
{
	thread_current()->full_return = true;
}

uint64_t syscall_count(unsigned long nr)
{
	return counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS];
}

void syscall_print_stats(void)
{
	static uint8_t done[NR_SYSCALLS + 1];
	uint64_t total = 0;

	memset(done, 0, sizeof(done));
	for (unsigned i = 0; i <= NR_SYSCALLS; i++)
		total += counts[i];
	printk("syscall traps: %lu in all\n", total);
	for (;;) { /* selection by count: the table is small and this runs once */
		unsigned best = NR_SYSCALLS + 1;
		for (unsigned i = 0; i <= NR_SYSCALLS; i++)
			if (!done[i] && counts[i] && (best > NR_SYSCALLS || counts[i] > counts[best]))
				best = i;
		if (best > NR_SYSCALLS)
			break;
		done[best] = 1;
		printk("  %10lu  %s\n", counts[best],
		       best == NR_SYSCALLS ? "(out-of-range numbers)" : syscall_name(best));
	}
}
