/*
 * cpu.c - bring the boot CPU to the state the rest of the kernel assumes:
 * SSE and XSAVE enabled for program code (the kernel itself is built with
 * -mgeneral-regs-only), NX and write protection on, our GDT/TSS/IDT loaded,
 * and %gs pointing at the per-CPU data.
 */
#include "cpu.h"
#include "klib.h"
#include "loader.h"

struct cpu_features cpu;
struct percpu percpu0;

_Static_assert(offsetof(struct percpu, kstack_top) == PERCPU_KSTACK_TOP, "entry.S offset");
_Static_assert(offsetof(struct percpu, kstack_base) == PERCPU_KSTACK_BASE, "entry.S offset");
_Static_assert(offsetof(struct percpu, user_rsp) == PERCPU_USER_RSP, "syscall entry offset");
_Static_assert(offsetof(struct percpu, current) == PERCPU_CURRENT, "syscall entry offset");
_Static_assert(offsetof(struct percpu, sig_work) == PERCPU_SIG_WORK, "syscall entry offset");
_Static_assert(offsetof(struct percpu, syscall_nr) == PERCPU_SYSCALL_NR, "syscall entry offset");

#define CR0_MP (1UL << 1)
#define CR0_EM (1UL << 2)
#define CR0_NE (1UL << 5)
#define CR4_PGE (1UL << 7)
#define CR4_OSFXSR (1UL << 9)
#define CR4_OSXMMEXCPT (1UL << 10)
#define CR4_OSXSAVE (1UL << 18)
/* XCR0 components programs may use: x87, SSE, AVX, AVX-512 (3), PKRU. Not MPX. */
#define XCR0_WANTED 0x2e7UL

static void read_features(void)
{
	uint32_t r[4];

	cpuid(0, 0, r);
	uint32_t max = r[0];
	*(uint32_t *)&cpu.vendor[0] = r[1];
	*(uint32_t *)&cpu.vendor[4] = r[3];
	*(uint32_t *)&cpu.vendor[8] = r[2];
	cpuid(1, 0, r);
	cpu.stepping = r[0] & 0xf;
	cpu.model = ((r[0] >> 4) & 0xf) | ((r[0] >> 12) & 0xf0);
	cpu.family = ((r[0] >> 8) & 0xf) + ((r[0] >> 20) & 0xff);
	cpu.xsave = r[2] & (1u << 26);
	cpu.avx = r[2] & (1u << 28);
	cpu.hypervisor = r[2] & (1u << 31);
	cpu.tsc_deadline = r[2] & (1u << 24);
	cpu.x2apic = r[2] & (1u << 21);
	(void)max;
	cpuid(0x80000000, 0, r);
	uint32_t ext = r[0];
	if (ext >= 0x80000001) {
		cpuid(0x80000001, 0, r);
		cpu.nx = r[3] & (1u << 20);
		cpu.pdpe1gb = r[3] & (1u << 26);
	}
	if (ext >= 0x80000004) {
		for (uint32_t i = 0; i < 3; i++)
			cpuid(0x80000002 + i, 0, (uint32_t *)&cpu.brand[16 * i]);
	}
	if (ext >= 0x80000007) {
		cpuid(0x80000007, 0, r);
		cpu.invariant_tsc = r[3] & (1u << 8);
	}
	if (cpu.hypervisor) {
		cpuid(0x40000000, 0, r);
		*(uint32_t *)&cpu.hv_vendor[0] = r[1];
		*(uint32_t *)&cpu.hv_vendor[4] = r[2];
		*(uint32_t *)&cpu.hv_vendor[8] = r[3];
		cpu.kvm = strcmp(cpu.hv_vendor, "KVMKVMKVM") == 0;
		if (cpu.kvm && r[0] >= 0x40000001) {
			cpuid(0x40000001, 0, r);
			cpu.kvmclock = r[0] & (1u << 3); /* KVM_FEATURE_CLOCKSOURCE2 */
		}
	}
}

static void enable_fpu(void)
{
	uint64_t cr0, cr4;
	__asm__ volatile("mov %%cr0, %0; mov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
	cr0 = (cr0 & ~CR0_EM) | CR0_MP | CR0_NE;
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT | CR4_PGE;
	if (cpu.xsave)
		cr4 |= CR4_OSXSAVE;
	__asm__ volatile("mov %0, %%cr0; mov %1, %%cr4" ::"r"(cr0), "r"(cr4));
	if (cpu.xsave) {
		uint32_t r[4];
		cpuid(0xd, 0, r);
		cpu.xcr0 = (((uint64_t)r[3] << 32) | r[0]) & XCR0_WANTED;
		__asm__ volatile("xsetbv" ::"c"(0), "a"((uint32_t)cpu.xcr0),
				 "d"((uint32_t)(cpu.xcr0 >> 32)));
		cpuid(0xd, 0, r);
		cpu.xsave_size = r[1]; /* for the components now enabled */
	} else {
		cpu.xsave_size = 512; /* fxsave area */
	}
	__asm__ volatile("fninit");
}

void cpu_init(void)
{
	read_features();
	if (!cpu.nx)
		panic("the CPU has no NX bit; keel needs it");
	percpu0.self = &percpu0;
	percpu0.kstack_top = (uint64_t)boot_stack_top;
	percpu0.kstack_base = (uint64_t)boot_stack_bottom;
	wrmsr(MSR_GS_BASE, (uint64_t)&percpu0);
	gdt_init();
	idt_init();
	enable_fpu();
}

void cpu_print_facts(void)
{
	printk("cpu: %s, %s (family %u model %u stepping %u)\n", cpu.vendor,
	       cpu.brand[0] ? cpu.brand : "no brand string", cpu.family, cpu.model, cpu.stepping);
	printk("cpu: hypervisor %s, xsave %s (%u bytes, xcr0 %#lx), avx %s, 1G pages %s, "
	       "invariant tsc %s, tsc-deadline %s\n",
	       cpu.hypervisor ? (cpu.hv_vendor[0] ? cpu.hv_vendor : "yes") : "none",
	       cpu.xsave ? "yes" : "no", cpu.xsave_size, cpu.xcr0, cpu.avx ? "yes" : "no",
	       cpu.pdpe1gb ? "yes" : "no", cpu.invariant_tsc ? "yes" : "no",
	       cpu.tsc_deadline ? "yes" : "no");
}
