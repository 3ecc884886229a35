/*
 * selftest_sched.c - self-tests of threads: preemption by the timer, wait
 * queue round trips, mutexes under contention, FPU state across switches,
 * and sleeps.
 */
#include "selftest.h"
#include "sched.h"
#include "time.h"
#include "mm.h"
#include "vma.h"

/* --- preempt: two threads that never yield must both make progress --- */

static volatile bool stop;

static void spinner(void *arg)
{
	volatile uint64_t *count = arg;
	while (!stop)
		(*count)++;
}

int selftest_preempt(const char *arg)
{
	(void)arg;
	volatile uint64_t a = 0, b = 0;
	stop = false;
	struct thread *ta = thread_create(spinner, (void *)&a, "spin-a");
	struct thread *tb = thread_create(spinner, (void *)&b, "spin-b");
	ST_CHECK(ta && tb);
	/* main can only wake from this sleep if the timer preempts the spinners */
	thread_sleep_ns(100000000);
	stop = true;
	uint64_t pa = ta->preemptions, pb = tb->preemptions;
	thread_join(ta);
	thread_join(tb);
	printk("selftest preempt: spinners counted %lu and %lu, preempted %lu and %lu times\n", a,
	       b, pa, pb);
	ST_CHECK(a > 0 && b > 0);
	ST_CHECK(pa > 0 && pb > 0);
	return 0;
}

/* --- pingpong: strict alternation through two wait queues --- */

#define ROUNDS 100000

struct pingpong {
	struct waitq wq[2];
	volatile int turn; /* whose turn: 0 or 1; guarded by sched_lock */
	uint64_t done[2];
};

static void player(struct pingpong *pp, int me)
{
	for (int i = 0; i < ROUNDS; i++) {
		unsigned long flags = sched_lock_irqsave();
		while (pp->turn != me)
			waitq_wait_locked(&pp->wq[me], 0);
		pp->done[me]++;
		pp->turn = !me;
		waitq_wake_locked(&pp->wq[!me], 1);
		sched_unlock_irqrestore(flags);
	}
}

static void player1(void *arg)
{
	player(arg, 1);
}

int selftest_pingpong(const char *arg)
{
	(void)arg;
	static struct pingpong pp;
	waitq_init(&pp.wq[0]);
	waitq_init(&pp.wq[1]);
	pp.turn = 0;
	uint64_t sw0 = sched_context_switches(), t0 = clock_ns();
	struct thread *t = thread_create(player1, &pp, "pong");
	ST_CHECK(t != NULL);
	player(&pp, 0);
	thread_join(t);
	uint64_t ns = clock_ns() - t0, sw = sched_context_switches() - sw0;
	printk("selftest pingpong: %lu + %lu turns, %lu context switches, %lu ns per round trip\n",
	       pp.done[0], pp.done[1], sw, ns / ROUNDS);
	ST_CHECK(pp.done[0] == ROUNDS && pp.done[1] == ROUNDS);
	ST_CHECK(sw >= 2 * ROUNDS - 2);
	return 0;
}

/* --- mutex: a non-atomic read-modify-write made safe only by the mutex --- */

#define MUTEX_THREADS 4
#define MUTEX_ITERS 20000

static struct mutex m;
static volatile uint64_t shared;

static void mutex_worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < MUTEX_ITERS; i++) {
		mutex_lock(&m);
		uint64_t v = shared;
		for (volatile int k = 0; k < 20; k++) /* widen the window for preemption */
			;
		shared = v + 1;
		mutex_unlock(&m);
	}
}

int selftest_mutex(const char *arg)
{
	(void)arg;
	struct thread *t[MUTEX_THREADS];
	mutex_init(&m);
	shared = 0;
	for (int i = 0; i < MUTEX_THREADS; i++)
		t[i] = thread_create(mutex_worker, NULL, "mutex");
	uint64_t preempted = 0;
	for (int i = 0; i < MUTEX_THREADS; i++) {
		ST_CHECK(t[i] != NULL);
		preempted += t[i]->preemptions;
		thread_join(t[i]);
	}
	printk("selftest mutex: counter %lu (expected %d)\n", shared, MUTEX_THREADS * MUTEX_ITERS);
	ST_CHECK(shared == MUTEX_THREADS * MUTEX_ITERS);
	ST_CHECK(mutex_trylock(&m));
	ST_CHECK(!mutex_trylock(&m));
	mutex_unlock(&m);
	return 0;
}

