/*
 * selftest.c - --selftest=libc: the kernel's libc, run the way a program
 * in linked mode will run it.
 *
 * A kernel thread plays the program. It takes a stack in the lower half
 * (mmap), moves onto it and calls musl's __libc_start_main with a main of
 * ours and an argv, environment and auxiliary vector, as a program's
 * _start does. musl sets itself up -- its thread pointer (arch_prctl, on
 * its static thread block in kernel memory), environ, stdio -- and main
 * runs the checks below, calling musl by its prefixed names. Every
 * system call musl makes is a direct call (direct.c). main's value goes
 * to musl's exit(), which flushes stdout and ends the VM with
 * exit_group: status 0 when every check passed.
 *
 * Why its own stack: signal delivery, pthread_create (clone) and the
 * return from a handler (rt_sigreturn) take the real trap, which starts
 * at the top of the thread's kernel stack, so the thread must not be
 * running on it -- as a program thread never is. The kernel frames left
 * on that stack are those of a thread start that never returns.
 *
 * Checks: formatted output (%d %s %f %e %x), strtod, qsort, malloc and
 * free over many sizes (musl's mallocng over brk and mmap), stdio on a
 * ramfs file written and read back, printf to the console, time(),
 * getpid, errno and strerror, the environment, kernel buffers passed to
 * and refused by system calls; that none of this trapped; then signals (a handler run by raise, a blocking read cut
 * short by SIGALRM with EINTR) and threads (two joined workers sharing
 * a mutex, a detached one that unmaps its own stack). It also prints what
 * a getppid costs through musl and the direct layer and through the trap.
 *
 * Compiled with vector registers allowed (kernel/libc/libc.mk): it hands
 * doubles to musl.
 */
#include "selftest.h"
#include "libc.h"
#include "sched.h"
#include "proc.h"
#include "mm.h"
#include "syscall.h"
#include "time.h"
#include <asm/unistd_64.h>
#include <asm-generic/errno.h>
#include <asm-generic/mman.h>
#include <linux/mman.h>

/* --- musl, by its prefixed names (types as musl's x86_64 ABI has them) --- */
struct musl_file;
int __musl___libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
			     void (*init)(void), void (*fini)(void), void (*ldso)(void));
int __musl_snprintf(char *buf, size_t n, const char *fmt, ...);
int __musl_printf(const char *fmt, ...);
double __musl_strtod(const char *s, char **end);
void __musl_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *__musl_malloc(size_t n);
void *__musl_calloc(size_t n, size_t size);
void *__musl_realloc(void *p, size_t n);
void __musl_free(void *p);
struct musl_file *__musl_fopen(const char *path, const char *mode);
int __musl_fprintf(struct musl_file *f, const char *fmt, ...);
char *__musl_fgets(char *buf, int n, struct musl_file *f);
int __musl_fclose(struct musl_file *f);
int __musl_remove(const char *path);
long __musl_time(long *t);
int __musl_getpid(void);
int __musl_getppid(void);
int *__musl___errno_location(void);
char *__musl_strerror(int err);
char *__musl_getenv(const char *name);
int __musl_open(const char *path, int flags, ...);
int __musl_strcmp(const char *a, const char *b);
int __musl_memcmp(const void *a, const void *b, size_t n);
void (*__musl_signal(int sig, void (*fn)(int)))(int);
int __musl_raise(int sig);
int __musl_siginterrupt(int sig, int flag);
int __musl_pipe(int fds[2]);
long __musl_read(int fd, void *buf, size_t n);
long __musl_write(int fd, const void *buf, size_t n);
int __musl_close(int fd);
unsigned __musl_ualarm(unsigned usecs, unsigned interval);
int __musl_sched_yield(void);
int __musl_pthread_create(void **t, const void *attr, void *(*fn)(void *), void *arg);
int __musl_pthread_join(void *t, void **ret);
int __musl_pthread_attr_init(void *attr);
int __musl_pthread_attr_setdetachstate(void *attr, int state);
int __musl_pthread_mutex_lock(void *m);
int __musl_pthread_mutex_unlock(void *m);

