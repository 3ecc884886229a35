/*
 * passcred.c - SO_PASSCRED and SCM_CREDENTIALS: a receiver with
 * SO_PASSCRED gets the sender's pid, uid and gid with each message, in
 * front of any SCM_RIGHTS; a message sent while neither side had it
 * carries none (pid 0, uid and gid 65534); root may pass other ids
 * explicitly, but only a pid that exists (ESRCH) and a cmsg_len of
 * exactly CMSG_LEN(sizeof(struct ucred)) (EINVAL); an unknown SOL_SOCKET
 * type is EINVAL, another level is ignored; without a control buffer the
 * message comes with MSG_CTRUNC; a stream read does not join bytes from
 * writers with different credentials. The sockets are datagram and
 * stream socketpairs.
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

union ctl {
	char buf[CMSG_SPACE(sizeof(struct ucred)) + CMSG_SPACE(sizeof(int))];
	struct cmsghdr align;
};

static ssize_t send_ctl(int s, const char *data, int level, int type, const void *p, size_t len,
			size_t cmsg_len)
{
	union ctl ctl;
	struct iovec iov = { (void *)data, strlen(data) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
			     .msg_controllen = CMSG_SPACE(len) };
	memset(&ctl, 0, sizeof ctl);
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = level;
	c->cmsg_type = type;
	c->cmsg_len = cmsg_len;
	memcpy(CMSG_DATA(c), p, len);
	return sendmsg(s, &mh, 0);
}

static ssize_t send_cred(int s, const char *data, struct ucred cr)
{
	return send_ctl(s, data, SOL_SOCKET, SCM_CREDENTIALS, &cr, sizeof cr, CMSG_LEN(sizeof cr));
}

/* Receive and print what came: bytes, credentials, other cmsgs, flags. */
static void recv_show(const char *what, int s, size_t len, int with_ctl)
{
	union ctl ctl;
	char buf[16];
	struct iovec iov = { buf, len };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = with_ctl ? ctl.buf : NULL,
			     .msg_controllen = with_ctl ? sizeof ctl.buf : 0 };
	memset(&ctl, 0, sizeof ctl);
	ssize_t n = recvmsg(s, &mh, MSG_DONTWAIT);
	printf("%s: %zd \"%.*s\"", what, n, (int)(n > 0 ? n : 0), buf);
	for (struct cmsghdr *c = with_ctl && n >= 0 ? CMSG_FIRSTHDR(&mh) : NULL; c; c = CMSG_NXTHDR(&mh, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS) {
			struct ucred cr;
			memcpy(&cr, CMSG_DATA(c), sizeof cr);
			printf(" creds(pid %s, uid %u, gid %u)",
			       cr.pid == getpid() ? "ours" : cr.pid == 0 ? "0" : "other", cr.uid, cr.gid);
		} else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
			printf(" rights(%zu)", (c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
		} else {
			printf(" cmsg(%d, %d)", c->cmsg_level, c->cmsg_type);
		}
	}
	printf("%s\n", mh.msg_flags & MSG_CTRUNC ? " MSG_CTRUNC" : "");
}

int main(void)
{
	int sv[2] = { -1, -1 }, one = 1;
	struct ucred mine = { getpid(), getuid(), getgid() };

	CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	CHECK(send(sv[0], "before", 6, 0) == 6, "send");
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one));
	int v = 0;
	socklen_t vl = sizeof v;
	CHECK_OK(getsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &v, &vl));
	printf("SO_PASSCRED reads back: %d\n", v);
	CHECK(send(sv[0], "after", 5, 0) == 5, "send");
	CHECK(send_cred(sv[0], "explicit", mine) == 8, "send own creds");
	CHECK(send_cred(sv[0], "uid7", (struct ucred){ getpid(), 7, 8 }) == 4, "send other ids");
	int fd = dup(1);
	CHECK(send_ctl(sv[0], "fd", SOL_SOCKET, SCM_RIGHTS, &fd, sizeof fd, CMSG_LEN(sizeof fd)) == 2,
	      "send rights");
	CHECK(send_ctl(sv[0], "other level", 0, 99, &fd, sizeof fd, CMSG_LEN(sizeof fd)) == 11,
	      "another level is ignored");
	CHECK(send(sv[0], "no buffer", 9, 0) == 9, "send");
	recv_show("sent before SO_PASSCRED", sv[1], 16, 1);
	recv_show("sent after", sv[1], 16, 1);
	recv_show("explicit own credentials", sv[1], 16, 1);
	recv_show("explicit uid 7 gid 8", sv[1], 16, 1);
	recv_show("with a descriptor", sv[1], 16, 1);
	recv_show("cmsg of another level", sv[1], 16, 1);
	recv_show("no control buffer", sv[1], 16, 0);

	CHECK_ERR(send_cred(sv[0], "x", (struct ucred){ 0x3fffffff, 0, 0 }), ESRCH);
	CHECK_ERR(send_ctl(sv[0], "x", SOL_SOCKET, SCM_CREDENTIALS, &mine, sizeof mine, CMSG_LEN(8)), EINVAL);
	CHECK_ERR(send_ctl(sv[0], "x", SOL_SOCKET, 99, &fd, sizeof fd, CMSG_LEN(sizeof fd)), EINVAL);
	CHECK_ERR(send_ctl(sv[0], "x", SOL_SOCKET, SCM_RIGHTS, &fd, sizeof fd, CMSG_SPACE(sizeof fd) + 8),
		  EINVAL);
	close(sv[0]);
	close(sv[1]);

	/* a stream read stops where the credentials change */
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof one));
	CHECK(send(sv[0], "ab", 2, 0) == 2, "send");
	CHECK(send(sv[0], "cd", 2, 0) == 2, "send");
	CHECK(send_cred(sv[0], "ef", (struct ucred){ getpid(), 7, 8 }) == 2, "send");
	recv_show("stream, same writer twice", sv[1], 16, 1);
	recv_show("stream, then other credentials", sv[1], 16, 1);
	return compat_done();
}
