/* umask: returns the previous mask, and clears its bits from the modes of
 * files, folders and FIFOs created afterwards (not from chmod). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static unsigned mode(const char *p)
{
	struct stat st;
	return lstat(p, &st) == 0 ? st.st_mode & 07777 : 0xffff;
}

int main(void)
{
	compat_tmpdir();
	printf("initial umask %03o\n", umask(022));
	close(open("f022", O_CREAT | O_WRONLY, 0666));
	CHECK_OK(mkdir("d022", 0777));
	printf("022: file %04o folder %04o\n", mode("f022"), mode("d022"));
	printf("umask(077) returned %03o\n", umask(077));
	close(open("f077", O_CREAT | O_WRONLY, 0666));
	CHECK_OK(mkdir("d077", 0777));
	CHECK_OK(mkfifo("p077", 0666));
	printf("077: file %04o folder %04o fifo %04o\n", mode("f077"), mode("d077"), mode("p077"));
	printf("umask(0) returned %03o\n", umask(0));
	close(open("f000", O_CREAT | O_WRONLY, 0777));
	CHECK_OK(mkdir("d000", 01777));
	printf("000: file %04o folder %04o\n", mode("f000"), mode("d000"));
	umask(0777);
	CHECK_OK(chmod("f000", 0644));
	printf("chmod ignores the umask: %04o\n", mode("f000"));
	printf("umask(0) returned %03o (only the low 9 bits)\n", (umask(07777), umask(0)));
	return compat_done();
}
