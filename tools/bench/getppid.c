/*
 * getppid.c - cost of one system call through the raw `syscall` instruction.
 *
 * usage: getppid [N]      (default 10,000,000 calls)
 *
 * Times N getppid calls (rax = 110; the instruction clobbers rcx and r11)
 * with clock_gettime(CLOCK_MONOTONIC), after a short warm-up, and prints
 * the total and the nanoseconds per call. Also times the same loop with
 * the `syscall` instruction left out, so a reader can see how much of a
 * call is the loop itself. Built static (gcc -static) so the same file
 * runs on the host, in keel and as a Linux guest's program.
 *
 * Under QEMU -icount shift=0,sleep=off guest time advances 1 ns per guest
 * instruction, so there the figures are instruction counts.
 *
 * Output (parsed by tools/bench-syscall):
 *   getppid: N calls in T ns: X.XXX ns/call (ppid P)
 *   empty loop: N iterations in T ns: X.XXX ns/iteration
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline long raw_getppid(void)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(110L) : "rcx", "r11", "memory");
	return ret;
}

/* The loop of run_syscalls() without the syscall: same shape, same count. */
static inline long no_call(void)
{
	long ret;

	__asm__ volatile("" : "=a"(ret) : "a"(110L) : "rcx", "r11", "memory");
	return ret;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long run_syscalls(long n, long *ppid)
{
	long long t0 = now_ns();
	long r = 0;

	for (long i = 0; i < n; i++)
		r = raw_getppid();
	*ppid = r;
	return now_ns() - t0;
}

static long long run_empty(long n)
{
	long long t0 = now_ns();

	for (long i = 0; i < n; i++)
		no_call();
	return now_ns() - t0;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 0) : 10000000L;
	long ppid;

	if (n <= 0) {
		fprintf(stderr, "usage: getppid [N > 0]\n");
		return 2;
	}
	run_syscalls(n / 100 + 1, &ppid); /* warm-up: page in, settle caches */
	long long t = run_syscalls(n, &ppid);
	long long e = run_empty(n);
	printf("getppid: %ld calls in %lld ns: %.3f ns/call (ppid %ld)\n", n, t, (double)t / n, ppid);
	printf("empty loop: %ld iterations in %lld ns: %.3f ns/iteration\n", n, e, (double)e / n);
	return ppid < 0;
}
