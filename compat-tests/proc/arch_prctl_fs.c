/*
 * arch_prctl_fs.c - arch_prctl(ARCH_GET_FS) returns the thread pointer
 * the libc installed: non-zero, equal to pthread_self() (both libcs put
 * the thread descriptor there on x86-64) and just above the thread's
 * __thread variables; each thread has its own. ARCH_GET_GS of a program
 * that never set it is 0; an unknown code fails with EINVAL.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

/* from <asm/prctl.h>, which musl-gcc cannot see */
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

static __thread int tls_var = 1;

static unsigned long get_fs(void)
{
	unsigned long fs = 0;
	if (syscall(SYS_arch_prctl, ARCH_GET_FS, &fs) != 0)
		return 0;
	return fs;
}

static unsigned long thread_fs;
static int thread_ok;

static void *body(void *arg)
{
	(void)arg;
	thread_fs = get_fs();
	thread_ok = thread_fs == (unsigned long)pthread_self();
	return NULL;
}

int main(void)
{
	unsigned long fs = get_fs();
	printf("nonzero: %s\n", fs ? "yes" : "no");
	printf("== pthread_self(): %s\n", fs == (unsigned long)pthread_self() ? "yes" : "no");
	uintptr_t tv = (uintptr_t)&tls_var;
	printf("__thread variable within 64 KiB below: %s\n", tv < fs && fs - tv < 65536 ? "yes" : "no");
	unsigned long self = 0;
	__asm__("mov %%fs:0, %0" : "=r"(self));
	printf("%%fs:0 points to itself: %s\n", self == fs ? "yes" : "no");

	pthread_t t;
	CHECK(pthread_create(&t, NULL, body, NULL) == 0, "pthread_create");
	pthread_join(t, NULL);
	printf("thread: own fs == its pthread_self: %s, differs from main: %s\n", thread_ok ? "yes" : "no",
	       thread_fs != fs ? "yes" : "no");

	unsigned long gs = 1;
	CHECK_OK(syscall(SYS_arch_prctl, ARCH_GET_GS, &gs));
	printf("gs: %lu\n", gs);
	CHECK_ERR(syscall(SYS_arch_prctl, 0x1fff, &gs), EINVAL);
	CHECK_ERR(syscall(SYS_arch_prctl, ARCH_GET_FS, (void *)8), EFAULT);
	return compat_done();
}