/* --- fpu: each thread fills xmm0-15 with its own pattern, switches, checks --- */

static void fill_xmm(const uint8_t *src)
{
	__asm__ volatile("movdqu 0(%0), %%xmm0\n\tmovdqu 16(%0), %%xmm1\n\t"
			 "movdqu 32(%0), %%xmm2\n\tmovdqu 48(%0), %%xmm3\n\t"
			 "movdqu 64(%0), %%xmm4\n\tmovdqu 80(%0), %%xmm5\n\t"
			 "movdqu 96(%0), %%xmm6\n\tmovdqu 112(%0), %%xmm7\n\t"
			 "movdqu 128(%0), %%xmm8\n\tmovdqu 144(%0), %%xmm9\n\t"
			 "movdqu 160(%0), %%xmm10\n\tmovdqu 176(%0), %%xmm11\n\t"
			 "movdqu 192(%0), %%xmm12\n\tmovdqu 208(%0), %%xmm13\n\t"
			 "movdqu 224(%0), %%xmm14\n\tmovdqu 240(%0), %%xmm15" ::"r"(src) : "memory");
}

static void read_xmm(uint8_t *dst)
{
	__asm__ volatile("movdqu %%xmm0, 0(%0)\n\tmovdqu %%xmm1, 16(%0)\n\t"
			 "movdqu %%xmm2, 32(%0)\n\tmovdqu %%xmm3, 48(%0)\n\t"
			 "movdqu %%xmm4, 64(%0)\n\tmovdqu %%xmm5, 80(%0)\n\t"
			 "movdqu %%xmm6, 96(%0)\n\tmovdqu %%xmm7, 112(%0)\n\t"
			 "movdqu %%xmm8, 128(%0)\n\tmovdqu %%xmm9, 144(%0)\n\t"
			 "movdqu %%xmm10, 160(%0)\n\tmovdqu %%xmm11, 176(%0)\n\t"
			 "movdqu %%xmm12, 192(%0)\n\tmovdqu %%xmm13, 208(%0)\n\t"
			 "movdqu %%xmm14, 224(%0)\n\tmovdqu %%xmm15, 240(%0)" ::"r"(dst) : "memory");
}

struct fpu_job {
	uint8_t seed;
	uint32_t mxcsr; /* as the new thread found it */
	int mismatches;
};

static void fpu_worker(void *arg)
{
	struct fpu_job *job = arg;
	uint8_t want[256], got[256];

	__asm__ volatile("stmxcsr %0" : "=m"(job->mxcsr));
	for (int i = 0; i < 256; i++)
		want[i] = (uint8_t)(job->seed * 31 + i);
	for (int round = 0; round < 200; round++) {
		fill_xmm(want);
		thread_yield();
		for (volatile int k = 0; k < 2000; k++) /* also get preempted mid-way */
			;
		read_xmm(got);
		job->mismatches += memcmp(want, got, sizeof(want)) != 0;
	}
}

int selftest_fpu(const char *arg)
{
	(void)arg;
	struct fpu_job jobs[3] = { { .seed = 1 }, { .seed = 2 }, { .seed = 3 } };
	struct thread *t[3];
	for (int i = 0; i < 3; i++)
		t[i] = thread_create(fpu_worker, &jobs[i], "fpu");
	for (int i = 0; i < 3; i++) {
		ST_CHECK(t[i] != NULL);
		thread_join(t[i]);
		printk("selftest fpu: thread %d: %d mismatches in 200 rounds, initial MXCSR %#x\n", i,
		       jobs[i].mismatches, jobs[i].mxcsr);
		ST_CHECK(jobs[i].mismatches == 0);
		ST_CHECK(jobs[i].mxcsr == 0x1f80);
	}
	return 0;
}

/* --- sleep: threads sleeping different times wake in deadline order --- */

static volatile int wake_order[4], wake_count;

static void sleeper(void *arg)
{
	int ms = (int)(uintptr_t)arg;
	uint64_t t0 = clock_ns();
	thread_sleep_ns((uint64_t)ms * 1000000);
	ST_CHECK(clock_ns() - t0 >= (uint64_t)ms * 1000000);
	wake_order[wake_count++] = ms;
}

