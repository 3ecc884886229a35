/*
 * keel_dl.c - <dlfcn.h> and dl_iterate_phdr for linked mode.
 *
 * musl's own versions live in its dynamic linker (ldso/, src/ldso), which
 * is not built into the kernel: keel's linker (elf/) knows the loaded
 * objects. These are the libc-side halves: they call the kernel through
 * the keel_libc_dl* hooks (elf/dl.c), which do the loading, lookups and
 * bookkeeping under the linker's lock, and keep here what belongs to the
 * calling thread: the dlerror() text (struct pthread's dlerror_buf, freed
 * at thread exit by __dl_thread_cleanup, as musl does) and the address of
 * a thread-local symbol (__tls_get_addr, valid at once because dlopen
 * gives every thread its block, keel_linked.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pthread_impl.h"

#define ERRLEN 320

/* elf/dl.c */
void *keel_libc_dlopen(const char *file, int mode, char *err, size_t errlen);
int keel_libc_dlsym(void *handle, const char *name, const char *version, const void *caller,
		    size_t out[3], char *err, size_t errlen);
int keel_libc_dlclose(void *handle, char *err, size_t errlen);
int keel_libc_dladdr(const void *addr, Dl_info *info);
int keel_libc_dl_phdr(size_t i, struct dl_phdr_info *info);
void *keel_libc_dl_linkmap(void *handle, char *err, size_t errlen);

/* The calling thread's error text, for its next dlerror(). */
static void set_error(const char *msg)
{
	pthread_t self = __pthread_self();
	if (!self->dlerror_buf)
		self->dlerror_buf = malloc(ERRLEN);
	if (self->dlerror_buf)
		snprintf(self->dlerror_buf, ERRLEN, "%s", msg);
	self->dlerror_flag = 1;
}

char *dlerror(void)
{
	pthread_t self = __pthread_self();
	if (!self->dlerror_flag)
		return 0;
	self->dlerror_flag = 0;
	return self->dlerror_buf ? self->dlerror_buf : "dynamic linker error (out of memory)";
}

void __dl_thread_cleanup(void)
{
	pthread_t self = __pthread_self();
	free(self->dlerror_buf);
	self->dlerror_buf = 0;
}

void *dlopen(const char *file, int mode)
{
	char err[ERRLEN];
	int cs;

	/* initializers may run: not a cancellation point */
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cs);
	void *h = keel_libc_dlopen(file, mode, err, sizeof err);
	pthread_setcancelstate(cs, 0);
	if (!h)
		set_error(err);
	return h;
}

int dlclose(void *handle)
{
	char err[ERRLEN];
	int r = keel_libc_dlclose(handle, err, sizeof err);
	if (r)
		set_error(err);
	return r;
}

static void *sym(void *handle, const char *name, const char *version, const void *caller)
{
	char err[ERRLEN];
	size_t out[3];

	if (keel_libc_dlsym(handle, name, version, caller, out, err, sizeof err)) {
		set_error(err);
		return 0;
	}
	if (out[1]) { /* thread-local: this thread's copy */
		size_t v[2] = { out[1], out[2] };
		return __tls_get_addr(v);
	}
	return (void *)out[0];
}

void *dlsym(void *restrict handle, const char *restrict name)
{
	return sym(handle, name, 0, __builtin_return_address(0));
}

void *dlvsym(void *restrict handle, const char *restrict name, const char *restrict version)
{
	return sym(handle, name, version, __builtin_return_address(0));
}

int dladdr(const void *addr, Dl_info *info)
{
	return keel_libc_dladdr(addr, info);
}

int dlinfo(void *restrict handle, int request, void *restrict out)
{
	char err[ERRLEN];

	if (request != RTLD_DI_LINKMAP) {
		snprintf(err, sizeof err, "Unsupported request %d", request);
		set_error(err);
		return -1;
	}
	void *lm = keel_libc_dl_linkmap(handle, err, sizeof err);
	if (!lm) {
		set_error(err);
		return -1;
	}
	*(void **)out = lm;
	return 0;
}

/*
 * The objects as they are when the walk starts (one added meanwhile, by
 * the callback's own dlopen, is seen if it comes before the end).
 */
int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)
{
	struct dl_phdr_info info;
	int r = 0;

	for (size_t i = 0; !r && keel_libc_dl_phdr(i, &info); i++) {
		if (info.dlpi_tls_modid) {
			size_t v[2] = { info.dlpi_tls_modid, 0 };
			info.dlpi_tls_data = __tls_get_addr(v);
		}
		r = cb(&info, sizeof info, data);
	}
	return r;
}
