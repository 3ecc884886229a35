/* libinit_b.c - the innermost library: initialized first, finalized last. */
#include <stdio.h>
__thread int b_tls = 7;
__attribute__((constructor)) static void b_init(void) { printf("init b (tls %d)\n", b_tls); }
__attribute__((destructor)) static void b_fini(void) { printf("fini b\n"); }
int b_value(void) { return b_tls++; }
