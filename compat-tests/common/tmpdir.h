/*
 * tmpdir.h - a fresh working folder for a case of the compatibility suite.
 *
 * compat_tmpdir() makes /tmp/compat-XXXXXX (mkdtemp), makes it the current
 * directory and removes it, with whatever the case left in it, when the
 * program exits. A case then works with relative paths only, so what it
 * prints never contains the random part of the name. The removal prints
 * nothing and checks nothing: it is housekeeping for the host (in keel the
 * file system goes away with the VM), not part of what the case tests.
 *
 * Include it after compat.h. nftw needs _XOPEN_SOURCE 500 or _GNU_SOURCE
 * defined before the first system header.
 */
#ifndef COMPAT_TMPDIR_H
#define COMPAT_TMPDIR_H

#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char compat_tmp[32];

static int compat_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP || flag == FTW_D)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void compat_tmpdir_remove(void)
{
	if (chdir("/") != 0)
		return;
	nftw(compat_tmp, compat_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static inline void compat_tmpdir(void)
{
	strcpy(compat_tmp, "/tmp/compat-XXXXXX");
	if (!mkdtemp(compat_tmp) || chdir(compat_tmp) != 0) {
		printf("FAIL: cannot make a working folder in /tmp (errno %s)\n", errno_name(errno));
		fflush(stdout);
		exit(1);
	}
	atexit(compat_tmpdir_remove);
}

#endif
