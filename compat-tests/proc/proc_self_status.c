/*
 * proc_self_status.c - /proc/self/status: "Name:" holds the program's
 * name (its file name, cut to 15 bytes), "Pid:" and "Tgid:" the pid,
 * "State:" is R (running: it is reading the file), and "Threads:" counts
 * the threads, going from 1 to 2 while a second thread lives.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat.h"

/* The value of "Key:" in /proc/self/status, tabs and spaces skipped; "" if absent. */
static const char *field(const char *key, char *out, size_t size)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[512];
	size_t kl = strlen(key);
	out[0] = 0;
	if (!f)
		return out;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, key, kl) == 0 && line[kl] == ':') {
			char *v = line + kl + 1;
			v += strspn(v, " \t");
			v[strcspn(v, "\n")] = 0;
			snprintf(out, size, "%s", v);
			break;
		}
	}
	fclose(f);
	return out;
}

static pthread_barrier_t in, out;

static void *body(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&in);
	pthread_barrier_wait(&out);
	return NULL;
}

int main(int argc, char **argv)
{
	(void)argc;
	char v[256], name[16];
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	snprintf(name, sizeof name, "%s", base);
	printf("Name == first 15 bytes of the file name: %s\n", strcmp(field("Name", v, sizeof v), name) == 0 ? "yes" : "no");
	printf("Pid == getpid: %s\n", atoi(field("Pid", v, sizeof v)) == getpid() ? "yes" : "no");
	printf("Tgid == getpid: %s\n", atoi(field("Tgid", v, sizeof v)) == getpid() ? "yes" : "no");
	printf("State: %c\n", field("State", v, sizeof v)[0]);
	printf("Threads: %s\n", field("Threads", v, sizeof v));

	pthread_t t;
	pthread_barrier_init(&in, NULL, 2);
	pthread_barrier_init(&out, NULL, 2);
	CHECK(pthread_create(&t, NULL, body, NULL) == 0, "pthread_create");
	pthread_barrier_wait(&in);
	printf("Threads with a second thread: %s\n", field("Threads", v, sizeof v));
	pthread_barrier_wait(&out);
	pthread_join(t, NULL);
	printf("Uid present: %s\n", field("Uid", v, sizeof v)[0] ? "yes" : "no");
	printf("VmRSS present: %s\n", field("VmRSS", v, sizeof v)[0] ? "yes" : "no");
	return compat_done();
}
