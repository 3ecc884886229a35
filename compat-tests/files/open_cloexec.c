/* O_CLOEXEC sets FD_CLOEXEC on the new descriptor, visible through
 * fcntl(F_GETFD); without it the flag is clear. It is a descriptor flag,
 * not a status flag: F_GETFL does not show it. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>

int main(void)
{
	compat_tmpdir();
	int a = open("f", O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
	int b = open("f", O_RDONLY);
	int c = openat(AT_FDCWD, "f", O_RDONLY | O_CLOEXEC);
	CHECK(a >= 0 && b >= 0 && c >= 0, "open");
	printf("O_CLOEXEC: F_GETFD %d\n", fcntl(a, F_GETFD));
	printf("without: F_GETFD %d\n", fcntl(b, F_GETFD));
	printf("openat O_CLOEXEC: F_GETFD %d\n", fcntl(c, F_GETFD));
	printf("F_GETFL has O_CLOEXEC: %s\n", (fcntl(a, F_GETFL) & O_CLOEXEC) ? "yes" : "no");
	int d = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	printf("folder O_CLOEXEC: F_GETFD %d\n", fcntl(d, F_GETFD));
	FILE *fp = fopen("f", "re");
	CHECK(fp != NULL, "fopen \"re\"");
	printf("fopen \"re\": F_GETFD %d\n", fcntl(fileno(fp), F_GETFD));
	fclose(fp);
	return compat_done();
}