#define MUSL_ERRNO (*__musl___errno_location())
#define SIG_ERR_ ((void (*)(int))-1)
#define SIGUSR1_ 10
#define SIGALRM_ 14
#define PTHREAD_CREATE_DETACHED_ 1

static uint64_t trap_total(void)
{
	uint64_t n = 0;
	for (unsigned long nr = 0; nr <= NR_SYSCALLS; nr++)
		n += syscall_count(nr);
	return n;
}

/* --- output, conversion, sorting --- */

static void check_format(void)
{
	char buf[128];
	int n = __musl_snprintf(buf, sizeof(buf), "%d|%s|%.3f|%e|%x|%5.1f|%lu", -42, "musl", 3.14159,
				1e-10, 0xbeef, 2.25, 18446744073709551615UL);
	ST_CHECK(__musl_strcmp(buf, "-42|musl|3.142|1.000000e-10|beef|  2.2|18446744073709551615") == 0);
	ST_CHECK(n == (int)strlen(buf));
	ST_CHECK(__musl_snprintf(buf, 4, "%s", "truncated") == 9 && __musl_strcmp(buf, "tru") == 0);
	n = __musl_printf("libc: printf to stdout: %d%% of %s\n", 100, "fd 1");
	ST_CHECK(n == (int)strlen("libc: printf to stdout: 100% of fd 1\n"));
}

