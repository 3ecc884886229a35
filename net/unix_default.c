/*
 * unix_default.c - AF_UNIX until net/unix.c lands: socket(AF_UNIX, ...)
 * answers EAFNOSUPPORT. The definition is weak so that net/unix.c's
 * replaces it; this file goes away with that commit.
 */
#include "net.h"
#include <linux/errno.h>

__attribute__((weak)) int unix_create(struct socket *s, int type, int protocol)
{
	(void)s;
	(void)type;
	(void)protocol;
	return -EAFNOSUPPORT;
}
