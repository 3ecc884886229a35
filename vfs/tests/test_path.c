/*
 * test_path.c - host unit tests for the path walk (vfs/path.c) and the
 * name operations that depend on its corner cases (vfs/namei.c): ".",
 * "..", repeated and trailing slashes, symlinks (relative, absolute,
 * chains, loops, the 40-link limit, dangling with O_CREAT), O_NOFOLLOW,
 * AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, dirfd, the current directory, and
 * the exact errno Linux gives for each. Built by vfs/tests/vfs.mk.
 */
#include "vfstest.h"

static void test_basic(void)
{
	long root = vt_ino("/");

	CHECK(sys_mkdir("/p", 0755) == 0 && sys_mkdir("/p/a", 0755) == 0);
	CHECK(sys_mkdir("/p/a/b", 0755) == 0 && sys_mkdir("/p/a/b/c", 0755) == 0);
	CHECK(vt_put("/p/file", "hello", 5) == 5);
	CHECK(vt_ino("/p/a/../a/./b//c/") == vt_ino("/p/a/b/c"));
	CHECK(vt_ino("//p///a") == vt_ino("/p/a"));
	CHECK(vt_ino("/..") == root && vt_ino("/../../p/..") == root);
	CHECK(vt_ino("/.") == root);
	CHECK(vt_ino("") == -ENOENT);
	CHECK(vt_ino("/p/missing") == -ENOENT);
	CHECK(vt_ino("/p/missing/x") == -ENOENT);
	CHECK(vt_ino("/p/file/x") == -ENOTDIR);
	CHECK(vt_ino("/p/file/") == -ENOTDIR);
	CHECK(vt_ino("/p/file/.") == -ENOTDIR);
	CHECK(sys_open("/p/file/", O_RDONLY, 0) == -ENOTDIR);
	CHECK(sys_open("/p/new/", O_RDWR | O_CREAT, 0644) == -EISDIR);
	CHECK(sys_open("/p/a", O_RDWR, 0) == -EISDIR);
	CHECK(sys_open("/p/a", O_RDONLY | O_CREAT, 0644) == -EISDIR);
	CHECK(sys_open("/p/file", O_RDONLY | O_DIRECTORY, 0) == -ENOTDIR);
	CHECK(sys_open("/p/file", O_RDONLY | O_CREAT | O_EXCL, 0644) == -EEXIST);
	CHECK(sys_mkdir("/p/newdir/", 0755) == 0 && S_ISDIR(vt_mode("/p/newdir", true)));
	CHECK(sys_mkdir("/p/newdir", 0755) == -EEXIST);
	CHECK(sys_mkdir("/p/a/.", 0755) == -EEXIST && sys_mkdir("/", 0755) == -EEXIST);
	CHECK(sys_mkdir("/p/none/x", 0755) == -ENOENT);
	CHECK(sys_mkdir("/p/file/x", 0755) == -ENOTDIR);
	CHECK(sys_unlink("/p/a") == -EISDIR && sys_unlink("/p/a/") == -EISDIR);
	CHECK(sys_unlink("/p/file/") == -ENOTDIR && sys_unlink("/p/nope/") == -ENOENT);
	CHECK(sys_unlink("/p/.") == -EISDIR);
	CHECK(sys_rmdir("/p/file") == -ENOTDIR);
	CHECK(sys_rmdir("/p/a/.") == -EINVAL && sys_rmdir("/p/a/..") == -ENOTEMPTY);
	CHECK(sys_rmdir("/") == -EBUSY && sys_rmdir("/p/a") == -ENOTEMPTY);
	CHECK(sys_rmdir("/p/newdir/") == 0);
	CHECK(sys_symlink("x", "/p/file") == -EEXIST && sys_symlink("x", "/p/s/") == -ENOENT);
	CHECK(sys_symlink("", "/p/empty") == -ENOENT);
}

