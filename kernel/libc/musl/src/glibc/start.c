/*
 * start.c - program start and exit for glibc programs.
 *
 * A glibc program's _start (Scrt1.o of glibc >= 2.34) calls
 * __libc_start_main(main, argc, argv, 0, 0, rtld_fini, stack_end): the
 * same arguments as musl's, plus stack_end, which musl does not need.
 * musl's would do but for one thing a glibc program expects: when main
 * returns, the main thread's thread_local destructors run before the
 * atexit handlers (tls_dtors.c), which musl's exit runs first thing. So
 * main is called through glibc_main, and exit() called by the program is
 * the override below.
 *
 * And one setting: glibc gives a thread created without a stack size a
 * stack as large as RLIMIT_STACK's soft limit (keel: 8 MiB; 2 MiB when
 * unlimited), musl 128 KiB; a program written for glibc may well need
 * more than musl's (deep recursion, large locals in a std::thread). musl's
 * default is raised to glibc's (within musl's own cap, 8 MiB) before
 * anything can create a thread, so pthread_attr_getstacksize reports it
 * too. The stack is demand-zero memory: untouched pages cost nothing.
 * The initializers are not this file's: musl's __libc_start_main calls
 * __libc_start_init, which keel's linker provides (keel_linked.c).
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/resource.h>
#include "pthread_impl.h"
#include "syscall.h"
#include "glibc.h"

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
		      void (*init)(), void (*fini)(), void (*ldso)());

static int (*program_main)(int, char **, char **);

static void run_tls_dtors(void *unused)
{
	(void)unused;
	__glibc_run_tls_dtors();
}

/* main's thread_local destructors also run if main calls pthread_exit */
static int glibc_main(int argc, char **argv, char **envp)
{
	int r;
	pthread_cleanup_push(run_tls_dtors, 0);
	r = program_main(argc, argv, envp);
	pthread_cleanup_pop(1);
	return r;
}

#define GLIBC_STACK_UNLIMITED (2UL << 20)
#define MUSL_STACK_MAX (8UL << 20)

/* Before __init_libc: no errno yet, so the raw system call. */
static void glibc_thread_stacks(void)
{
	struct rlimit rl;
	size_t size = GLIBC_STACK_UNLIMITED;
	if (!__syscall(SYS_prlimit64, 0, RLIMIT_STACK, 0, &rl) && rl.rlim_cur != RLIM_INFINITY)
		size = rl.rlim_cur;
	if (size > MUSL_STACK_MAX)
		size = MUSL_STACK_MAX;
	size &= -4096UL;
	if (size > __default_stacksize)
		__default_stacksize = size;
}

int GLIBC_OVERRIDE(__libc_start_main)(int (*main)(int, char **, char **), int argc, char **argv,
				      void (*init)(void), void (*fini)(void),
				      void (*rtld_fini)(void), void *stack_end)
{
	(void)stack_end;
	program_main = main;
	glibc_thread_stacks();
	return __libc_start_main(glibc_main, argc, argv, init, fini, rtld_fini);
}

_Noreturn void GLIBC_OVERRIDE(exit)(int status)
{
	__glibc_run_tls_dtors();
	exit(status);
}
