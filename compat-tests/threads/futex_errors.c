// threads/futex_errors.c - futex argument errors: an unknown operation
// gives ENOSYS, a futex word that is not 4-byte aligned EINVAL, an address
// that is not mapped EFAULT (for WAIT; WAKE does not read the word and
// returns 0).
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "compat.h"

#include "futex_abi.h"

static int words[2];

int main(void)
{
	CHECK_ERR(syscall(SYS_futex, &words[0], 99, 0, NULL, NULL, 0), ENOSYS);
	CHECK_ERR(syscall(SYS_futex, (char *)&words[0] + 1, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EINVAL);
	CHECK_ERR(syscall(SYS_futex, (char *)&words[0] + 2, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), EINVAL);
	long pg = sysconf(_SC_PAGESIZE);
	void *p = mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p, pg);
	CHECK_ERR(syscall(SYS_futex, p, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0), EFAULT);
	printf("wake on an unmapped word: %ld\n", syscall(SYS_futex, p, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));
	return compat_done();
}
