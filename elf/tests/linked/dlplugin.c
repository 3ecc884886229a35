/*
 * dlplugin.c - a program that loads plugins with dlopen (tools/test-linked,
 * linked mode, compared with the host): a plugin calling back into the
 * program and into libc, its constructor and data, its thread-local
 * variable seen from a thread that existed before the dlopen and from one
 * created after, dladdr and dl_iterate_phdr naming it, RTLD_DEFAULT, and
 * two failures whose dlerror() must name what is missing: a plugin with
 * an undefined symbol, and one whose library is not there.
 */
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

int host_counter = 40; /* exported (-rdynamic): the plugin adds to it */

int host_bump(int n)
{
	host_counter += n;
	return host_counter;
}

static int (*plug_tls_get)(void);
static void (*plug_tls_set)(int);
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int stage;

static void *early(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	while (stage < 1) /* wait until main has loaded the plugin */
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	int before = plug_tls_get();
	plug_tls_set(7);
	printf("early thread: tls %d then %d\n", before, plug_tls_get());
	return NULL;
}

static void *late(void *arg)
{
	(void)arg;
	printf("late thread: tls %d\n", plug_tls_get());
	plug_tls_set(9);
	return NULL;
}

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	if (strstr(info->dlpi_name, "libplug.so")) {
		int loads = 0;
		for (int i = 0; i < info->dlpi_phnum; i++)
			loads += info->dlpi_phdr[i].p_type == PT_LOAD;
		*(int *)data = loads > 0 && info->dlpi_addr != 0 && info->dlpi_tls_modid != 0;
	}
	return 0;
}

int main(int argc, char **argv)
{
	char path[512];
	const char *dir = argc > 1 ? argv[1] : "plugins";
	pthread_t t1, t2;

	pthread_create(&t1, NULL, early, NULL);
	snprintf(path, sizeof path, "%s/libplug.so", dir);
	void *h = dlopen(path, RTLD_NOW);
	printf("dlopen plugin: %s\n", h ? "ok" : dlerror());
	if (!h)
		return 1;
	int (*add)(int, int) = (int (*)(int, int))dlsym(h, "plug_add");
	int *data = dlsym(h, "plug_data");
	const char *(*greet)(void) = (const char *(*)(void))dlsym(h, "plug_greet");
	plug_tls_get = (int (*)(void))dlsym(h, "plug_tls_get");
	plug_tls_set = (void (*)(int))dlsym(h, "plug_tls_set");
	printf("plug_add(2, 3) = %d, plug_data = %d, greet: %s\n", add(2, 3), *data, greet());
	printf("host_counter after the plugin's callback: %d\n", host_counter);
	printf("main thread tls: %d\n", plug_tls_get());
	plug_tls_set(5);
	int *tls_var = dlsym(h, "plug_tls");
	printf("dlsym of the TLS variable is this thread's: %s\n",
	       tls_var && *tls_var == 5 ? "yes" : "no");
	pthread_mutex_lock(&m);
	stage = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	pthread_join(t1, NULL);
	pthread_create(&t2, NULL, late, NULL);
	pthread_join(t2, NULL);
	printf("main thread tls still: %d\n", plug_tls_get());

	Dl_info info;
	int ok = dladdr((void *)add, &info);
	printf("dladdr: %d, file is the plugin: %s, symbol %s, exact: %s\n", ok,
	       ok && strstr(info.dli_fname, "libplug.so") ? "yes" : "no",
	       ok && info.dli_sname ? info.dli_sname : "-",
	       ok && info.dli_saddr == (void *)add ? "yes" : "no");
	int seen = 0;
	dl_iterate_phdr(phdr_cb, &seen);
	printf("dl_iterate_phdr lists the plugin with its segments and TLS: %s\n",
	       seen ? "yes" : "no");
	printf("RTLD_DEFAULT finds the program's host_bump: %s\n",
	       dlsym(RTLD_DEFAULT, "host_bump") == (void *)host_bump ? "yes" : "no");
	printf("missing symbol: %s\n", dlsym(h, "plug_nowhere") ? "found" : "NULL");
	const char *e = dlerror();
	printf("  dlerror names it: %s\n", e && strstr(e, "plug_nowhere") ? "yes" : e);
	printf("dlerror again: %s\n", dlerror() ? "message" : "NULL");

	snprintf(path, sizeof path, "%s/libplug_undef.so", dir);
	void *bad = dlopen(path, RTLD_NOW);
	e = dlerror();
	printf("plugin with an undefined symbol: %s; dlerror names it: %s\n", bad ? "loaded" : "NULL",
	       e && strstr(e, "plug_undefined_elsewhere") ? "yes" : e);
	snprintf(path, sizeof path, "%s/libplug_needy.so", dir);
	bad = dlopen(path, RTLD_NOW);
	e = dlerror();
	printf("plugin needing a missing library: %s; dlerror names it: %s\n",
	       bad ? "loaded" : "NULL", e && strstr(e, "libplug_gone.so") ? "yes" : e);
	printf("dlclose: %d\n", dlclose(h));
	return 0;
}
