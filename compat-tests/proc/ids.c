/*
 * ids.c - the user and group ids agree with one another: uid == euid,
 * gid == egid, getresuid/getresgid return the same three times, and
 * getgroups with size 0 returns a count without writing.
 */
#define _GNU_SOURCE
#include <unistd.h>
#include "compat.h"

int main(void)
{
	uid_t r, e, s;
	gid_t gr, ge, gs;
	CHECK_OK(getresuid(&r, &e, &s));
	CHECK_OK(getresgid(&gr, &ge, &gs));
	printf("uid == euid: %s\n", getuid() == geteuid() ? "yes" : "no");
	printf("gid == egid: %s\n", getgid() == getegid() ? "yes" : "no");
	printf("getresuid == uid, euid, euid: %s\n", r == getuid() && e == geteuid() && s == e ? "yes" : "no");
	printf("getresgid == gid, egid, egid: %s\n", gr == getgid() && ge == getegid() && gs == ge ? "yes" : "no");
	int n = getgroups(0, NULL);
	printf("getgroups(0) >= 0: %s\n", n >= 0 ? "yes" : "no");
	return compat_done();
}
