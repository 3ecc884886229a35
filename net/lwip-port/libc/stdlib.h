/* The <stdlib.h> lwIP includes. Memory comes from kmalloc (lwipopts.h) and
 * LWIP_RAND from arch/cc.h; netif_name_to_index() wants atoi. */
#ifndef KEEL_LWIP_STDLIB_H
#define KEEL_LWIP_STDLIB_H
#include <stddef.h>
static inline int atoi(const char *s)
{
	int v = 0, neg = 0;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}
#endif
