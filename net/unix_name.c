/*
 * unix_name.c - AF_UNIX names (unix(7) "Address format"): bind to a path
 * (an S_IFSOCK node, vfs/sockname.c) or an abstract name, autobind, the
 * lookup behind connect and sendto, getsockname/getpeername, and undoing a
 * binding at close. Abstract names are one list, searched by socket type,
 * name and length: as in Linux, whose hash includes the type, every type
 * has its own abstract namespace. Everything runs under unix_lock (unix.c).
 */
#include "unix.h"
#include "vfs.h"
#include "klib.h"
#include <linux/errno.h>

static struct list abstract_names = { &abstract_names, &abstract_names }; /* unix_lock */

int unix_validate_addr(const struct sockaddr_un *a, int len)
{
	if (len <= SUN_OFF || len > (int)sizeof(*a))
		return -EINVAL;
	return a->sun_family == AF_UNIX ? 0 : -EINVAL;
}

/* A path name's NUL-terminated copy; Return: its address length (Linux's unix_mkname_bsd). */
static int path_of(const struct sockaddr_un *a, int len, char *path)
{
	memcpy(path, a->sun_path, (size_t)(len - SUN_OFF));
	path[len - SUN_OFF] = 0;
	return SUN_OFF + (int)strlen(path) + 1;
}

static struct unix_sock *abstract_find(int type, const void *name, int len)
{
	struct list *l;

	list_for_each(l, &abstract_names) {
		struct unix_sock *o = container_of(l, struct unix_sock, abs_link);
		if (o->type == type && o->addr_len == len && !memcmp(o->addr.raw, name, (size_t)len))
			return o;
	}
	return NULL;
}

static void abstract_add(struct unix_sock *u, const void *name, int len)
{
	memcpy(u->addr.raw, name, (size_t)len);
	u->addr_len = len;
	u->abstract = true;
	list_push_back(&abstract_names, &u->abs_link);
}

/* bind(2) with only sa_family, or connect/send with SO_PASSCRED unbound:
 * an abstract name of five hex digits, as Linux's unix_autobind(). */
int unix_autobind(struct unix_sock *u)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	uint32_t order, last;

	if (u->addr_len)
		return 0;
	random_bytes(&order, sizeof(order));
	order &= 0xfffff;
	last = order;
	for (;;) {
		order = (order + 1) & 0xfffff;
		for (int i = 0; i < 5; i++)
			a.sun_path[1 + i] = "0123456789abcdef"[(order >> (16 - 4 * i)) & 0xf];
		if (!abstract_find(u->type, &a, SUN_OFF + 6))
			break;
		if (order == last)
			return -ENOSPC;
	}
	abstract_add(u, &a, SUN_OFF + 6);
	return 0;
}

static int bind_path(struct unix_sock *u, const struct sockaddr_un *a, int len)
{
	char path[sizeof(a->sun_path) + 1];
	int alen = path_of(a, len, path);
	int err;

	if (u->addr_len) { /* Linux makes the node first: its errors come before EINVAL */
		err = vfs_bind_socket(path, 0777, NULL, NULL);
		return err ? err : -EINVAL;
	}
	err = vfs_bind_socket(path, 0777, u, &u->node);
	if (err)
		return err;
	u->addr.sun.sun_family = AF_UNIX;
	memcpy(u->addr.sun.sun_path, path, (size_t)(alen - SUN_OFF));
	u->addr_len = alen;
	return 0;
}

int unix_bind(struct socket *s, const void *addr, int len)
{
	const struct sockaddr_un *a = addr;
	struct unix_sock *u = s->priv;
	int err;

	if (len == SUN_OFF && a->sun_family == AF_UNIX) {
		mutex_lock(&unix_lock);
		err = unix_autobind(u);
		unix_unlock();
		return err;
	}
	if ((err = unix_validate_addr(a, len)))
		return err;
	mutex_lock(&unix_lock);
	if (a->sun_path[0])
		err = bind_path(u, a, len);
	else if (u->addr_len)
		err = -EINVAL;
	else if (abstract_find(u->type, a, len))
		err = -EADDRINUSE;
	else
		abstract_add(u, a, len);
	unix_unlock();
	return err;
}

struct unix_sock *unix_find_other(const struct sockaddr_un *a, int len, int type, int *err)
{
	struct unix_sock *o;

	if (a->sun_path[0]) {
		char path[sizeof(a->sun_path) + 1];
		void *p;
		path_of(a, len, path);
		if ((*err = vfs_find_socket(path, &p)))
			return NULL;
		o = p;
		if (o->type != type) {
			*err = -EPROTOTYPE;
			return NULL;
		}
	} else {
		o = abstract_find(type, a, len);
		if (!o) { /* another type's abstract name is not seen at all */
			*err = -ECONNREFUSED;
			return NULL;
		}
	}
	usock_get(o);
	return o;
}

int unix_getname(struct socket *s, void *addr, int *len, bool peer)
{
	struct unix_sock *u = s->priv, *t;
	struct sockaddr_un *a = addr;

	mutex_lock(&unix_lock);
	t = peer ? u->peer : u;
	if (!t) {
		unix_unlock();
		return -ENOTCONN;
	}
	if (t->addr_len) {
		memcpy(addr, t->addr.raw, (size_t)t->addr_len);
		*len = t->addr_len;
	} else { /* unnamed: only the family */
		a->sun_family = AF_UNIX;
		a->sun_path[0] = 0;
		*len = SUN_OFF;
	}
	unix_unlock();
	return 0;
}

/* u closes: its path node stays in the namespace, unbound; its abstract name goes. */
void unix_unbind(struct unix_sock *u)
{
	if (u->node) {
		vfs_unbind_socket(u->node);
		u->node = NULL;
	}
	if (u->abstract) {
		list_remove(&u->abs_link);
		u->abstract = false;
	}
}
