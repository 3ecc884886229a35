/* initorder.c - a program with its own shared libraries (DT_NEEDED, found
 * through DT_RUNPATH $ORIGIN/lib): initializers dependencies first, the
 * program's last; finalizers in reverse at exit; TLS of every object in
 * the main thread and in a new one. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
const char *a_name(void);
int b_value(void);
static __thread int main_tls = 42;
__attribute__((constructor)) static void m_init(void) { printf("init main (tls %d)\n", main_tls); }
__attribute__((destructor)) static void m_fini(void) { printf("fini main\n"); }
static void at_exit(void) { printf("atexit handler\n"); }
static void *thread(void *arg)
{
	printf("thread: %s %d %d\n", a_name(), b_value(), main_tls);
	main_tls = 1;
	return arg;
}
int main(void)
{
	pthread_t t;
	atexit(at_exit);
	printf("main: %s %d %d\n", a_name(), b_value(), main_tls);
	pthread_create(&t, NULL, thread, NULL);
	pthread_join(t, NULL);
	printf("main again: %d\n", main_tls);
	return 0;
}
