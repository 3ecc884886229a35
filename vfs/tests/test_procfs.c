/*
 * test_procfs.c - host unit tests for /proc and /sys (vfs/procfs*.c,
 * vfs/sysfs.c): the tree and its refreshes (pid, self, task/, fd/), magic
 * links, the exact text of maps/stat/status lines, snapshot reads and
 * seeks, writable comm, and the read-only rules. The kernel's process,
 * threads and VMAs are faked by vfs/tests/procfs_host.c. Built by
 * vfs/tests/vfs.mk.
 */
#include "vfstest.h"
#include "proc.h"
#include "vma.h"
#include "ksignal.h"
#include "../syscall-trap/syscall.h"

extern struct vma host_vmas[];
extern size_t host_nvmas;
extern struct thread *host_threads[];
extern size_t host_nthreads;
extern uint64_t host_syscall_counts[];
extern uint64_t host_sig_caught;

static struct thread t_idle = { .tid = 1, .name = "idle", .state = T_RUNNABLE };
static struct thread t_main = { .tid = 7, .name = "prog", .state = T_RUNNING };
static struct thread t_work = { .tid = 9, .name = "worker", .state = T_BLOCKED, .detached = true };

static char buf[16384];

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static long rl(const char *path)
{
	long n = sys_readlink(path, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	return n;
}

static long get(const char *path)
{
	return vt_get(path, buf, sizeof(buf));
}

/* Does the directory at path list name? */
static bool lists(const char *path, const char *name)
{
	char d[4096];
	long fd = sys_open(path, O_RDONLY | O_DIRECTORY, 0), n;
	bool found = false;

	if (fd < 0)
		return false;
	while ((n = sys_getdents64((unsigned)fd, (void *)d, sizeof(d))) > 0) {
		for (long off = 0; off < n;) {
			struct linux_dirent64 *e = (void *)(d + off);
			found |= strcmp(e->d_name, name) == 0;
			off += e->d_reclen;
		}
	}
	sys_close((unsigned)fd);
	return found;
}

static void start_program(void)
{
	static char cmdline[] = "prog\0-x\0", environ[] = "A=1\0";

	proc.pid = 7;
	strcpy(proc.exe, "/bin/prog");
	proc.cmdline = cmdline;
	proc.cmdline_len = sizeof(cmdline) - 1;
	proc.environ = environ;
	proc.environ_len = sizeof(environ) - 1;
	proc.auxv[0] = 25; /* AT_RANDOM, on the stack */
	proc.auxv[1] = 0x7ffffffde010;
	proc.auxv_len = 32;
	host_threads[0] = &t_idle;
	host_threads[1] = &t_main;
	host_threads[2] = &t_work;
	host_nthreads = 3;
	host_vmas[0] = (struct vma){ .start = 0x400000, .end = 0x401000, .prot = PROT_R | PROT_X,
				     .name = "/bin/prog" };
	host_vmas[1] = (struct vma){ .start = 0x401000, .end = 0x403000, .prot = PROT_R | PROT_W,
				     .offset = 0x1000, .name = "/bin/prog" };
	host_vmas[2] = (struct vma){ .start = 0x600000, .end = 0x621000, .prot = PROT_R | PROT_W,
				     .name = "[heap]" };
	host_vmas[3] = (struct vma){ .start = 0x7ffff7000000, .end = 0x7ffff7002000,
				     .prot = PROT_R | PROT_W };
	host_vmas[4] = (struct vma){ .start = 0x7ffffffde000, .end = 0x7ffffffff000,
				     .prot = PROT_R | PROT_W }; /* unnamed: found by AT_RANDOM */
	host_nvmas = 5;
}

static void test_before_start(void)
{
	CHECK(rl("/proc/self") == -ENOENT);
	CHECK(lists("/proc", "cpuinfo") && !lists("/proc", "self"));
	CHECK(get("/sys/devices/system/cpu/online") == 2 && strcmp(buf, "0\n") == 0);
}

static void test_links(void)
{
	CHECK(rl("/proc/self") == 1 && strcmp(buf, "7") == 0);
	CHECK(rl("/proc/self/exe") == 9 && strcmp(buf, "/bin/prog") == 0);
	CHECK(rl("/proc/self/root") == 1 && strcmp(buf, "/") == 0);
	CHECK(rl("/proc/7/cwd") == 1 && strcmp(buf, "/") == 0);
	CHECK(sys_chdir("/tmp") == 0);
	CHECK(rl("/proc/self/cwd") == 4 && strcmp(buf, "/tmp") == 0);
	CHECK(vt_ino("/proc/self/cwd") == vt_ino("/tmp"));
	CHECK(sys_chdir("/") == 0);
	CHECK(rl("/proc/thread-self") > 0 && starts(buf, "7/task/"));
	CHECK(rl("/proc/mounts") > 0 && strcmp(buf, "self/mounts") == 0);
	CHECK(get("/proc/mounts") > 0 && starts(buf, "rootfs / rootfs rw 0 0\n"));
	CHECK(lists("/proc", "7") && lists("/proc", "self") && lists("/proc/self", "maps"));
}

static void test_files(void)
{
	CHECK(get("/proc/self/cmdline") == 8 && memcmp(buf, "prog\0-x\0", 8) == 0);
	CHECK(get("/proc/self/environ") == 4 && memcmp(buf, "A=1\0", 4) == 0);
	CHECK(get("/proc/self/auxv") == 32);
	CHECK(get("/proc/self/comm") == 5 && strcmp(buf, "prog\n") == 0);
	CHECK(get("/proc/self/task/9/comm") == 7 && strcmp(buf, "worker\n") == 0);
	CHECK(get("/proc/meminfo") > 0 && starts(buf, "MemTotal:         262144 kB\n"));
	CHECK(strstr(buf, "MemFree:          131072 kB\n") != NULL);
	CHECK(strstr(buf, "Hugepagesize:       2048 kB\n") != NULL);
	CHECK(get("/proc/cpuinfo") > 0 && starts(buf, "processor\t: 0\nvendor_id\t: HostTest\n"));
	CHECK(strstr(buf, "\nflags\t\t: fpu") != NULL && strstr(buf, " sse2") != NULL);
	CHECK(get("/proc/sys/kernel/osrelease") > 0 && strcmp(buf, "6.1.0-keel\n") == 0);
	CHECK(get("/proc/sys/vm/overcommit_memory") == 2 && strcmp(buf, "0\n") == 0);
	CHECK(get("/proc/sys/kernel/random/uuid") == 37 && buf[8] == '-' && buf[14] == '4');
	char id[40];
	CHECK(get("/proc/sys/kernel/random/boot_id") == 37);
	strcpy(id, buf);
	CHECK(get("/proc/sys/kernel/random/boot_id") == 37 && strcmp(id, buf) == 0);
	CHECK(get("/sys/kernel/mm/transparent_hugepage/enabled") > 0 &&
	      strcmp(buf, "always [madvise] never\n") == 0);
	CHECK(get("/proc/loadavg") > 0 && strcmp(buf, "0.00 0.00 0.00 1/3 9\n") == 0);
}

static void test_maps(void)
{
	char want[200];
	long ino = vt_ino("/bin/prog");

	CHECK(get("/proc/self/maps") > 0);
	snprintf(want, sizeof(want), "00400000-00401000 r-xp 00000000 00:01 %-35ld/bin/prog\n", ino);
	CHECK(starts(buf, want));
	snprintf(want, sizeof(want), "00401000-00403000 rw-p 00001000 00:01 %-35ld/bin/prog\n", ino);
	CHECK(strstr(buf, want) != NULL);
	CHECK(strstr(buf, "\n7ffff7000000-7ffff7002000 rw-p 00000000 00:00 0 \n") != NULL);
	CHECK(strstr(buf, "\n7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0"
			  "                          [stack]\n") != NULL);
	/* each line puts its name at column 73, as Linux does */
	CHECK(strstr(buf, "[heap]") - strstr(buf, "00600000-") == 73);

	/* an unnamed shared file mapping is named after its file */
	struct file *f;
	CHECK(vt_put("/tmp/mapped", "m", 1) == 1 && vfs_kopen("/tmp/mapped", O_RDWR, &f) == 0);
	host_vmas[5] = (struct vma){ .start = 0x7ffff8000000, .end = 0x7ffff8001000,
				     .prot = PROT_R | PROT_W, .flags = VMA_FILE, .file = f };
	host_nvmas = 6;
	CHECK(get("/proc/self/maps") > 0);
	snprintf(want, sizeof(want), "7ffff8000000-7ffff8001000 rw-s 00000000 00:01 %-27ld/tmp/mapped\n",
		 vt_ino("/tmp/mapped"));
	CHECK(strstr(buf, want) != NULL);
	CHECK(f->refs == 1); /* the snapshot's reference was dropped */
	host_nvmas = 5;
	file_put(f);
}

static void test_stat_status(void)
{
	int fields = 0;

	host_sig_caught = SIGBIT(2) | SIGBIT(15);
	t_main.sig_mask = SIGBIT(10);
	CHECK(get("/proc/self/stat") > 0 && starts(buf, "7 (prog) R 0 7 7 0 -1 "));
	for (char *p = buf; *p; p++)
		fields += (p == buf || p[-1] == ' ') && *p != ' ';
	CHECK(fields == 52);
	CHECK(get("/proc/self/task/9/stat") > 0 && starts(buf, "9 (worker) S 0 7 7 "));
	CHECK(get("/proc/self/status") > 0 && starts(buf, "Name:\tprog\nUmask:\t0022\n"));
	CHECK(strstr(buf, "\nState:\tR (running)\nTgid:\t7\nNgid:\t0\nPid:\t7\nPPid:\t0\n") != NULL);
	CHECK(strstr(buf, "\nThreads:\t2\n") != NULL);
	CHECK(strstr(buf, "\nVmStk:\t     132 kB\n") != NULL);
	CHECK(strstr(buf, "\nVmExe:\t       4 kB\n") != NULL);
	CHECK(strstr(buf, "\nSigBlk:\t0000000000000200\n") != NULL);
	CHECK(strstr(buf, "\nSigCgt:\t0000000000004002\n") != NULL);
	CHECK(get("/proc/self/statm") > 0);
}

static void test_tasks(void)
{
	CHECK(lists("/proc/self/task", "7") && lists("/proc/self/task", "9"));
	CHECK(!lists("/proc/self/task", "1")); /* a kernel thread */
	CHECK(vt_ino("/proc/self/task/1") == -ENOENT);

	long fd = sys_open("/proc/self/task/9/comm", O_WRONLY, 0);
	CHECK(fd >= 0 && sys_write((unsigned)fd, "renamed-thread-too-long\n", 24) == 24);
	sys_close((unsigned)fd);
	CHECK(strcmp(t_work.name, "renamed-thread-") == 0);

	t_work.state = T_ZOMBIE;
	CHECK(!lists("/proc/self/task", "9") && lists("/proc/self/task", "7"));
	CHECK(vt_ino("/proc/self/task/9") == -ENOENT);
	t_work.state = T_BLOCKED;
	CHECK(vt_ino("/proc/self/task/9/stat") > 0);
}

static void test_fds(void)
{
	char path[64], b[8] = { 0 };
	int p[2];
	long fd, fd2, w;

	CHECK(vt_put("/tmp/f", "abcdef", 6) == 6);
	fd = sys_open("/tmp/f", O_RDWR | O_CLOEXEC, 0);
	CHECK(fd >= 3 && sys_read((unsigned)fd, b, 3) == 3);
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	CHECK(rl(path) == 6 && strcmp(buf, "/tmp/f") == 0);
	CHECK((vt_mode(path, false) & 0777) == 0700 && S_ISLNK(vt_mode(path, false)));
	CHECK(vt_ino(path) == vt_ino("/tmp/f"));
	fd2 = sys_open(path, O_RDONLY, 0); /* a fresh open: its own offset */
	CHECK(fd2 >= 0 && sys_read((unsigned)fd2, b, 3) == 3 && memcmp(b, "abc", 3) == 0);
	sys_close((unsigned)fd2);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%ld", fd);
	CHECK(get(path) > 0 && starts(buf, "pos:\t3\nflags:\t02100002\n"));
	CHECK(lists("/proc/self/fd", "0") && lists("/proc/self/fdinfo", "0"));

	CHECK(sys_pipe2(p, 0) == 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", p[1]);
	CHECK(rl(path) > 0 && starts(buf, "pipe:["));
	w = sys_open(path, O_WRONLY, 0); /* the same open pipe end */
	CHECK(w >= 0 && sys_write((unsigned)w, "hi", 2) == 2);
	CHECK(sys_read((unsigned)p[0], b, 2) == 2 && memcmp(b, "hi", 2) == 0);
	CHECK(S_ISFIFO(vt_mode(path, true)));
	sys_close((unsigned)w);
	sys_close((unsigned)p[0]);
	sys_close((unsigned)p[1]);
	CHECK(rl(path) == -ENOENT && !lists("/proc/self/fd", path + 14));

	CHECK(sys_unlink("/tmp/f") == 0);
	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	CHECK(rl(path) > 0 && strcmp(buf, "(deleted)") == 0);
	fd2 = sys_open(path, O_RDONLY, 0); /* an unlinked file can still be reopened */
	CHECK(fd2 >= 0 && sys_read((unsigned)fd2, b, 6) == 6);
	sys_close((unsigned)fd2);
	sys_close((unsigned)fd);
	CHECK(vt_ino("/proc/self/fd") > 0 && sys_open("/proc/self/fd/", O_RDONLY, 0) >= 0);
}

static void test_read_only(void)
{
	CHECK(sys_open("/proc/meminfo", O_WRONLY, 0) == -EACCES);
	CHECK(sys_open("/proc/self/maps", O_RDWR, 0) == -EACCES);
	CHECK(sys_open("/proc/newfile", O_WRONLY | O_CREAT, 0644) == -EACCES);
	CHECK(sys_mkdir("/proc/x", 0755) == -EPERM && sys_mkdir("/sys/x", 0755) == -EPERM);
	CHECK(sys_unlink("/proc/self/maps") == -EPERM && sys_rmdir("/proc/self/fd") == -EPERM);
	CHECK(sys_rename("/proc/cpuinfo", "/tmp/c") == -EPERM);
	CHECK(sys_symlink("/x", "/proc/self/fd/99") == -EPERM);
	CHECK(sys_mkdir("/tmp/ok", 0755) == 0 && sys_rmdir("/tmp/ok") == 0); /* elsewhere: fine */
}

static void test_reads(void)
{
	char whole[4096], one[4096];
	long fd = sys_open("/proc/self/status", O_RDONLY, 0), n = 0, r;

	CHECK(fd >= 0);
	while ((r = sys_read((unsigned)fd, one + n, 1)) == 1) /* one byte at a time */
		n++;
	CHECK(r == 0 && n > 100);
	CHECK(sys_lseek((unsigned)fd, 0, SEEK_END) == -EINVAL);
	CHECK(sys_lseek((unsigned)fd, 0, SEEK_SET) == 0);
	CHECK(sys_read((unsigned)fd, whole, sizeof(whole)) == n && memcmp(whole, one, (size_t)n) == 0);
	sys_close((unsigned)fd);
	CHECK(vt_mode("/proc/self/status", true) == (S_IFREG | 0444));

	struct stat st;
	CHECK(sys_stat("/proc/cpuinfo", &st) == 0 && st.st_size == 0);
}

static void test_syscalls(void)
{
	host_syscall_counts[0] = 5;
	host_syscall_counts[1] = 9;
	host_syscall_counts[39] = 1;
	CHECK(get("/proc/keel/syscalls") > 0);
	CHECK(strcmp(buf, "write                    9\nread                     5\n"
			  "getpid                   1\ntotal                    15\n") == 0);
}

int main(void)
{
	vt_init();
	test_before_start();
	start_program();
	CHECK(vt_put("/bin/prog", "\177ELF", 4) == 4 || sys_mkdir("/bin", 0755) == 0);
	if (vt_ino("/bin/prog") < 0)
		CHECK(vt_put("/bin/prog", "\177ELF", 4) == 4);
	test_links();
	test_files();
	test_maps();
	test_stat_status();
	test_tasks();
	test_fds();
	test_read_only();
	test_reads();
	test_syscalls();
	return TEST_END();
}
