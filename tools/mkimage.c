/*
 * tools/mkimage.c - build keel's boot image: a cpio (newc) archive with one
 * program, every file its dynamic linker will open, extra files the user
 * names, and the program's command line.
 *
 * usage: mkimage -o OUT.cpio [--add HOSTPATH[:IMAGEPATH]]... [--env K=V]...
 *                [--root DIR] [--keep-mtime] [--list] BINARY [-- ARGS...]
 *
 *   -o OUT.cpio      the image to write (written to OUT.cpio.tmp, then renamed,
 *                    so a failed run leaves no output behind)
 *   --add H[:I]      copy the host file or, recursively, folder H into the
 *                    image at I (default: at H). An absolute H is looked up
 *                    under --root, a relative one in the current directory.
 *   --env K=V        put K=V in the program's environment
 *   --root DIR       take BINARY, its libraries and the search configuration
 *                    (/etc/ld.so.conf, ...) from the tree at DIR (a sysroot,
 *                    e.g. an unpacked Alpine filesystem) instead of /
 *   --keep-mtime     keep the host files' modification times (default: 0,
 *                    so the same inputs give the same image byte for byte)
 *   --list           print the image's entries instead of writing it
 *   BINARY           the program; a name without '/' is looked up in $PATH
 *   -- ARGS          the program's arguments (argv[1]...)
 *
 * How dependencies are found: like ldd, but by reading the files with libelf
 * and without running anything. BINARY's PT_INTERP and DT_NEEDED, then each
 * library's DT_NEEDED, transitively. A name is looked for as the program's
 * own dynamic linker would: for glibc, DT_RPATH of the requesting object and
 * the objects that loaded it (unless the requester has DT_RUNPATH),
 * LD_LIBRARY_PATH (if given with --env), DT_RUNPATH, the directories of
 * /etc/ld.so.conf (with its includes), then /lib/x86_64-linux-gnu,
 * /usr/lib/x86_64-linux-gnu, /lib64, /usr/lib64, /lib, /usr/lib; $ORIGIN,
 * $LIB and $PLATFORM are expanded. For musl (PT_INTERP /lib/ld-musl-*),
 * LD_LIBRARY_PATH, the rpath chain, /usr/lib/musl/lib, /usr/local/musl/lib,
 * then the directories of /etc/ld-musl-x86_64.path (musl's default
 * /lib:/usr/local/lib:/usr/lib without one); glibc's directories are not
 * searched, since musl never looks there and glibc-built libraries would
 * not work with it. musl's libc.so, libpthread.so, libm.so... are its
 * dynamic linker itself, so they need no file. A candidate that is not a
 * 64-bit x86-64 ELF file (a 32-bit library, a linker script) is skipped, as
 * ld.so skips it. A library found nowhere is an error naming it, who needs
 * it and where it was looked for.
 *
 * Files are stored at their host paths, so the paths ld.so opens at run time
 * resolve in the image as on the host: every symlink met on the way (the
 * /lib64/ld-linux-x86-64.so.2 -> /lib/x86_64-linux-gnu/... link, the
 * libfoo.so.1 -> libfoo.so.1.2.3 link, /lib -> usr/lib on merged-/usr
 * systems) is stored as a symlink, and its target too. argv[0] is BINARY's
 * path as given (made absolute), not the resolved one: a multi-call binary
 * such as busybox looks at argv[0]. If a library came from a directory the
 * run-time linker does not search by default, the file that tells it where
 * to look is added (glibc's /etc/ld.so.cache; musl's path file, generated
 * when the host has none that lists the directory).
 *
 * BINARY and its interpreter must also pass keel's own ELF checks
 * (elf/parse.c, the ones the kernel's launcher runs); a library that fails
 * them gets a warning, as only keel's linked mode would load it itself.
 *
 * The image: entries sorted by path and deduplicated, names without the
 * leading "/", every folder (parents included) an entry of its own with
 * mode 0755, files with their host permissions, symlinks as symlinks,
 * uid/gid 0, ending with TRAILER!!! and zero-padded to 512 bytes. The
 * command line is the file /.keel/cmdline, read by the kernel; for
 * `mkimage -o ls.cpio --env LANG=C.UTF-8 /bin/ls -- -l`:
 *
 *     keel-cmdline-v1
 *     argv /bin/ls
 *     argv -l
 *     env LANG=C.UTF-8
 *
 * one word per line, a newline inside a word written as \n and a backslash
 * as \\ (nothing else is escaped).
 *
 * The code: this file (command line, /.keel/cmdline, shared helpers),
 * mkimage_tree.c (entries, host trees and symlinks), mkimage_deps.c (ELF
 * dependencies), mkimage_cpio.c (the archive), mkimage_elfcheck.c (keel's
 * own ELF checks); mkimage.h ties them together. Built by
 * tools/mkimage.mk; tested by tools/tests/test_mkimage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <libelf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "mkimage.h"

static const char usage_text[] =
	"usage: mkimage -o OUT.cpio [--add HOSTPATH[:IMAGEPATH]]... [--env K=V]...\n"
	"               [--root DIR] [--keep-mtime] [--list] BINARY [-- ARGS...]\n"
	"\n"
	"Build a keel boot image (cpio newc) holding BINARY, its ELF interpreter and\n"
	"shared libraries (found by reading DT_NEEDED, like ldd without running it),\n"
	"the --add files, and /.keel/cmdline with argv (BINARY, ARGS) and the --env\n"
	"environment.\n"
	"\n"
	"  -o OUT.cpio     output file\n"
	"  --add H[:I]     copy host file or folder H into the image at I (default H)\n"
	"  --env K=V       environment variable for the program\n"
	"  --root DIR      take BINARY and its libraries from the tree at DIR\n"
	"  --keep-mtime    keep host modification times (default 0: reproducible)\n"
	"  --list          print the image's entries instead of writing it\n";

/* ---- small helpers ---------------------------------------------------- */

