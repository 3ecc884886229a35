/* libinit_a.c - needs libinit_b (found through its own DT_RUNPATH $ORIGIN). */
#include <stdio.h>
int b_value(void);
static __thread char a_buf[32] = "a-tls";
__attribute__((constructor)) static void a_init(void) { printf("init a: b %d %s\n", b_value(), a_buf); }
__attribute__((destructor)) static void a_fini(void) { printf("fini a\n"); }
const char *a_name(void) { return a_buf; }
