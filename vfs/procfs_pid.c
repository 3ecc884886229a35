/*
 * procfs_pid.c - /proc/<pid>: the one process, and task/<tid> for each of
 * its threads.
 *
 * keel runs one program; its pid is the first program thread's tid
 * (proc.h), and procfs.c makes /proc/<pid> the first time it is looked at
 * after the program started. This file holds that directory's table and
 * its computed parts:
 *   exe    -> the program's path (proc.exe). ld.so expands $ORIGIN from
 *             readlink("/proc/self/exe"), so this one matters most.
 *   cwd    -> the current directory's path, recomputed on every lookup.
 *   root   -> "/".
 *   cmdline, environ, auxv   what the program was started with (proc.h),
 *             NUL-separated strings and the binary auxiliary vector.
 *   comm   the thread's name and a newline; writable (pthread_setname_np
 *          writes task/<tid>/comm for threads other than the caller).
 *   maps, status, stat, statm   procfs_stat.c.
 *   mounts, mountinfo, cgroup   the fixed picture: ramfs at /, procfs at
 *          /proc, sysfs at /sys; the root cgroup of cgroup v2 (so Java
 *          and .NET find no container limits to apply).
 *   oom_score_adj   remembered and shown; nothing acts on it.
 *   fd/, fdinfo/    procfs_fd.c.
 *   task/  one directory per program thread (comm, stat, status, statm,
 *          maps), kept in step with the threads on lookup and listing.
 * Program threads are the first one (tid == pid) and every thread made by
 * clone (the detached threads of thread_create_frame); kernel threads
 * (boot, idle) are not shown.
 *
 * Callers: procfs.c (the table, through pseudo_add), path.c (refresh).
 */
#include "internal.h"
#include "proc.h"

/* --- which threads are the program's --- */

/* Called under sched_lock (from thread_walk callbacks). */
bool procfs_program_thread(const struct thread *t)
{
	return proc.pid > 0 && (t->tid == proc.pid || t->detached);
}

struct tid_find {
	int tid;
	bool found;
};

static void tid_find_fn(struct thread *t, void *arg)
{
	struct tid_find *q = arg;

	if (t->tid == q->tid && procfs_program_thread(t))
		q->found = true;
}

static bool is_program_tid(int tid)
{
	struct tid_find q = { tid, false };

	thread_walk(tid_find_fn, &q);
	return q.found;
}

/* --- small files --- */

static int show_cmdline(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_write(sb, proc.cmdline, proc.cmdline_len);
	return 0;
}

static int show_environ(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_write(sb, proc.environ, proc.environ_len);
	return 0;
}

static int show_auxv(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_write(sb, proc.auxv, proc.auxv_len);
	return 0;
}

struct comm {
	int tid;
	char name[16];
	bool found, set;
};

static void comm_fn(struct thread *t, void *arg)
{
	struct comm *c = arg;

	if (t->tid != c->tid || !procfs_program_thread(t))
		return;
	c->found = true;
	if (c->set)
		strlcpy(t->name, c->name, sizeof(t->name));
	else
		strlcpy(c->name, t->name, sizeof(c->name));
}

static int show_comm(struct sbuf *sb, long tid)
{
	struct comm c = { .tid = (int)tid };

	thread_walk(comm_fn, &c);
	if (!c.found)
		return -ESRCH;
	sb_printf(sb, "%s\n", c.name);
	return 0;
}

/* Like prctl(PR_SET_NAME): the first 15 bytes, without the newline echo adds. */
static int store_comm(const char *buf, size_t n, long tid)
{
	struct comm c = { .tid = (int)tid, .set = true };

	if (n && buf[n - 1] == '\n')
		n--;
	memcpy(c.name, buf, MIN(n, sizeof(c.name) - 1));
	thread_walk(comm_fn, &c);
	return c.found ? 0 : -ESRCH;
}

static int oom_score_adj; /* shown back; keel never runs out of processes to kill */

static int show_oom_score_adj(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "%d\n", __atomic_load_n(&oom_score_adj, __ATOMIC_RELAXED));
	return 0;
}

static int store_oom_score_adj(const char *buf, size_t n, long arg)
{
	size_t neg = buf[0] == '-';
	long v;

	(void)arg;
	if (n && buf[n - 1] == '\n')
		n--;
	if (n < neg || !pseudo_parse_id(buf + neg, n - neg, &v) || v > 1000)
		return -EINVAL; /* OOM_SCORE_ADJ_MIN..MAX */
	__atomic_store_n(&oom_score_adj, neg ? -(int)v : (int)v, __ATOMIC_RELAXED);
	return 0;
}

static int show_cgroup(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "0::/\n");
	return 0;
}

/* /, /proc and /sys are the only file systems (/dev, /tmp are ramfs directories). */
static int show_mounts(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "rootfs / rootfs rw 0 0\n"
		      "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0\n"
		      "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n");
	return 0;
}

static int show_mountinfo(struct sbuf *sb, long arg)
{
	(void)arg;
	sb_printf(sb, "1 1 0:1 / / rw - rootfs rootfs rw\n"
		      "2 1 0:1 / /proc rw,nosuid,nodev,noexec,relatime - proc proc rw\n"
		      "3 1 0:1 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw\n");
	return 0;
}

/* --- task/ --- */

#define PFILE(n, m, fn) { .name = n, .mode = S_IFREG | (m), .show = fn }