static char *tmp_out; /* removed if we die while writing it */

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mkimage: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	if (tmp_out)
		unlink(tmp_out);
	exit(1);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("mkimage: warning: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		die("out of memory");
	return d;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

void sl_add(struct strlist *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrdup(s);
}

bool sl_has(const struct strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return true;
	return false;
}

void sl_add_unique(struct strlist *l, const char *s)
{
	if (!sl_has(l, s))
		sl_add(l, s);
}

/*
 * Lexically clean an absolute path: collapse "//" and "/./", drop a trailing
 * "/". ".." is kept: only a walk through the real tree knows what it means.
 */
char *clean_path(const char *in)
{
	char *out = xmalloc(strlen(in) + 2), *o = out;

	for (const char *p = in; *p;) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		const char *end = strchrnul(p, '/');
		if (!(end - p == 1 && p[0] == '.')) {
			*o++ = '/';
			memcpy(o, p, end - p);
			o += end - p;
		}
		p = end;
	}
	if (o == out)
		*o++ = '/';
	*o = 0;
	return out;
}

/* "a" + "/" + "b" for an absolute directory a ("/" included). */
char *path_join(const char *dir, const char *name)
{
	return xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", name);
}

char *path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || slash == path)
		return xstrdup("/");
	return strndup(path, slash - path);
}

const char *path_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Is path equal to dir or below it? */
bool path_within(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (strcmp(dir, "/") == 0)
		return true;
	return strncmp(path, dir, n) == 0 && (path[n] == 0 || path[n] == '/');
}

void split_dirs(const char *list, const char *seps, struct strlist *out)
{
	char *copy = xstrdup(list);
	for (char *save, *t = strtok_r(copy, seps, &save); t; t = strtok_r(NULL, seps, &save)) {
		char *c = clean_path(t);
		if (t[0] == '/')
			sl_add_unique(out, c);
		free(c);
	}
	free(copy);
}

/* ---- /.keel/cmdline --------------------------------------------------- */

static void append_word(char **buf, size_t *len, size_t *cap, const char *kind, const char *w)
{
	size_t need = *len + strlen(kind) + 2 * strlen(w) + 3;
	if (need > *cap) {
		*cap = 2 * need;
		*buf = xrealloc(*buf, *cap);
	}
	char *p = *buf + *len;
	p += sprintf(p, "%s ", kind);
	for (; *w; w++) {
		if (*w == '\n')
			*p++ = '\\', *p++ = 'n';
		else if (*w == '\\')
			*p++ = '\\', *p++ = '\\';
		else
			*p++ = *w;
	}
	*p++ = '\n';
	*len = p - *buf;
}

static void put_cmdline(const char *argv0, char **args, int nargs, const struct strlist *env)
{
	size_t cap = 256, len = 0;
	char *buf = xmalloc(cap);

	len = sprintf(buf, "keel-cmdline-v1\n");
	append_word(&buf, &len, &cap, "argv", argv0);
	for (int i = 0; i < nargs; i++)
		append_word(&buf, &len, &cap, "argv", args[i]);
	for (size_t i = 0; i < env->n; i++)
		append_word(&buf, &len, &cap, "env", env->v[i]);
	buf[len] = 0;
	put("/.keel/cmdline", K_DATA, 0644, len, 0, NULL, buf);
	free(buf);
}

/* ---- main ------------------------------------------------------------- */

/* Exit 0 with the usage on stdout for --help; exit 2 with msg and the usage on stderr. */
static void __attribute__((noreturn)) usage(const char *msg)
{
	if (msg && *msg)
		fprintf(stderr, "mkimage: %s\n", msg);
	fputs(usage_text, msg ? stderr : stdout);
	exit(msg ? 2 : 0);
}

/* --opt VALUE or --opt=VALUE */
static const char *opt_arg(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n))
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n])
		return NULL;
	if (*i + 1 >= argc) {
		char msg[64];
		snprintf(msg, sizeof(msg), "%s needs a value", name);
		usage(msg);
	}
	return argv[++*i];
}

