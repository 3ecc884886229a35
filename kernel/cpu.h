/*
 * cpu.h - the CPU: port and MSR access, CPUID facts, descriptor tables,
 * per-CPU data behind %gs, and the interrupt trap frame.
 *
 * %fs belongs to the program (its TLS); the kernel's per-CPU data hangs off
 * %gs, whose base is set once and never changed (programs on x86-64 Linux do
 * not use %gs, and ARCH_SET_GS is refused), so no swapgs is ever needed.
 */
#ifndef KEEL_CPU_H
#define KEEL_CPU_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

static inline void outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port)); }
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline void outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" ::"a"(v), "Nd"(port)); }
static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" ::"c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}
static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}
static inline uint64_t read_cr2(void)
{
	uint64_t v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}
static inline uint64_t read_cr3(void)
{
	uint64_t v;
	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}
static inline void write_cr3(uint64_t v) { __asm__ volatile("mov %0, %%cr3" ::"r"(v) : "memory"); }
static inline void cpu_relax(void) { __asm__ volatile("pause"); }
static inline void irq_enable(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void irq_disable(void) { __asm__ volatile("cli" ::: "memory"); }
static inline bool irq_enabled(void)
{
	unsigned long f;
	__asm__ volatile("pushfq; popq %0" : "=r"(f));
	return f & 0x200;
}

#define MSR_APIC_BASE 0x1b
#define MSR_EFER 0xc0000080
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_KVM_SYSTEM_TIME_NEW 0x4b564d01

#include "frame.h" /* segment selectors of gdt.c, per-CPU offsets for the entry code */

/* IST slots (1-based, as in the IDT gate) */
#define IST_INTR 1 /* every vector but the three below; left at once for the thread stack */
#define IST_DF 2
#define IST_NMI 3
#define IST_MC 4

/* Interrupt vectors */
#define VEC_TIMER 0x20
#define VEC_SPURIOUS 0xff

/*
 * struct trap_frame - registers saved by entry.S, lowest address first.
 * entry.S pushes them in exactly this order; the offsets are asserted in
 * trap.c so C and assembly cannot disagree.
 */
struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

/*
 * struct percpu - data reached through %gs. entry.S reads kstack_base and
 * kstack_top at the offsets asserted in cpu.c.
 */
struct thread;
struct percpu {
	struct percpu *self;    /* 0: %gs:0 gives the struct's address */
	uint64_t kstack_top;    /* 8: top of the current thread's kernel stack */
	uint64_t kstack_base;   /* 16: its lowest address */
	struct thread *current; /* 24 */
	uint64_t irq_depth;     /* 32: nesting of trap_dispatch */
	uint64_t user_rsp;      /* 40: the program's %rsp across syscall entry */
	uint32_t sig_work;      /* 48: current->sig_work, for the syscall fast path */
	uint64_t syscall_nr;    /* 56: the running thread's current or last syscall number */
	uint64_t fs_loaded;     /* 64: what MSR_FS_BASE holds (written with interrupts off) */
};


static inline struct percpu *this_cpu(void)
{
	struct percpu *p;
	__asm__ volatile("movq %%gs:0, %0" : "=r"(p));
	return p;
}

/* cpu.c */
struct cpu_features {
	char vendor[13];
	char brand[49];
	uint32_t family, model, stepping;
	bool hypervisor, kvm, kvmclock, xsave, avx, pdpe1gb, nx, invariant_tsc, tsc_deadline, x2apic;
	char hv_vendor[13];
	uint32_t xsave_size; /* bytes for the enabled XCR0 components */
	uint64_t xcr0;
};
extern struct cpu_features cpu;
extern struct percpu percpu0;
void cpu_init(void);      /* features, CR0/CR4/XCR0, GDT/TSS/IDT, %gs */
void cpu_print_facts(void);

/* gdt.c */
void gdt_init(void);

/* idt.c / trap.c */
typedef void (*irq_handler_t)(struct trap_frame *f);
void idt_init(void);
void irq_register(unsigned vector, irq_handler_t h);
void trap_dispatch(struct trap_frame *f); /* called from entry.S */
void trap_report(const char *what, struct trap_frame *f);

#endif
