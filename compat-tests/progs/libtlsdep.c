/*
 * libtlsdep.c - a shared library with its own thread-local variables, for
 * tls.c: an initialised one, a zero one (.tbss) and an array, read and
 * written both through functions here (the library's own TLS accesses) and
 * directly from the program (extern __thread across objects).
 */
#include "libtlsdep.h"

__thread int dep_tls_init = 1234;
__thread long dep_tls_zero;
__thread char dep_tls_buf[64] = "library-tls";

int dep_get(void) { return dep_tls_init; }
void dep_set(int v) { dep_tls_init = v; }
long dep_bump(void) { return ++dep_tls_zero; }
const char *dep_buf(void) { return dep_tls_buf; }
int *dep_addr(void) { return &dep_tls_init; }
