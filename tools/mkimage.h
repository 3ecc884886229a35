/*
 * tools/mkimage.h - what the image builder's files share.
 *
 * mkimage (usage and design in mkimage.c) runs in two stages: every file
 * of the image is first recorded as an entry (mkimage_tree.c: entries,
 * host-tree walks with their symlinks; mkimage_deps.c: the program and its
 * libraries), and only then is the archive written (mkimage_cpio.c). So an
 * error found anywhere, such as a missing library, leaves no output behind.
 * A host tool: errors are fatal through die(), nothing is freed at exit.
 */
#ifndef KEEL_MKIMAGE_H
#define KEEL_MKIMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* mkimage.c: messages, allocation, string lists, path strings */
void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...);
void __attribute__((format(printf, 1, 2))) warn(const char *fmt, ...);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *__attribute__((format(printf, 1, 2))) xasprintf(const char *fmt, ...);

struct strlist {
	char **v;
	size_t n, cap;
};
void sl_add(struct strlist *l, const char *s);
bool sl_has(const struct strlist *l, const char *s);
void sl_add_unique(struct strlist *l, const char *s);
/* Split list at any of seps; keep the absolute entries, cleaned, once each. */
void split_dirs(const char *list, const char *seps, struct strlist *out);

char *clean_path(const char *in);
char *path_join(const char *dir, const char *name);
char *path_dir(const char *path);
const char *path_base(const char *path);
bool path_within(const char *path, const char *dir);

/* mkimage_tree.c: the image's entries and the host trees they come from */
enum kind { K_DIR, K_FILE, K_LINK, K_DATA };

struct entry {
	char *path;	/* absolute image path */
	enum kind kind;
	unsigned mode;	/* permission bits */
	uint64_t size;
	int64_t mtime;
	char *src;	/* K_FILE: host file to copy */
	char *data;	/* K_LINK: target; K_DATA: contents */
	bool walked;	/* K_DIR: its host folder has been copied already */
};

extern struct entry *ents;	/* every entry, in insertion order until sorted */
extern size_t nents;
extern bool keep_mtime;		/* --keep-mtime */
extern const char *sysroot;	/* --root DIR, or "" for the host itself */

void put(const char *path, enum kind kind, unsigned mode, uint64_t size, int64_t mtime,
	 const char *src, const char *data);
char *hostp(const char *root, const char *path);
char *resolve(const char *root, const char *path, bool follow_last, bool record);
int add_same(const char *root, const char *path);
void add_spec(const char *spec);

/* mkimage_deps.c: the program, its interpreter and its libraries */
void deps_load_config(void);
void deps_add_libpath(const char *ld_library_path);
void deps_add_program(const char *binary);
const char *deps_interp(void);	/* NULL for a static program */
size_t deps_nlibs(void);

/* mkimage_cpio.c: the archive */
void image_sort(void);
uint64_t image_write(FILE *f, const char *out);
void image_list(void);

/* mkimage_elfcheck.c: keel's own header checks (elf/parse.c) on a host file */
const char *mkimage_elf_check(const char *path);

#endif
