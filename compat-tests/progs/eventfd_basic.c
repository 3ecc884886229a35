/*
 * eventfd_basic.c - eventfd(2): the counter (initial value, writes add,
 * a read takes all), EFD_SEMAPHORE (a read takes 1), EFD_NONBLOCK
 * (-EAGAIN when empty or when a write would pass 0xfffffffffffffffe),
 * EFD_CLOEXEC, the -EINVAL cases (short buffers, writing 2^64-1, unknown
 * flags), poll masks, a read blocked until another thread writes and a
 * write blocked until another thread reads, and the raw eventfd call.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static const char *err(long r)
{
	if (r >= 0)
		return "ok";
	return errno == EAGAIN ? "EAGAIN" : errno == EINVAL ? "EINVAL" : errno == EFAULT ? "EFAULT" : "other";
}

static long rd(int fd, uint64_t *v)
{
	return read(fd, v, sizeof(*v));
}

static long wr(int fd, uint64_t v)
{
	return write(fd, &v, sizeof(v));
}

/* Read once; "ok N" or the error's name (a static buffer: one use per printf). */
static const char *rdv(int fd, int hex)
{
	static char buf[64];
	uint64_t v = 0;
	long r = rd(fd, &v);
	if (r < 0)
		return err(r);
	snprintf(buf, sizeof buf, hex ? "ok %#llx" : "ok %llu", (unsigned long long)v);
	return buf;
}

static int revents(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };
	CHECK(poll(&p, 1, 0) >= 0, "poll");
	return p.revents;
}

static void counter(void)
{
	int fd = eventfd(5, EFD_NONBLOCK);
	CHECK(fd >= 0, "eventfd");
	printf("poll at 5: %#x\n", revents(fd));
	printf("read: %s\n", rdv(fd, 0));
	printf("read at 0: %s\n", rdv(fd, 0));
	printf("poll at 0: %#x\n", revents(fd));
	CHECK(wr(fd, 3) == 8 && wr(fd, 4) == 8, "writes");
	printf("after writing 3 and 4: %s\n", rdv(fd, 0));
	printf("write 0: %s, ", err(wr(fd, 0)));
	printf("poll %#x\n", revents(fd));
	char small[4] = { 0 };
	printf("read 4 bytes: %s, ", err(read(fd, small, 4)));
	printf("write 4 bytes: %s\n", err(write(fd, small, 4)));
	uint64_t big[2] = { 9, 9 };
	printf("write 16 bytes (exactly 8 since Linux 6.7): %s\n",
	       err(write(fd, big, sizeof(big))));
	CHECK(wr(fd, 9) == 8, "write 9");
	long r16 = read(fd, big, sizeof(big));
	printf("read 16 bytes: %ld, value %llu\n", r16, (unsigned long long)big[0]);
	printf("write 2^64-1: %s\n", err(wr(fd, UINT64_MAX)));
	printf("write 2^64-2: %s\n", err(wr(fd, UINT64_MAX - 1)));
	printf("poll at the maximum: %#x\n", revents(fd));
	printf("write 1 more: %s\n", err(wr(fd, 1)));
	printf("read: %s\n", rdv(fd, 1));
	int fl = fcntl(fd, F_GETFL);
	printf("F_GETFL: O_NONBLOCK %d, access %d\n", !!(fl & O_NONBLOCK), fl & O_ACCMODE);
	CHECK(wr(fd, 1) == 8, "write");
	void *volatile badptr = (void *)8;
	printf("read into a bad pointer: %s\n", err(read(fd, badptr, 8)));
	close(fd);
}

static void semaphore(void)
{
	uint64_t v;
	int fd = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
	CHECK(fd >= 0, "eventfd semaphore");
	printf("semaphore: FD_CLOEXEC %d;", fcntl(fd, F_GETFD));
	for (int i = 0; i < 4; i++) {
		v = 0;
		long r = rd(fd, &v);
		printf(" %s/%llu", err(r), (unsigned long long)v);
	}
	printf("\n");
	close(fd);
	printf("bad flags: %s\n", err(eventfd(0, 0x10)));
	fd = (int)syscall(SYS_eventfd, 7);
	printf("raw eventfd(7): %s, ", err(fd));
	printf("reads %s\n", rdv(fd, 0));
	close(fd);
}

static void *write_later(void *arg)
{
	usleep(30000);
	CHECK(wr(*(int *)arg, 42) == 8, "write from the thread");
	return NULL;
}

static void *read_later(void *arg)
{
	uint64_t v;
	usleep(30000);
	CHECK(rd(*(int *)arg, &v) == 8, "read from the thread");
	return NULL;
}

static void blocking(void)
{
	pthread_t th;
	int fd = eventfd(0, 0);
	CHECK(pthread_create(&th, NULL, write_later, &fd) == 0, "pthread_create");
	printf("blocking read: %s\n", rdv(fd, 0));
	pthread_join(th, NULL);
	CHECK(wr(fd, UINT64_MAX - 1) == 8, "fill");
	CHECK(pthread_create(&th, NULL, read_later, &fd) == 0, "pthread_create");
	printf("blocking write: %s\n", err(wr(fd, 5)));
	pthread_join(th, NULL);
	printf("then: %s\n", rdv(fd, 0));
	close(fd);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	counter();
	semaphore();
	blocking();
	return check_done();
}
