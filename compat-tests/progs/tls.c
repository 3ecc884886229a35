/*
 * tls.c - __thread variables in the program and in a shared library
 * (libtlsdep.so): initial values in every new thread, zero-initialised
 * .tbss, per-thread independence under concurrent writes, and agreement
 * between the program's and the library's view of the library's
 * variables (their addresses too, compared but never printed).
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "libtlsdep.h"

#define NTHREADS 4
#define ROUNDS 20000

__thread int prog_tls_init = 42;
__thread long prog_tls_zero;
__thread double prog_tls_dbl = 2.5;
static __thread char prog_tls_str[32] = "program-tls";

struct result {
	int start_init, start_dep;
	long start_zero, start_dep_zero;
	char start_str[32], start_dep_str[64];
	int same_addr;
	long final_zero, final_dep_zero;
	int final_init, final_dep;
};

static void *worker(void *arg)
{
	struct result *r = arg;
	r->start_init = prog_tls_init;
	r->start_dep = dep_get();
	r->start_zero = prog_tls_zero;
	r->start_dep_zero = dep_tls_zero;
	strcpy(r->start_str, prog_tls_str);
	strcpy(r->start_dep_str, dep_buf());
	r->same_addr = dep_addr() == &dep_tls_init;
	for (int i = 0; i < ROUNDS; i++) {
		prog_tls_zero++;
		dep_bump();
		prog_tls_init += 2;
		dep_tls_init += 3;
		if ((i & 1023) == 0)
			sched_yield();
	}
	r->final_zero = prog_tls_zero;
	r->final_dep_zero = dep_tls_zero;
	r->final_init = prog_tls_init;
	r->final_dep = dep_get();
	return NULL;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("main: prog_tls_init %d prog_tls_zero %ld prog_tls_dbl %.1f prog_tls_str %s\n",
	       prog_tls_init, prog_tls_zero, prog_tls_dbl, prog_tls_str);
	printf("main: dep_tls_init %d (via function %d) dep_tls_zero %ld dep_tls_buf %s\n",
	       dep_tls_init, dep_get(), dep_tls_zero, dep_buf());
	CHECK(prog_tls_init == 42 && prog_tls_zero == 0 && prog_tls_dbl == 2.5, "program TLS initial");
	CHECK(dep_tls_init == 1234 && dep_get() == 1234 && dep_tls_zero == 0, "library TLS initial");
	CHECK(dep_addr() == &dep_tls_init, "library TLS address seen alike");

	/* main changes its copies; new threads must still start from the images */
	prog_tls_init = -1;
	dep_set(-2);
	strcpy(prog_tls_str, "changed-in-main");
	strcpy(dep_tls_buf, "changed-in-main");

	pthread_t t[NTHREADS];
	struct result r[NTHREADS];
	memset(r, 0, sizeof r);
	for (int i = 0; i < NTHREADS; i++)
		CHECK(pthread_create(&t[i], NULL, worker, &r[i]) == 0, "pthread_create");
	for (int i = 0; i < NTHREADS; i++)
		pthread_join(t[i], NULL);
	for (int i = 0; i < NTHREADS; i++) {
		printf("thread %d: start %d/%d %ld/%ld %s/%s same-address %s; end %d/%d %ld/%ld\n", i,
		       r[i].start_init, r[i].start_dep, r[i].start_zero, r[i].start_dep_zero,
		       r[i].start_str, r[i].start_dep_str, r[i].same_addr ? "yes" : "no",
		       r[i].final_init, r[i].final_dep, r[i].final_zero, r[i].final_dep_zero);
		CHECK(r[i].start_init == 42 && r[i].start_dep == 1234, "thread initial values");
		CHECK(r[i].start_zero == 0 && r[i].start_dep_zero == 0, "thread zero values");
		CHECK(strcmp(r[i].start_str, "program-tls") == 0 &&
			      strcmp(r[i].start_dep_str, "library-tls") == 0,
		      "thread initial strings");
		CHECK(r[i].same_addr, "thread library TLS address");
		CHECK(r[i].final_init == 42 + 2 * ROUNDS && r[i].final_dep == 1234 + 3 * ROUNDS,
		      "thread final values");
		CHECK(r[i].final_zero == ROUNDS && r[i].final_dep_zero == ROUNDS, "thread counters");
	}
	printf("main after threads: %d %d %s %s\n", prog_tls_init, dep_get(), prog_tls_str,
	       dep_buf());
	CHECK(prog_tls_init == -1 && dep_get() == -2, "main's copies untouched by threads");
	return check_done();
}
