/*
 * net.h - the network subsystem's whole interface: sockets, the families
 * behind them, and the network device layer.
 *
 * A socket is a file (vfs_file_anon, S_IFSOCK) whose priv is a struct
 * socket. The generic layer (socket.c, sys_socket.c) copies arguments in
 * and out of program memory, owns the SOL_SOCKET options every family
 * shares, and dispatches to the family's struct sock_ops. Families:
 *   unix.c        AF_UNIX stream, datagram and seqpacket, in the kernel
 *                 (socketpair, path and abstract names, SCM_RIGHTS,
 *                 SO_PEERCRED); one mutex for all AF_UNIX state
 *   inet_tcp.c    AF_INET/AF_INET6 SOCK_STREAM over lwIP's raw TCP API
 *   inet_udp.c    AF_INET/AF_INET6 SOCK_DGRAM over lwIP's raw UDP API
 *   inet.c        what the two share: address conversion, the core lock
 * Under lwIP (built from Debian's source, see net/lwip.mk):
 *   netif.c       lwIP netif glue for a struct netdev, address setup
 *                 (static from the command line, else DHCP), the lwIP
 *                 thread that takes received frames and runs lwIP's timers
 *   virtio_net.c  the virtio-net driver (virtio-mmio, virtio-pci)
 *
 * Locking:
 *   net_lock   (mutex, inet.c) the whole lwIP core: every pcb, pbuf and
 *              netif, and the inet sockets' state. lwIP's callbacks run
 *              with it held (from a system call or the lwIP thread). It is
 *              never held across a user copy (copies go through a kernel
 *              bounce buffer or happen before/after), so a page fault never
 *              waits for it.
 *   unix_lock  (mutex, unix.c) see there; never taken together with net_lock
 *   sched_lock wait/wake handshakes on socket->wq, as pipes do
 * A blocking socket call sleeps on socket->wq with the sched_lock handshake
 * (check the condition with sched_lock held, sleep with
 * waitq_wait_intr_locked), and every state change that can make it ready
 * wakes socket->wq with the POLL* key that became true, which is also what
 * poll/select/epoll wait on (sock_ops.poll hands socket->wq to poll_wait).
 *
 * Errors are -errno everywhere.
 */
#ifndef KEEL_NET_H
#define KEEL_NET_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <linux/types.h>
#include <linux/socket.h>
#include <linux/uio.h>
#include <linux/in.h>   /* IPPROTO_*, IP_TOS, struct sockaddr_in */
#include <linux/in6.h>  /* IPV6_V6ONLY, struct sockaddr_in6 */
#include "sched.h"

struct file;
struct poll_table;

/*
 * The <sys/socket.h> ABI that no UAPI header defines: struct msghdr as a
 * program passes it, struct cmsghdr, struct ucred, and the constants.
 * Layouts as Linux's include/linux/socket.h (x86-64).
 */
struct user_msghdr {
	void *msg_name;
	int msg_namelen;
	struct iovec *msg_iov;
	size_t msg_iovlen;
	void *msg_control;
	size_t msg_controllen;
	unsigned int msg_flags;
};
struct mmsghdr {
	struct user_msghdr msg_hdr;
	unsigned int msg_len;
};
struct cmsghdr {
	size_t cmsg_len;   /* header + data, not padded */
	int cmsg_level;
	int cmsg_type;
};
struct ucred {
	int pid;
	unsigned uid, gid;
};
#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_DATA_OFF CMSG_ALIGN(sizeof(struct cmsghdr))
#define CMSG_SPACE(len) (CMSG_DATA_OFF + CMSG_ALIGN(len))
#define CMSG_LEN(len) (CMSG_DATA_OFF + (len))
#define SCM_RIGHTS 0x01
#define SCM_CREDENTIALS 0x02
#define SCM_MAX_FD 253   /* Linux's limit of descriptors in one SCM_RIGHTS message */

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define AF_NETLINK 16
#define AF_PACKET 17
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
#define SOCK_TYPE_MASK 0xf
#define SOCK_NONBLOCK 04000     /* = O_NONBLOCK */
#define SOCK_CLOEXEC 02000000   /* = O_CLOEXEC */

#define MSG_OOB 0x1
#define MSG_PEEK 0x2
#define MSG_DONTROUTE 0x4
#define MSG_CTRUNC 0x8
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_NOSIGNAL 0x4000
#define MSG_MORE 0x8000
#define MSG_WAITFORONE 0x10000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

