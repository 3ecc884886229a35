/*
 * ring.c - a byte ring buffer: the storage under a pipe.
 *
 * head and tail count every byte ever written and read (they wrap at
 * 2^32, and since size is a power of two no larger than 2^31 the
 * differences stay right), so "empty" is head == tail and "full" is
 * head - tail == size, with no wasted slot. A transfer is at most two
 * copies: up to the end of the buffer, then from its start. The caller
 * provides the locking (pipe.c holds pipe->lock); the copies go through
 * vfs_copy_in/vfs_copy_out, so buf may be program or kernel memory.
 * Tested on the host by vfs/tests/test_pipe.c.
 */
#include "internal.h"

/* Copy up to n bytes from buf into the ring. */
long ring_put(struct ring *r, const void *buf, size_t n, unsigned io)
{
	uint32_t idx = r->head & (r->size - 1);
	size_t k = MIN(n, (size_t)ring_space(r));
	size_t first = MIN(k, (size_t)(r->size - idx));

	if (k == 0)
		return 0;
	if (vfs_copy_in(r->buf + idx, buf, first, io))
		return -EFAULT;
	if (k > first && vfs_copy_in(r->buf, (const char *)buf + first, k - first, io)) {
		r->head += (uint32_t)first;
		return (long)first;
	}
	r->head += (uint32_t)k;
	return (long)k;
}

/* Copy up to n bytes out of the ring into buf. */
long ring_get(struct ring *r, void *buf, size_t n, unsigned io)
{
	uint32_t idx = r->tail & (r->size - 1);
	size_t k = MIN(n, (size_t)ring_used(r));
	size_t first = MIN(k, (size_t)(r->size - idx));

	if (k == 0)
		return 0;
	if (vfs_copy_out(buf, r->buf + idx, first, io))
		return -EFAULT;
	if (k > first && vfs_copy_out((char *)buf + first, r->buf, k - first, io)) {
		r->tail += (uint32_t)first;
		return (long)first;
	}
	r->tail += (uint32_t)k;
	return (long)k;
}
