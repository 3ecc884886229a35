/* Path walk: repeated slashes count as one; a trailing slash is fine on a
 * folder (and on a symlink to one) but ENOTDIR on a file; "file/." and
 * "file/.." are ENOTDIR too. */
#define _GNU_SOURCE
#include "compat.h"
#include "tmpdir.h"
#include <fcntl.h>
#include <sys/stat.h>

static void try(const char *p)
{
	struct stat st;
	if (stat(p, &st) == 0)
		printf("%-16s %s\n", p, S_ISDIR(st.st_mode) ? "folder" : "file");
	else
		printf("%-16s %s\n", p, errno_name(errno));
}

int main(void)
{
	compat_tmpdir();
	CHECK_OK(mkdir("d", 0755));
	close(open("d/f", O_CREAT | O_WRONLY, 0644));
	CHECK_OK(symlink("d", "ld"));
	CHECK_OK(symlink("d/f", "lf"));
	try("d//f");
	try(".//d///f");
	try("d/");
	try("d//");
	try("ld/");
	try("d/f/");
	try("d/f//");
	try("lf/");
	try("d/f/.");
	try("d/f/..");
	try("d/missing/");
	CHECK_ERR(open("d/f/", O_RDONLY), ENOTDIR);
	CHECK_ERR(open("d/new/", O_CREAT | O_WRONLY, 0644), EISDIR);
	CHECK_ERR(unlink("d/f/"), ENOTDIR);
	CHECK_ERR(rename("d/f/", "g"), ENOTDIR);
	CHECK_ERR(rename("d/f", "g/"), ENOTDIR);
	struct stat st;
	CHECK_OK(lstat("ld/", &st));
	printf("lstat(\"ld/\") follows the link: %s\n", S_ISDIR(st.st_mode) ? "yes" : "no");
	CHECK_OK(stat("//", &st));
	printf("// is a folder: %s\n", S_ISDIR(st.st_mode) ? "yes" : "no");
	return compat_done();
}
