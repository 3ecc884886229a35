/*
 * uname_fields.c - uname(2) fills every field: sysname "Linux", machine
 * "x86_64", a release that starts with a digit (a version such as
 * "6.1.0"), and non-empty nodename and version; a bad pointer fails with
 * EFAULT.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <string.h>
#include <sys/utsname.h>
#include "compat.h"

int main(void)
{
	struct utsname u;
	memset(&u, 0xff, sizeof u);
	CHECK_OK(uname(&u));
	printf("sysname: %s\n", u.sysname);
	printf("machine: %s\n", u.machine);
	printf("release starts with a digit: %s\n", isdigit((unsigned char)u.release[0]) ? "yes" : "no");
	printf("release has a dot: %s\n", strchr(u.release, '.') ? "yes" : "no");
	printf("nodename non-empty: %s\n", u.nodename[0] && strlen(u.nodename) < sizeof u.nodename ? "yes" : "no");
	printf("version non-empty: %s\n", u.version[0] && strlen(u.version) < sizeof u.version ? "yes" : "no");
	printf("domainname terminated: %s\n", strlen(u.domainname) < sizeof u.domainname ? "yes" : "no");

	struct utsname *volatile unmapped = (struct utsname *)8;
	CHECK_ERR(uname(unmapped), EFAULT);
	return compat_done();
}
