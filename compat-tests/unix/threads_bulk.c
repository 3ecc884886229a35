/*
 * threads_bulk.c - AF_UNIX under load, between threads: 4 MiB through a
 * stream socketpair in writes of varying size (writev too) arrive intact
 * and in order while the writer blocks on the full socket; 2000 datagrams
 * sent to a bound receiver arrive in order although its queue holds only
 * a few (the sender blocks); a socket sent through itself and then
 * closed, and a socket in flight inside another, go away without hanging.
 */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#define BULK (4 << 20)
#define NDGRAM 2000

static int sv[2] = { -1, -1 };
static struct sockaddr_un raddr = { .sun_family = AF_UNIX, .sun_path = "receiver" };

static unsigned char pattern(size_t i) { return (unsigned char)(i * 7 + (i >> 9)); }

static void *bulk_writer(void *arg)
{
	static unsigned char buf[70000];
	size_t sent = 0, step = 1;
	(void)arg;
	while (sent < BULK) {
		size_t n = (step * 7919) % sizeof buf + 1;
		if (n > BULK - sent)
			n = BULK - sent;
		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(sent + i);
		ssize_t w;
		if (step % 3 == 0 && n > 1) {
			struct iovec iov[2] = { { buf, n / 2 }, { buf + n / 2, n - n / 2 } };
			w = writev(sv[0], iov, 2);
		} else {
			w = write(sv[0], buf, n);
		}
		if (w <= 0)
			return (void *)1;
		sent += (size_t)w;
		step++;
	}
	close(sv[0]);
	return NULL;
}

static void *dgram_sender(void *arg)
{
	int s = socket(AF_UNIX, SOCK_DGRAM, 0);
	(void)arg;
	for (uint32_t i = 0; i < NDGRAM; i++)
		if (sendto(s, &i, sizeof i, 0, (struct sockaddr *)&raddr, sizeof raddr) != sizeof i)
			return (void *)1;
	close(s);
	return NULL;
}

int main(void)
{
	compat_tmpdir();
	pthread_t t;
	void *ret;

	/* bulk stream */
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK(pthread_create(&t, NULL, bulk_writer, NULL) == 0, "pthread_create");
	static unsigned char rbuf[50000];
	size_t got = 0, bad = 0;
	ssize_t n;
	while ((n = read(sv[1], rbuf, sizeof rbuf - (got % 1000))) > 0) {
		for (ssize_t i = 0; i < n; i++)
			bad += rbuf[i] != pattern(got + (size_t)i);
		got += (size_t)n;
	}
	pthread_join(t, &ret);
	printf("stream: %zu bytes, all in order: %s, writer ok: %s\n", got, bad ? "no" : "yes", ret ? "no" : "yes");
	close(sv[1]);

	/* datagram flood into a bound receiver */
	int r = socket(AF_UNIX, SOCK_DGRAM, 0);
	CHECK_OK(bind(r, (struct sockaddr *)&raddr, sizeof raddr));
	CHECK(pthread_create(&t, NULL, dgram_sender, NULL) == 0, "pthread_create");
	uint32_t want = 0, v;
	int order_ok = 1;
	while (want < NDGRAM && recv(r, &v, sizeof v, 0) == sizeof v)
		order_ok &= v == want++;
	pthread_join(t, &ret);
	printf("datagrams: %u received, in order: %s, sender ok: %s\n", (unsigned)want, order_ok ? "yes" : "no",
	       ret ? "no" : "yes");

	/* sockets in flight inside sockets */
	int a[2], b[2];
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, a));
	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, b));
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} ctl;
	memset(&ctl, 0, sizeof ctl);
	struct iovec iov = { "s", 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	memcpy(CMSG_DATA(c), a, sizeof a);
	CHECK(sendmsg(a[0], &mh, 0) == 1, "send a socket through itself");
	memcpy(CMSG_DATA(c), b, sizeof b);
	CHECK(sendmsg(a[1], &mh, 0) == 1, "send another pair through it");
	close(a[0]);
	close(a[1]);
	close(b[0]);
	close(b[1]);
	printf("closed sockets in flight: still running\n");
	return compat_done();
}
