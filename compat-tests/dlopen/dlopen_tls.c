/*
 * dlopen_tls.c - __thread variables of a dlopened library (dynamic TLS):
 * each thread, including ones that existed before the dlopen, sees its
 * own copy starting at the initial value, at its own address; a large
 * initialised TLS block is copied too.
 */
// compat: dlopen lib/libdltls.c
// compat: skip static static-pie dlopen works poorly in glibc
#include <dlfcn.h>
#include <pthread.h>
#include "compat.h"

static int (*bump)(void);
static int *(*addr)(void);
static int (*big_first)(void);
static pthread_barrier_t loaded;
static int early_first, early_second, early_big;
static int *early_addr;

static void *early(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&loaded); /* main dlopens meanwhile */
	early_first = bump();
	early_second = bump();
	early_big = big_first();
	early_addr = addr();
	return NULL;
}

static int late_first;
static int *late_addr;

static void *late(void *arg)
{
	(void)arg;
	late_first = bump();
	late_addr = addr();
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;
	pthread_barrier_init(&loaded, NULL, 2);
	CHECK(pthread_create(&t1, NULL, early, NULL) == 0, "pthread_create");
	void *h = dlopen("compat/lib/libdltls.so", RTLD_NOW);
	CHECK(h != NULL, "dlopen: %s", dlerror());
	if (!h)
		return compat_done();
	bump = (int (*)(void))dlsym(h, "tls_bump");
	addr = (int *(*)(void))dlsym(h, "tls_addr");
	big_first = (int (*)(void))dlsym(h, "tls_big_first");
	int *sym = dlsym(h, "tls_counter");
	int m1 = bump();
	int m2 = bump();
	printf("main: bump %d, bump %d\n", m1, m2);
	printf("main: dlsym gives this thread's copy: %s\n", sym == addr() ? "yes" : "no");
	pthread_barrier_wait(&loaded);
	pthread_join(t1, NULL);
	printf("thread from before dlopen: bump %d, bump %d, big %d, own address: %s\n", early_first,
	       early_second, early_big, early_addr != addr() ? "yes" : "no");
	CHECK(pthread_create(&t2, NULL, late, NULL) == 0, "pthread_create");
	pthread_join(t2, NULL);
	printf("thread from after: bump %d, own address: %s\n", late_first, late_addr != addr() ? "yes" : "no");
	printf("main unchanged: bump %d\n", bump());
	return compat_done();
}
