/*
 * backtrace.c - glibc's <execinfo.h>: backtrace, backtrace_symbols,
 * backtrace_symbols_fd (redis prints one in its crash report).
 *
 * glibc unwinds with libgcc_s's DWARF unwinder, which it dlopens. That
 * needs dlopen; this walks the frame-pointer chain instead: each frame
 * holds the caller's %rbp, then the return address. Limits, written down:
 * frames of code built without frame pointers (Debian's -O2 default) are
 * skipped or end the walk, so the trace is complete only through code
 * that keeps %rbp (musl's here does, and so do programs built with
 * -fno-omit-frame-pointer). The walk never reads outside the thread's
 * stack -- [top - stack_size, top) for a pthread, the 6 MiB below the
 * auxiliary vector for the main thread (keel maps it an 8 MiB stack) --
 * or the alternate signal stack it runs on, and each step must go up the
 * stack (or leave the signal stack), so a garbage %rbp ends it instead of
 * faulting.
 *
 * Symbols come from dladdr (keel's linker, src/ldso/keel_dl.c): a line is
 * glibc's "file(symbol+0xoff) [0xaddr]", or "file(+0xoff) [0xaddr]"
 * relative to the object's base when no symbol covers the address, or
 * "[0xaddr]" outside every loaded object (the kernel's libc has no file).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pthread_impl.h"
#include "libc.h"
#include "glibc.h"

struct range {
	uintptr_t lo, hi;
};

static int inside(const struct range *r, uintptr_t fp)
{
	return fp >= r->lo && fp + 2 * sizeof(void *) <= r->hi;
}

int backtrace(void **buf, int size)
{
	pthread_t self = __pthread_self();
	struct range st, alt = { 0, 0 };
	uintptr_t fp = (uintptr_t)__builtin_frame_address(0);
	int n = 0;

	if (self->stack) {
		st.hi = (uintptr_t)self->stack;
		st.lo = st.hi - self->stack_size;
	} else {
		st.hi = (uintptr_t)libc.auxv;
		st.lo = st.hi - (6UL << 20);
	}
	if (!inside(&st, fp)) {
		stack_t ss;
		if (sigaltstack(0, &ss) || !(ss.ss_flags & SS_ONSTACK))
			return 0;
		alt.lo = (uintptr_t)ss.ss_sp;
		alt.hi = alt.lo + ss.ss_size;
		if (!inside(&alt, fp))
			return 0;
	}
	while (n < size) {
		uintptr_t next = ((uintptr_t *)fp)[0];
		void *ret = ((void **)fp)[1];
		if (!ret)
			break;
		buf[n++] = ret;
		if (next & 7)
			break;
		if (inside(&alt, fp) ? !inside(&alt, next) && !inside(&st, next) :
				       !inside(&st, next))
			break;
		if (next <= fp && !(inside(&alt, fp) && inside(&st, next)))
			break;
		fp = next;
	}
	return n;
}

/* one line, as glibc's backtrace_symbols writes it, without the newline */
static int describe(char *out, size_t len, void *addr)
{
	Dl_info info;
	if (!dladdr(addr, &info) || !info.dli_fname || !*info.dli_fname)
		return snprintf(out, len, "[%p]", addr);
	const char *sym = info.dli_sname ? info.dli_sname : "";
	uintptr_t base = (uintptr_t)(info.dli_sname ? info.dli_saddr : info.dli_fbase);
	uintptr_t a = (uintptr_t)addr;
	return snprintf(out, len, "%s(%s%c%#lx) [%p]", info.dli_fname, sym, a >= base ? '+' : '-',
			(unsigned long)(a >= base ? a - base : base - a), addr);
}

char **backtrace_symbols(void *const *buf, int size)
{
	if (size <= 0)
		return 0;
	size_t total = 0;
	for (int i = 0; i < size; i++)
		total += describe(0, 0, buf[i]) + 1;
	char **v = malloc(size * sizeof *v + total);
	if (!v)
		return 0;
	char *s = (char *)(v + size);
	for (int i = 0; i < size; i++) {
		v[i] = s;
		s += describe(s, total, buf[i]) + 1;
		total -= strlen(v[i]) + 1;
	}
	return v;
}

void backtrace_symbols_fd(void *const *buf, int size, int fd)
{
	char line[PATH_MAX + 128];
	for (int i = 0; i < size; i++) {
		int n = describe(line, sizeof line - 1, buf[i]);
		if (n < 0)
			continue;
		if ((size_t)n > sizeof line - 2)
			n = sizeof line - 2;
		line[n] = '\n';
		write(fd, line, n + 1);
	}
}