/* BINARY as the program will name it: absolute, cleaned, looked up in $PATH if bare. */
static char *program_path(const char *arg)
{
	if (!strchr(arg, '/')) {
		const char *path = getenv("PATH");
		struct strlist dirs = { 0 };
		split_dirs(path ? path : "/usr/local/bin:/usr/bin:/bin", ":", &dirs);
		for (size_t i = 0; i < dirs.n; i++) {
			char *cand = path_join(dirs.v[i], arg), *h = hostp(sysroot, cand);
			struct stat st;
			bool ok = stat(h, &st) == 0 && S_ISREG(st.st_mode) && access(h, X_OK) == 0;
			free(h);
			if (ok)
				return cand;
			free(cand);
		}
		die("%s: not found in $PATH", arg);
	}
	if (arg[0] == '/')
		return clean_path(arg);
	if (sysroot[0])
		die("%s: with --root, BINARY must be an absolute path inside the root", arg);
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		die("getcwd: %s", strerror(errno));
	char *abs = xasprintf("%s/%s", cwd, arg), *c = clean_path(abs);
	free(abs), free(cwd);
	return c;
}

int main(int argc, char **argv)
{
	const char *out = NULL, *binary = NULL, *v;
	struct strlist adds = { 0 }, env = { 0 };
	bool list = false;
	int i, nargs = 0;
	char **args = NULL;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			args = argv + i + 1;
			nargs = argc - i - 1;
			break;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(NULL);
		} else if (strcmp(argv[i], "-o") == 0) {
			if (++i >= argc)
				usage("-o needs a file name");
			out = argv[i];
		} else if ((v = opt_arg(argc, argv, &i, "--output"))) {
			out = v;
		} else if ((v = opt_arg(argc, argv, &i, "--add"))) {
			sl_add(&adds, v);
		} else if ((v = opt_arg(argc, argv, &i, "--env"))) {
			if (!strchr(v, '=') || v[0] == '=')
				die("--env %s: expected NAME=VALUE", v);
			sl_add(&env, v);
		} else if ((v = opt_arg(argc, argv, &i, "--root"))) {
			char *r = realpath(v, NULL);
			if (!r)
				die("--root %s: %s", v, strerror(errno));
			sysroot = strcmp(r, "/") ? r : "";
		} else if (strcmp(argv[i], "--keep-mtime") == 0) {
			keep_mtime = true;
		} else if (strcmp(argv[i], "--list") == 0) {
			list = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "mkimage: unknown option %s\n", argv[i]);
			usage("");
		} else if (!binary) {
			binary = argv[i];
		} else {
			fprintf(stderr, "mkimage: unexpected argument %s (program arguments go after --)\n",
				argv[i]);
			usage("");
		}
	}
	if (!binary)
		usage("no BINARY given");
	if (!out && !list)
		usage("no output file (-o OUT.cpio) given");
	if (sysroot[0]) {
		struct stat st;
		if (stat(sysroot, &st) || !S_ISDIR(st.st_mode))
			die("--root %s: not a folder", sysroot);
	}
	if (elf_version(EV_CURRENT) == EV_NONE)
		die("libelf: %s", elf_errmsg(-1));
	for (size_t k = 0; k < env.n; k++)
		if (strncmp(env.v[k], "LD_LIBRARY_PATH=", 16) == 0)
			deps_add_libpath(env.v[k] + 16);

	/* Stage 1: everything goes into the entry table; nothing is written yet. */
	deps_load_config();
	char *prog = program_path(binary);
	deps_add_program(prog);
	put_cmdline(prog, args, nargs, &env);
	for (size_t k = 0; k < adds.n; k++)
		add_spec(adds.v[k]);

	/* Stage 2: sort (parents sort before their children), write, rename. */
	image_sort();
	size_t nfiles = 0, nlinks = 0, ndirs = 0;
	uint64_t data = 0;
	for (size_t k = 0; k < nents; k++) {
		nfiles += ents[k].kind == K_FILE || ents[k].kind == K_DATA;
		nlinks += ents[k].kind == K_LINK;
		ndirs += ents[k].kind == K_DIR;
		data += ents[k].kind == K_DIR ? 0 : ents[k].size;
	}
	uint64_t bytes = 0;
	if (list) {
		image_list();
	} else {
		tmp_out = xasprintf("%s.tmp", out);
		FILE *f = fopen(tmp_out, "wb");
		if (!f) {
			int e = errno;
			free(tmp_out);
			tmp_out = NULL;
			die("%s.tmp: %s", out, strerror(e));
		}
		bytes = image_write(f, out);
		if (fclose(f))
			die("%s: %s", out, strerror(errno));
		if (rename(tmp_out, out))
			die("rename %s to %s: %s", tmp_out, out, strerror(errno));
		free(tmp_out);
		tmp_out = NULL;
	}
	char image[64] = "", interp[PATH_MAX + 32];
	if (!list)
		snprintf(image, sizeof(image), ", image %llu bytes", (unsigned long long)bytes);
	snprintf(interp, sizeof(interp), "%s%s", deps_interp() ? "interpreter " : "static",
		 deps_interp() ? deps_interp() : "");
	printf("mkimage: %s: %zu files, %zu symlinks, %zu directories, %llu bytes of data%s; %s, "
	       "%zu libraries\n",
	       list ? "(--list, nothing written)" : out, nfiles, nlinks, ndirs,
	       (unsigned long long)data, image, interp, deps_nlibs());
	return 0;
}
