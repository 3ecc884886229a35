/*
 * sys_socket.c - the socket system calls: copy arguments in, check them as
 * Linux does, call the family through struct sock_ops, copy results out.
 * Nothing here knows a family's internals.
 */
#include "net.h"
#include "vfs.h"
#include "klib.h"
#include "mm.h"
#include "uaccess.h"
#include "time.h"
#include <linux/errno.h>
#include <linux/fcntl.h>

#define SOCKADDR_MAX 128            /* sizeof(struct sockaddr_storage) */
#define IOV_MAX_COUNT 1024          /* UIO_MAXIOV */
#define CONTROL_MAX (64 * 1024)     /* Linux's sysctl_optmem_max is smaller; generous */
#define MAX_RW_BYTES 0x7ffff000L    /* Linux's per-call maximum */
#define OPT_MAX 256

static int family_create(struct socket *s, int family, int type, int protocol)
{
	switch (family) {
	case AF_UNIX:
		return unix_create(s, type, protocol);
	case AF_INET:
	case AF_INET6:
		return inet_create(s, type, protocol);
	default:
		return -EAFNOSUPPORT;
	}
}

static long new_socket(int family, int type, int protocol, struct socket **out)
{
	int kind = type & SOCK_TYPE_MASK;
	struct socket *s;
	int r;

	if (type & ~(SOCK_TYPE_MASK | SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	if (family < 0 || family >= 46) /* AF_MAX */
		return -EAFNOSUPPORT;
	s = sock_alloc(family, kind, protocol);
	if (!s)
		return -ENOMEM;
	r = family_create(s, family, kind, protocol);
	if (r) {
		kfree(s);
		return r;
	}
	*out = s;
	return 0;
}

long sys_socket(int family, int type, int protocol)
{
	struct socket *s;
	long r = new_socket(family, type, protocol, &s);

	return r ? r : sock_install(s, type);
}

long sys_socketpair(int family, int type, int protocol, int *usockvec)
{
	struct socket *a, *b;
	int fds[2];
	long r;

	if (!user_range_ok(usockvec, sizeof(fds)))
		return -EFAULT;
	if ((r = new_socket(family, type, protocol, &a)))
		return r;
	if (!a->ops->socketpair) {
		sock_free(a);
		return -EOPNOTSUPP;
	}
	if ((r = new_socket(family, type, protocol, &b))) {
		sock_free(a);
		return r;
	}
	if ((r = a->ops->socketpair(a, b))) {
		sock_free(a);
		sock_free(b);
		return r;
	}
	fds[0] = sock_install(a, type);
	if (fds[0] < 0) {
		sock_free(b);
		return fds[0];
	}
	fds[1] = sock_install(b, type);
	if (fds[1] < 0) {
		sys_close((unsigned)fds[0]);
		return fds[1];
	}
	if (copy_to_user(usockvec, fds, sizeof(fds))) {
		sys_close((unsigned)fds[0]);
		sys_close((unsigned)fds[1]);
		return -EFAULT;
	}
	return 0;
}

/* A sockaddr from the program into kaddr (SOCKADDR_MAX bytes). */
static int addr_in(const void *uaddr, int len, void *kaddr)
{
	if (len < 0 || len > SOCKADDR_MAX)
		return -EINVAL;
	if (len && copy_from_user(kaddr, uaddr, (size_t)len))
		return -EFAULT;
	return 0;
}

/* Give the program a sockaddr: at most *ulen bytes of it, and its full length in *ulen. */
static int addr_out(const void *kaddr, int klen, void *uaddr, int *ulen)
{
	int len;

	if (copy_from_user(&len, ulen, sizeof(len)))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	if (len > klen)
		len = klen;
	if (len && copy_to_user(uaddr, kaddr, (size_t)len))
		return -EFAULT;
	return copy_to_user(ulen, &klen, sizeof(klen)) ? -EFAULT : 0;
}

#define WITH_SOCKET(fd, s, f, err)                           \
	struct file *f;                                      \
	int err = 0;                                         \
	struct socket *s = sock_from_fd(fd, &f, &err);       \
	if (!s)                                              \
		return err

long sys_bind(int fd, struct sockaddr *umyaddr, int addrlen)
{
	char kaddr[SOCKADDR_MAX];
	long r;
	WITH_SOCKET(fd, s, f, err);

	r = addr_in(umyaddr, addrlen, kaddr);
	if (!r)
		r = s->ops->bind ? s->ops->bind(s, kaddr, addrlen) : -EOPNOTSUPP;
	file_put(f);
	return r;
}

long sys_listen(int fd, int backlog)
{
	long r;
	WITH_SOCKET(fd, s, f, err);

	if (backlog < 0 || backlog > 4096) /* net.core.somaxconn */
		backlog = 4096;
	r = s->ops->listen ? s->ops->listen(s, backlog) : -EOPNOTSUPP;
	file_put(f);
	return r;
}

long sys_accept4(int fd, struct sockaddr *upeer, int *upeer_len, int flags)
{
	char kaddr[SOCKADDR_MAX];
	struct socket *ns;
	int klen = SOCKADDR_MAX;
	long r;

	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	WITH_SOCKET(fd, s, f, err);
	if (!s->ops->accept) {
		file_put(f);
		return -EOPNOTSUPP;
	}
	ns = sock_alloc(s->family, s->type, s->protocol);
	if (!ns) {
		file_put(f);
		return -ENOMEM;
	}
	r = s->ops->accept(s, ns, (f->flags & O_NONBLOCK) != 0);
	file_put(f);
	if (r) {
		kfree(ns); /* the family set nothing up */
		return r;
	}
	if (upeer) {
		/* the address first: a bad pointer must not leave a descriptor behind */
		r = ns->ops->getname ? ns->ops->getname(ns, kaddr, &klen, true) : -ENOTCONN;
		if (r == -ENOTCONN) { /* already reset: Linux still accepts it */
			memset(kaddr, 0, sizeof(kaddr));
			kaddr[0] = (char)ns->family;
			klen = 2;
			r = 0;
		}
		if (!r)
			r = addr_out(kaddr, klen, upeer, upeer_len);
		if (r) {
			sock_free(ns);
			return r;
		}
	}
	return sock_install(ns, flags);
}

long sys_accept(int fd, struct sockaddr *upeer, int *upeer_len)
{
	return sys_accept4(fd, upeer, upeer_len, 0);
}

long sys_connect(int fd, struct sockaddr *uservaddr, int addrlen)
{
	char kaddr[SOCKADDR_MAX];
	long r;
	WITH_SOCKET(fd, s, f, err);

	r = addr_in(uservaddr, addrlen, kaddr);
	if (!r)
		r = s->ops->connect ? s->ops->connect(s, kaddr, addrlen, (f->flags & O_NONBLOCK) != 0)
				    : -EOPNOTSUPP;
	file_put(f);
	return r;
}

long sys_shutdown(int fd, int how)
{
	long r;
	WITH_SOCKET(fd, s, f, err);

	if (how < SHUT_RD || how > SHUT_RDWR)
		r = -EINVAL;
	else
		r = s->ops->shutdown ? s->ops->shutdown(s, how) : -EOPNOTSUPP;
	file_put(f);
	return r;
}

static long getname(int fd, struct sockaddr *uaddr, int *ulen, bool peer)
{
	char kaddr[SOCKADDR_MAX];
	int klen = SOCKADDR_MAX;
	long r;
	WITH_SOCKET(fd, s, f, err);

	if (s->ops->getname)
		r = s->ops->getname(s, kaddr, &klen, peer);
	else
		r = peer ? -ENOTCONN : -EOPNOTSUPP;
	if (!r)
		r = addr_out(kaddr, klen, uaddr, ulen);
	file_put(f);
	return r;
}

long sys_getsockname(int fd, struct sockaddr *uaddr, int *ulen) { return getname(fd, uaddr, ulen, false); }
long sys_getpeername(int fd, struct sockaddr *uaddr, int *ulen) { return getname(fd, uaddr, ulen, true); }

/* --- sending and receiving --- */

/*
 * struct kmsg_buf - a kmsg and the kernel copies behind it: the iovec
 * array, the address and the control data.
 */
struct kmsg_buf {
	struct kmsg m;
	struct iovec iov_one;
	struct iovec *iov;          /* iov_one or kmalloc'ed */
	char addr[SOCKADDR_MAX];
	void *control;              /* kmalloc'ed, or NULL */
};

static void kmsg_free(struct kmsg_buf *b)
{
	if (b->iov != &b->iov_one)
		kfree(b->iov);
	kfree(b->control);
}

/* The data part: count checked against MAX_RW_BYTES, each segment's memory checked. */
static int kmsg_iov(struct kmsg_buf *b, const struct iovec *uiov, size_t n)
{
	size_t total = 0;

	if (n > IOV_MAX_COUNT)
		return -EMSGSIZE;
	b->iov = n <= 1 ? &b->iov_one : kmalloc(n * sizeof(struct iovec));
	if (!b->iov)
		return -ENOMEM;
	if (n && copy_from_user(b->iov, uiov, n * sizeof(struct iovec)))
		return -EFAULT;
	for (size_t i = 0; i < n; i++) {
		if ((long)b->iov[i].iov_len < 0)
			return -EINVAL;
		if (!user_range_ok(b->iov[i].iov_base, b->iov[i].iov_len))
			return -EFAULT;
		if (b->iov[i].iov_len > (size_t)MAX_RW_BYTES - total)
			b->iov[i].iov_len = (size_t)MAX_RW_BYTES - total;
		total += b->iov[i].iov_len;
	}
	b->m.data.iov = b->iov;
	b->m.data.niov = n;
	b->m.data.left = total;
	b->m.data.io = IO_USER;
	return 0;
}

/* A user_msghdr into b for sending (send true) or receiving. */
static int kmsg_from_user(struct kmsg_buf *b, const struct user_msghdr *um, bool send)
{
	int r;

	memset(b, 0, sizeof(*b));
	b->iov = &b->iov_one;
	if ((r = kmsg_iov(b, um->msg_iov, um->msg_iovlen)))
		return r;
	if (um->msg_name) {
		if (send) {
			if ((r = addr_in(um->msg_name, um->msg_namelen, b->addr)))
				return r;
			b->m.name = b->addr;
			b->m.namelen = um->msg_namelen;
		} else {
			if (um->msg_namelen < 0)
				return -EINVAL;
			b->m.name = b->addr;
			b->m.namelen = SOCKADDR_MAX;
		}
	}
	if (um->msg_control && um->msg_controllen) {
		size_t n = um->msg_controllen;
		if (n > CONTROL_MAX) {
			if (send)
				return -ENOBUFS;
			n = CONTROL_MAX;
		}
		b->control = kzalloc(n);
		if (!b->control)
			return -ENOMEM;
		if (send && copy_from_user(b->control, um->msg_control, n))
			return -EFAULT;
		b->m.control = b->control;
		b->m.controllen = n;
	}
	return 0;
}

static long do_sendmsg(struct socket *s, struct user_msghdr *um, unsigned flags)
{
	struct kmsg_buf b;
	long r = kmsg_from_user(&b, um, true);

	if (!r)
		r = sock_sendmsg(s, &b.m, flags);
	kmsg_free(&b);
	return r;
}

/* Receive into the program's msghdr at uhdr (um is its kernel copy); writes back
 * msg_namelen, msg_controllen and msg_flags. */
static long do_recvmsg(struct socket *s, struct user_msghdr *uhdr, struct user_msghdr *um,
		       unsigned flags)
{
	struct kmsg_buf b;
	long r = kmsg_from_user(&b, um, false);

	if (!r)
		r = sock_recvmsg(s, &b.m, flags);
	if (r >= 0) {
		int namelen = 0;
		if (um->msg_name && b.m.namelen > 0) {
			namelen = b.m.namelen < um->msg_namelen ? b.m.namelen : um->msg_namelen;
			if (copy_to_user(um->msg_name, b.addr, (size_t)namelen))
				r = -EFAULT;
			namelen = b.m.namelen;
		}
		um->msg_namelen = namelen;
		if (b.control) {
			if (b.m.controllen && copy_to_user(um->msg_control, b.control, b.m.controllen))
				r = -EFAULT;
			um->msg_controllen = b.m.controllen;
		} else {
			if (um->msg_controllen || (b.m.out_flags & MSG_CTRUNC))
				um->msg_controllen = 0;
		}
		um->msg_flags = b.m.out_flags;
		if (r >= 0 &&
		    (copy_to_user(&uhdr->msg_namelen, &um->msg_namelen, sizeof(int)) ||
		     copy_to_user(&uhdr->msg_controllen, &um->msg_controllen, sizeof(size_t)) ||
		     copy_to_user(&uhdr->msg_flags, &um->msg_flags, sizeof(unsigned))))
			r = -EFAULT;
	}
	kmsg_free(&b);
	return r;
}

long sys_sendto(int fd, void *buff, size_t len, unsigned int flags, struct sockaddr *addr, int addr_len)
{
	struct kmsg_buf b;
	long r;
	WITH_SOCKET(fd, s, f, err);

	/* the iovec is ours: build the kmsg without copying it from the program */
	memset(&b, 0, sizeof(b));
	if (len > (size_t)MAX_RW_BYTES)
		len = (size_t)MAX_RW_BYTES;
	if (!user_range_ok(buff, len))
		r = -EFAULT;
	else if (addr && (r = addr_in(addr, addr_len, b.addr)))
		;
	else {
		kmsg_one(&b.m, &b.iov_one, buff, len, IO_USER);
		if (addr) {
			b.m.name = b.addr;
			b.m.namelen = addr_len;
		}
		r = sock_sendmsg(s, &b.m, flags);
	}
	file_put(f);
	return r;
}

long sys_recvfrom(int fd, void *ubuf, size_t size, unsigned int flags, struct sockaddr *addr,
		  int *addr_len)
{
	struct kmsg_buf b;
	long r;
	WITH_SOCKET(fd, s, f, err);

	memset(&b, 0, sizeof(b));
	if (size > (size_t)MAX_RW_BYTES)
		size = (size_t)MAX_RW_BYTES;
	if (!user_range_ok(ubuf, size)) {
		file_put(f);
		return -EFAULT;
	}
	kmsg_one(&b.m, &b.iov_one, ubuf, size, IO_USER);
	if (addr) {
		b.m.name = b.addr;
		b.m.namelen = SOCKADDR_MAX;
	}
	r = sock_recvmsg(s, &b.m, flags);
	if (r >= 0 && addr && addr_len) {
		int e = b.m.namelen > 0 ? addr_out(b.addr, b.m.namelen, addr, addr_len) : 0;
		if (!e && b.m.namelen <= 0) {
			int zero = 0;
			e = copy_to_user(addr_len, &zero, sizeof(zero)) ? -EFAULT : 0;
		}
		if (e)
			r = e;
	}
	file_put(f);
	return r;
}

long sys_sendmsg(int fd, struct user_msghdr *msg, unsigned int flags)
{
	struct user_msghdr um;
	long r;
	WITH_SOCKET(fd, s, f, err);

	r = copy_from_user(&um, msg, sizeof(um)) ? -EFAULT : do_sendmsg(s, &um, flags);
	file_put(f);
	return r;
}

long sys_recvmsg(int fd, struct user_msghdr *msg, unsigned int flags)
{
	struct user_msghdr um;
	long r;
	WITH_SOCKET(fd, s, f, err);

	r = copy_from_user(&um, msg, sizeof(um)) ? -EFAULT : do_recvmsg(s, msg, &um, flags);
	file_put(f);
	return r;
}

/*
 * One entry of sendmmsg/recvmmsg: its message, and its byte count written
 * back to msg_len. Return: bytes, or -errno.
 */
static long mmsg_one(struct socket *s, struct mmsghdr *um, unsigned flags, bool send)
{
	struct user_msghdr hdr;
	unsigned len;
	long r;

	if (copy_from_user(&hdr, &um->msg_hdr, sizeof(hdr)))
		return -EFAULT;
	r = send ? do_sendmsg(s, &hdr, flags) : do_recvmsg(s, &um->msg_hdr, &hdr, flags);
	if (r < 0)
		return r;
	len = (unsigned)r;
	return copy_to_user(&um->msg_len, &len, sizeof(len)) ? -EFAULT : r;
}

long sys_sendmmsg(int fd, struct mmsghdr *msg, unsigned int vlen, unsigned int flags)
{
	unsigned i;
	long r = 0;
	WITH_SOCKET(fd, s, f, err);

	if (vlen > IOV_MAX_COUNT)
		vlen = IOV_MAX_COUNT;
	for (i = 0; i < vlen; i++)
		if ((r = mmsg_one(s, &msg[i], flags, true)) < 0)
			break;
	file_put(f);
	return i ? (long)i : r; /* a later failure is reported by the next call, as Linux */
}

long sys_recvmmsg(int fd, struct mmsghdr *msg, unsigned int vlen, unsigned int flags,
		  struct __kernel_timespec *timeout)
{
	struct __kernel_timespec ts;
	uint64_t deadline = 0;
	unsigned i;
	long r = 0;

	if (timeout) {
		if (copy_from_user(&ts, timeout, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
			return -EINVAL;
		deadline = clock_ns() + (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
	}
	WITH_SOCKET(fd, s, f, err);
	if (vlen > IOV_MAX_COUNT)
		vlen = IOV_MAX_COUNT;
	for (i = 0; i < vlen; i++) {
		if ((r = mmsg_one(s, &msg[i], flags, false)) < 0)
			break;
		if (flags & MSG_WAITFORONE)
			flags |= MSG_DONTWAIT;
		if (deadline && clock_ns() >= deadline) {
			i++;
			break;
		}
	}
	file_put(f);
	return i ? (long)i : r;
}

/* --- options --- */

long sys_setsockopt(int fd, int level, int optname, char *optval, int optlen)
{
	char kval[OPT_MAX];
	long r;

	if (optlen < 0)
		return -EINVAL;
	if (optlen > OPT_MAX)
		optlen = OPT_MAX;
	WITH_SOCKET(fd, s, f, err);
	if (optlen && copy_from_user(kval, optval, (size_t)optlen)) {
		file_put(f);
		return -EFAULT;
	}
	if (level == SOL_SOCKET) {
		r = sock_setopt_generic(s, optname, kval, (unsigned)optlen);
		if ((r == 0 || r == -ENOPROTOOPT) && s->ops->setsockopt) {
			long fr = s->ops->setsockopt(s, level, optname, kval, (unsigned)optlen);
			if (r == -ENOPROTOOPT || fr < 0)
				r = fr;
		}
	} else {
		r = s->ops->setsockopt ? s->ops->setsockopt(s, level, optname, kval, (unsigned)optlen)
				       : -ENOPROTOOPT;
	}
	file_put(f);
	return r;
}

long sys_getsockopt(int fd, int level, int optname, char *optval, int *optlen)
{
	char kval[OPT_MAX];
	int len;
	long r;
	WITH_SOCKET(fd, s, f, err);

	if (copy_from_user(&len, optlen, sizeof(len))) {
		r = -EFAULT;
		goto out;
	}
	if (len < 0) {
		r = -EINVAL;
		goto out;
	}
	if (len > OPT_MAX)
		len = OPT_MAX;
	memset(kval, 0, sizeof(kval));
	r = level == SOL_SOCKET ? sock_getopt_generic(s, optname, kval, (unsigned)len) : -ENOPROTOOPT;
	if (r == -ENOPROTOOPT && s->ops->getsockopt) {
		unsigned ulen = (unsigned)len;
		r = s->ops->getsockopt(s, level, optname, kval, &ulen);
		if (!r)
			r = ulen;
	}
	if (r >= 0) {
		len = (int)r;
		r = 0;
		if ((len && copy_to_user(optval, kval, (size_t)len)) ||
		    copy_to_user(optlen, &len, sizeof(len)))
			r = -EFAULT;
	}
out:
	file_put(f);
	return r;
}
