/*
 * glibc_test.c - the glibc layer checked against glibc itself, on the host.
 *
 * tests/run builds this file twice: against the host's glibc (the
 * reference), and with -DKEEL_LAYER against the host's musl 1.2.3 (the
 * version the kernel's libc is) plus the layer's own sources compiled with
 * musl's internal headers. Each check prints one line "name: result"; run
 * compares the two outputs line by line. Where the layer overrides a name
 * musl defines differently, the layer build calls __keel_glibc_NAME, which
 * is what keel's linker binds a glibc program's NAME to (GNU()).
 *
 * Not covered here: what needs keel itself (the linker's bindings, the
 * COPY redirections, dladdr of loaded objects, the thread stack default
 * set by the __libc_start_main override).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <link.h>
#include <locale.h>
#include <pthread.h>
#include <regex.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#ifdef KEEL_LAYER
/* glibc's declarations that musl's headers lack: the layer's functions */
#define GNU(name) __keel_glibc_##name
typedef struct _ftsent {
	struct _ftsent *fts_cycle, *fts_parent, *fts_link;
	long fts_number;
	void *fts_pointer;
	char *fts_accpath, *fts_path;
	int fts_errno, fts_symfd;
	unsigned short fts_pathlen, fts_namelen;
	ino_t fts_ino;
	dev_t fts_dev;
	nlink_t fts_nlink;
	short fts_level;
	unsigned short fts_info, fts_flags, fts_instr;
	struct stat *fts_statp;
	char fts_name[1];
} FTSENT;
typedef struct FTS FTS;
FTS *fts_open(char *const *, int, int (*)(const FTSENT **, const FTSENT **));
FTSENT *fts_read(FTS *);
int fts_set(FTS *, FTSENT *, int);
int fts_close(FTS *);
#define FTS_COMFOLLOW 0x1
#define FTS_LOGICAL 0x2
#define FTS_NOCHDIR 0x4
#define FTS_NOSTAT 0x8
#define FTS_PHYSICAL 0x10
#define FTS_SKIP 4
struct _obstack_chunk {
	char *limit;
	struct _obstack_chunk *prev;
	char contents[4];
};
struct obstack {
	long chunk_size;
	struct _obstack_chunk *chunk;
	char *object_base, *next_free, *chunk_limit;
	union {
		ptrdiff_t tempint;
		void *tempptr;
	} temp;
	int alignment_mask;
	struct _obstack_chunk *(*chunkfun)(void *, long);
	void (*freefun)(void *, struct _obstack_chunk *);
	void *extra_arg;
	unsigned use_extra_arg : 1, maybe_empty_object : 1, alloc_failed : 1;
};
void _obstack_newchunk(struct obstack *, int);
int _obstack_begin(struct obstack *, int, int, void *(*)(long), void (*)(void *));
void obstack_free(struct obstack *, void *);
int _obstack_memory_used(struct obstack *);
int obstack_printf(struct obstack *, const char *, ...);
void error(int, int, const char *, ...);
void error_at_line(int, int, const char *, unsigned, const char *, ...);
extern unsigned int error_message_count;
extern int error_one_per_line;
extern void (*error_print_progname)(void);
size_t parse_printf_format(const char *, size_t, int *);
int backtrace(void **, int);
void backtrace_symbols_fd(void *const *, int, int);
const char *gnu_get_libc_version(void);
const char *gnu_get_libc_release(void);
void *rawmemchr(const void *, int);
const char *strerrordesc_np(int);
int rpmatch(const char *);
char *canonicalize_file_name(const char *);
uint32_t arc4random(void);
void arc4random_buf(void *, size_t);
uint32_t arc4random_uniform(uint32_t);
int statx(int, const char *, int, unsigned, void *);
int renameat2(int, const char *, int, const char *, unsigned);
int close_range(unsigned, unsigned, int);
int fcntl64(int, int, ...);
extern char __libc_single_threaded;
struct dl_find_object {
	unsigned long long dlfo_flags;
	void *dlfo_map_start, *dlfo_map_end;
	struct link_map *dlfo_link_map;
	void *dlfo_eh_frame;
	unsigned long long reserved[7];
};
int _dl_find_object(void *, struct dl_find_object *);
char *GNU(strerror_r)(int, char *, size_t);
char *GNU(basename)(const char *);
int GNU(getopt)(int, char *const[], const char *);
int GNU(getopt_long)(int, char *const[], const char *, const struct option *, int *);
locale_t GNU(newlocale)(int, const char *, locale_t);
locale_t GNU(duplocale)(locale_t);
size_t GNU(__strftime_l)(char *, size_t, const char *, const struct tm *, locale_t);
int GNU(pthread_create)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
int GNU(pthread_mutexattr_settype)(pthread_mutexattr_t *, int);
int GNU(pthread_attr_setstacksize)(pthread_attr_t *, size_t);
int GNU(__pthread_key_create)(pthread_key_t *, void (*)(void *));
int GNU(regcomp)(regex_t *, const char *, int);
int GNU(regexec)(const regex_t *, const char *, size_t, void *, int);
long GNU(sysconf)(int);
long __sysconf(int);
int GNU(gettimeofday)(struct timeval *, void *);
/* glibc's pthread_cleanup_push/pop for C, spelled out (its <pthread.h> macros) */
struct unwind_buf {
	long jb[8];
	int mask_was_saved;
	void *pad[4];
} __attribute__((aligned(16)));
void __pthread_register_cancel(struct unwind_buf *);
void __pthread_unregister_cancel(struct unwind_buf *);
_Noreturn void __pthread_unwind_next(struct unwind_buf *);
int __sigsetjmp(void *, int) __attribute__((returns_twice));
#define CLEANUP_PUSH(f, a)                                                  \
	do {                                                                \
		struct unwind_buf __b;                                      \
		void (*__r)(void *) = (f);                                  \
		void *__a = (a);                                            \
		if (__sigsetjmp(&__b, 0)) {                                 \
			__r(__a);                                           \
			__pthread_unwind_next(&__b);                        \
		}                                                           \
		__pthread_register_cancel(&__b);                            \
		do {
#define CLEANUP_POP(e)                                                      \
		} while (0);                                                \
		__pthread_unregister_cancel(&__b);                          \
		if (e)                                                      \
			__r(__a);                                           \
	} while (0)
