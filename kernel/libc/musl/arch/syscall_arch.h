/*
 * syscall_arch.h - keel's system-call layer for the kernel's libc.
 *
 * This directory comes first in the include path musl is compiled with
 * (kernel/libc/musl.mk), so this header stands in for musl's
 * arch/x86_64/syscall_arch.h. Where musl inlines a `syscall` instruction
 * in __syscall0..6, keel makes an ordinary function call into the kernel:
 * keel_libc_syscall() (kernel/libc/direct.c) calls syscall_table[n] with
 * the arguments, as the trap would, and returns the value or -errno the
 * same way. The number is passed last, so that the arguments are already
 * in the registers the kernel's handler takes them in. Everything musl builds on top -- __syscall_ret setting errno,
 * the cancellation wrappers, the socketcall fallback -- is unchanged.
 *
 * The call costs an ordinary call and return, with no stack switch, no
 * register saving beyond the C ABI's and no trap. Calls that need a
 * trap frame (clone, rt_sigreturn, sigaltstack) are sent down the real
 * trap by keel_libc_syscall itself, so this header knows no numbers.
 *
 * The vDSO is used as musl uses it (VDSO_USEFUL: clock_gettime and
 * getcpu through keel's vDSO, found from AT_SYSINFO_EHDR): reading the
 * clock there costs less than even a direct call into the kernel (109
 * against 180 guest instructions per clock_gettime in make bench-linked).
 * Without AT_SYSINFO_EHDR (the self-test) musl falls back to the call.
 */
#define VDSO_USEFUL
#define VDSO_CGT_SYM "__vdso_clock_gettime"
#define VDSO_CGT_VER "LINUX_2.6"
#define VDSO_GETCPU_SYM "__vdso_getcpu"
#define VDSO_GETCPU_VER "LINUX_2.6"

#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

__attribute__((__visibility__("hidden")))
long keel_libc_syscall(long a1, long a2, long a3, long a4, long a5, long a6, long n);

static __inline long __syscall0(long n)
{
	return keel_libc_syscall(0, 0, 0, 0, 0, 0, n);
}

static __inline long __syscall1(long n, long a1)
{
	return keel_libc_syscall(a1, 0, 0, 0, 0, 0, n);
}

static __inline long __syscall2(long n, long a1, long a2)
{
	return keel_libc_syscall(a1, a2, 0, 0, 0, 0, n);
}

static __inline long __syscall3(long n, long a1, long a2, long a3)
{
	return keel_libc_syscall(a1, a2, a3, 0, 0, 0, n);
}

static __inline long __syscall4(long n, long a1, long a2, long a3, long a4)
{
	return keel_libc_syscall(a1, a2, a3, a4, 0, 0, n);
}

static __inline long __syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	return keel_libc_syscall(a1, a2, a3, a4, a5, 0, n);
}

static __inline long __syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	return keel_libc_syscall(a1, a2, a3, a4, a5, a6, n);
}

/* SysV IPC: x86-64 takes the commands as they are (no IPC_64 flag), as in musl */
#define IPC_64 0
