/*
 * vfstest.h - helpers shared by the vfs host unit tests (vfs/tests/test_*.c).
 *
 * The tests drive the real vfs code through its sys_* handlers with host
 * pointers (vfs_host.c makes user copies plain memcpy) and, where a test
 * is white-box, through internal.h. Each test binary starts with vt_init().
 */
#ifndef KEEL_VFSTEST_H
#define KEEL_VFSTEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "hosttest.h"

extern char host_console[];
extern size_t host_console_len;
extern uint64_t host_clock_ns;
extern int host_wakeups;

#define BAD_PTR ((void *)0xffff800000001000UL) /* a kernel address: -EFAULT */

static inline void vt_init(void)
{
	int r = vfs_init();
	if (r) {
		fprintf(stderr, "vfs_init: %d\n", r);
		exit(2);
	}
}

/* Create (or truncate) path with n bytes of data. Return: bytes written or -errno. */
static inline long vt_put(const char *path, const void *data, size_t n)
{
	long fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644), r;
	if (fd < 0)
		return fd;
	r = sys_write((unsigned)fd, data, n);
	sys_close((unsigned)fd);
	return r;
}

/* Read up to n-1 bytes of path into buf, NUL-terminated. Return: length or -errno. */
static inline long vt_get(const char *path, char *buf, size_t n)
{
	long fd = sys_open(path, O_RDONLY, 0), r;
	if (fd < 0)
		return fd;
	r = sys_read((unsigned)fd, buf, n - 1);
	sys_close((unsigned)fd);
	if (r >= 0)
		buf[r] = '\0';
	return r;
}

static inline long vt_mode(const char *path, bool follow)
{
	struct stat st;
	long r = follow ? sys_stat(path, &st) : sys_lstat(path, &st);
	return r ? r : (long)st.st_mode;
}

static inline long vt_ino(const char *path)
{
	struct stat st;
	long r = sys_stat(path, &st);
	return r ? r : (long)st.st_ino;
}

#endif
