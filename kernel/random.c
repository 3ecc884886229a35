/*
 * random.c - random bytes for getrandom, /dev/urandom, AT_RANDOM and
 * address-space randomisation.
 *
 * Seeded from RDRAND when the CPU has it (QEMU's TCG and KVM both do),
 * mixed with the TSC; then a 256-bit xoshiro generator, reseeded from
 * RDRAND every 64 KiB of output. This is not a cryptographic DRBG: keel
 * is a test-and-serve unikernel and says so; RDRAND-backed output is as
 * good as the host's entropy, the fallback is only unpredictable-ish.
 */
#include "klib.h"
#include "cpu.h"
#include "spinlock.h"

static uint64_t s[4];
static uint64_t since_reseed;
static bool have_rdrand, seeded;
static struct spinlock rng_lock = SPINLOCK_INIT("random");

static bool rdrand64(uint64_t *v)
{
	for (int i = 0; i < 10; i++) {
		unsigned char ok;
		__asm__ volatile("rdrand %0; setc %1" : "=r"(*v), "=qm"(ok));
		if (ok)
			return true;
	}
	return false;
}

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void reseed(void)
{
	uint64_t x = rdtsc() ^ s[0] ^ s[3];
	for (int i = 0; i < 4; i++) {
		uint64_t r = 0;
		if (have_rdrand)
			rdrand64(&r);
		s[i] ^= splitmix(&x) ^ r;
	}
	if (!(s[0] | s[1] | s[2] | s[3]))
		s[0] = 1;
	since_reseed = 0;
	seeded = true;
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t next(void)
{
	uint64_t r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return r;
}

void random_bytes(void *buf, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&rng_lock);
	if (!seeded) {
		uint32_t r[4];
		cpuid(1, 0, r);
		have_rdrand = r[2] & (1u << 30);
		reseed();
	}
	for (size_t i = 0; i < n; i += 8) {
		if (since_reseed >= 65536)
			reseed();
		uint64_t v = next();
		memcpy((char *)buf + i, &v, n - i < 8 ? n - i : 8);
		since_reseed += 8;
	}
	spin_unlock_irqrestore(&rng_lock, flags);
}

uint64_t random_u64(void)
{
	uint64_t v;
	random_bytes(&v, sizeof(v));
	return v;
}
