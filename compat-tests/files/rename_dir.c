/* rename of folders: to a new name (its contents follow), over an empty
 * folder (replaced); over a non-empty folder ENOTEMPTY; into its own
 * subfolder EINVAL; "." or ".." as a name EBUSY/EINVAL. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("a", 0755));
	CHECK_OK(mkdir("a/sub", 0755));
	close(open("a/sub/f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(mkdir("empty", 0755));
	CHECK_OK(mkdir("full", 0755));
	close(open("full/x", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(rename("a", "b"));
	printf("contents moved: %s\n", access("b/sub/f", F_OK) == 0 ? "yes" : "no");
	CHECK_ERR(access("a", F_OK), ENOENT);
	CHECK_OK(rename("b", "empty"));
	printf("over an empty folder: %s\n", access("empty/sub/f", F_OK) == 0 ? "yes" : "no");
	CHECK_ERR(rename("empty", "full"), ENOTEMPTY);
	CHECK_ERR(rename("empty", "empty/sub/inner"), EINVAL);
	CHECK_ERR(rename("empty", "empty/new"), EINVAL);
	CHECK_ERR(rename("empty/sub", "empty/sub/new"), EINVAL);
	CHECK_ERR(rename(".", "x"), EBUSY);
	CHECK_ERR(rename("empty/sub/.", "x"), EBUSY);
	CHECK_ERR(rename("empty/..", "x"), EBUSY);
	CHECK_OK(rename("empty/sub", "sub"));
	CHECK_OK(rename("sub", "empty/sub"));
	struct stat st;
	CHECK_OK(stat("empty", &st));
	printf("nlink of the parent after moving a subfolder out and back: %lu\n",
	       (unsigned long)st.st_nlink);
	return compat_done();
}