static void test_names(void)
{
	char name[300], *path = malloc(PATH_MAX + 16);

	memset(name, 'n', sizeof(name));
	strcpy(name, "/p/");
	memset(name + 3, 'n', 255);
	name[258] = '\0';
	CHECK(vt_put(name, "", 0) == 0); /* NAME_MAX is fine */
	name[258] = 'n';
	name[259] = '\0';
	CHECK(vt_put(name, "", 0) == -ENAMETOOLONG);
	CHECK(sys_mkdir(name, 0755) == -ENAMETOOLONG);
	CHECK(vt_ino(name) == -ENAMETOOLONG);
	/* 4095 bytes + NUL is the longest path; 4096 bytes is too long */
	strcpy(path, "/p");
	for (size_t len = 2; len < PATH_MAX - 1; len += 2)
		strcat(path, "/.");
	path[PATH_MAX - 1] = '\0';
	CHECK(strlen(path) == PATH_MAX - 1 && vt_ino(path) == vt_ino("/p"));
	path[PATH_MAX - 1] = '/';
	path[PATH_MAX] = '\0';
	CHECK(vt_ino(path) == -ENAMETOOLONG);
	CHECK(vt_ino(NULL) == -EFAULT && vt_ino(BAD_PTR) == -EFAULT);
	free(path);
}

static void test_symlinks(void)
{
	char buf[64], name[32];
	long fd;

	CHECK(sys_symlink("a/b", "/p/rel") == 0);
	CHECK(sys_symlink("/p/a", "/p/abs") == 0);
	CHECK(sys_symlink("rel/c", "/p/chain") == 0);
	CHECK(sys_symlink("file", "/p/flink") == 0);
	CHECK(vt_ino("/p/rel") == vt_ino("/p/a/b"));
	CHECK(vt_ino("/p/abs/b/c") == vt_ino("/p/a/b/c"));
	CHECK(vt_ino("/p/chain") == vt_ino("/p/a/b/c"));
	CHECK(vt_ino("/p/rel/../b") == vt_ino("/p/a/b")); /* ".." is physical */
	CHECK(S_ISLNK(vt_mode("/p/rel", false)) && S_ISDIR(vt_mode("/p/rel/", false)));
	CHECK(vt_ino("/p/flink/") == -ENOTDIR);
	struct stat st;
	CHECK(sys_lstat("/p/chain", &st) == 0 && st.st_size == 5 && (st.st_mode & 0777) == 0777);
	CHECK(sys_readlink("/p/chain", buf, sizeof(buf)) == 5 && memcmp(buf, "rel/c", 5) == 0);
	CHECK(sys_readlink("/p/chain", buf, 3) == 3 && memcmp(buf, "rel", 3) == 0);
	CHECK(sys_readlink("/p/file", buf, sizeof(buf)) == -EINVAL);
	CHECK(sys_readlink("/p/chain", buf, 0) == -EINVAL);
	CHECK(sys_readlink("/p/chain", BAD_PTR, 10) == -EFAULT);

	/* loops and the 40-link limit */
	CHECK(sys_symlink("l2", "/p/l1") == 0 && sys_symlink("l1", "/p/l2") == 0);
	CHECK(vt_ino("/p/l1") == -ELOOP && vt_ino("/p/l1/x") == -ELOOP);
	CHECK(S_ISLNK(vt_mode("/p/l1", false)));
	CHECK(sys_mkdir("/p/hops", 0755) == 0 && vt_put("/p/hops/h40", "end", 3) == 3);
	for (int i = 39; i >= 0; i--) { /* h0 -> h1 -> ... -> h40 (a file): 40 links */
		char target[16];
		snprintf(name, sizeof(name), "/p/hops/h%d", i);
		snprintf(target, sizeof(target), "h%d", i + 1);
		CHECK(sys_symlink(target, name) == 0);
	}
	CHECK(vt_get("/p/hops/h0", buf, sizeof(buf)) == 3);
	CHECK(sys_symlink("h0", "/p/hops/hx") == 0); /* 41 links */
	CHECK(vt_get("/p/hops/hx", buf, sizeof(buf)) == -ELOOP);

	/* O_NOFOLLOW, O_PATH, O_CREAT through a dangling link */
	CHECK(sys_open("/p/flink", O_RDONLY | O_NOFOLLOW, 0) == -ELOOP);
	fd = sys_open("/p/file", O_RDONLY | O_NOFOLLOW, 0);
	CHECK(fd >= 0);
	sys_close(fd);
	fd = sys_open("/p/flink", O_PATH | O_NOFOLLOW, 0);
	CHECK(fd >= 0);
	CHECK(sys_read(fd, buf, 1) == -EBADF);
	CHECK(sys_fstat(fd, &st) == 0 && S_ISLNK(st.st_mode));
	CHECK(sys_readlinkat(fd, "", buf, sizeof(buf)) == 4 && memcmp(buf, "file", 4) == 0);
	sys_close(fd);
	CHECK(sys_symlink("made", "/p/dangling") == 0);
	CHECK(sys_open("/p/dangling", O_WRONLY | O_CREAT | O_EXCL, 0644) == -EEXIST);
	fd = sys_open("/p/dangling", O_WRONLY | O_CREAT, 0644);
	CHECK(fd >= 0 && S_ISREG(vt_mode("/p/made", false)));
	sys_close(fd);
	/* the link itself is what unlink, rename and mkdir see */
	CHECK(sys_mkdir("/p/rel", 0755) == -EEXIST);
	CHECK(sys_unlink("/p/rel/") == -ENOTDIR);
	CHECK(sys_rmdir("/p/rel") == -ENOTDIR);
	CHECK(sys_unlink("/p/l1") == 0 && S_ISDIR(vt_mode("/p/abs", true)));
}

