/*
 * test_cpio.c - host unit tests for the boot-image unpacker (vfs/cpio.c).
 *
 * Archives are built in memory in the newc layout of cpio(5). A good
 * archive checks files, directories, symlinks, modes, mtimes, owners,
 * missing parents, name cleaning, replacement and hard links. Malformed
 * archives (truncated, bad magic, non-hex fields, sizes past the end,
 * names without their NUL, "..") must give -EINVAL; each is unpacked from
 * a heap buffer of exactly its size, so ASan catches any read past the
 * end. Finally every truncation of a good archive and a few thousand
 * random byte flips must fail cleanly or succeed, never crash.
 */
#include "vfstest.h"

struct ar {
	char *buf;
	size_t len, cap;
};

static void ar_bytes(struct ar *a, const void *p, size_t n)
{
	if (a->len + n > a->cap) {
		a->cap = (a->len + n) * 2 + 1024;
		a->buf = realloc(a->buf, a->cap);
	}
	if (n)
		memcpy(a->buf + a->len, p, n);
	a->len += n;
}

static void ar_pad(struct ar *a)
{
	while (a->len % 4)
		ar_bytes(a, "", 1);
}

/* One entry; namesize is strlen(name) + 1 unless forced (>= 0). */
static void ar_entry_x(struct ar *a, const char *magic, const char *name, unsigned mode,
		       unsigned ino, unsigned nlink, unsigned mtime, const void *data, size_t size,
		       long namesize)
{
	char hdr[111];
	size_t nlen = strlen(name) + 1;

	snprintf(hdr, sizeof(hdr), "%s%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", magic,
		 ino, mode, 1000, 100, nlink, mtime, (unsigned)size, 0, 0, 1, 3,
		 (unsigned)(namesize >= 0 ? (size_t)namesize : nlen), 0);
	ar_bytes(a, hdr, 110);
	ar_bytes(a, name, nlen);
	ar_pad(a);
	ar_bytes(a, data, size);
	ar_pad(a);
}

static void ar_entry(struct ar *a, const char *name, unsigned mode, unsigned ino, const char *data)
{
	ar_entry_x(a, "070701", name, mode, ino, 1, 1234567, data, data ? strlen(data) : 0, -1);
}

static void ar_trailer(struct ar *a)
{
	ar_entry_x(a, "070701", "TRAILER!!!", 0, 0, 1, 0, NULL, 0, -1);
}

/* Unpack from a heap copy of exactly len bytes. */
static int unpack(const void *p, size_t len)
{
	char *copy = malloc(len ? len : 1);
	int r;

	memcpy(copy, p, len);
	r = vfs_unpack_cpio(copy, len);
	free(copy);
	return r;
}

static struct ar good_archive(void)
{
	struct ar a = { 0 };

	ar_entry(&a, ".", S_IFDIR | 0755, 1, NULL);
	ar_entry(&a, "c", S_IFDIR | 0750, 2, NULL);
	ar_entry(&a, "c/bin", S_IFDIR | 0755, 3, NULL);
	ar_entry(&a, "c/bin/tool", S_IFREG | 0755, 4, "#!tool\n");
	ar_entry(&a, "./c/etc/deep/conf", S_IFREG | 0640, 5, "key=value\n");
	ar_entry(&a, "/c/lnk", S_IFLNK | 0777, 6, "bin/tool");
	ar_entry(&a, "c/empty", S_IFREG | 0600, 7, NULL);
	ar_entry(&a, "c/dup", S_IFREG | 0644, 8, "first");
	ar_entry(&a, "c/dup", S_IFREG | 0644, 9, "second");
	/* a hard-link pair as GNU cpio writes it: data with the last link */
	ar_entry_x(&a, "070701", "c/h1", S_IFREG | 0644, 42, 2, 99, NULL, 0, -1);
	ar_entry_x(&a, "070702", "c/h2", S_IFREG | 0644, 42, 2, 99, "linked", 6, -1);
	ar_entry(&a, "c/null", S_IFCHR | 0666, 10, NULL);
	ar_trailer(&a);
	return a;
}

