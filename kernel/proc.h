/*
 * proc.h - the one program keel runs, seen as a Linux process: its pid,
 * what it was started with (for /proc/self), its break, its exit.
 *
 * There is exactly one process. Its threads are kernel threads that run
 * program code (struct thread, sched.h); the first one's tid is the pid.
 * Fields are written by the launcher before the program starts and only
 * read afterwards, except brk (sys_mman.c, under its own mutex) and the
 * exit path.
 */
#ifndef KEEL_PROC_H
#define KEEL_PROC_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

struct proc {
	int pid;
	char exe[256];           /* path of the executable in the image */
	char *cmdline;           /* argv strings, NUL-separated, as /proc/self/cmdline */
	size_t cmdline_len;
	char *environ;           /* likewise for /proc/self/environ */
	size_t environ_len;
	uint64_t auxv[64];       /* as given to the program, for /proc/self/auxv */
	size_t auxv_len;         /* bytes */
	uint64_t brk_start, brk; /* the heap: [brk_start, brk) */
	bool syscall_stats;      /* print trap counts at exit (--syscall-stats) */
	unsigned nr_threads;     /* live program threads */
};

extern struct proc proc;

/* sys_proc.c */
__attribute__((noreturn)) void proc_exit(int status); /* end the program: the VM's exit */

/* sys_proc.c */
struct new_utsname;
struct rlimit64;
long sys_exit(int status);
long sys_exit_group(int status);
long sys_getpid(void);
long sys_gettid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_getpgrp(void);
long sys_getpgid(int pid);
long sys_getsid(int pid);
long sys_setsid(void);
long sys_setpgid(int pid, int pgid);
long sys_getgroups(int size, uint32_t *list);
long sys_setgroups(int size, const uint32_t *list);
long sys_setuid(uint32_t uid);
long sys_setgid(uint32_t gid);
long sys_setreuid(uint32_t r, uint32_t e);
long sys_setregid(uint32_t r, uint32_t e);
long sys_setresuid(uint32_t r, uint32_t e, uint32_t s);
long sys_setresgid(uint32_t r, uint32_t e, uint32_t s);
long sys_getresuid(uint32_t *r, uint32_t *e, uint32_t *s);
long sys_getresgid(uint32_t *r, uint32_t *e, uint32_t *s);
long sys_uname(struct new_utsname *u);
long sys_arch_prctl(int code, uint64_t addr);
long sys_set_tid_address(int *tidptr);
long sys_set_robust_list(void *head, size_t len);
long sys_get_robust_list(int pid, void **head, size_t *len);
uint64_t proc_rlimit(unsigned res); /* the soft limit (RLIMIT_NOFILE for the fd table) */
long sys_prlimit64(int pid, unsigned res, const struct rlimit64 *new, struct rlimit64 *old);
long sys_getrlimit(unsigned res, struct rlimit64 *old);
long sys_setrlimit(unsigned res, const struct rlimit64 *new);
long sys_getrandom(void *buf, size_t len, unsigned flags);
long sys_prctl(int option, unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5);
long sys_fork(void);
long sys_vfork(void);
long sys_execve(const char *path, char *const argv[], char *const envp[]);
long sys_wait4(int pid, int *status, int options, void *ru);
long sys_sched_yield(void);
long sys_getcpu(unsigned *cpu, unsigned *node, void *cache);
long sys_rseq(void *rseq, uint32_t len, int flags, uint32_t sig);

/* sys_time.c */
uint64_t proc_cpu_ns(void); /* CPU time of all the program's threads */

/* sys_sched.c */
struct sysinfo;
struct rusage;
long sys_sched_getaffinity(int pid, unsigned len, unsigned long *mask);
long sys_sched_setaffinity(int pid, unsigned len, const unsigned long *mask);
long sys_sched_getscheduler(int pid);
long sys_sched_getparam(int pid, int *param);
long sys_sched_setscheduler(int pid, int policy, const int *param);
long sys_sched_setparam(int pid, const int *param);
long sys_sched_get_priority_max(int policy);
long sys_sched_get_priority_min(int policy);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int nice);
long sys_sysinfo(struct sysinfo *info);
long sys_getrusage(int who, struct rusage *ru);
long sys_membarrier(int cmd, unsigned flags, int cpu);

/* sys_thread.c: program threads (clone) */
__attribute__((noreturn)) void thread_exit_program(int status);
long sys_clone(unsigned long flags, uint64_t stack, int *ptid, int *ctid, uint64_t tls);
long sys_clone3(void *args, size_t size);

/* signal.c, sigframe.c */
struct ksigaction;
struct sigaltstack;
struct siginfo;
struct __kernel_timespec;
const char *signal_name(int sig);
__attribute__((noreturn)) void signal_kill_program(int sig, const char *why);
long sys_rt_sigaction(int sig, const struct ksigaction *act, struct ksigaction *old, size_t size);
long sys_rt_sigprocmask(int how, const uint64_t *set, uint64_t *old, size_t size);
long sys_rt_sigpending(uint64_t *set, size_t size);
long sys_rt_sigsuspend(const uint64_t *mask, size_t size);
long sys_rt_sigtimedwait(const uint64_t *set, struct siginfo *info,
			 const struct __kernel_timespec *ts, size_t size);
long sys_sigaltstack(const struct sigaltstack *ss, struct sigaltstack *old);
long sys_rt_sigreturn(void);
long sys_kill(int pid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_tkill(int tid, int sig);
long sys_pause(void);
long signal_send_process(int sig, int code); /* for timers: callable with interrupts off */
struct thread;
long signal_send_thread(struct thread *t, int sig); /* e.g. SIGPIPE to the writer */

/* itimer.c: alarm and interval timers (ITIMER_REAL) */
struct __kernel_old_itimerval;
long sys_alarm(unsigned int seconds);
long sys_setitimer(int which, const struct __kernel_old_itimerval *value,
		   struct __kernel_old_itimerval *ovalue);
long sys_getitimer(int which, struct __kernel_old_itimerval *value);

/* futex.c */
long sys_futex(uint32_t *uaddr, int op, uint32_t val, const void *timeout, uint32_t *uaddr2,
	       uint32_t val3);

#endif