#define SOL_SOCKET 1
#define SOL_IP 0
#define SOL_TCP 6
#define SOL_UDP 17
#define SOL_IPV6 41
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_NO_CHECK 11
#define SO_PRIORITY 12
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_PASSCRED 16
#define SO_PEERCRED 17
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO_OLD 20
#define SO_SNDTIMEO_OLD 21
#define SO_ACCEPTCONN 30
#define SO_SNDBUFFORCE 32
#define SO_RCVBUFFORCE 33
#define SO_PROTOCOL 38
#define SO_DOMAIN 39
#define SO_RCVTIMEO_NEW 66
#define SO_SNDTIMEO_NEW 67
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#define TCP_CORK 3
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6
#define TCP_DEFER_ACCEPT 9
#define TCP_INFO 11
#define TCP_QUICKACK 12
#define TCP_FASTOPEN 23

/* the socket buffer defaults (Linux's net.core.{w,r}mem_default) and limits */
#define SOCK_DEFAULT_BUF 212992
#define SOCK_MIN_SNDBUF 4608
#define SOCK_MIN_RCVBUF 2304
#define SOCK_MAX_BUF (4 * 1024 * 1024)

/*
 * struct msg_iter - the data of one sendmsg/recvmsg: the program's iovec
 * array (copied into the kernel and checked by the generic layer) or one
 * kernel buffer (io == IO_KERNEL: sendfile, read/write of kernel data).
 * Families move bytes only through msg_copy_from/msg_copy_to, which may
 * fault: never call them with net_lock held.
 */
struct msg_iter {
	const struct iovec *iov;
	size_t niov;
	size_t idx, off;      /* position: iov[idx], off bytes into it */
	size_t left;          /* bytes from the position to the end */
	unsigned io;          /* IO_USER or IO_KERNEL (vfs.h) */
};
/* Copy n bytes out of / into the iterator and advance it. Return: 0 or -EFAULT. */
int msg_copy_from(struct msg_iter *it, void *kdst, size_t n);
int msg_copy_to(struct msg_iter *it, const void *ksrc, size_t n);
/*
 * For an IO_KERNEL iterator with bytes left: the next contiguous piece of
 * at most *n bytes, without copying; *n becomes its length (> 0) and the
 * iterator moves past it. (sendfile's data goes to TCP straight from the
 * kernel buffer.)
 */
const void *msg_take_kernel(struct msg_iter *it, size_t *n);

/*
 * struct kmsg - one message as a family sees it. The generic layer fills
 * it from the program's msghdr (or sendto/recvfrom/read/write arguments)
 * and copies results back.
 *   send: name/namelen the destination (kernel copy) or namelen 0;
 *         control/controllen the program's ancillary data (kernel copy).
 *   recv: name has room for namelen bytes: the family writes the source
 *         address and sets namelen to its full length (0: none); control
 *         has room for controllen bytes: the family writes cmsgs there and
 *         sets controllen to what it used (and MSG_CTRUNC in out_flags if
 *         something did not fit); out_flags gets MSG_TRUNC/MSG_EOR/...
 */
struct kmsg {
	struct msg_iter data;
	void *name;
	int namelen;
	void *control;
	size_t controllen;
	unsigned out_flags;
};

struct socket;

/*
 * struct sock_ops - one family and type's socket calls. Addresses are
 * kernel copies (at most sizeof(struct __kernel_sockaddr_storage), length
 * already checked to be >= 0 and <= that). nonblock is the file's
 * O_NONBLOCK or the call's MSG_DONTWAIT; blocking waits are interruptible
 * (-ERESTARTSYS / -EINTR as signal(7)) and honour s->rcvtimeo_ns /
 * s->sndtimeo_ns (-EAGAIN when they expire). Every op may be NULL: the
 * generic layer answers -EOPNOTSUPP (or -ENOTCONN for getname with peer).
 *   bind, connect     as bind(2)/connect(2)
 *   listen            as listen(2)
 *   accept            a new connected socket in *out (its ops/priv set; the
 *                     generic layer makes the file); flags are SOCK_NONBLOCK
 *                     and SOCK_CLOEXEC as accept4(2) for the new one
 *   sendmsg/recvmsg   Return: bytes, or -errno. SIGPIPE for -EPIPE on a
 *                     stream is sent by the generic layer unless MSG_NOSIGNAL.
 *   shutdown          as shutdown(2)
 *   getname           the local (peer false) or remote address into addr
 *                     (room for *len bytes), *len set to its full length
 *   setsockopt        called for every level (SOL_SOCKET too, after the
 *                     generic layer stored what it keeps in struct socket);
 *                     return -ENOPROTOOPT for what it does not know, except
 *                     that SOL_SOCKET options it does not care about return 0
 *   getsockopt        levels other than SOL_SOCKET, and the SOL_SOCKET ones
 *                     the generic layer does not keep (SO_ERROR, SO_ACCEPTCONN,
 *                     SO_PEERCRED): fill val (room for *len), set *len
 *   poll              the ready mask (POLLIN, POLLOUT, POLLRDHUP, POLLHUP,
 *                     POLLERR ...); poll_wait(pt, &s->wq)
 *   ioctl             FIONREAD/SIOCINQ, SIOCOUTQ, ...; -ENOTTY otherwise
 *   socketpair        connect a and b (both fresh, same family and type)
 *   release           the file is gone: close the connection, free priv
 */
