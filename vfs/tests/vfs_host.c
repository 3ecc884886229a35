/*
 * vfs_host.c - the kernel services vfs/ uses, for host unit tests.
 *
 * The tests link every vfs/ source file unchanged against this file instead
 * of the kernel:
 *   - kmalloc/kzalloc/kfree are malloc/calloc/free, so ASan sees every
 *     allocation, overflow and leak of the vfs code;
 *   - mutexes are single-threaded, but lock checks ownership: locking a
 *     mutex twice (a deadlock in the kernel) aborts the test;
 *   - sched_lock and wait queues: a test never has another thread to wake
 *     it, so waitq_wait_locked() aborts ("would block forever");
 *   - user copies are memcpy, except that addresses below 4096 or at and
 *     above USER_TOP fault (-EFAULT), like unmapped or kernel addresses;
 *   - clock_realtime_ns() and clock_ns() are fake clocks the tests can set
 *     and advance; ktimer_arm() only records the deadline (tests fire it);
 *   - wait-queue callback entries (poll, epoll) are real: a wake runs them;
 *   - console_write() appends to host_console[], which tests inspect.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "time.h"

/* --- heap --- */
void *kmalloc(size_t size) { return malloc(size ? size : 1); }
void *kzalloc(size_t size) { return calloc(1, size ? size : 1); }
void kfree(void *p) { free(p); }

/* --- locks and wait queues --- */
static struct thread *const HOST_THREAD = (struct thread *)0x1000;

void mutex_init(struct mutex *m) { m->owner = NULL; }
void mutex_lock(struct mutex *m)
{
	if (m->owner) {
		fprintf(stderr, "vfs_host: mutex %p locked twice (deadlock in the kernel)\n", (void *)m);
		abort();
	}
	m->owner = HOST_THREAD;
}
bool mutex_trylock(struct mutex *m)
{
	if (m->owner)
		return false;
	m->owner = HOST_THREAD;
	return true;
}
void mutex_unlock(struct mutex *m)
{
	if (m->owner != HOST_THREAD) {
		fprintf(stderr, "vfs_host: mutex %p unlocked while not held\n", (void *)m);
		abort();
	}
	m->owner = NULL;
}

void waitq_init(struct waitq *wq)
{
	list_init(&wq->waiters);
	list_init(&wq->callbacks);
}
int waitq_wait_locked(struct waitq *wq, uint64_t deadline_ns)
{
	(void)wq; (void)deadline_ns;
	fprintf(stderr, "vfs_host: a test would block forever (waitq_wait_locked)\n");
	abort();
}
int waitq_wait_intr_locked(struct waitq *wq, uint64_t deadline_ns)
{
	return waitq_wait_locked(wq, deadline_ns); /* aborts: nothing sleeps in host tests */
}
void thread_sig_recalc(struct thread *t)
{
	t->sig_work = (t->sig_pending & ~t->sig_mask) != 0 || t->sig_restore_mask;
}
int host_wakeups;
/* no thread ever sleeps, but callback entries (poll, epoll) run as in the kernel */
int waitq_wake_key_locked(struct waitq *wq, int n, unsigned key)
{
	struct list *l, *next;

	(void)n;
	host_wakeups++;
	for (l = wq->callbacks.next; l && l != &wq->callbacks; l = next) {
		next = l->next;
		struct waitq_entry *e = container_of(l, struct waitq_entry, link);
		e->fn(e, key);
	}
	return 0;
}
int waitq_wake_key(struct waitq *wq, int n, unsigned key) { return waitq_wake_key_locked(wq, n, key); }
int waitq_wake(struct waitq *wq, int n) { return waitq_wake_key_locked(wq, n, 0); }
int waitq_wake_locked(struct waitq *wq, int n) { return waitq_wake_key_locked(wq, n, 0); }
void waitq_add_callback(struct waitq *wq, struct waitq_entry *e)
{
	if (!wq->callbacks.next)
		list_init(&wq->callbacks);
	list_push_back(&wq->callbacks, &e->link);
}
void waitq_remove_callback(struct waitq_entry *e)
{
	if (e->link.next && e->link.next != &e->link)
		list_remove(&e->link);
}
struct thread *thread_current(void)
{
	static struct thread t;
	return &t;
}
unsigned long sched_lock_irqsave(void) { return 0; }
void sched_unlock_irqrestore(unsigned long flags) { (void)flags; }

