/* rename between two hard links of one file does nothing and succeeds:
 * both names stay (POSIX). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	close(open("a", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(link("a", "b"));
	CHECK_OK(rename("a", "b"));
	printf("a: %s\n", access("a", F_OK) == 0 ? "exists" : errno_name(errno));
	printf("b: %s\n", access("b", F_OK) == 0 ? "exists" : errno_name(errno));
	struct stat st;
	CHECK_OK(stat("b", &st));
	printf("nlink %lu\n", (unsigned long)st.st_nlink);
	return compat_done();
}
