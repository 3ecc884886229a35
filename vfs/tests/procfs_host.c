/*
 * procfs_host.c - the kernel services that vfs/procfs*.c and vfs/sysfs.c
 * use, for the vfs host unit tests. Every vfs test links every source
 * file of vfs/, so every one links this file too (vfs/tests/vfs.mk), next
 * to vfs_host.c, which stands in for the services of the rest of vfs/.
 *   - proc, cpu and tsc_hz are plain variables a test fills in;
 *   - vm_walk() walks host_vmas[0..host_nvmas), thread_walk() walks
 *     host_threads[0..host_nthreads) (skipping zombies, as the kernel's);
 *   - syscall_count() reads host_syscall_counts[];
 *   - signal_handler_for() answers from host_sig_caught (a bit per signal);
 *   - random_bytes() is a fixed-seed generator.
 */
#include <stdio.h>
#include <stdlib.h>
#include "internal.h"
#include "proc.h"
#include "cpu.h"
#include "time.h"
#include "vma.h"
#include "ksignal.h"
#include "../syscall-trap/syscall.h"

struct proc proc;
struct cpu_features cpu = { .vendor = "HostTest", .brand = "host test CPU", .family = 6 };
uint64_t tsc_hz = 2000000000ULL;

static struct vma_tree host_tree;
struct vma_tree *user_vmas = &host_tree;
struct vma host_vmas[16];
size_t host_nvmas;

void vm_walk(void (*fn)(const struct vma *v, void *arg), void *arg)
{
	host_tree.count = host_nvmas;
	for (size_t i = 0; i < host_nvmas; i++)
		fn(&host_vmas[i], arg);
}

struct thread *host_threads[8];
size_t host_nthreads;

void thread_walk(void (*fn)(struct thread *t, void *arg), void *arg)
{
	for (size_t i = 0; i < host_nthreads; i++)
		if (host_threads[i]->state != T_ZOMBIE)
			fn(host_threads[i], arg);
}

unsigned sched_nr_threads(void) { return (unsigned)host_nthreads; }
uint64_t sched_context_switches(void) { return 0; }
uint64_t timer_interrupts(void) { return 0; }

uint64_t host_sig_caught;
bool signal_handler_for(int sig) { return host_sig_caught & SIGBIT(sig); }

uint64_t host_syscall_counts[NR_SYSCALLS + 1];
uint64_t syscall_count(unsigned long nr)
{
	return host_syscall_counts[nr < NR_SYSCALLS ? nr : NR_SYSCALLS];
}

const char *syscall_name(unsigned long nr)
{
	static char buf[24];

	switch (nr) {
	case 0: return "read";
	case 1: return "write";
	case 39: return "getpid";
	}
	snprintf(buf, sizeof(buf), "nr %lu", nr);
	return buf;
}

void random_bytes(void *buf, size_t n)
{
	static uint64_t x = 88172645463325252ULL;
	unsigned char *p = buf;

	for (size_t i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		p[i] = (unsigned char)x;
	}
}
