/* The <string.h> lwIP includes: keel's klib (kernel/string.c). */
#ifndef KEEL_LWIP_STRING_H
#define KEEL_LWIP_STRING_H
#include "klib.h"
#endif
