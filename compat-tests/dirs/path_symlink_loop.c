/* Symlink loops give ELOOP: a link to itself, two links to each other, a
 * loop met in the middle of a path; a chain of 40 links resolves, 41 is
 * ELOOP (Linux's limit). */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void)
{
	compat_tmpdir();
	CHECK_OK(symlink("self", "self"));
	CHECK_OK(symlink("b", "a"));
	CHECK_OK(symlink("a", "b"));
	struct stat st;
	CHECK_ERR(stat("self", &st), ELOOP);
	CHECK_ERR(open("a", O_RDONLY), ELOOP);
	CHECK_ERR(open("a", O_CREAT | O_WRONLY, 0644), ELOOP);
	CHECK_ERR(stat("a/x", &st), ELOOP);
	CHECK_ERR(chdir("b"), ELOOP);
	CHECK_OK(lstat("a", &st));
	printf("lstat of a looping link: symlink %d\n", S_ISLNK(st.st_mode));
	close(open("target", O_CREAT | O_WRONLY, 0644));
	char name[16], prev[16] = "target";
	for (int i = 1; i <= 41; i++) {
		snprintf(name, sizeof name, "c%d", i);
		CHECK_OK(symlink(prev, name));
		snprintf(prev, sizeof prev, "%s", name);
	}
	printf("chain of 40: %s\n", stat("c40", &st) == 0 ? "resolves" : errno_name(errno));
	printf("chain of 41: %s\n", stat("c41", &st) == 0 ? "resolves" : errno_name(errno));
	return compat_done();
}
