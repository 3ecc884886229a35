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
#include "libc/libc.h"
#include <asm/unistd_64.h>
#include <asm-generic/errno.h>

#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_FMASK 0xc0000084
#define EFER_SCE 1
/* cleared on entry: TF, IF, DF, IOPL, NT, AC -- as Linux does */
#define SYSCALL_FMASK (0x100 | 0x200 | 0x400 | 0x3000 | 0x4000 | 0x40000)

extern char syscall_entry[];
/* Read by entry.S: the fast path counts here; set bits send a number down the full path. */
uint64_t syscall_counts[NR_SYSCALLS + 1]; /* [NR_SYSCALLS]: out-of-range numbers */
uint64_t syscall_slow_map[NR_SYSCALLS / 64];
uint64_t syscall_direct_slow_map[NR_SYSCALLS / 64];
static uint8_t reported[NR_SYSCALLS + 1];


/* Calls that read or rewrite the caller's whole register set need the full frame. */
static const unsigned full_frame_calls[] = { __NR_clone, __NR_clone3, __NR_rt_sigreturn };
/* ... and calls the kernel's libc does not make as plain direct calls (syscall.h) */
static const unsigned not_direct_calls[] = { __NR_sigaltstack, __NR_exit };

static void mark(uint64_t *map, unsigned nr)
{
	map[nr / 64] |= 1ULL << (nr % 64);
}

void syscall_init(void)
{
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	/* CS on SYSCALL = STAR[47:32], SS = that + 8: our kernel selectors. */
	wrmsr(MSR_STAR, (uint64_t)SEL_KCODE << 32);
	wrmsr(MSR_LSTAR, (uint64_t)syscall_entry);
	wrmsr(MSR_FMASK, SYSCALL_FMASK);
	for (unsigned nr = 0; nr < NR_SYSCALLS; nr++) /* holes: the full path reports them */
		if (!syscall_table[nr])
			mark(syscall_slow_map, nr);
	for (unsigned i = 0; i < ARRAY_SIZE(full_frame_calls); i++)
		mark(syscall_slow_map, full_frame_calls[i]);
	memcpy(syscall_direct_slow_map, syscall_slow_map, sizeof(syscall_slow_map));
	for (unsigned i = 0; i < ARRAY_SIZE(not_direct_calls); i++)
		mark(syscall_direct_slow_map, not_direct_calls[i]);
}

/* After a fast-path call, with signal work: f is the full frame entry.S built. */
void syscall_exit_work(struct trap_frame *f)
{
	struct thread *t = thread_current();
	t->syscall_frame = f;
	signal_deliver(f, (long)f->rax);
	t->syscall_frame = NULL;
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
	this_cpu()->syscall_nr = nr;

	syscall_counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS]++; /* interrupts are still off */
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
	return syscall_counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS];
}

void syscall_print_stats(void)
{
	static uint8_t done[NR_SYSCALLS + 1];
	uint64_t total = 0;

	memset(done, 0, sizeof(done));
	for (unsigned i = 0; i <= NR_SYSCALLS; i++)
		total += syscall_counts[i];
	/* direct: the kernel's libc calling sys_* as functions (linked mode, kernel/libc/direct.c) */
	printk("syscall traps: %lu in all; direct calls: %lu in all\n", total, libc_direct_total());
	for (;;) { /* selection by count: the table is small and this runs once */
		unsigned best = NR_SYSCALLS + 1;
		uint64_t best_n = 0;
		for (unsigned i = 0; i <= NR_SYSCALLS; i++) {
			uint64_t n = syscall_counts[i] + libc_direct_count(i);
			if (!done[i] && n && (best > NR_SYSCALLS || n > best_n))
				best = i, best_n = n;
		}
		if (best > NR_SYSCALLS)
			break;
		done[best] = 1;
		printk("  %10lu traps %10lu direct  %s\n", syscall_counts[best], libc_direct_count(best),
		       best == NR_SYSCALLS ? "(out-of-range numbers)" : syscall_name(best));
	}
}
