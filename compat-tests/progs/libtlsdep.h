/* libtlsdep.h - what libtlsdep.so exports (see libtlsdep.c). */
#ifndef LIBTLSDEP_H
#define LIBTLSDEP_H
extern __thread int dep_tls_init;
extern __thread long dep_tls_zero;
extern __thread char dep_tls_buf[64];
int dep_get(void);
void dep_set(int v);
long dep_bump(void);
const char *dep_buf(void);
int *dep_addr(void);
#endif