static void test_dirfd(void)
{
	struct stat st;
	char buf[PATH_MAX];
	long dfd = sys_open("/p/a", O_RDONLY | O_DIRECTORY, 0);
	long ffd = sys_open("/p/file", O_RDONLY, 0), fd;

	CHECK(dfd >= 0 && ffd >= 0);
	fd = sys_openat(dfd, "b/c", O_RDONLY | O_DIRECTORY, 0);
	CHECK(fd >= 0);
	sys_close(fd);
	CHECK(sys_openat(ffd, "x", O_RDONLY, 0) == -ENOTDIR);
	CHECK(sys_openat(999, "x", O_RDONLY, 0) == -EBADF);
	CHECK(sys_openat(-5, "/p", O_RDONLY, 0) >= 0); /* absolute: dirfd ignored */
	CHECK(sys_newfstatat(dfd, "b", &st, 0) == 0 && (long)st.st_ino == vt_ino("/p/a/b"));
	CHECK(sys_newfstatat(ffd, "", &st, AT_EMPTY_PATH) == 0 && st.st_size == 5);
	CHECK(sys_newfstatat(ffd, "", &st, 0) == -ENOENT);
	CHECK(sys_newfstatat(AT_FDCWD, "", &st, AT_EMPTY_PATH) == 0 && S_ISDIR(st.st_mode));
	CHECK(sys_newfstatat(dfd, "b", &st, 0x4) == -EINVAL);
	CHECK(sys_newfstatat(AT_FDCWD, "/p/rel", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	      S_ISLNK(st.st_mode));
	CHECK(sys_mkdirat(dfd, "new", 0700) == 0 && S_ISDIR(vt_mode("/p/a/new", true)));
	CHECK(sys_unlinkat(dfd, "new", 0) == -EISDIR);
	CHECK(sys_unlinkat(dfd, "new", AT_REMOVEDIR) == 0);
	CHECK(sys_unlinkat(dfd, "new", 0x1) == -EINVAL);

	/* the current directory */
	CHECK(sys_fchdir(dfd) == 0);
	CHECK(sys_getcwd(buf, sizeof(buf)) == 5 && strcmp(buf, "/p/a") == 0);
	CHECK(sys_getcwd(buf, 4) == -ERANGE);
	CHECK(vt_ino("b/c") == vt_ino("/p/a/b/c") && vt_ino("..") == vt_ino("/p"));
	CHECK(sys_fchdir(ffd) == -ENOTDIR && sys_chdir("/p/file") == -ENOTDIR);
	CHECK(sys_chdir("b") == 0 && sys_getcwd(buf, sizeof(buf)) == 7);
	CHECK(sys_mkdir("/p/gone", 0755) == 0 && sys_chdir("/p/gone") == 0);
	CHECK(sys_rmdir("/p/gone") == 0);
	CHECK(sys_getcwd(buf, sizeof(buf)) == -ENOENT);
	CHECK(vt_put("inside", "", 0) == -ENOENT);
	CHECK(sys_chdir("/") == 0 && sys_getcwd(buf, sizeof(buf)) == 2 && strcmp(buf, "/") == 0);
	CHECK(sys_getcwd(BAD_PTR, 100) == -EFAULT);
	sys_close(dfd);
	sys_close(ffd);
}

int main(void)
{
	vt_init();
	test_basic();
	test_names();
	test_symlinks();
	test_dirfd();
	return TEST_END();
}
