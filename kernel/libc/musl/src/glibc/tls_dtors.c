/*
 * tls_dtors.c - __cxa_thread_atexit_impl: destructors of C++ thread_local
 * objects (glibc 2.18; musl has none).
 *
 * libstdc++'s __cxa_thread_atexit calls it when a thread_local object with
 * a destructor is first constructed. glibc keeps, per thread, a list of
 * (destructor, object) and runs it newest first: when a thread returns from
 * its start routine or calls pthread_exit, before the TSD destructors; in
 * exit(), for the thread that calls it, before the atexit handlers (C++:
 * thread storage is destroyed before static storage). A destructor that
 * registers another (by touching a new thread_local) gets it run next.
 *
 * Here the list head is the value of one pthread key. It is run:
 *  - by the outermost cleanup handler of a glibc thread's start routine
 *    and of main (thread.c, start.c): when it returns, calls pthread_exit
 *    or is cancelled, after the program's own cleanup handlers and before
 *    the TSD destructors, as glibc;
 *  - from exit (start.c's override), before musl's exit runs the atexit
 *    handlers;
 *  - as the key's destructor otherwise (a thread musl created itself, for
 *    a SIGEV_THREAD notification): then after the TSD destructors of the
 *    keys created before it, the one order difference from glibc.
 * The dso_symbol argument (glibc keeps the object loaded until the
 * destructors ran) is unused: keel unloads nothing.
 */
#include <pthread.h>
#include <stdlib.h>
#include "glibc.h"

struct dtor {
	void (*fn)(void *);
	void *obj;
	struct dtor *next;
};

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int have_key;

static void run_all(void)
{
	struct dtor *d;
	while ((d = pthread_getspecific(key))) {
		pthread_setspecific(key, d->next);
		d->fn(d->obj);
		free(d);
	}
}

/* musl cleared the value before calling: put it back and run the list */
static void at_thread_exit(void *head)
{
	pthread_setspecific(key, head);
	run_all();
}

static void make_key(void)
{
	have_key = !pthread_key_create(&key, at_thread_exit);
}

int __cxa_thread_atexit_impl(void (*fn)(void *), void *obj, void *dso_symbol)
{
	(void)dso_symbol;
	pthread_once(&once, make_key);
	if (!have_key)
		return -1;
	struct dtor *d = malloc(sizeof *d);
	if (!d)
		return -1;
	d->fn = fn;
	d->obj = obj;
	d->next = pthread_getspecific(key);
	if (pthread_setspecific(key, d)) {
		free(d);
		return -1;
	}
	return 0;
}

void __glibc_run_tls_dtors(void)
{
	if (have_key)
		run_all();
}
