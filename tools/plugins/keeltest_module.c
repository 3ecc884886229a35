/*
 * keeltest_module.c - a small Redis module of ours, for tools/test-plugins:
 * redis-server's own `loadmodule` dlopen()s it inside keel (interp mode:
 * glibc's ld.so does the loading, every system call trapping into keel).
 *
 * Compiled at build time against redismodule.h from Debian's redis source
 * package (tools/fetch-redis; nothing of Redis is in this repository) into
 * build/plugins/keeltest.so, which goes into build/images/redis-mod.cpio
 * as /usr/lib/redis/modules/keeltest.so.
 *
 * Each command checks one thing the dynamic loader must have got right:
 *
 *   keel.hello         "hello from keeltest" when the module's ELF
 *                      constructor ran before RedisModule_OnLoad (init_array
 *                      of a dlopen()ed object), else an error reply
 *   keel.add A B       A + B as an integer reply; an error for a
 *                      non-integer (the module API's function pointers,
 *                      filled in through RedisModule_GetApi, work)
 *   keel.tls           increments a thread-local counter that starts at
 *                      100 (.tdata of a dlopen()ed object: dynamic TLS,
 *                      __tls_get_addr) and replies with it: 101, 102, ...
 *   keel.tls-thread    the same in a new thread (pthread_create from the
 *                      module, joined before replying): always 101, a fresh
 *                      copy of the TLS initialisation image
 *   keel.args          how many arguments `loadmodule` passed, and them
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "redismodule.h"

static __thread long tls_counter = 100;
static int constructor_ran;
static char load_args[256];
static int load_argc;

__attribute__((constructor)) static void keeltest_init(void)
{
	constructor_ran = 1;
}

static int hello(RedisModuleCtx *ctx, RedisModuleString **argv, int argc)
{
	(void)argv;
	if (argc != 1)
		return RedisModule_WrongArity(ctx);
	if (!constructor_ran)
		return RedisModule_ReplyWithError(ctx, "ERR keeltest: its constructor did not run");
	return RedisModule_ReplyWithSimpleString(ctx, "hello from keeltest");
}

static int add(RedisModuleCtx *ctx, RedisModuleString **argv, int argc)
{
	long long a, b;

	if (argc != 3)
		return RedisModule_WrongArity(ctx);
	if (RedisModule_StringToLongLong(argv[1], &a) != REDISMODULE_OK ||
	    RedisModule_StringToLongLong(argv[2], &b) != REDISMODULE_OK)
		return RedisModule_ReplyWithError(ctx, "ERR keel.add: not an integer");
	if (__builtin_add_overflow(a, b, &a))
		return RedisModule_ReplyWithError(ctx, "ERR keel.add: overflow");
	return RedisModule_ReplyWithLongLong(ctx, a);
}

static int tls(RedisModuleCtx *ctx, RedisModuleString **argv, int argc)
{
	(void)argv;
	if (argc != 1)
		return RedisModule_WrongArity(ctx);
	return RedisModule_ReplyWithLongLong(ctx, ++tls_counter);
}

static void *tls_thread_main(void *out)
{
	*(long *)out = ++tls_counter;
	return NULL;
}

static int tls_thread(RedisModuleCtx *ctx, RedisModuleString **argv, int argc)
{
	pthread_t t;
	long seen = 0;
	int err;

	(void)argv;
	if (argc != 1)
		return RedisModule_WrongArity(ctx);
	err = pthread_create(&t, NULL, tls_thread_main, &seen);
	if (err) {
		char msg[96];
		snprintf(msg, sizeof(msg), "ERR keel.tls-thread: pthread_create: %s", strerror(err));
		return RedisModule_ReplyWithError(ctx, msg);
	}
	pthread_join(t, NULL);
	return RedisModule_ReplyWithLongLong(ctx, seen);
}

static int args(RedisModuleCtx *ctx, RedisModuleString **argv, int argc)
{
	char msg[300];

	(void)argv;
	if (argc != 1)
		return RedisModule_WrongArity(ctx);
	snprintf(msg, sizeof(msg), "%d:%s", load_argc, load_args);
	return RedisModule_ReplyWithSimpleString(ctx, msg);
}

int RedisModule_OnLoad(RedisModuleCtx *ctx, RedisModuleString **argv, int argc)
{
	static const struct {
		const char *name;
		RedisModuleCmdFunc fn;
		const char *flags;
	} cmds[] = {
		{ "keel.hello", hello, "readonly fast" },
		{ "keel.add", add, "readonly fast" },
		{ "keel.tls", tls, "readonly fast" },
		{ "keel.tls-thread", tls_thread, "readonly" },
		{ "keel.args", args, "readonly fast" },
	};

	if (RedisModule_Init(ctx, "keeltest", 1, REDISMODULE_APIVER_1) == REDISMODULE_ERR)
		return REDISMODULE_ERR;
	load_argc = argc;
	for (int i = 0; i < argc; i++) {
		size_t len, used = strlen(load_args);
		const char *s = RedisModule_StringPtrLen(argv[i], &len);
		snprintf(load_args + used, sizeof(load_args) - used, "%s%.*s", i ? " " : "", (int)len, s);
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (RedisModule_CreateCommand(ctx, cmds[i].name, cmds[i].fn, cmds[i].flags, 0, 0, 0) ==
		    REDISMODULE_ERR)
			return REDISMODULE_ERR;
	}
	return REDISMODULE_OK;
}