int GNU(sched_getscheduler)(pid_t);
_Noreturn void GNU(__assert_fail)(const char *, const char *, unsigned, const char *);
_Noreturn void GNU(exit)(int);
#else
#include <error.h>
#include <execinfo.h>
#include <fts.h>
#include <gnu/libc-version.h>
#include <obstack.h>
#include <printf.h>
#include <sys/random.h>
#include <sys/single_threaded.h>
#define GNU(name) name
#define CLEANUP_PUSH pthread_cleanup_push
#define CLEANUP_POP pthread_cleanup_pop
_Noreturn void __assert_fail(const char *, const char *, unsigned, const char *);
size_t __strftime_l(char *, size_t, const char *, const struct tm *, locale_t);
int __pthread_key_create(pthread_key_t *, void (*)(void *));
#endif

/* glibc's fortified entry points and the rest of the ABI, in both builds */
void *__memcpy_chk(void *, const void *, size_t, size_t);
void *__memset_chk(void *, int, size_t, size_t);
char *__strcpy_chk(char *, const char *, size_t);
char *__stpcpy_chk(char *, const char *, size_t);
char *__strcat_chk(char *, const char *, size_t);
char *__strncat_chk(char *, const char *, size_t, size_t);
char *__strncpy_chk(char *, const char *, size_t, size_t);
int __sprintf_chk(char *, int, size_t, const char *, ...);
int __snprintf_chk(char *, size_t, int, size_t, const char *, ...);
int __asprintf_chk(char **, int, const char *, ...);
ssize_t __read_chk(int, void *, size_t, size_t);
char *__realpath_chk(const char *, char *, size_t);
long __fdelt_chk(long);
int __open_2(const char *, int);
void __longjmp_chk(jmp_buf, int);
int __cxa_thread_atexit_impl(void (*)(void *), void *, void *);
int __register_atfork(void (*)(void), void (*)(void), void (*)(void), void *);
extern void *__dso_handle;

#define CHECK(name, ...) (printf("%s: ", name), printf(__VA_ARGS__), putchar('\n'), fflush(stdout))

