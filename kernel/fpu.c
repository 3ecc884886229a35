/*
 * fpu.c - a thread's extended CPU state (x87, SSE, AVX, ...).
 *
 * Saved and restored in full on every context switch with xsave/xrstor
 * (fxsave/fxrstor on a CPU without XSAVE). Nothing else saves it: the
 * kernel is compiled with -mgeneral-regs-only, so traps and interrupts
 * leave vector registers alone. The area must be 64-byte aligned; kmalloc
 * guarantees 16, so we over-allocate and keep the raw pointer just below.
 */
#include "sched.h"
#include "cpu.h"
#include "klib.h"
#include "mm.h"

#define MXCSR_DEFAULT 0x1f80 /* all SIMD exceptions masked, round to nearest */
#define FCW_DEFAULT 0x037f   /* all x87 exceptions masked, extended precision */

void *fpu_alloc(void)
{
	size_t size = cpu.xsave_size + 64 + sizeof(void *);
	char *raw = kzalloc(size);
	if (!raw)
		return NULL;
	char *area = (char *)ALIGN_UP((uintptr_t)raw + sizeof(void *), 64);
	((void **)area)[-1] = raw;
	/*
	 * A zero XSAVE header means "initial state" for every component, but
	 * xrstor still loads MXCSR from the legacy area, and fxrstor loads
	 * everything from it: put the ABI's default control words there.
	 */
	*(uint16_t *)(area + 0) = FCW_DEFAULT;
	*(uint32_t *)(area + 24) = MXCSR_DEFAULT;
	return area;
}

void fpu_free(void *area)
{
	if (area)
		kfree(((void **)area)[-1]);
}

void fpu_save(void *area)
{
	if (cpu.xsave)
		__asm__ volatile("xsave64 (%0)" ::"r"(area), "a"(-1), "d"(-1) : "memory");
	else
		__asm__ volatile("fxsave64 (%0)" ::"r"(area) : "memory");
}

void fpu_restore(const void *area)
{
	if (cpu.xsave)
		__asm__ volatile("xrstor64 (%0)" ::"r"(area), "a"(-1), "d"(-1) : "memory");
	else
		__asm__ volatile("fxrstor64 (%0)" ::"r"(area) : "memory");
}