static void check_strtod(void)
{
	char *end;
	ST_CHECK(__musl_strtod("2.5e3xyz", &end) == 2500.0 && *end == 'x');
	ST_CHECK(__musl_strtod("0x1p-2", &end) == 0.25 && *end == 0);
	ST_CHECK(__musl_strtod("  -0.1", &end) == -0.1);
	ST_CHECK(__musl_strtod("1e400", &end) > 1e308 && MUSL_ERRNO == ERANGE);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void check_qsort(void)
{
	enum { N = 1000 };
	static int v[N];
	uint32_t seed = 12345;
	long sum = 0, sorted_sum = 0;
	for (int i = 0; i < N; i++) {
		seed = seed * 1103515245 + 12345;
		v[i] = (int)(seed >> 8) % 100000 - 50000;
		sum += v[i];
	}
	__musl_qsort(v, N, sizeof(v[0]), cmp_int);
	int in_order = 1;
	for (int i = 0; i < N; i++) {
		sorted_sum += v[i];
		if (i && v[i - 1] > v[i])
			in_order = 0;
	}
	ST_CHECK(in_order && sum == sorted_sum);
}

/* --- the heap: musl's mallocng over brk and mmap, through direct calls --- */

static void check_malloc(void)
{
	enum { N = 300 };
	static unsigned char *p[N];
	static size_t len[N];
	int bad = 0;
	for (int i = 0; i < N; i++) {
		/* 1 byte to 4 MiB: slots, groups and whole mmaps */
		len[i] = i < 200 ? (size_t)(i * 37 % 4096 + 1) : (size_t)1 << (i % 23);
		p[i] = __musl_malloc(len[i]);
		if (!p[i] || ((uintptr_t)p[i] & 15) || (uintptr_t)p[i] >= USER_TOP) {
			bad++;
			continue;
		}
		memset(p[i], i & 0xff, len[i]);
	}
	for (int k = 0; k < N; k++) { /* free in a scrambled order, checking contents first */
		int i = (k * 7) % N;
		for (size_t j = 0; p[i] && j < len[i]; j += 61)
			if (p[i][j] != (i & 0xff))
				bad++;
		__musl_free(p[i]);
	}
	ST_CHECK(bad == 0);

	unsigned char *z = __musl_calloc(1000, 100);
	int nonzero = 0;
	for (int i = 0; z && i < 100000; i++)
		nonzero += z[i] != 0;
	ST_CHECK(z && nonzero == 0);
	unsigned char *r = __musl_realloc(z, 3 << 20); /* grows into an mmap */
	ST_CHECK(r && r[99999] == 0);
	__musl_free(r);
	printk("selftest libc: 300 blocks of 1 B to 4 MiB allocated, checked and freed "
	       "(brk %lu, mmap %lu, munmap %lu calls)\n", libc_direct_count(__NR_brk),
	       libc_direct_count(__NR_mmap), libc_direct_count(__NR_munmap));
	ST_CHECK(libc_direct_count(__NR_brk) > 0 && libc_direct_count(__NR_mmap) > 0);
}

/* --- stdio on a file, the environment, time, errno --- */

static void check_files(void)
{
	const char *path = "/tmp/libc-selftest.txt";
	char line[128];
	struct musl_file *f = __musl_fopen(path, "w");
	ST_CHECK(f != NULL);
	if (!f)
		return;
	for (int i = 0; i < 500; i++) /* more than one stdio buffer's worth */
		ST_CHECK(__musl_fprintf(f, "line %03d of %s, %.2f\n", i, "the file", i / 4.0) > 0);
	ST_CHECK(__musl_fclose(f) == 0);

	f = __musl_fopen(path, "r");
	ST_CHECK(f != NULL);
	if (!f)
		return;
	int lines = 0, right = 0;
	while (__musl_fgets(line, sizeof(line), f)) {
		char want[128];
		__musl_snprintf(want, sizeof(want), "line %03d of the file, %.2f\n", lines, lines / 4.0);
		right += __musl_strcmp(line, want) == 0;
		lines++;
	}
	ST_CHECK(__musl_fclose(f) == 0);
	ST_CHECK(lines == 500 && right == 500);
	ST_CHECK(__musl_remove(path) == 0);
	ST_CHECK(__musl_fopen(path, "r") == NULL && MUSL_ERRNO == ENOENT);
	printk("selftest libc: %d lines written through stdio, %d read back right\n", lines, right);
}

static void check_process(int argc, char **argv)
{
	long now = __musl_time(NULL);
	ST_CHECK(now > 1600000000L); /* the RTC's wall clock, after 2020 */
	ST_CHECK(__musl_getpid() == proc.pid && proc.pid == thread_current()->tid);
	ST_CHECK(__musl_open("/no/such/file", 0) == -1 && MUSL_ERRNO == ENOENT);
	ST_CHECK(__musl_strcmp(__musl_strerror(ENOENT), "No such file or directory") == 0);
	ST_CHECK(argc == 1 && __musl_strcmp(argv[0], "libc-selftest") == 0);
	const char *v = __musl_getenv("KEEL_SELFTEST");
	ST_CHECK(v && __musl_strcmp(v, "libc") == 0);
	ST_CHECK(__musl_getenv("NOT_SET") == NULL);
}

/*
 * musl's buffers are kernel memory, which its direct calls may name; what
 * is not memory at all stays -EFAULT: an unmapped kernel address, a
 * non-canonical one, a range that wraps.
 */
static void check_uaccess(void)
{
	static char kernel_buf[8] = "kernel";
	char back[8];
	int fds[2];
	ST_CHECK(__musl_pipe(fds) == 0);
	ST_CHECK(__musl_write(fds[1], kernel_buf, 7) == 7);
	ST_CHECK(__musl_read(fds[0], back, sizeof(back)) == 7 && __musl_strcmp(back, "kernel") == 0);
	ST_CHECK(__musl_write(fds[1], (void *)0xffff800000000000UL, 1) == -1 && MUSL_ERRNO == EFAULT);
	ST_CHECK(__musl_write(fds[1], (void *)0x8000000000000000UL, 1) == -1 && MUSL_ERRNO == EFAULT);
	ST_CHECK(__musl_write(fds[1], (void *)-8L, 16) == -1 && MUSL_ERRNO == EFAULT);
	__musl_close(fds[0]);
	__musl_close(fds[1]);
}

/* --- signals: delivered after direct calls through the trap's exit path --- */

static volatile int usr1_hits, alrm_hits;

static void on_usr1(int sig)
{
	usr1_hits += sig == SIGUSR1_;
}

static void on_alrm(int sig)
{
	alrm_hits += sig == SIGALRM_;
}

static void check_signals(void)
{
	uint64_t traps = trap_total();
	ST_CHECK(__musl_signal(SIGUSR1_, on_usr1) != SIG_ERR_);
	ST_CHECK(__musl_raise(SIGUSR1_) == 0);
	ST_CHECK(usr1_hits == 1); /* raise returns after the handler, as on Linux */
	uint64_t raise_traps = trap_total() - traps;

	/*
	 * A blocking read cut short: the direct read returns -ERESTARTSYS, is
	 * made again through the trap, which delivers the handler and fails
	 * the read with EINTR (no SA_RESTART). The timer repeats in case a
	 * slow host lets the first expiry come before the read sleeps.
	 */
	int fds[2];
	char c;
	ST_CHECK(__musl_pipe(fds) == 0);
	ST_CHECK(__musl_signal(SIGALRM_, on_alrm) != SIG_ERR_);
	ST_CHECK(__musl_siginterrupt(SIGALRM_, 1) == 0);
	uint64_t reads = syscall_count(__NR_read);
	__musl_ualarm(20000, 20000);
	long r = __musl_read(fds[0], &c, 1); /* nothing will ever come */
	int err = MUSL_ERRNO;
	__musl_ualarm(0, 0);
	reads = syscall_count(__NR_read) - reads;
	ST_CHECK(r == -1 && err == EINTR && alrm_hits >= 1);
	ST_CHECK(reads == 1); /* the replay through the trap */
	__musl_close(fds[0]);
	__musl_close(fds[1]);
	printk("selftest libc: raise ran its handler (%lu traps: getppid, rt_sigreturn); "
	       "a read interrupted by SIGALRM failed with EINTR after %lu trapped replay\n",
	       raise_traps, reads);
	ST_CHECK(raise_traps == 2);
}

/*
 * --- cost: getppid through musl and the direct layer, and through the trap ---
 * Information, not a check. Under tools/run --icount a nanosecond is one
 * guest instruction.
 */
static void measure(void)
{
	enum { N = 100000 };
	uint64_t t0 = clock_ns();
	for (int i = 0; i < N; i++)
		__musl_getppid();
	uint64_t t1 = clock_ns();
	for (int i = 0; i < N; i++) {
		long r;
		__asm__ volatile("syscall" : "=a"(r) : "a"((long)__NR_getppid) : "rcx", "r11", "memory");
	}
	uint64_t t2 = clock_ns();
	printk("selftest libc: getppid: %lu ns through musl and a direct call, %lu ns through "
	       "the trap\n", (t1 - t0) / N, (t2 - t1) / N);
}

/* --- threads: clone through the trap, the rest direct --- */

struct shared {
	union { char bytes[40]; long align; } mutex; /* pthread_mutex_t, zero = initializer */
	long counter;
	volatile int detached_ran;
};

static void *worker(void *arg)
{
	struct shared *s = arg;
	for (int i = 0; i < 2000; i++) {
		__musl_pthread_mutex_lock(&s->mutex);
		s->counter++;
		__musl_pthread_mutex_unlock(&s->mutex);
		if (i % 200 == 0)
			__musl_sched_yield();
	}
	char *p = __musl_malloc(64);
	if (p)
		__musl_snprintf(p, 64, "thread %d", __musl_getpid());
	__musl_free(p);
	return (void *)0x1234;
}

static void *detached(void *arg)
{
	struct shared *s = arg;
	s->detached_ran = 1;
	return NULL; /* then pthread_exit unmaps this stack (keel_libc_unmapself) */
}

static void check_threads(void)
{
	static struct shared s;
	void *t[2], *ret[2] = { NULL, NULL }, *d;
	union { char bytes[64]; long align; } attr;

	for (int i = 0; i < 2; i++)
		ST_CHECK(__musl_pthread_create(&t[i], NULL, worker, &s) == 0);
	for (int i = 0; i < 2; i++)
		ST_CHECK(__musl_pthread_join(t[i], &ret[i]) == 0 && ret[i] == (void *)0x1234);
	ST_CHECK(s.counter == 4000);

	ST_CHECK(__musl_pthread_attr_init(&attr) == 0);
	ST_CHECK(__musl_pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED_) == 0);
	ST_CHECK(__musl_pthread_create(&d, &attr, detached, &s) == 0);
	while (!s.detached_ran)
		__musl_sched_yield();
	/* needs musl's thread-list lock, which the detached thread's exit must have released */
	ST_CHECK(__musl_pthread_create(&t[0], NULL, worker, &s) == 0);
	ST_CHECK(__musl_pthread_join(t[0], &ret[0]) == 0 && s.counter == 6000);
	printk("selftest libc: 2 threads counted to %ld under a mutex; a detached thread "
	       "unmapped its stack and exited\n", s.counter);
}

