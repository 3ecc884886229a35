/*
 * thread.c - glibc's thread-related names: __libc_single_threaded,
 * thread creation, glibc's adaptive mutexes, __register_atfork,
 * __pthread_key_create.
 *
 * __libc_single_threaded (glibc 2.32) is a char that libstdc++ and others
 * read directly to skip atomics (shared_ptr counts, locale refcounts): 1
 * until the process creates its first thread, 0 from then on (glibc 2.36
 * never sets it back). musl's equivalent is libc.threaded, set once by
 * pthread_create just before the clone, but a variable cannot mirror
 * another one for free, so the flag is cleared here, before the thread
 * exists, on every path by which a glibc program can make musl create a
 * thread: pthread_create, and the three musl functions that start
 * threads of their own -- timer_create and mq_notify with SIGEV_THREAD,
 * and the aio functions (every request runs on a thread). Those are
 * overrides (GLIBC_OVERRIDE), so a glibc program binds to them. Reading 0
 * while there is still one thread is harmless (atomics where none were
 * needed); reading 1 with two threads would not be, and cannot happen on
 * these paths: the store precedes the clone.
 *
 * The pthread_create override also gives the new thread glibc's order at
 * its end (tls_dtors.c): the thread_local destructors run after the
 * cleanup handlers and before the TSD destructors, whether the start
 * routine returns or the thread calls pthread_exit or is cancelled: they
 * are the outermost cleanup handler of the start routine. (The default
 * stack size of new threads is glibc's, set at start: start.c.)
 */
#include <aio.h>
#include <errno.h>
#include <mqueue.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <time.h>
#include "glibc.h"

char __libc_single_threaded = 1;

void __glibc_threads_start(void)
{
	__libc_single_threaded = 0;
}

struct start {
	void *(*fn)(void *);
	void *arg;
};

static void run_tls_dtors(void *unused)
{
	(void)unused;
	__glibc_run_tls_dtors();
}

static void *start(void *p)
{
	struct start s = *(struct start *)p;
	void *r;
	free(p);
	pthread_cleanup_push(run_tls_dtors, 0);
	r = s.fn(s.arg);
	pthread_cleanup_pop(1);
	return r;
}

int GLIBC_OVERRIDE(pthread_create)(pthread_t *restrict t, const pthread_attr_t *restrict attr,
				   void *(*fn)(void *), void *restrict arg)
{
	struct start *s = malloc(sizeof *s);
	if (!s)
		return EAGAIN;
	s->fn = fn;
	s->arg = arg;
	__glibc_threads_start();
	int r = pthread_create(t, attr, start, s);
	if (r)
		free(s);
	return r;
}

int GLIBC_OVERRIDE(timer_create)(clockid_t clk, struct sigevent *restrict sev, timer_t *restrict t)
{
	if (sev && sev->sigev_notify == SIGEV_THREAD)
		__glibc_threads_start();
	return timer_create(clk, sev, t);
}

int GLIBC_OVERRIDE(mq_notify)(mqd_t q, const struct sigevent *sev)
{
	if (sev && sev->sigev_notify == SIGEV_THREAD)
		__glibc_threads_start();
	return mq_notify(q, sev);
}

/* glibc's aio*64 are the same functions on x86-64 (off_t is 64-bit) */
#define AIO(name, call)                                                     \
	int GLIBC_OVERRIDE(name)(struct aiocb *cb)                          \
	{                                                                   \
		__glibc_threads_start();                                    \
		return call;                                                \
	}
AIO(aio_read, aio_read(cb))
AIO(aio_read64, aio_read(cb))
AIO(aio_write, aio_write(cb))
AIO(aio_write64, aio_write(cb))

int GLIBC_OVERRIDE(aio_fsync)(int op, struct aiocb *cb)
{
	__glibc_threads_start();
	return aio_fsync(op, cb);
}

int GLIBC_OVERRIDE(aio_fsync64)(int op, struct aiocb *cb)
{
	__glibc_threads_start();
	return aio_fsync(op, cb);
}

int GLIBC_OVERRIDE(lio_listio)(int mode, struct aiocb *restrict const *restrict cbs, int n,
			       struct sigevent *restrict sev)
{
	__glibc_threads_start();
	return lio_listio(mode, cbs, n, sev);
}

int GLIBC_OVERRIDE(lio_listio64)(int mode, struct aiocb *restrict const *restrict cbs, int n,
				 struct sigevent *restrict sev)
{
	__glibc_threads_start();
	return lio_listio(mode, cbs, n, sev);
}

/*
 * glibc's mutex kinds are musl's (NORMAL 0, RECURSIVE 1, ERRORCHECK 2) plus
 * PTHREAD_MUTEX_ADAPTIVE_NP (3): a normal mutex that spins a little before
 * sleeping. musl refuses 3 with EINVAL, and jemalloc (redis' allocator),
 * built for glibc, asks for it for every one of its mutexes and gives up
 * initialising when refused. A normal mutex has the same semantics.
 */
#define GLIBC_MUTEX_ADAPTIVE_NP 3

int GLIBC_OVERRIDE(pthread_mutexattr_settype)(pthread_mutexattr_t *a, int type)
{
	return pthread_mutexattr_settype(a, type == GLIBC_MUTEX_ADAPTIVE_NP ? PTHREAD_MUTEX_NORMAL : type);
}

/*
 * glibc's smallest thread stack is 16384 bytes (PTHREAD_STACK_MIN, which a
 * program built with _GNU_SOURCE reads from __sysconf(_SC_THREAD_STACK_MIN),
 * sysconf.c), musl's 2048: a smaller size is EINVAL, as glibc says.
 */
#define GLIBC_PTHREAD_STACK_MIN 16384

int GLIBC_OVERRIDE(pthread_attr_setstacksize)(pthread_attr_t *a, size_t size)
{
	if (size < GLIBC_PTHREAD_STACK_MIN)
		return EINVAL;
	return pthread_attr_setstacksize(a, size);
}

int GLIBC_OVERRIDE(pthread_attr_setstack)(pthread_attr_t *a, void *addr, size_t size)
{
	if (size < GLIBC_PTHREAD_STACK_MIN)
		return EINVAL;
	return pthread_attr_setstack(a, addr, size);
}

/*
 * pthread_atfork's implementation in glibc (the public function is a
 * stub in libc_nonshared.a calling this with the object's __dso_handle).
 * keel has no fork (DESIGN.md): the handlers could never run, so nothing
 * is recorded; success, as glibc reports it.
 */
int __register_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void), void *dso)
{
	(void)prepare;
	(void)parent;
	(void)child;
	(void)dso;
	return 0;
}

/*
 * libgcc_s tests the address of __pthread_key_create (a weak reference)
 * to know whether the process can have threads, and only then takes the
 * unwinder's locks. musl's __pthread_key_create is hidden, so this one
 * is an override.
 */
int GLIBC_OVERRIDE(__pthread_key_create)(pthread_key_t *k, void (*dtor)(void *))
{
	return pthread_key_create(k, dtor);
}
