/*
 * devfs.c - device files: /dev/null, zero, full, random, urandom, tty,
 * console, and stdin/stdout/stderr.
 *
 * Devices are ordinary ramfs character-device inodes (made by mknod, by
 * devfs_populate() at boot, or by the boot image); their rdev picks the
 * file_ops here, with Linux's numbers (devices.txt): mem 1:3 null, 1:5
 * zero, 1:7 full, 1:8 random, 1:9 urandom; tty 5:0 and console 5:1 go to
 * the console driver (tty.c). An unknown number opens with -ENXIO.
 *
 * /dev/stdin, /dev/stdout and /dev/stderr: Linux makes them symlinks to
 * /proc/self/fd/0..2. keel has no procfs yet, so they are character
 * devices of a private major (FDALIAS_MAJOR, from the range Linux reserves
 * for local use) whose open returns the file already open at that fd:
 * the /dev/fd semantics of the BSDs, where offset and status flags are
 * shared with the descriptor. When procfs exists they should become the
 * Linux symlinks.
 *
 * Randomness: RDRAND when the CPU has it, mixed with a xorshift generator
 * seeded from the TSC. Good enough for AT_RANDOM-like uses and hash seeds;
 * not a cryptographic generator.
 */
#include "internal.h"

#define FDALIAS_MAJOR 240

static long null_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	(void)f; (void)buf; (void)n; (void)pos; (void)io;
	return 0;
}

static long null_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	(void)f; (void)buf; (void)pos; (void)io;
	return (long)n;
}

static long zero_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	(void)f; (void)pos;
	if (io == IO_KERNEL) {
		memset(buf, 0, n);
		return (long)n;
	}
	return clear_user(buf, n) ? -EFAULT : (long)n;
}

static long full_write(struct file *f, const void *buf, size_t n, uint64_t *pos, unsigned io)
{
	(void)f; (void)buf; (void)n; (void)pos; (void)io;
	return -ENOSPC;
}

/* /dev/null and friends: every seek succeeds and lands at 0 (Linux's null_lseek). */
static long zero_lseek(struct file *f, int64_t off, int whence)
{
	(void)off; (void)whence;
	f->pos = 0;
	return 0;
}

static uint64_t rng_state;

static bool cpu_has_rdrand(void)
{
	uint32_t a = 1, b, c, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return c & (1u << 30);
}

static uint64_t rng_next(void)
{
	static int has_rdrand = -1;
	uint64_t x = rng_state, r = 0;

	if (x == 0) {
		uint32_t lo, hi;
		__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
		x = (((uint64_t)hi << 32) | lo) ^ 0x9e3779b97f4a7c15ULL;
	}
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	if (has_rdrand < 0)
		has_rdrand = cpu_has_rdrand();
	if (has_rdrand) {
		unsigned char ok;
		__asm__ volatile("rdrand %0; setc %1" : "=r"(r), "=qm"(ok));
		if (!ok)
			r = 0;
	}
	return x ^ r;
}

void vfs_random_fill(void *buf, size_t n)
{
	char *p = buf;

	while (n) {
		uint64_t v = rng_next();
		size_t k = MIN(n, sizeof(v));
		memcpy(p, &v, k);
		p += k;
		n -= k;
	}
}

static long random_read(struct file *f, void *buf, size_t n, uint64_t *pos, unsigned io)
{
	char tmp[256];
	size_t done = 0;

	(void)f; (void)pos;
	while (done < n) {
		size_t k = MIN(n - done, sizeof(tmp));
		vfs_random_fill(tmp, k);
		if (vfs_copy_out((char *)buf + done, tmp, k, io))
			return done ? (long)done : -EFAULT;
		done += k;
	}
	return (long)done;
}

static int fdalias_open(struct inode *ino, struct file **fp)
{
	struct file *target = fd_get((int)DEV_MINOR(ino->rdev));

	if (!target)
		return -ENOENT; /* what /proc/self/fd/N gives for a closed fd */
	file_put(*fp);
	*fp = target;
	return 0;
}

static const struct file_ops null_fops = {
	.read = null_read, .write = null_write, .lseek = zero_lseek,
};
static const struct file_ops zero_fops = {
	.read = zero_read, .write = null_write, .lseek = zero_lseek,
};
static const struct file_ops full_fops = {
	.read = zero_read, .write = full_write, .lseek = zero_lseek,
};
static const struct file_ops random_fops = {
	.read = random_read, .write = null_write, .lseek = zero_lseek,
};
static const struct file_ops fdalias_fops = {
	.open = fdalias_open,
};

const struct file_ops *devfs_fops(uint32_t rdev)
{
	unsigned ma = DEV_MAJOR(rdev), mi = DEV_MINOR(rdev);

	if (ma == 1) {
		switch (mi) {
		case 3: return &null_fops;
		case 5: return &zero_fops;
		case 7: return &full_fops;
		case 8: case 9: return &random_fops;
		}
	}
	if (ma == 5 && (mi == 0 || mi == 1))
		return &tty_fops;
	if (ma == FDALIAS_MAJOR && mi <= 2)
		return &fdalias_fops;
	return NULL;
}

static const struct {
	const char *name;
	umode_t mode;
	unsigned major, minor;
} devices[] = {
	{ "null", 0666, 1, 3 },    { "zero", 0666, 1, 5 },    { "full", 0666, 1, 7 },
	{ "random", 0666, 1, 8 },  { "urandom", 0666, 1, 9 }, { "tty", 0666, 5, 0 },
	{ "console", 0600, 5, 1 }, { "stdin", 0600, FDALIAS_MAJOR, 0 },
	{ "stdout", 0600, FDALIAS_MAJOR, 1 }, { "stderr", 0600, FDALIAS_MAJOR, 2 },
};

/* Create the device nodes in dev (vfs_lock held). Return: 0 or -errno. */
int devfs_populate(struct inode *dev)
{
	for (size_t i = 0; i < ARRAY_SIZE(devices); i++) {
		struct inode *ino;
		int err = ramfs_create(dev, devices[i].name, strlen(devices[i].name),
				       S_IFCHR | devices[i].mode, &ino);
		if (err)
			return err;
		ino->rdev = MKDEV(devices[i].major, devices[i].minor);
		ino->fops = devfs_fops(ino->rdev);
	}
	return 0;
}
