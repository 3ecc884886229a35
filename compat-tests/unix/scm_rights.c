/*
 * scm_rights.c - SCM_RIGHTS passes open files over an AF_UNIX socket: the
 * receiver gets new descriptors (its own numbers) for the same open
 * files: a pipe's write end, through which it writes what the sender
 * reads from the read end it kept. CMSG_LEN/CMSG_SPACE size the control
 * message, which arrives with its level and type.
 */
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int sv[2] = { -1, -1 }, p[2] = { -1, -1 };
	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CHECK_OK(pipe(p));

	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} ctl;
	memset(&ctl, 0, sizeof ctl);
	struct iovec iov = { "F", 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf, .msg_controllen = sizeof ctl.buf };
	struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	int fds[2] = { p[1], p[1] };
	memcpy(CMSG_DATA(c), fds, sizeof fds);
	printf("sendmsg: %zd\n", sendmsg(sv[0], &mh, 0));

	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} rctl;
	char data[4];
	struct iovec riov = { data, sizeof data };
	struct msghdr rh = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = rctl.buf, .msg_controllen = sizeof rctl.buf };
	ssize_t n = recvmsg(sv[1], &rh, 0);
	printf("recvmsg: %zd, byte %c\n", n, n > 0 ? data[0] : '?');
	if (n < 0)
		return compat_done();
	struct cmsghdr *rc = CMSG_FIRSTHDR(&rh);
	CHECK(rc != NULL, "no control message");
	if (!rc)
		return compat_done();
	printf("level SOL_SOCKET: %s, type SCM_RIGHTS: %s, len == CMSG_LEN(2 ints): %s\n",
	       rc->cmsg_level == SOL_SOCKET ? "yes" : "no", rc->cmsg_type == SCM_RIGHTS ? "yes" : "no",
	       rc->cmsg_len == CMSG_LEN(2 * sizeof(int)) ? "yes" : "no");
	int got[2];
	memcpy(got, CMSG_DATA(rc), sizeof got);
	printf("new numbers: %s, distinct: %s\n", got[0] != p[1] && got[1] != p[1] ? "yes" : "no",
	       got[0] != got[1] ? "yes" : "no");
	CHECK(write(got[0], "via", 3) == 3, "write through the passed fd");
	CHECK(write(got[1], "!", 1) == 1, "write through the second");
	char buf[8];
	n = read(p[0], buf, sizeof buf);
	printf("read from the pipe: %zd \"%.*s\"\n", n, (int)(n > 0 ? n : 0), buf);
	printf("control length == CMSG_SPACE(2 ints): %s\n", rh.msg_controllen == CMSG_SPACE(2 * sizeof(int)) ? "yes" : "no");
	return compat_done();
}
