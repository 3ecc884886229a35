/*
 * atomic_arch.h - musl's x86_64 atomics, with one change for ring 0.
 *
 * musl's a_crash() -- its answer to heap corruption, a failed stack
 * check, a thread pointer it cannot set -- is `hlt`, which faults in
 * user mode. keel runs musl in ring 0, where hlt just waits for the next
 * interrupt and then carries on past the corruption. ud2 faults in any
 * ring: the kernel reports it with a backtrace and stops.
 */
#include_next <atomic_arch.h>

#undef a_crash
#define a_crash keel_a_crash
static inline void keel_a_crash(void)
{
	__asm__ __volatile__("ud2" ::: "memory");
	__builtin_unreachable();
}
