/*
 * tools/mkimage_elfcheck.c - run keel's own ELF header checks (elf/parse.c)
 * on a host file, for tools/mkimage.
 *
 * mkimage reads dependencies with libelf, but whether keel will accept the
 * program is decided by elf_parse(); running it at image-build time turns
 * "the guest refused to start" into an error on the build host naming the
 * broken rule. This is a file of its own because elf/elf.h takes the ELF
 * types from <linux/elf.h>, which cannot share a translation unit with
 * libelf's <elf.h>; the interface below uses neither.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "elf.h"

/*
 * Check the headers of the file at path. Reads only the header area (as the
 * launcher will), growing the read as elf_header_bytes() asks.
 * Return: NULL if keel would accept the file, else a static sentence
 * (strerror's for I/O failures).
 */
const char *mkimage_elf_check(const char *path)
{
	const char *why = NULL;
	struct stat st;
	struct elf_image img;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return strerror(errno);
	if (fstat(fd, &st)) {
		why = strerror(errno);
		goto out_close;
	}
	uint64_t len = st.st_size < 4096 ? (uint64_t)st.st_size : 4096;
	void *buf = NULL;
	for (int round = 0; round < 4; round++) {
		free(buf);
		buf = malloc(len ? len : 1); /* malloc's alignment satisfies elf_parse */
		if (!buf) {
			why = strerror(ENOMEM);
			goto out_close;
		}
		ssize_t got = pread(fd, buf, len, 0);
		if (got < 0 || (uint64_t)got != len) {
			why = got < 0 ? strerror(errno) : "file changed while being read";
			goto out_free;
		}
		uint64_t need = elf_header_bytes(buf, len);
		if (need <= len || len == (uint64_t)st.st_size)
			break;
		len = need < (uint64_t)st.st_size ? need : (uint64_t)st.st_size;
	}
	if (elf_parse(buf, len, st.st_size, &img, &why) == 0)
		why = NULL;
out_free:
	free(buf);
out_close:
	close(fd);
	return why;
}
