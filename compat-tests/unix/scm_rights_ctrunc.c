/*
 * scm_rights_ctrunc.c - SCM_RIGHTS edge cases: a control buffer with room
 * for one of three descriptors gets one and MSG_CTRUNC, and the other two
 * are closed; recvmsg without a control buffer closes them all
 * (MSG_CTRUNC); MSG_CMSG_CLOEXEC marks new descriptors close-on-exec;
 * MSG_PEEK gives a new descriptor each time; files still in flight are
 * released when the sockets close; a stream read joins the bytes before a
 * buffer that carries files but stops after it; a bad descriptor is EBADF.
 * Whether every copy of a pipe's write end is gone shows as end of file
 * (0) on its non-blocking read end, EAGAIN while one is still open.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

static int send_fds(int s, const char *data, const int *fds, int n)
{
	union {
		char buf[CMSG_SPACE(4 * sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { (void *)data, strlen(data) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	if (n) {
		memset(&ctl, 0, sizeof ctl);
		mh.msg_control = ctl.buf;
		mh.msg_controllen = CMSG_SPACE(n * sizeof(int));
		struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(n * sizeof(int));
		memcpy(CMSG_DATA(c), fds, n * sizeof(int));
	}
	return (int)sendmsg(s, &mh, 0);
}

/* Receive into buf; the descriptors that came go to got[] (up to 4). Return: bytes. */
static ssize_t recv_fds(int s, char *buf, size_t len, size_t ctllen, int flags, int *got, int *ngot,
			int *msg_flags)
{
	union {
		char buf[CMSG_SPACE(4 * sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { buf, len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctllen ? ctl.buf : NULL,
			     .msg_controllen = ctllen };
	memset(&ctl, 0, sizeof ctl);
	ssize_t n = recvmsg(s, &mh, flags);
	*ngot = 0;
	*msg_flags = mh.msg_flags;
	for (struct cmsghdr *c = n >= 0 && ctllen ? CMSG_FIRSTHDR(&mh) : NULL; c; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
			for (size_t i = 0; i < (c->cmsg_len - CMSG_LEN(0)) / sizeof(int) && *ngot < 4; i++)
				memcpy(&got[(*ngot)++], CMSG_DATA(c) + i * sizeof(int), sizeof(int));
	return n;
}

static const char *write_end_gone(int rd)
{
	char c;
	ssize_t n = read(rd, &c, 1);
	return n == 0 ? "yes" : n < 0 && errno == EAGAIN ? "no (still open)" : "unexpected";
}

int main(void)
{
	int sv[2] = { -1, -1 }, p[2] = { -1, -1 }, got[4], ngot, fl;
	char buf[16];
	ssize_t n;

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));

	/* room for one descriptor (CMSG_LEN(sizeof(int)) bytes) of three sent */
	CHECK_OK(pipe2(p, O_NONBLOCK));
	int three[3] = { p[1], p[1], p[1] };
	CHECK(send_fds(sv[0], "A", three, 3) == 1, "send three");
	n = recv_fds(sv[1], buf, sizeof buf, CMSG_LEN(sizeof(int)), 0, got, &ngot, &fl);
	printf("small control buffer: %zd bytes, %d descriptor(s), MSG_CTRUNC %s\n", n, ngot,
	       fl & MSG_CTRUNC ? "yes" : "no");
	close(p[1]);
	for (int i = 0; i < ngot; i++)
		close(got[i]);
	printf("  the two that did not fit were closed: %s\n", write_end_gone(p[0]));
	close(p[0]);

	/* no control buffer at all */
	CHECK_OK(pipe2(p, O_NONBLOCK));
	CHECK(send_fds(sv[0], "B", three, 2) == 1, "send two");
	n = recv_fds(sv[1], buf, sizeof buf, 0, 0, got, &ngot, &fl);
	printf("no control buffer: %zd bytes, MSG_CTRUNC %s\n", n, fl & MSG_CTRUNC ? "yes" : "no");
	close(p[1]);
	printf("  both closed: %s\n", write_end_gone(p[0]));
	close(p[0]);

	/* MSG_CMSG_CLOEXEC, and without it */
	CHECK_OK(pipe2(p, O_NONBLOCK));
	CHECK(send_fds(sv[0], "C", &p[1], 1) == 1, "send");
	CHECK(send_fds(sv[0], "D", &p[1], 1) == 1, "send");
	n = recv_fds(sv[1], buf, 1, CMSG_SPACE(4 * sizeof(int)), MSG_CMSG_CLOEXEC,
		     got, &ngot, &fl);
	CHECK(n == 1 && ngot == 1, "recv with MSG_CMSG_CLOEXEC");
	if (ngot == 1) {
		printf("MSG_CMSG_CLOEXEC: FD_CLOEXEC %s\n", fcntl(got[0], F_GETFD) & FD_CLOEXEC ? "yes" : "no");
		close(got[0]);
	}
	n = recv_fds(sv[1], buf, 1, CMSG_SPACE(sizeof(int)), 0, got, &ngot, &fl);
	CHECK(n == 1 && ngot == 1, "recv without");
	if (ngot == 1) {
		printf("without it: FD_CLOEXEC %s\n", fcntl(got[0], F_GETFD) & FD_CLOEXEC ? "yes" : "no");
		close(got[0]);
	}

	/* MSG_PEEK: a new descriptor each time, and the message stays */
	CHECK(send_fds(sv[0], "E", &p[1], 1) == 1, "send");
	int peeked[4], npeeked;
	n = recv_fds(sv[1], buf, 1, CMSG_SPACE(sizeof(int)), MSG_PEEK, peeked, &npeeked, &fl);
	CHECK(n == 1 && npeeked == 1, "peek");
	n = recv_fds(sv[1], buf, 1, CMSG_SPACE(sizeof(int)), 0, got, &ngot, &fl);
	CHECK(n == 1 && ngot == 1, "recv after peek");
	if (npeeked == 1 && ngot == 1) {
		printf("peek then read: two descriptors: %s, both open: %s\n", peeked[0] != got[0] ? "yes" : "no",
		       fcntl(peeked[0], F_GETFD) >= 0 && fcntl(got[0], F_GETFD) >= 0 ? "yes" : "no");
		close(peeked[0]);
		close(got[0]);
	}

	/* a stream read joins what came before the files, and stops after them */
	CHECK(send_fds(sv[0], "xy", NULL, 0) == 2, "send");
	CHECK(send_fds(sv[0], "ab", &p[1], 1) == 2, "send");
	CHECK(send_fds(sv[0], "cd", NULL, 0) == 2, "send");
	n = recv_fds(sv[1], buf, sizeof buf, CMSG_SPACE(sizeof(int)), 0, got, &ngot, &fl);
	printf("read across: %zd \"%.*s\" with %d descriptor(s)\n", n, (int)(n > 0 ? n : 0), buf, ngot);
	for (int i = 0; i < ngot; i++)
		close(got[i]);
	n = recv_fds(sv[1], buf, sizeof buf, CMSG_SPACE(sizeof(int)), 0, got, &ngot, &fl);
	printf("next read: %zd \"%.*s\" with %d descriptor(s)\n", n, (int)(n > 0 ? n : 0), buf, ngot);

	/* files in flight when both ends close */
	CHECK(send_fds(sv[0], "F", &p[1], 1) == 1, "send");
	close(sv[0]);
	close(sv[1]);
	close(p[1]);
	printf("in flight at close, then released: %s\n", write_end_gone(p[0]));

	/* a descriptor that is not open; a datagram keeps its files with its message */
	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	int bad = 987;
	CHECK_ERR(send_fds(sv[0], "G", &bad, 1), EBADF);
	CHECK_OK(pipe2(p, O_NONBLOCK));
	CHECK(send_fds(sv[0], "first", NULL, 0) == 5, "send");
	CHECK(send_fds(sv[0], "second", &p[1], 1) == 6, "send");
	n = recv_fds(sv[1], buf, sizeof buf, CMSG_SPACE(sizeof(int)), 0, got, &ngot, &fl);
	printf("datagram 1: %zd bytes, %d descriptor(s)\n", n, ngot);
	n = recv_fds(sv[1], buf, sizeof buf, CMSG_SPACE(sizeof(int)), 0, got, &ngot, &fl);
	printf("datagram 2: %zd bytes, %d descriptor(s)\n", n, ngot);
	return compat_done();
}
