/*
 * arch/cc.h - lwIP's platform header for keel (lwIP includes it through
 * lwip/arch.h). Types come from <stdint.h>; diagnostics go to the console;
 * a failed lwIP assertion is a kernel panic (lwIP's state is shared by
 * every socket, so carrying on would corrupt connections silently).
 */
#ifndef KEEL_LWIP_ARCH_CC_H
#define KEEL_LWIP_ARCH_CC_H

#include <stdint.h>
#include <stddef.h>

#define BYTE_ORDER LITTLE_ENDIAN

/* keel's kernel has no <inttypes.h>, <ctype.h> or <unistd.h> */
#define LWIP_NO_INTTYPES_H 1
#define LWIP_NO_CTYPE_H 1
#define LWIP_NO_UNISTD_H 1
#define LWIP_NO_LIMITS_H 1
#ifndef INT_MAX
#define INT_MAX __INT_MAX__
#endif
#ifndef LONG_MAX
#define LONG_MAX __LONG_MAX__
#endif
#define X8_F "02x"
#define U16_F "u"
#define S16_F "d"
#define X16_F "x"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "zu"
typedef long ssize_t;
#ifndef SSIZE_MAX
#define SSIZE_MAX LONG_MAX
#endif

#include "klib.h" /* printk, panic, random_u64 */

#define LWIP_PLATFORM_DIAG(x) do { printk x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) panic("lwIP assertion \"%s\" failed at %s:%d", x, __FILE__, __LINE__)
#define LWIP_RAND() ((u32_t)random_u64())

/* byte order through the compiler's builtins (one instruction each) */
#define lwip_htons(x) ((u16_t)__builtin_bswap16((u16_t)(x)))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32((u32_t)(x)))

#endif