static void test_good(void)
{
	struct ar a = good_archive();
	char buf[64];
	struct stat st;

	CHECK(unpack(a.buf, a.len) == 0);
	CHECK(vt_get("/c/bin/tool", buf, sizeof(buf)) == 7 && strcmp(buf, "#!tool\n") == 0);
	CHECK(sys_stat("/c/bin/tool", &st) == 0 && (st.st_mode & 07777) == 0755 &&
	      st.st_mtime == 1234567 && st.st_uid == 1000 && st.st_gid == 100);
	CHECK(sys_access("/c/bin/tool", 1 /* X_OK */) == 0);
	CHECK(sys_access("/c/etc/deep/conf", 1) == -EACCES);
	CHECK(vt_get("/c/etc/deep/conf", buf, sizeof(buf)) == 10);
	CHECK(S_ISDIR(vt_mode("/c/etc/deep", true)) && (vt_mode("/c/etc", true) & 0777) == 0755);
	CHECK(sys_stat("/c", &st) == 0 && (st.st_mode & 0777) == 0750 && st.st_mtime == 1234567);
	CHECK(sys_readlink("/c/lnk", buf, sizeof(buf)) == 8 && memcmp(buf, "bin/tool", 8) == 0);
	CHECK(vt_get("/c/lnk", buf, sizeof(buf)) == 7);
	CHECK(vt_get("/c/empty", buf, sizeof(buf)) == 0 && (vt_mode("/c/empty", true) & 0777) == 0600);
	CHECK(vt_get("/c/dup", buf, sizeof(buf)) == 6 && strcmp(buf, "second") == 0);
	CHECK(vt_ino("/c/h1") == vt_ino("/c/h2"));
	CHECK(sys_stat("/c/h1", &st) == 0 && st.st_nlink == 2 && st.st_size == 6);
	CHECK(vt_get("/c/h1", buf, sizeof(buf)) == 6 && strcmp(buf, "linked") == 0);
	CHECK(sys_stat("/c/null", &st) == 0 && S_ISCHR(st.st_mode) && st.st_rdev == MKDEV(1, 3));
	CHECK(sys_write((unsigned)sys_open("/c/null", O_WRONLY, 0), "x", 1) == 1);
	/* unpacking again over the same tree replaces files and keeps dirs */
	CHECK(unpack(a.buf, a.len) == 0);
	CHECK(vt_get("/c/dup", buf, sizeof(buf)) == 6);
	free(a.buf);
}

static void expect_einval(const char *what, struct ar *a)
{
	int r = unpack(a->buf, a->len);
	if (r != -EINVAL)
		fprintf(stderr, "malformed archive \"%s\": got %d\n", what, r);
	CHECK(r == -EINVAL);
	free(a->buf);
	*a = (struct ar){ 0 };
}

static void test_malformed(void)
{
	struct ar a = { 0 };
	char hdr[111];

	CHECK(vfs_unpack_cpio("", 0) == -EINVAL);
	ar_entry(&a, "m/ok", S_IFREG | 0644, 1, "x");
	a.len = 100; /* cut inside the next header */
	expect_einval("truncated header", &a);

	ar_entry(&a, "m/ok", S_IFREG | 0644, 1, "x");
	ar_trailer(&a);
	a.buf[5] = '7';
	expect_einval("bad magic", &a);

	ar_entry_x(&a, "070707", "m/odc", S_IFREG | 0644, 1, 1, 0, "x", 1, -1);
	ar_trailer(&a);
	expect_einval("old binary magic", &a);

	ar_entry(&a, "m/hex", S_IFREG | 0644, 1, "x");
	ar_trailer(&a);
	a.buf[6 + 8 * 6 + 3] = 'g'; /* inside filesize */
	expect_einval("non-hex digit", &a);

	ar_entry_x(&a, "070701", "m/big", S_IFREG | 0644, 1, 1, 0, "abc", 3, -1);
	snprintf(hdr, sizeof(hdr), "%08X", 0xffffffffu);
	memcpy(a.buf + 6 + 8 * 6, hdr, 8);
	expect_einval("filesize past the end", &a);

	ar_entry_x(&a, "070701", "m/long", S_IFREG | 0644, 1, 1, 0, "abc", 3, 5000);
	expect_einval("namesize past the end", &a);

	ar_entry_x(&a, "070701", "m/nonul", S_IFREG | 0644, 1, 1, 0, "abc", 3, 7);
	ar_trailer(&a);
	expect_einval("name without its NUL", &a);

	ar_entry_x(&a, "070701", "m/zero", S_IFREG | 0644, 1, 1, 0, "abc", 3, 0);
	ar_trailer(&a);
	expect_einval("namesize 0", &a);

	ar_entry_x(&a, "070701", "m/a\0b", S_IFREG | 0644, 1, 1, 0, "abc", 3, 6);
	ar_trailer(&a);
	/* namesize 6 covers "m/a\0b\0"? it covers "m/a" NUL "b" NUL: an early NUL */
	expect_einval("NUL inside the name", &a);

	ar_entry(&a, "../escape", S_IFREG | 0644, 1, "x");
	ar_trailer(&a);
	expect_einval("leading ..", &a);

	ar_entry(&a, "m/ok/../../etc/passwd", S_IFREG | 0644, 1, "x");
	ar_trailer(&a);
	expect_einval("inner ..", &a);

	ar_entry(&a, "m/..", S_IFDIR | 0755, 1, NULL);
	ar_trailer(&a);
	expect_einval("trailing ..", &a);

	ar_entry(&a, "m/emptylink", S_IFLNK | 0777, 1, NULL);
	ar_trailer(&a);
	expect_einval("symlink without a target", &a);

	ar_entry(&a, "m/weird", 0170000 | 0644, 1, NULL);
	ar_trailer(&a);
	expect_einval("unknown file type", &a);

	ar_entry(&a, "m/notrailer", S_IFREG | 0644, 1, "x");
	expect_einval("no trailer", &a);

	/* a directory in the way of a file with contents is refused */
	ar_entry(&a, "m/full/x", S_IFREG | 0644, 1, "x");
	ar_entry(&a, "m/full", S_IFREG | 0644, 2, "x");
	ar_trailer(&a);
	CHECK(unpack(a.buf, a.len) == -EEXIST);
	free(a.buf);
	CHECK(vt_ino("/etc/passwd") == -ENOENT && vt_ino("/escape") == -ENOENT);
}

