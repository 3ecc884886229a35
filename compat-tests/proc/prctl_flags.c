/*
 * prctl_flags.c - simple per-process prctl(2) settings read back: the
 * parent-death signal (0, then SIGUSR1; an invalid signal fails with
 * EINVAL), no_new_privs (readable, 1 once set, and clearing it fails
 * with EINVAL), dumpable (1); an unknown option fails with EINVAL.
 */
#include <signal.h>
#include <sys/prctl.h>
#include "compat.h"

int main(void)
{
	int sig = -1;
	CHECK_OK(prctl(PR_GET_PDEATHSIG, &sig));
	printf("pdeathsig: %d\n", sig);
	CHECK_OK(prctl(PR_SET_PDEATHSIG, SIGUSR1));
	CHECK_OK(prctl(PR_GET_PDEATHSIG, &sig));
	printf("pdeathsig set: %s\n", sig == SIGUSR1 ? "SIGUSR1" : "other");
	CHECK_ERR(prctl(PR_SET_PDEATHSIG, 65), EINVAL);

	int nnp = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0); /* inherited: may already be 1 */
	printf("no_new_privs readable (0 or 1): %s\n", nnp == 0 || nnp == 1 ? "yes" : "no");
	CHECK_OK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
	printf("no_new_privs set: %d\n", prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0));
	CHECK_ERR(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), EINVAL);

	printf("dumpable: %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
	CHECK_ERR(prctl(0x7fff1234, 0, 0, 0, 0), EINVAL);
	return compat_done();
}