/* --- the "program" --- */

static int libc_main(int argc, char **argv, char **envp)
{
	(void)envp;
	uint64_t traps = trap_total(), direct = libc_direct_total();
	check_format();
	check_strtod();
	check_qsort();
	check_malloc();
	check_files();
	check_process(argc, argv);
	check_uaccess();
	traps = trap_total() - traps;
	direct = libc_direct_total() - direct;
	printk("selftest libc: %lu direct system calls, %lu traps\n", direct, traps);
	ST_CHECK(traps == 0 && direct > 0); /* pure libc work never traps */
	check_signals();
	measure();
	check_threads();
	__musl_printf("selftest libc: %s\n", st_failures ? "FAILED" : "passed");
	return st_failures ? 1 : 0;
}

#define AT_NULL_ 0
#define AT_PAGESZ_ 6
#define AT_RANDOM_ 25

/* argv, then envp, then the auxiliary vector: one array, as on a program's stack */
static char *start_vector[] = {
	"libc-selftest", NULL,
	"KEEL_SELFTEST=libc", "PATH=/bin", NULL,
	(char *)AT_PAGESZ_, (char *)PAGE_SIZE,
	(char *)AT_RANDOM_, NULL, /* filled in */
	(char *)AT_NULL_, NULL,
};

static void libc_start(void)
{
	static uint8_t random[16];
	random_bytes(random, sizeof(random));
	start_vector[8] = (char *)random;
	__musl___libc_start_main(libc_main, 1, start_vector, NULL, NULL, NULL);
	printk("selftest libc: __libc_start_main returned\n");
	machine_exit(1);
}

#define STACK_SIZE (1UL << 20)

static void libc_thread(void *arg)
{
	(void)arg;
	/* the process this thread plays: its pid, an empty heap above a fixed break */
	proc.pid = thread_current()->tid;
	proc.brk_start = proc.brk = 0x10000000;
	proc.nr_threads = 1;
	long stack = sys_mmap(0, STACK_SIZE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (stack < 0) {
		printk("selftest libc: no stack (mmap: %ld)\n", stack);
		machine_exit(1);
	}
	__asm__ volatile("mov %0, %%rsp\n\t"
			 "xor %%ebp, %%ebp\n\t"
			 "call *%1\n\t"
			 "ud2"
			 :
			 : "r"(stack + STACK_SIZE), "r"(libc_start)
			 : "memory");
	__builtin_unreachable();
}

int selftest_libc(const char *arg)
{
	(void)arg;
	struct thread *t = thread_create(libc_thread, NULL, "libc-selftest");
	ST_CHECK(t != NULL);
	if (t)
		thread_join(t); /* returns only if musl's exit did not end the VM */
	return 1;
}
