/*
 * names.c - system call names, for reports. Generated at build time from
 * the Linux UAPI header asm/unistd_64.h (see the Makefile), so the list is
 * exactly the kernel headers' and never typed by hand.
 */
#include "syscall.h"
#include "klib.h"

static const char *const names[NR_SYSCALLS] = {
#include "syscall_names.h"
};

const char *syscall_name(unsigned long nr)
{
	static char buf[24];
	if (nr < NR_SYSCALLS && names[nr])
		return names[nr];
	snprintf(buf, sizeof(buf), "#%lu", nr);
	return buf;
}