/* merged /usr: a directory entry must not replace a symlink to a directory */
static void test_merged_usr(void)
{
	struct ar a = { 0 };
	char buf[8];

	ar_entry(&a, "mu/usr/lib", S_IFDIR | 0755, 1, NULL);
	ar_entry(&a, "mu/lib", S_IFLNK | 0777, 2, "usr/lib");
	ar_entry(&a, "mu/lib", S_IFDIR | 0755, 3, NULL);
	ar_entry(&a, "mu/lib/libc.so", S_IFREG | 0755, 4, "elf");
	ar_entry(&a, "mu/dirlink", S_IFLNK | 0777, 5, "usr/lib/libc.so");
	ar_entry(&a, "mu/dirlink", S_IFDIR | 0700, 6, NULL); /* a link to a file is replaced */
	ar_trailer(&a);
	CHECK(unpack(a.buf, a.len) == 0);
	CHECK(S_ISLNK(vt_mode("/mu/lib", false)));
	CHECK(vt_get("/mu/usr/lib/libc.so", buf, sizeof(buf)) == 3);
	CHECK(S_ISDIR(vt_mode("/mu/dirlink", false)));
	free(a.buf);
}

static void test_hostile(void)
{
	struct ar a = good_archive();
	unsigned seed = 12345;
	int ok = 0, failed = 0, bad_errno = 0;

	/* every prefix that cuts into the trailer (not just its final padding)
	 * must fail, and never read past len */
	for (size_t len = 0; len < a.len - 3; len++) {
		int r = unpack(a.buf, len);
		failed += r != 0;
		bad_errno += r != -EINVAL && r != -EEXIST && r != 0;
	}
	CHECK(failed == (int)a.len - 3);
	/* random corruption of header bytes and data */
	for (int round = 0; round < 3000; round++) {
		char *copy = malloc(a.len);
		memcpy(copy, a.buf, a.len);
		for (int k = 0; k < 3; k++) {
			seed = seed * 1103515245 + 12345;
			copy[(seed >> 8) % a.len] = (char)(seed >> 20);
		}
		int r = vfs_unpack_cpio(copy, a.len);
		ok += r == 0;
		bad_errno += r > 0;
		free(copy);
	}
	CHECK(bad_errno == 0);
	printf("hostile: %d prefixes refused, %d of 3000 corruptions still unpacked\n", failed, ok);
	free(a.buf);
}

int main(void)
{
	vt_init();
	test_good();
	test_malformed();
	test_merged_usr();
	test_hostile();
	return TEST_END();
}
