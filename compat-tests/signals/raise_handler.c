// signals/raise_handler.c - raise runs the handler synchronously (before
// raise returns 0) with the signal number; a handler may modify a global
// and the interrupted code continues with its own local state intact
// (values live in registers across the call).
#define _GNU_SOURCE
#include <signal.h>
#include "compat.h"

static volatile int got;
static volatile long global;

static void h(int sig)
{
	got = sig;
	global += 1000;
	/* clobber registers and stack in the handler */
	volatile long junk[64];
	for (int i = 0; i < 64; i++)
		junk[i] = i * 31;
	(void)junk;
}

int main(void)
{
	signal(SIGUSR1, h);
	long a = 3, b = 5, c = 7;
	for (int i = 0; i < 10; i++) {
		a = a * 3 + 1;
		b = b * 5 + a;
		int r = raise(SIGUSR1);
		c = c + a + b + r;
	}
	printf("handler got: %s\n", got == SIGUSR1 ? "SIGUSR1" : "other");
	printf("global: %ld\n", global);
	printf("locals: %ld %ld %ld\n", a, b, c);
	return compat_done();
}
