/*
 * unix.h - what the AF_UNIX files share (unix.c: sockets, connections,
 * options, close; unix_name.c: names; unix_msg.c: the data path). Not part
 * of the subsystem's interface (net.h). The design and the lock rules are
 * at the top of unix.c.
 */
#ifndef KEEL_NET_UNIX_H
#define KEEL_NET_UNIX_H

#include "net.h"
#include "list.h"
#include <linux/un.h>

/* connection states: Linux's TCP_CLOSE, TCP_LISTEN, TCP_ESTABLISHED */
enum { US_CLOSE, US_LISTEN, US_CONNECTED };

/* shutdown bits, as Linux's sk_shutdown */
#define RCV_SHUTDOWN 1
#define SEND_SHUTDOWN 2
#define SHUTDOWN_MASK 3

#define UNIX_MAX_DGRAM_QLEN 10   /* net.unix.max_dgram_qlen: an unconnected receiver's queue */
#define UNIX_NO_UID 65534        /* overflowuid/gid: what "no credentials" reads as */
#define SUN_OFF ((int)offsetof(struct sockaddr_un, sun_path))

/* Open files in flight (SCM_RIGHTS): each entry holds a file reference (NULL: given away). */
struct unix_fds {
	struct unix_fds *next;   /* unix.c's list of files to put after unlocking */
	int count;
	struct file *files[];
};

/*
 * struct ubuf - one message (datagram, seqpacket) or one piece of a byte
 * stream, queued on its receiver. Linux's sk_buff with the unix_skb_parms.
 */
struct ubuf {
	struct list link;          /* on the receiver's rcvq */
	struct unix_sock *from;    /* the sender (a reference): charged truesize in its wmem */
	uint32_t len;              /* data bytes */
	uint32_t off;              /* bytes already read (streams) */
	uint32_t truesize;         /* len plus the overhead Linux counts against SO_SNDBUF */
	struct unix_fds *fds;      /* SCM_RIGHTS, or NULL */
	struct ucred cred;         /* the sender's SCM_CREDENTIALS */
	char data[];
};

/*
 * struct unix_sock - one AF_UNIX socket (struct socket's priv), or the
 * server end of a connection not yet accepted (an "embryo": sock NULL).
 * Everything is protected by unix_lock, except seq, which sleepers read
 * with only sched_lock held.
 */
struct unix_sock {
	int type;                  /* SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET; fixed */
	int refs;                  /* the socket (or the listener's queue for an embryo),
				    * each peer pointer to it, each ubuf it sent */
	struct socket *sock;       /* NULL: embryo, or closed */
	int state;                 /* US_* */
	bool dead;                 /* closed */
	unsigned shutdown;         /* RCV_SHUTDOWN | SEND_SHUTDOWN */
	int err;                   /* pending error (positive errno): SO_ERROR, next call */
	struct unix_sock *peer;    /* connected to (a reference), or NULL */
	/* name */
	int addr_len;              /* 0: unnamed */
	union {
		struct sockaddr_un sun;
		char raw[sizeof(struct sockaddr_un) + 2]; /* a 108-byte path and its NUL */
	} addr;
	struct inode *node;        /* a path binding (vfs_bind_socket), or NULL */
	bool abstract;             /* on the abstract name list (abs_link) */
	struct list abs_link;
	/* receiving */
	struct list rcvq;          /* struct ubuf */
	unsigned rcvq_len;         /* buffers queued */
	size_t rcv_bytes;          /* bytes queued and not yet read */
	/* sending */
	size_t wmem;               /* truesize of what it sent that is still queued */
	/* listening */
	int backlog;
	struct list acceptq;       /* embryos (accept_link) */
	unsigned acceptq_len;
	struct list accept_link;
	/* credentials */
	struct ucred peercred;     /* SO_PEERCRED */
	bool has_peercred;
	bool inh_passcred;         /* embryo: the listener's SO_PASSCRED, for accept */
	/* waiting */
	unsigned seq;              /* moves on every change a sleeper may wait for */
	struct waitq peer_wait;    /* senders waiting for room in rcvq, connectors for acceptq */
	struct waitq_entry peer_wake; /* relays peer_wait of a full peer to our socket's wq */
	struct unix_sock *peer_wake_on; /* where peer_wake is queued (always peer), or NULL */
	struct waitq *relay_wq;
};

/* unix.c */
extern struct mutex unix_lock;
void unix_unlock(void);                      /* and put the files unix_defer_fds collected */
void unix_defer_fds(struct unix_fds *fds);   /* unix_lock held: put them after unlocking */
void unix_put_fds(struct unix_fds *fds);     /* no unix_lock held; NULL is fine */
void usock_get(struct unix_sock *u);
void usock_put(struct unix_sock *u);
/* u changed: move seq, wake its socket's wq with key (0: unknown, poll again) */
void unix_wake(struct unix_sock *u, unsigned key);
/* room in u's queues, or u's state changed: move seq, wake its peer_wait */
void unix_wake_peers(struct unix_sock *u);
/* An absolute deadline for a timeout (0: none; then 0, wait forever). */
uint64_t unix_deadline(uint64_t timeo_ns);
/*
 * Sleep until s's unix_sock (unix_wait) or other (unix_wait_peer, whose
 * peer_wait is slept on; the caller holds a reference) changes. unix_lock
 * held on entry and return, dropped while asleep.
 * Return: 0, -EAGAIN (deadline passed), -ERESTARTSYS or -EINTR (a signal;
 * -EINTR when there was a deadline, as Linux's sock_intr_errno).
 */
int unix_wait(struct socket *s, uint64_t deadline);
int unix_wait_peer(struct unix_sock *other, uint64_t deadline);
int unix_sndbuf(const struct unix_sock *u);
bool unix_passcred(const struct unix_sock *u);
bool unix_writable(const struct unix_sock *u);
struct ucred unix_own_cred(void);
void unix_peer_wake_disconnect(struct unix_sock *u);
/* A connected datagram sender polls a full receiver: relay its wakeups. Return: still full. */
bool unix_peer_wake_me(struct unix_sock *u, struct unix_sock *other);
/* u's peer other went away or changed: drop what other sent us. */
void unix_dgram_disconnected(struct unix_sock *u, struct unix_sock *other);
void ubuf_unlink(struct unix_sock *u, struct ubuf *b);
void ubuf_free(struct ubuf *b);              /* unlinked; wakes the sender when writable */
void unix_purge(struct unix_sock *u);        /* free every queued ubuf */

/* unix_name.c (unix_lock held, except for the two sock_ops) */
int unix_bind(struct socket *s, const void *addr, int len);
int unix_getname(struct socket *s, void *addr, int *len, bool peer);
/* An AF_UNIX sockaddr of len bytes: the family right, something after it. Return: 0, -EINVAL. */
int unix_validate_addr(const struct sockaddr_un *a, int len);
int unix_autobind(struct unix_sock *u);
/* The socket a name (kernel copy, checked) names, with a reference; NULL and *err. */
struct unix_sock *unix_find_other(const struct sockaddr_un *a, int len, int type, int *err);
void unix_unbind(struct unix_sock *u);

/* unix_msg.c: sock_ops for the data path */
long unix_stream_sendmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock);
long unix_stream_recvmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock);
long unix_dgram_sendmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock);
long unix_dgram_recvmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock);
long unix_seqpacket_sendmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock);
long unix_seqpacket_recvmsg(struct socket *s, struct kmsg *m, int flags, bool nonblock);
unsigned unix_stream_poll(struct socket *s, struct poll_table *pt);
unsigned unix_dgram_poll(struct socket *s, struct poll_table *pt);

#endif