/* --- user copies --- */
static bool host_bad(const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	return a < 4096 || a >= USER_TOP || n > USER_TOP - a;
}
bool user_range_ok(const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	return a < USER_TOP && n <= USER_TOP - a;
}
int copy_from_user(void *dst, const void *usrc, size_t n)
{
	if (n == 0)
		return 0;
	if (host_bad(usrc, n))
		return -EFAULT;
	memcpy(dst, usrc, n);
	return 0;
}
int copy_to_user(void *udst, const void *src, size_t n)
{
	if (n == 0)
		return 0;
	if (host_bad(udst, n))
		return -EFAULT;
	memcpy(udst, src, n);
	return 0;
}
int clear_user(void *udst, size_t n)
{
	if (n == 0)
		return 0;
	if (host_bad(udst, n))
		return -EFAULT;
	memset(udst, 0, n);
	return 0;
}
long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
	if (host_bad(usrc, 1))
		return -EFAULT;
	for (size_t i = 0; i < max; i++) {
		dst[i] = usrc[i];
		if (!usrc[i])
			return (long)i;
	}
	return -ENAMETOOLONG;
}

/* --- time, memory statistics, console, panic --- */
uint64_t host_clock_ns = 1700000000ULL * 1000000000ULL;
uint64_t clock_realtime_ns(void) { return host_clock_ns; }
/* the monotonic clock and timers (timerfd): tests advance the clock and fire timers */
uint64_t host_mono_ns = 1000000000ULL;
uint64_t clock_ns(void) { return host_mono_ns; }
struct ktimer *host_timer; /* the last timer armed: tests call its fn to fire it */
void ktimer_arm(struct ktimer *t, uint64_t deadline_ns)
{
	t->deadline = deadline_ns;
	t->armed = true;
	host_timer = t;
}
void ktimer_cancel(struct ktimer *t) { t->armed = false; }
uint64_t palloc_total_pages(void) { return 65536; }
uint64_t palloc_free_pages(void) { return 32768; }

char host_console[65536];
size_t host_console_len;
void console_write(const char *s, size_t n)
{
	size_t k = n < sizeof(host_console) - host_console_len ? n : sizeof(host_console) - host_console_len;
	memcpy(host_console + host_console_len, s, k);
	host_console_len += k;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int r = 0;

	if (getenv("VFS_TEST_VERBOSE")) {
		va_start(ap, fmt);
		r = vfprintf(stderr, fmt, ap);
		va_end(ap);
	}
	return r;
}

void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

size_t strlcpy(char *d, const char *s, size_t n)
{
	size_t len = strlen(s);
	if (n) {
		size_t k = len < n - 1 ? len : n - 1;
		memcpy(d, s, k);
		d[k] = '\0';
	}
	return len;
}

/* mm.h under KEEL_HOSTTEST: pa_to_va/va_to_pa (ramfs_data.c) need it; no test maps pages */
uintptr_t hosttest_direct_map_base;

/* kernel/sys_proc.c: the fd table asks for RLIMIT_NOFILE; tests use the default */
uint64_t proc_rlimit(unsigned res)
{
	return res == 7 /* RLIMIT_NOFILE */ ? 1024 : ~0ULL;
}

/* kernel/signal.c: a pipe write with no reader raises SIGPIPE; tests count them */
int host_signals_sent;
long signal_send_thread(struct thread *t, int sig)
{
	(void)t, (void)sig;
	host_signals_sent++;
	return 0;
}
