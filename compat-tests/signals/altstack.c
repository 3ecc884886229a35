// signals/altstack.c - with sigaltstack set and SA_ONSTACK, the handler
// runs on the alternate stack (its local variable lies inside it) and
// sigaltstack queried inside reports SS_ONSTACK; outside it reports 0
// flags; without SA_ONSTACK the handler stays on the normal stack.
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include "compat.h"

static char *alt;
static size_t alt_size;
static volatile int inside, onstack_flag;

static void h(int sig)
{
	(void)sig;
	volatile char local = 0;
	inside = (char *)&local >= alt && (char *)&local < alt + alt_size;
	stack_t cur;
	sigaltstack(NULL, &cur);
	onstack_flag = (cur.ss_flags & SS_ONSTACK) != 0;
}

int main(void)
{
	alt_size = 64 * 1024;
	alt = malloc(alt_size);
	stack_t ss = { .ss_sp = alt, .ss_size = alt_size, .ss_flags = 0 }, old;
	CHECK_OK(sigaltstack(&ss, &old));
	printf("old stack disabled: %s\n", old.ss_flags & SS_DISABLE ? "yes" : "no");
	stack_t cur;
	sigaltstack(NULL, &cur);
	printf("query outside: same base and size: %s, flags %d\n", cur.ss_sp == alt && cur.ss_size == alt_size ? "yes" : "no",
	       cur.ss_flags);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("SA_ONSTACK: local inside the alternate stack: %s, SS_ONSTACK inside: %s\n", inside ? "yes" : "no",
	       onstack_flag ? "yes" : "no");
	sa.sa_flags = 0;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("without SA_ONSTACK: local inside the alternate stack: %s, SS_ONSTACK inside: %s\n", inside ? "yes" : "no",
	       onstack_flag ? "yes" : "no");
	ss.ss_flags = SS_DISABLE;
	CHECK_OK(sigaltstack(&ss, NULL));
	sigaltstack(NULL, &cur);
	printf("disabled: %s\n", cur.ss_flags & SS_DISABLE ? "yes" : "no");
	return compat_done();
}
