/*
 * tools/mkimage_cpio.c - write the image's entries as a cpio archive in the
 * "newc" format (the one the Linux kernel's initramfs reads, and keel's).
 *
 * Each record is a 110-byte ASCII header ("070701" and thirteen 8-digit hex
 * fields: ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor,
 * rdevmajor, rdevminor, namesize including the NUL, check), the NUL-
 * terminated name, then the data; header+name and data are each padded
 * with zeros to a multiple of 4 bytes. A symlink's data is its target. The
 * last record is named TRAILER!!!, and the archive is padded to 512 bytes
 * as cpio(1) does. Names are relative ("usr/bin/ls"), entries sorted by
 * name (so a folder comes before what it holds), inode numbers are the
 * position in that order, uid/gid 0: the same entries give the same bytes.
 *
 * Called by mkimage.c after every entry is known.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "mkimage.h"

/* ---- writing the archive ---------------------------------------------- */

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

/* Sort by path; a folder's path is a prefix of its contents', so it sorts first. */
void image_sort(void)
{
	qsort(ents, nents, sizeof(*ents), cmp_entry);
}

static void xwrite(FILE *f, const void *p, size_t n, const char *out)
{
	if (n && fwrite(p, 1, n, f) != n)
		die("%s: %s", out, strerror(errno));
}

static void pad4(FILE *f, uint64_t *off, const char *out)
{
	static const char zero[4];
	xwrite(f, zero, (4 - *off % 4) % 4, out);
	*off += (4 - *off % 4) % 4;
}

/* One newc record: header, NUL-terminated name, data, each padded to 4 bytes. */
static void write_record(FILE *f, uint64_t *off, unsigned ino, unsigned mode, unsigned nlink,
			 int64_t mtime, uint64_t size, const char *name, const char *out)
{
	char hdr[111];
	if (size > 0xffffffffULL)
		die("%s: larger than 4 GiB, which cpio newc cannot hold", name);
	snprintf(hdr, sizeof(hdr),
		 "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", ino, mode, 0, 0,
		 nlink, (unsigned)mtime, (unsigned)size, 0, 0, 0, 0, (unsigned)strlen(name) + 1, 0);
	xwrite(f, hdr, 110, out);
	xwrite(f, name, strlen(name) + 1, out);
	*off += 110 + strlen(name) + 1;
	pad4(f, off, out);
}

static void copy_file(FILE *f, const struct entry *e, const char *out)
{
	FILE *in = fopen(e->src, "rb");
	char buf[65536];
	uint64_t left = e->size;

	if (!in)
		die("%s: %s", e->src, strerror(errno));
	while (left) {
		size_t n = fread(buf, 1, left < sizeof(buf) ? left : sizeof(buf), in);
		if (!n)
			die("%s: changed size while the image was written", e->src);
		xwrite(f, buf, n, out);
		left -= n;
	}
	if (fgetc(in) != EOF)
		die("%s: changed size while the image was written", e->src);
	fclose(in);
}

uint64_t image_write(FILE *f, const char *out)
{
	static const unsigned type_bits[] = { 0040000, 0100000, 0120000, 0100000 };
	uint64_t off = 0;

	for (size_t i = 0; i < nents; i++) {
		const struct entry *e = &ents[i];
		write_record(f, &off, i + 1, type_bits[e->kind] | e->mode, e->kind == K_DIR ? 2 : 1,
			     e->mtime, e->kind == K_DIR ? 0 : e->size, e->path + 1, out);
		if (e->kind == K_FILE)
			copy_file(f, e, out);
		else if (e->kind != K_DIR)
			xwrite(f, e->data, e->size, out);
		off += e->kind == K_DIR ? 0 : e->size;
		pad4(f, &off, out);
	}
	write_record(f, &off, 0, 0, 1, 0, 0, "TRAILER!!!", out);
	static const char zero[512];
	xwrite(f, zero, (512 - off % 512) % 512, out);
	return off + (512 - off % 512) % 512;
}

/* --list: one line per entry, as ls -l would show it. */
void image_list(void)
{
	static const char type_char[] = { 'd', '-', 'l', '-' };
	for (size_t i = 0; i < nents; i++) {
		const struct entry *e = &ents[i];
		printf("%c %04o %10llu %s%s%s\n", type_char[e->kind], e->mode,
		       (unsigned long long)(e->kind == K_DIR ? 0 : e->size), e->path,
		       e->kind == K_LINK ? " -> " : "", e->kind == K_LINK ? e->data : "");
	}
}