struct sock_ops {
	int (*bind)(struct socket *s, const void *addr, int len);
	int (*connect)(struct socket *s, const void *addr, int len, bool nonblock);
	int (*listen)(struct socket *s, int backlog);
	int (*accept)(struct socket *s, struct socket *newsock, bool nonblock);
	long (*sendmsg)(struct socket *s, struct kmsg *m, int flags, bool nonblock);
	long (*recvmsg)(struct socket *s, struct kmsg *m, int flags, bool nonblock);
	int (*shutdown)(struct socket *s, int how);
	int (*getname)(struct socket *s, void *addr, int *len, bool peer);
	int (*setsockopt)(struct socket *s, int level, int name, const void *val, unsigned len);
	int (*getsockopt)(struct socket *s, int level, int name, void *val, unsigned *len);
	unsigned (*poll)(struct socket *s, struct poll_table *pt);
	long (*ioctl)(struct socket *s, unsigned cmd, unsigned long arg);
	int (*socketpair)(struct socket *a, struct socket *b);
	void (*release)(struct socket *s);
};

/*
 * struct socket - the state every family shares. Allocated by the generic
 * layer (sock_alloc), freed after ops->release.
 */
struct socket {
	const struct sock_ops *ops;   /* set by the family's create/accept */
	void *priv;                   /* the family's own state */
	struct file *file;            /* the file it belongs to (not a reference) */
	int family, type, protocol;
	struct waitq wq;              /* everyone waiting for this socket, and pollers */
	/* SOL_SOCKET options; written by setsockopt under no lock (single stores) */
	int sndbuf, rcvbuf;           /* as getsockopt shows them (Linux doubles the request) */
	int rcvlowat;
	bool reuseaddr, reuseport, keepalive, broadcast, passcred, oobinline;
	bool linger_on;
	int linger_secs;
	uint64_t rcvtimeo_ns, sndtimeo_ns; /* 0: wait forever */
};

/*
 * A family: create fills s->ops and s->priv for (type, protocol), type
 * without SOCK_NONBLOCK/CLOEXEC. Return: 0, -EPROTONOSUPPORT, -ESOCKTNOSUPPORT,
 * -EPROTOTYPE, -ENOMEM.
 */
int unix_create(struct socket *s, int type, int protocol);
int inet_create(struct socket *s, int type, int protocol); /* AF_INET and AF_INET6 */

/* socket.c: the generic layer */
struct socket *sock_alloc(int family, int type, int protocol);   /* NULL: -ENOMEM */
void sock_free(struct socket *s);                                  /* before it has a file */
/* Wrap s in a file and install it. Return: the fd, or -errno (s is freed then). */
int sock_install(struct socket *s, int flags /* SOCK_NONBLOCK | SOCK_CLOEXEC */);
/* The socket behind fd: a new file reference in *fp. Return: it, or NULL with *err = -EBADF/-ENOTSOCK. */
struct socket *sock_from_fd(int fd, struct file **fp, int *err);
/* Wake everyone waiting on s for what key (POLLIN | POLLOUT | ...) says. */
void sock_wake(struct socket *s, unsigned key);
/* Wait on s->wq until ready(s, arg) is true, with the sched_lock handshake:
 * ready is called with sched_lock held (interrupts off: it may only read).
 * timeout_ns 0 waits forever. Return: 0, -EAGAIN (timeout), -ERESTARTSYS. */
int sock_wait(struct socket *s, bool (*ready)(struct socket *s, void *arg), void *arg,
	      uint64_t timeout_ns);

/* socket.c, for sys_socket.c and sendfile: the calls behind the system calls */
long sock_sendmsg(struct socket *s, struct kmsg *m, unsigned flags);
long sock_recvmsg(struct socket *s, struct kmsg *m, unsigned flags);
/* m (zeroed) carries the one buffer buf of n bytes, described by v. */
void kmsg_one(struct kmsg *m, struct iovec *v, void *buf, size_t n, unsigned io);
/* SOL_SOCKET options kept in struct socket. set: 0 or -errno (-ENOPROTOOPT:
 * not one of them); get: the length written into val, or -ENOPROTOOPT. */
