/* The <stdio.h> lwIP includes: only for diagnostics, which go to printk (arch/cc.h). */
#ifndef KEEL_LWIP_STDIO_H
#define KEEL_LWIP_STDIO_H
#include <stddef.h>
#endif