static const struct pnode task_tab[] = {
	{ .name = "comm", .mode = S_IFREG | 0644, .show = show_comm, .store = store_comm },
	PFILE("stat", 0444, procfs_show_stat),
	PFILE("status", 0444, procfs_show_status),
	PFILE("statm", 0444, procfs_show_statm),
	PFILE("maps", 0444, procfs_show_maps),
	{ 0 }
};

static const struct pnode task_dir = { .name = "task", .mode = S_IFDIR | 0555, .sub = task_tab };

static void task_sync(struct inode *dir, long tid)
{
	char name[16];
	size_t len = (size_t)snprintf(name, sizeof(name), "%ld", tid);
	bool live = is_program_tid((int)tid);
	bool listed = dir_lookup(dir, name, len) != NULL;

	if (live && !listed)
		pseudo_add(dir, name, len, &task_dir, tid, NULL);
	else if (!live && listed)
		pseudo_remove(dir, name, len);
}

struct tids {
	int *v;
	size_t n, cap;
};

static void tids_fn(struct thread *t, void *arg)
{
	struct tids *s = arg;

	if (procfs_program_thread(t) && s->n < s->cap)
		s->v[s->n++] = t->tid;
}

static bool tids_has(const struct tids *s, long tid)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == tid)
			return true;
	return false;
}

static void task_refresh(struct inode *dir, const char *name, size_t len)
{
	struct tids s = { 0 };
	const struct dentry *d, *next;
	char buf[16];
	long tid;

	if (name) {
		if (pseudo_parse_id(name, len, &tid))
			task_sync(dir, tid);
		return;
	}
	s.cap = sched_nr_threads() + 8; /* threads made during the walk may be missed */
	s.v = kmalloc(s.cap * sizeof(int));
	if (!s.v)
		return;
	thread_walk(tids_fn, &s);
	for (d = dir_entry_from(dir, 0); d; d = next) {
		next = dir_entry_next(dir, d);
		if (!pseudo_parse_id(d->name, d->len, &tid) || !tids_has(&s, tid))
			pseudo_remove(dir, d->name, d->len);
	}
	for (size_t i = 0; i < s.n; i++) {
		len = (size_t)snprintf(buf, sizeof(buf), "%d", s.v[i]);
		if (!dir_lookup(dir, buf, len))
			pseudo_add(dir, buf, len, &task_dir, s.v[i], NULL);
	}
	kfree(s.v);
}

static const struct inode_hooks task_hooks = { .refresh = task_refresh };

/* --- /proc/<pid> --- */

static const struct pnode exe_link = { .name = "exe", .mode = S_IFLNK | 0777 };
static const struct pnode cwd_link = { .name = "cwd", .mode = S_IFLNK | 0777 };

/* exe and cwd follow the process: execve changes one, chdir the other. */
static void pid_refresh(struct inode *dir, const char *name, size_t len)
{
	char *buf;

	if (name && !(len == 3 && (memcmp(name, "cwd", 3) == 0 || memcmp(name, "exe", 3) == 0)))
		return;
	buf = kmalloc(PATH_MAX);
	if (!buf)
		return;
	if (!name || memcmp(name, "exe", 3) == 0) {
		snprintf(buf, PATH_MAX, "%s%s", proc.exe[0] == '/' ? "" : "/", proc.exe);
		pseudo_link(dir, "exe", 3, &exe_link, dir->hook_arg, buf);
	}
	if (!name || memcmp(name, "cwd", 3) == 0) {
		if (pseudo_path(vfs_cwd, buf, PATH_MAX) < 0)
			strlcpy(buf, "(deleted)", PATH_MAX); /* Linux: "path (deleted)" */
		pseudo_link(dir, "cwd", 3, &cwd_link, dir->hook_arg, buf);
	}
	kfree(buf);
}

static const struct inode_hooks pid_hooks = { .refresh = pid_refresh };

static const struct pnode pid_tab[] = {
	{ .name = "exe", .mode = S_IFLNK | 0777 },
	{ .name = "cwd", .mode = S_IFLNK | 0777 },
	{ .name = "root", .mode = S_IFLNK | 0777, .target = "/" },
	{ .name = "fd", .mode = S_IFDIR | 0500, .hooks = &procfs_fd_hooks },
	{ .name = "fdinfo", .mode = S_IFDIR | 0555, .hooks = &procfs_fdinfo_hooks },
	{ .name = "task", .mode = S_IFDIR | 0555, .hooks = &task_hooks },
	PFILE("cmdline", 0444, show_cmdline),
	PFILE("environ", 0400, show_environ),
	PFILE("auxv", 0400, show_auxv),
	{ .name = "comm", .mode = S_IFREG | 0644, .show = show_comm, .store = store_comm },
	PFILE("maps", 0444, procfs_show_maps),
	PFILE("stat", 0444, procfs_show_stat),
	PFILE("statm", 0444, procfs_show_statm),
	PFILE("status", 0444, procfs_show_status),
	PFILE("mounts", 0444, show_mounts),
	PFILE("mountinfo", 0444, show_mountinfo),
	PFILE("cgroup", 0444, show_cgroup),
	{ .name = "oom_score_adj", .mode = S_IFREG | 0644, .show = show_oom_score_adj,
	  .store = store_oom_score_adj },
	{ 0 }
};

const struct pnode procfs_pid_node = {
	.name = "pid", .mode = S_IFDIR | 0555, .sub = pid_tab, .hooks = &pid_hooks,
};