int sock_setopt_generic(struct socket *s, int name, const void *val, unsigned len);
int sock_getopt_generic(struct socket *s, int name, void *val, unsigned len);
bool file_is_socket(struct file *f);

/* sys_socket.c: the system calls */
struct sockaddr;
struct __kernel_timespec;
long sys_socket(int family, int type, int protocol);
long sys_socketpair(int family, int type, int protocol, int *usockvec);
long sys_bind(int fd, struct sockaddr *umyaddr, int addrlen);
long sys_listen(int fd, int backlog);
long sys_accept(int fd, struct sockaddr *upeer_sockaddr, int *upeer_addrlen);
long sys_accept4(int fd, struct sockaddr *upeer_sockaddr, int *upeer_addrlen, int flags);
long sys_connect(int fd, struct sockaddr *uservaddr, int addrlen);
long sys_shutdown(int fd, int how);
long sys_sendto(int fd, void *buff, size_t len, unsigned int flags, struct sockaddr *addr, int addr_len);
long sys_recvfrom(int fd, void *ubuf, size_t size, unsigned int flags, struct sockaddr *addr,
		  int *addr_len);
long sys_sendmsg(int fd, struct user_msghdr *msg, unsigned int flags);
long sys_recvmsg(int fd, struct user_msghdr *msg, unsigned int flags);
long sys_sendmmsg(int fd, struct mmsghdr *msg, unsigned int vlen, unsigned int flags);
long sys_recvmmsg(int fd, struct mmsghdr *msg, unsigned int vlen, unsigned int flags,
		  struct __kernel_timespec *timeout);
long sys_getsockname(int fd, struct sockaddr *usockaddr, int *usockaddr_len);
long sys_getpeername(int fd, struct sockaddr *usockaddr, int *usockaddr_len);
long sys_setsockopt(int fd, int level, int optname, char *optval, int optlen);
long sys_getsockopt(int fd, int level, int optname, char *optval, int *optlen);

/*
 * struct netdev - a network device as lwIP's glue sees it (netif.c), filled
 * by a driver (virtio_net.c). Frames are Ethernet frames without the FCS.
 *   xmit      send one frame given as nseg pieces (the driver copies or
 *             chains them; the caller may reuse them when it returns).
 *             Called with net_lock held; must not sleep. Return: 0, or
 *             -EAGAIN when the device queue is full (the frame is dropped,
 *             TCP retransmits) or -EIO.
 *   csum_tx   the device completes TCP/UDP checksums of frames sent with
 *             partial checksums (VIRTIO_NET_F_CSUM): lwIP skips them
 *   csum_rx   received checksums are already checked (VIRTIO_NET_F_GUEST_CSUM)
 * The driver hands each received frame to netdev_input() (from its
 * interrupt handler, interrupts off): the frame is copied, queued and the
 * lwIP thread woken.
 */
struct netdev_seg {
	const void *data;
	size_t len;
};
struct netdev {
	char name[8];                 /* "eth0" */
	uint8_t mac[6];
	uint16_t mtu;                 /* IP MTU, 1500 */
	bool csum_tx, csum_rx;
	int (*xmit)(struct netdev *dev, const struct netdev_seg *seg, int nseg);
	void *priv;                   /* the driver's */
	uint64_t rx_frames, tx_frames, rx_dropped, tx_dropped;
};
/* netif.c: a driver found a device (at boot, before net_init). At most NETDEV_MAX. */
#define NETDEV_MAX 4
int netdev_register(struct netdev *dev);
/* A received frame (interrupt context allowed). Return: 0, or -ENOMEM (dropped). */
int netdev_input(struct netdev *dev, const void *frame, size_t len);

/* virtio_net.c: find virtio-net devices and register them. Return: how many. */
int virtio_net_probe(void);

/*
 * netif.c: bring networking up before the program starts: probe the
 * drivers, start lwIP with its loopback interface, bring every device up
 * with the command line's address (--ip=ADDR/PREFIX, --gw=ADDR; DHCP when
 * no --ip is given, waiting up to --dhcp-wait ms for a lease), write
 * /etc/resolv.conf for --dns, and start the lwIP thread. --net=none leaves
 * the devices down. Return: 0, or -EINVAL after saying which option is bad.
 */
struct cmdline;
int net_init(const struct cmdline *cl);
/* Has net_init run? (Self-tests that drive a device themselves run without it.) */
bool net_running(void);

#endif