int selftest_sleep(const char *arg)
{
	(void)arg;
	static const int ms[4] = { 40, 10, 30, 20 };
	struct thread *t[4];
	wake_count = 0;
	for (int i = 0; i < 4; i++)
		t[i] = thread_create(sleeper, (void *)(uintptr_t)ms[i], "sleeper");
	for (int i = 0; i < 4; i++) {
		ST_CHECK(t[i] != NULL);
		thread_join(t[i]);
	}
	printk("selftest sleep: woke in order %d %d %d %d\n", wake_order[0], wake_order[1],
	       wake_order[2], wake_order[3]);
	ST_CHECK(wake_count == 4);
	for (int i = 0; i < 4; i++)
		ST_CHECK(wake_order[i] == 10 * (i + 1));
	return 0;
}

/* --- redzone: interrupts must not touch the 128 bytes below a program's %rsp --- */

#define RZ_STACK_VA 0x20000000UL
#define RZ_STACK_SIZE (16 * 4096UL)

/*
 * On a stack in the lower half (where program code runs), fill the red zone
 * with a pattern, spin until this thread has been preempted `target` times
 * (each preemption is a timer interrupt taken on that stack), then count
 * the red-zone words that changed. Everything happens in one asm block so
 * the compiler cannot use the red zone itself (-mno-red-zone) or the stack.
 */
static uint64_t redzone_spin(uint64_t stack_top, volatile uint64_t *preemptions, uint64_t target)
{
	uint64_t bad;
	__asm__ volatile("mov %%rsp, %%r12\n\t"
			 "mov %[top], %%rsp\n\t"
			 "lea -128(%%rsp), %%rdi\n\t"
			 "xor %%ecx, %%ecx\n"
			 "1:\n\t"
			 "lea 0x5a5a0000(%%rcx), %%rax\n\t"
			 "mov %%rax, (%%rdi,%%rcx,8)\n\t"
			 "inc %%ecx\n\t"
			 "cmp $16, %%ecx\n\t"
			 "jne 1b\n"
			 "2:\n\t"
			 "pause\n\t"
			 "cmp %[target], (%[cnt])\n\t"
			 "jb 2b\n\t"
			 "xor %%ecx, %%ecx\n\t"
			 "xor %%edx, %%edx\n"
			 "3:\n\t"
			 "lea 0x5a5a0000(%%rcx), %%rax\n\t"
			 "cmp %%rax, (%%rdi,%%rcx,8)\n\t"
			 "je 4f\n\t"
			 "inc %%rdx\n"
			 "4:\n\t"
			 "inc %%ecx\n\t"
			 "cmp $16, %%ecx\n\t"
			 "jne 3b\n\t"
			 "mov %%r12, %%rsp\n\t"
			 "mov %%rdx, %[bad]"
			 : [bad] "=r"(bad)
			 : [top] "r"(stack_top), [cnt] "r"(preemptions), [target] "r"(target)
			 : "rax", "rcx", "rdi", "rdx", "r12", "memory", "cc");
	return bad;
}

int selftest_redzone(const char *arg)
{
	struct vma v;
	(void)arg;
	ST_CHECK(mm_map_anon(RZ_STACK_VA, RZ_STACK_SIZE, PROT_R | PROT_W, &v) == 0);
	for (uint64_t a = RZ_STACK_VA; a < RZ_STACK_VA + RZ_STACK_SIZE; a += 4096)
		*(volatile char *)a = 0; /* fault the stack in now */

	volatile uint64_t other = 0;
	stop = false;
	struct thread *t = thread_create(spinner, (void *)&other, "spin");
	ST_CHECK(t != NULL);
	struct thread *me = thread_current();
	uint64_t before = me->preemptions;
	uint64_t bad = redzone_spin(RZ_STACK_VA + RZ_STACK_SIZE, &me->preemptions, before + 5);
	stop = true;
	thread_join(t);
	printk("selftest redzone: preempted %lu times on a lower-half stack, %lu of 16 red-zone "
	       "words changed\n", me->preemptions - before, bad);
	ST_CHECK(bad == 0);
	mm_unmap_anon(&v);
	return 0;
}