/* run fn in a child with stderr captured: "<stderr> | status" */
static void in_child(const char *name, void (*fn)(void))
{
	int p[2];
	char buf[512];
	if (pipe(p))
		abort();
	fflush(stdout);
	pid_t pid = fork();
	if (!pid) {
		dup2(p[1], 2);
		fn();
		fflush(stderr);
		_exit(0);
	}
	close(p[1]);
	ssize_t n = 0, r;
	while ((r = read(p[0], buf + n, sizeof buf - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	close(p[0]);
	int st;
	waitpid(pid, &st, 0);
	for (char *c = buf; *c; c++)
		if (*c == '\n')
			*c = '|';
	CHECK(name, "%s %s %d", buf, WIFSIGNALED(st) ? "signal" : "exit",
	      WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
}

/* --- fortify --- */
static char small[10];
static void memcpy_overflow(void) { __memcpy_chk(small, "0123456789abcdef", 16, sizeof small); }
static void strcpy_overflow(void) { __strcpy_chk(small, "0123456789", sizeof small); }
static void strcat_overflow(void) { strcpy(small, "01234"); __strcat_chk(small, "56789", sizeof small); }
static void sprintf_overflow(void) { __sprintf_chk(small, 1, sizeof small, "%s", "0123456789"); }
static void snprintf_badlen(void) { __snprintf_chk(small, 20, 1, sizeof small, "x"); }
static void read_overflow(void) { __read_chk(0, small, 20, sizeof small); }
static void fdelt_overflow(void) { __fdelt_chk(FD_SETSIZE); }
static void open_creat(void) { __open_2("/tmp/none", O_CREAT | O_WRONLY); }
static void realpath_small(void) { __realpath_chk("/", small, sizeof small); }

static void check_fortify(void)
{
	char b[32], *p;
	int n;
	CHECK("memcpy_chk ok", "%s", (char *)__memcpy_chk(b, "abc", 4, sizeof b));
	CHECK("stpcpy_chk", "%td", __stpcpy_chk(b, "hello", sizeof b) - b);
	__strncat_chk(b, "world!!", 5, sizeof b);
	CHECK("strncat_chk", "%s", b);
	__strncpy_chk(b, "xy", 5, sizeof b);
	CHECK("strncpy_chk", "%s %d", b, b[4]);
	__memset_chk(b, 'z', 3, sizeof b);
	CHECK("memset_chk", "%.3s", b);
	n = __snprintf_chk(b, 8, 1, sizeof b, "%d-%s", 42, "abcdef");
	CHECK("snprintf_chk", "%d %s", n, b);
	n = __sprintf_chk(b, 1, sizeof b, "%05.1f", 3.14159);
	CHECK("sprintf_chk", "%d %s", n, b);
	n = __asprintf_chk(&p, 1, "%x", 255);
	CHECK("asprintf_chk", "%d %s", n, p);
	free(p);
	CHECK("fdelt_chk", "%ld %ld", __fdelt_chk(5), __fdelt_chk(130));
	in_child("memcpy_chk overflow", memcpy_overflow);
	in_child("strcpy_chk overflow", strcpy_overflow);
	in_child("strcat_chk overflow", strcat_overflow);
	in_child("sprintf_chk overflow", sprintf_overflow);
	in_child("snprintf_chk slen<maxlen", snprintf_badlen);
	in_child("read_chk overflow", read_overflow);
	in_child("fdelt_chk overflow", fdelt_overflow);
	in_child("open_2 O_CREAT", open_creat);
	in_child("realpath_chk small", realpath_small);
}

static jmp_buf jb;
static void jump_back(void) { __longjmp_chk(jb, 7); }
static void check_longjmp(void)
{
	int v = setjmp(jb);
	if (!v)
		jump_back();
	CHECK("longjmp_chk", "%d", v);
}

/* --- error --- */
static void print_pp(void) { fputs("PP", stderr); }
static void errors(void)
{
	program_invocation_name = "prog";
	error(0, ENOENT, "msg %d", 1);
	error(0, 0, "plain");
	error_at_line(0, EACCES, "file.c", 12, "at %s", "line");
	error_at_line(0, 0, NULL, 12, "nullfile");
	error_print_progname = print_pp;
	error(0, 0, "pp");
	error_at_line(0, 0, "f.c", 3, "x");
	error_at_line(0, 0, NULL, 3, "y");
	error_print_progname = 0;
	error_one_per_line = 1;
	error_at_line(0, 0, "f.c", 4, "first");
	error_at_line(0, 0, "f.c", 4, "repeated");
	error_at_line(0, 0, "f.c", 5, "next");
	fprintf(stderr, "count %u", error_message_count);
	error(3, 0, "exits");
}
static void check_error(void) { in_child("error", errors); }

static void assert_fails(void)
{
	program_invocation_short_name = "prog";
	GNU(__assert_fail)("x == 2", "file.c", 3, "func");
}
static void assert_nofunc(void)
{
	program_invocation_short_name = "";
	GNU(__assert_fail)("e", "f.c", 9, NULL);
}

/* --- strings --- */
static void check_strings(void)
{
	char buf[64], s[] = "abcdef";
	CHECK("strerror_r known", "%s", GNU(strerror_r)(ENOENT, buf, sizeof buf));
	CHECK("strerror_r unknown", "%s", GNU(strerror_r)(99999, buf, sizeof buf));
	CHECK("strerrordesc_np", "%s|%s|%s", strerrordesc_np(0), strerrordesc_np(EACCES),
	      strerrordesc_np(99999) ? "?" : "NULL");
	CHECK("rawmemchr", "%td %td", (char *)rawmemchr(s, 'd') - s, (char *)rawmemchr(s, 0) - s);
	CHECK("basename", "[%s] [%s] [%s]", GNU(basename)("/usr/lib/"), GNU(basename)("a/b"),
	      GNU(basename)("x"));
	CHECK("rpmatch", "%d %d %d %d %d %d", rpmatch("y"), rpmatch("Yes"), rpmatch("n"),
	      rpmatch("No"), rpmatch("maybe"), rpmatch(""));
	char *c = canonicalize_file_name("/tmp/../tmp/.");
	CHECK("canonicalize_file_name", "%s", c);
	free(c);
	CHECK("gnu_get_libc", "%s %s", gnu_get_libc_version(), gnu_get_libc_release());
	in_child("assert", assert_fails);
	in_child("assert no function", assert_nofunc);
}

static void check_random(void)
{
	int ok = 1;
	unsigned char b[64] = { 0 }, any = 0;
	for (int i = 0; i < 1000; i++)
		ok &= arc4random_uniform(10) < 10;
	arc4random_buf(b, sizeof b);
	for (size_t i = 0; i < sizeof b; i++)
		any |= b[i];
	(void)arc4random();
	CHECK("arc4random", "%d %d %u", ok, any != 0, arc4random_uniform(1));
}

/* --- parse_printf_format --- */
static void check_printf_format(void)
{
	static const char *fmts[] = {
		"%d %s", "%5.*f %c", "%2$s %1$d", "%hhd %hd %ld %lld %Lf %zu %p",
		"%n %% %m %ls %lc %S %C %jd %td", "%*.*d|%-+ #0'x", "%hn %lln %e %a %G",
		"no conversion", "%3$*1$.*2$d", "%Ld %qd %lld %llf %Lf %hf %hhn %ln %hc %hs",
		"%lp %jx %Lc %lls %hhu %Zd %tn %I5d %'.3f", "%2$d", "%%", "%5", "%y %d", "%*d %*2$d",
	};
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		int t[16] = { 0 };
		size_t n = parse_printf_format(fmts[i], 16, t);
		printf("parse_printf_format %zu: %zu", i, n);
		for (size_t k = 0; k < n && k < 16; k++)
			printf(" %x", t[k]);
		putchar('\n');
	}
	int t[1];
	CHECK("parse_printf_format short array", "%zu", parse_printf_format("%d %d %d", 1, t));
}

/* --- fts --- */
static char tree[64];

static int by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

static void walk(const char *name, int options, const char *skip)
{
	char *paths[] = { tree, 0 };
	FTS *fts = fts_open(paths, options, by_name);
	FTSENT *e;
	printf("%s:", name);
	while ((e = fts_read(fts))) {
		printf(" %d/%d/%s%s", e->fts_level, e->fts_info, e->fts_path + strlen(tree),
		       strcmp(e->fts_accpath, e->fts_path) ? "(acc)" : "");
		if (skip && !strcmp(e->fts_name, skip) && e->fts_info == 1)
			fts_set(fts, e, FTS_SKIP);
	}
	printf(" end errno=%d\n", errno);
	fts_close(fts);
}

static void check_fts(void)
{
	char p[128];
	snprintf(tree, sizeof tree, "%s/fts-XXXXXX", getenv("GLIBC_TEST_DIR") ? getenv("GLIBC_TEST_DIR") : "/tmp");
	if (!mkdtemp(tree))
		abort();
#define AT(rel) (snprintf(p, sizeof p, "%s/%s", tree, rel), p)
	close(open(AT("a"), O_CREAT | O_WRONLY, 0644));
	mkdir(AT("b"), 0755);
	close(open(AT("b/c"), O_CREAT | O_WRONLY, 0644));
	mkdir(AT("e"), 0755);
	symlink("a", AT("l"));
	symlink("nowhere", AT("dangling"));
	walk("fts physical", FTS_PHYSICAL | FTS_NOCHDIR, 0);
	walk("fts logical", FTS_LOGICAL | FTS_NOCHDIR, 0);
	walk("fts skip b", FTS_PHYSICAL | FTS_NOCHDIR, "b");
	walk("fts nostat", FTS_PHYSICAL | FTS_NOCHDIR | FTS_NOSTAT, 0);
	char *bad[] = { "", 0 };
	errno = 0;
	FTS *f = fts_open(bad, FTS_PHYSICAL, 0);
	CHECK("fts empty path", "%s %d", f ? "opened" : "NULL", errno);
	char *none[] = { AT("missing"), 0 };
	f = fts_open(none, FTS_PHYSICAL, 0);
	FTSENT *e = fts_read(f);
	CHECK("fts missing root", "%d %d %s", e->fts_info, e->fts_errno, fts_read(f) ? "more" : "end");
	fts_close(f);
}

/* --- obstack, edited the way <obstack.h>'s macros do --- */
static void grow(struct obstack *h, const void *data, int len)
{
	if (h->chunk_limit - h->next_free < len)
		_obstack_newchunk(h, len);
	memcpy(h->next_free, data, len);
	h->next_free += len;
}

static void *finish(struct obstack *h)
{
	char *v = h->object_base;
	if (h->next_free == v)
		h->maybe_empty_object = 1;
	h->next_free = (char *)(((uintptr_t)h->next_free + h->alignment_mask) & ~(uintptr_t)h->alignment_mask);
	if (h->next_free > h->chunk_limit)
		h->next_free = h->chunk_limit;
	h->object_base = h->next_free;
	return v;
}

static void *chunk_alloc(long n) { return malloc(n); }

static void check_obstack(void)
{
	struct obstack ob;
	static char big[10000];
	memset(big, 'x', sizeof big);
	_obstack_begin(&ob, 0, 0, chunk_alloc, free);
	CHECK("obstack begin", "%ld %d %d", ob.chunk_size, ob.alignment_mask,
	      ((uintptr_t)ob.object_base & 15) == 0);
	grow(&ob, "hello", 6);
	char *first = finish(&ob);
	grow(&ob, "abc", 3);
	grow(&ob, big, sizeof big); /* a new chunk: "abc" moves with it */
	char *second = finish(&ob);
	obstack_printf(&ob, "n=%d %s", 42, "end");
	grow(&ob, "", 1);
	char *third = finish(&ob);
	CHECK("obstack objects", "%s %.3s %zu %s %d", first, second, strlen(second), third,
	      _obstack_memory_used(&ob) > 10000);
	obstack_free(&ob, second);
	CHECK("obstack free", "%d", ob.next_free == second);
	obstack_free(&ob, 0);
	_obstack_begin(&ob, 4000, 8, chunk_alloc, free);
	grow(&ob, "again", 6);
	CHECK("obstack free all, again", "%s %ld", (char *)finish(&ob), ob.chunk_size);
	obstack_free(&ob, 0);
}

/* --- contexts --- */
static ucontext_t uc_main, uc_fn;
static char fstack[65536];
static void fn(int a, int b, int c, int d, int e, int f, int g, int h)
{
	CHECK("makecontext args", "%d %d %d %d %d %d %d %d", a, b, c, d, e, f, g, h);
	swapcontext(&uc_fn, &uc_main);
	CHECK("context resumed", "yes");
}

static void check_context(void)
{
	volatile int n = 0;
	ucontext_t uc;
	getcontext(&uc);
	if (++n < 4)
		setcontext(&uc);
	CHECK("getcontext loop", "%d", n);
	getcontext(&uc_fn);
	uc_fn.uc_stack.ss_sp = fstack;
	uc_fn.uc_stack.ss_size = sizeof fstack;
	uc_fn.uc_link = &uc_main;
	makecontext(&uc_fn, (void (*)(void))fn, 8, 1, 2, 3, 4, 5, 6, 7, 8);
	swapcontext(&uc_main, &uc_fn);
	CHECK("back in main", "1");
	swapcontext(&uc_main, &uc_fn);
	CHECK("back in main after uc_link", "2");
}

/* --- threads --- */
static char order[64];
static void dtor(void *p)
{
	strcat(order, p);
	if (!strcmp(p, "C"))
		__cxa_thread_atexit_impl(dtor, "D", &__dso_handle);
}

static void *thread_fn(void *arg)
{
	(void)arg;
	__cxa_thread_atexit_impl(dtor, "A", &__dso_handle);
	__cxa_thread_atexit_impl(dtor, "B", &__dso_handle);
	__cxa_thread_atexit_impl(dtor, "C", &__dso_handle);
	return 0;
}

static char corder[64];
static void cleanup(void *p)
{
	strcat(corder, p);
}

static void *cleanup_thread(void *arg)
{
	__cxa_thread_atexit_impl(cleanup, "T", &__dso_handle);
	CLEANUP_PUSH(cleanup, "1");
	CLEANUP_PUSH(cleanup, "2");
	if (arg)
		pthread_exit((void *)7);
	CLEANUP_POP(0);
	CLEANUP_POP(1);
	return (void *)5;
}

static void *cancelled_thread(void *arg)
{
	(void)arg;
	CLEANUP_PUSH(cleanup, "c");
	for (;;) {
		usleep(1000);
		pthread_testcancel();
	}
	CLEANUP_POP(0);
	return 0;
}

static void check_cleanup(void)
{
	pthread_t t;
	void *r;
	GNU(pthread_create)(&t, 0, cleanup_thread, (void *)1);
	pthread_join(t, &r);
	CHECK("cleanup at pthread_exit", "%s %ld", corder, (long)r);
	corder[0] = 0;
	GNU(pthread_create)(&t, 0, cleanup_thread, 0);
	pthread_join(t, &r);
	CHECK("cleanup at return", "%s %ld", corder, (long)r);
	corder[0] = 0;
	GNU(pthread_create)(&t, 0, cancelled_thread, 0);
	usleep(20000);
	pthread_cancel(t);
	pthread_join(t, &r);
	CHECK("cleanup at cancel", "%s %d", corder, r == PTHREAD_CANCELED);
}

static void check_threads(void)
{
	pthread_t t;
	CHECK("single_threaded before", "%d", __libc_single_threaded);
	GNU(pthread_create)(&t, 0, thread_fn, 0);
	pthread_join(t, 0);
	CHECK("single_threaded after", "%d", __libc_single_threaded);
	CHECK("thread_local dtors", "%s", order);
	pthread_mutexattr_t ma;
	pthread_mutexattr_init(&ma);
	CHECK("mutexattr adaptive", "%d", GNU(pthread_mutexattr_settype)(&ma, 3));
	pthread_attr_t pa;
	pthread_attr_init(&pa);
	CHECK("attr_setstacksize", "%d %d", GNU(pthread_attr_setstacksize)(&pa, 16383),
	      GNU(pthread_attr_setstacksize)(&pa, 16384));
	pthread_key_t k;
	CHECK("__pthread_key_create", "%d", GNU(__pthread_key_create)(&k, 0));
	CHECK("__register_atfork", "%d", __register_atfork(0, 0, 0, 0));
}

/* --- locale objects with glibc's layout --- */
struct glibc_locale_view {
	void *locales[13];
	const unsigned short *ctype_b;
	const int *tolower, *toupper;
	const char *names[13];
};

static void check_locale(void)
{
	locale_t l = GNU(newlocale)(1 << 6, "C", 0); /* libstdc++'s 1 << LC_ALL */
	struct glibc_locale_view *v = (void *)l;
	CHECK("newlocale layout", "%x %x %x %c %c %s", v->ctype_b['a'], v->ctype_b['0'],
	      v->ctype_b[' '], v->tolower['A'], v->toupper['q'], v->names[0]);
	CHECK("strtod_l", "%g", strtod_l("2.5", 0, l));
	locale_t d = GNU(duplocale)(l);
	v = (void *)d;
	CHECK("duplocale layout", "%x %s", v->ctype_b['Z'], v->names[0]);
	struct tm tm = { .tm_year = 124, .tm_mon = 1, .tm_mday = 29 };
	char buf[32];
	GNU(__strftime_l)(buf, sizeof buf, "%Y-%m-%d", &tm, d);
	CHECK("__strftime_l", "%s", buf);
	locale_t old = uselocale(d);
	CHECK("uselocale", "%d %d", old == LC_GLOBAL_LOCALE, uselocale(0) == d);
	uselocale(old);
	freelocale(d);
	locale_t m = GNU(newlocale)(LC_NUMERIC_MASK, "C", l); /* base reused */
	CHECK("newlocale base", "%d", m != 0);
	freelocale(m);
}

/* --- getopt --- */
static void getopt_messages(void)
{
	static const struct option lo[] = {
		{ "all", no_argument, 0, 'a' }, { "almost-all", no_argument, 0, 'A' },
		{ "width", required_argument, 0, 'w' }, { "color", optional_argument, 0, 'c' },
		{ 0, 0, 0, 0 },
	};
	char *argv[] = { "prog", "-j", "op", "--foo=bar", "--al", "--al=x", "--wid", "--all=x",
			 "--color=x", "-k", 0 };
	int c, i, n = 0;
	optind = 0;
	while ((c = GNU(getopt_long)(10, argv, "ak:", lo, &i)) != -1 && n++ < 20)
		fprintf(stderr, "[%d %d %s]", c, optopt, argv[optind - 1]);
	fprintf(stderr, "[end %d %s %s %s]", optind, argv[optind], argv[1], argv[10]);
	char *argv3[] = { "prog", "op", "-k", 0 };
	optind = 0;
	c = GNU(getopt_long)(3, argv3, "k:", lo, &i);
	fprintf(stderr, "[missing at end %d]", c);
	c = GNU(getopt_long)(3, argv3, "k:", lo, &i);
	/* glibc exchanges lazily: compare once the scan is over */
	fprintf(stderr, "[then %d %d %s %s %s]", c, optind, argv3[1], argv3[2], argv3[3]);
	char *argv2[] = { "prog", "-z", "-k", 0 };
	optind = 0;
	opterr = 0;
	c = GNU(getopt_long)(3, argv2, "k:", lo, &i);
	fprintf(stderr, "[quiet %d]", c);
	opterr = 1;
	c = GNU(getopt_long)(3, argv2, ":k:", lo, &i);
	fprintf(stderr, "[colon %d %d]", c, optopt);
	optind = 0;
}

static void check_getopt(void)
{
	char *argv[] = { "prog", "a", "-x", "b", "-y", "c", 0 };
	int c;
	char seq[16] = "";
	optind = 0;
	while ((c = GNU(getopt)(6, argv, "xy")) != -1)
		strncat(seq, (char[]){ (char)c, 0 }, 1);
	CHECK("getopt permutes", "%s %d %s %s %s %s %s", seq, optind, argv[1], argv[2], argv[3],
	      argv[4], argv[5]);
	char *argv2[] = { "prog", "a", "-x", 0 };
	setenv("POSIXLY_CORRECT", "1", 1);
	optind = 0;
	c = GNU(getopt)(3, argv2, "x");
	CHECK("getopt POSIXLY_CORRECT", "%d %d %s", c, optind, argv2[1]);
	unsetenv("POSIXLY_CORRECT");
	optind = 0;
	c = GNU(getopt)(3, argv2, "+x");
	CHECK("getopt +", "%d %d", c, optind);
	optind = 0;
	in_child("getopt messages", getopt_messages);
}

/* --- regex with glibc's regex_t and regmatch_t --- */
struct gmatch {
	int so, eo;
};

static void check_regex(void)
{
	regex_t re;
	struct gmatch m[4];
	int r = GNU(regcomp)(&re, "([a-z]+)-([0-9]+)", REG_EXTENDED);
	CHECK("regcomp", "%d nsub=%zu", r, *(size_t *)((char *)&re + 48));
	r = GNU(regexec)(&re, "xx abc-123 yy", 4, (void *)m, 0);
	CHECK("regexec", "%d %d,%d %d,%d %d,%d %d,%d", r, m[0].so, m[0].eo, m[1].so, m[1].eo,
	      m[2].so, m[2].eo, m[3].so, m[3].eo);
	m[0].so = 5;
	m[0].eo = 9;
	r = GNU(regexec)(&re, "ab-1 cd-2 ef-3", 2, (void *)m, 4 /* REG_STARTEND */);
	CHECK("regexec REG_STARTEND", "%d %d,%d %d,%d", r, m[0].so, m[0].eo, m[1].so, m[1].eo);
	CHECK("regexec nomatch", "%d", GNU(regexec)(&re, "nothing", 0, 0, 0));
	regfree(&re);
}

/* --- sysconf and sched --- */
static void check_sysconf(void)
{
	CHECK("sysconf", "minsig>=%d sig=%ld line=%ld linemax=%ld pw=%ld nproc>0=%d", 1024,
	      GNU(sysconf)(250), GNU(sysconf)(190), GNU(sysconf)(43), GNU(sysconf)(70),
	      GNU(sysconf)(_SC_NPROCESSORS_ONLN) > 0);
	CHECK("sysconf minsigstksz", "%d", GNU(sysconf)(249) >= 1024);
	CHECK("sched_getscheduler", "%d", GNU(sched_getscheduler)(0));
	CHECK("__sysconf", "%ld", __sysconf(_SC_THREAD_STACK_MIN));
	struct timeval tv;
	struct timezone tz = { 99, 99 };
	int r = GNU(gettimeofday)(&tv, &tz);
	CHECK("gettimeofday tz", "%d %d %d", r, tz.tz_minuteswest, tz.tz_dsttime);
}

/* --- system calls --- */
static void check_syscalls(void)
{
	unsigned char stx[256];
	struct stat st;
	char a[128], b[128];
	snprintf(a, sizeof a, "%s/a", tree);
	snprintf(b, sizeof b, "%s/b/c", tree);
	int fd = open(a, O_WRONLY);
	write(fd, "12345", 5);
	close(fd);
	stat(a, &st);
	int r = statx(AT_FDCWD, a, 0, 0x7ff, (void *)stx);
	CHECK("statx", "%d %d %d", r, *(uint64_t *)(stx + 40) == (uint64_t)st.st_size,
	      *(uint16_t *)(stx + 28) == st.st_mode);
	errno = 0;
	r = renameat2(AT_FDCWD, a, AT_FDCWD, b, 1 /* RENAME_NOREPLACE */);
	CHECK("renameat2 noreplace", "%d %d", r, errno);
	fd = open(a, O_RDONLY);
	CHECK("fcntl64", "%d", fcntl64(fd, F_GETFD) >= 0);
	r = close_range(fd, fd, 0);
	CHECK("close_range", "%d %d", r, fcntl(fd, F_GETFD) == -1 && errno == EBADF);
}

/* --- backtrace and _dl_find_object --- */
static void *frames[16];
static int nframes;
__attribute__((noinline)) static void f3(void) { nframes = backtrace(frames, 16); }
__attribute__((noinline)) static void f2(void) { f3(); __asm__ volatile(""); }
__attribute__((noinline)) static void f1(void) { f2(); __asm__ volatile(""); }

static int in(void *p, void (*f)(void))
{
	return (char *)p > (char *)f && (char *)p < (char *)f + 256;
}

struct eh {
	void *eh;
};
static int main_eh(struct dl_phdr_info *info, size_t size, void *arg)
{
	(void)size;
	for (int i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_GNU_EH_FRAME)
			((struct eh *)arg)->eh = (void *)(info->dlpi_addr + info->dlpi_phdr[i].p_vaddr);
	return 1; /* the program is first */
}

static void check_backtrace(void)
{
	f1();
	CHECK("backtrace", "%d %d %d %d", nframes >= 4, in(frames[0], f3), in(frames[1], f2),
	      in(frames[2], f1));
	int p[2];
	char buf[256];
	pipe(p);
	backtrace_symbols_fd(frames, 2, p[1]);
	close(p[1]);
	ssize_t n = read(p[0], buf, sizeof buf - 1);
	close(p[0]);
	buf[n > 0 ? n : 0] = 0;
	int lines = 0;
	for (char *c = buf; (c = strstr(c, "]\n")); c++)
		lines++;
	CHECK("backtrace_symbols_fd", "%d %d", lines, strstr(buf, "[0x") != 0);
	struct dl_find_object o;
	struct eh want = { 0 };
	dl_iterate_phdr(main_eh, &want);
	int r = _dl_find_object((void *)check_backtrace, &o);
	CHECK("_dl_find_object", "%d %d %d", r, o.dlfo_eh_frame == want.eh,
	      (char *)o.dlfo_map_start <= (char *)check_backtrace &&
		      (char *)check_backtrace < (char *)o.dlfo_map_end);
	int local;
	CHECK("_dl_find_object outside", "%d", _dl_find_object(&local, &o));
}

/* --- exit: the calling thread's thread_local destructors, then atexit --- */
static void at_exit(void)
{
	printf("exit order: %s then atexit\n", order);
	fflush(stdout);
}

int main(void)
{
	setvbuf(stdout, 0, _IOLBF, 0);
	check_threads();
	check_cleanup();
	check_fortify();
	check_longjmp();
	check_error();
	check_strings();
	check_random();
	check_printf_format();
	check_fts();
	check_obstack();
	check_context();
	check_locale();
	check_getopt();
	check_syscalls();
	check_regex();
	check_sysconf();
	check_backtrace();
	atexit(at_exit);
	order[0] = 0;
	__cxa_thread_atexit_impl(dtor, "E", &__dso_handle);
	__cxa_thread_atexit_impl(dtor, "F", &__dso_handle);
	GNU(exit)(0);
}
