/*
 * select_rw.c - select(2) with read and write sets on a pipe: an empty
 * pipe's read end is cleared from the read set while the write end stays
 * in the write set; after a write both stay; the return value counts the
 * bits left set. An exception set is cleared.
 */
#include <sys/select.h>
#include <unistd.h>
#include "compat.h"

int main(void)
{
	int p[2];
	CHECK_OK(pipe(p));
	int nfds = (p[0] > p[1] ? p[0] : p[1]) + 1;
	fd_set r, w, e;
	struct timeval tv;

	FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
	FD_SET(p[0], &r); FD_SET(p[1], &w); FD_SET(p[0], &e);
	tv = (struct timeval){ 0, 0 };
	int n = select(nfds, &r, &w, &e, &tv);
	printf("empty: select %d read %d write %d except %d\n", n,
	       FD_ISSET(p[0], &r), FD_ISSET(p[1], &w), FD_ISSET(p[0], &e));

	CHECK(write(p[1], "x", 1) == 1, "write");
	FD_ZERO(&r); FD_ZERO(&w); FD_ZERO(&e);
	FD_SET(p[0], &r); FD_SET(p[1], &w); FD_SET(p[0], &e);
	tv = (struct timeval){ 0, 0 };
	n = select(nfds, &r, &w, &e, &tv);
	printf("data: select %d read %d write %d except %d\n", n,
	       FD_ISSET(p[0], &r), FD_ISSET(p[1], &w), FD_ISSET(p[0], &e));

	FD_ZERO(&r);
	FD_SET(p[0], &r);
	n = select(nfds, &r, NULL, NULL, NULL);
	printf("data, no timeout: select %d read %d\n", n, FD_ISSET(p[0], &r));
	return compat_done();
}
