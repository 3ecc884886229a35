/* Record locks: F_SETLK/F_SETLKW of read and write locks are accepted on
 * descriptors open in the matching mode; F_GETLK from the lock holder
 * reports F_UNLCK (a process never conflicts with itself); a write lock
 * on a read-only descriptor is EBADF; a bad l_type is EINVAL. flock:
 * LOCK_EX/LOCK_SH/LOCK_UN accepted, an unknown operation is EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/file.h>

int main(void)
{
	compat_tmpdir();
	int rw = open("f", O_CREAT | O_RDWR, 0644);
	int ro = open("f", O_RDONLY);
	int wo = open("f", O_WRONLY);
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
	CHECK_OK(fcntl(rw, F_SETLK, &fl));
	fl.l_type = F_RDLCK;
	fl.l_start = 20;
	CHECK_OK(fcntl(rw, F_SETLKW, &fl));
	struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
	CHECK_OK(fcntl(rw, F_GETLK, &q));
	printf("F_GETLK from the holder: %s\n", q.l_type == F_UNLCK ? "F_UNLCK" : "locked");
	fl.l_type = F_WRLCK;
	CHECK_ERR(fcntl(ro, F_SETLK, &fl), EBADF);
	fl.l_type = F_RDLCK;
	CHECK_ERR(fcntl(wo, F_SETLK, &fl), EBADF);
	CHECK_OK(fcntl(ro, F_SETLK, &fl));
	fl.l_type = 42;
	CHECK_ERR(fcntl(rw, F_SETLK, &fl), EINVAL);
	fl.l_type = F_UNLCK;
	fl.l_start = 0;
	fl.l_len = 0;
	CHECK_OK(fcntl(rw, F_SETLK, &fl));
	CHECK_ERR(fcntl(99, F_SETLK, &fl), EBADF);
	CHECK_OK(flock(rw, LOCK_EX));
	CHECK_OK(flock(rw, LOCK_SH | LOCK_NB));
	CHECK_OK(flock(rw, LOCK_UN));
	CHECK_ERR(flock(rw, 0), EINVAL);
	CHECK_ERR(flock(99, LOCK_EX), EBADF);
	printf("locks accepted\n");
	return compat_done();
}
