/*
 * gdt.c - the GDT and the TSS. In long mode segments are flat; the TSS
 * matters only for its IST stacks (entry.S explains why every vector has
 * one). Ring 3 is never used, so there are no user segments and RSP0 is
 * unused.
 */
#include "cpu.h"
#include "klib.h"

#define IST_SIZE 16384

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3, iomap_base;
} __attribute__((packed));

static struct tss tss;
static uint64_t gdt[5];
static uint8_t ist_stacks[4][IST_SIZE] __attribute__((aligned(16)));

void gdt_init(void)
{
	uint64_t base = (uint64_t)&tss, limit = sizeof(tss) - 1;

	for (int i = 0; i < 4; i++)
		tss.ist[i] = (uint64_t)&ist_stacks[i][IST_SIZE];
	tss.iomap_base = sizeof(tss);

	gdt[0] = 0;
	gdt[SEL_KCODE / 8] = 0x00af9a000000ffffUL; /* 64-bit code, DPL 0 */
	gdt[SEL_KDATA / 8] = 0x00cf92000000ffffUL;
	gdt[SEL_TSS / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89UL << 40) |
			   ((limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xff) << 56);
	gdt[SEL_TSS / 8 + 1] = base >> 32;

	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) desc = { sizeof(gdt) - 1, (uint64_t)gdt };

	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movl %2, %%eax\n\t"
			 "movl %%eax, %%ss\n\t"
			 "xorl %%eax, %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "ltr %w3"
			 :
			 : "m"(desc), "i"(SEL_KCODE), "i"(SEL_KDATA), "r"(SEL_TSS)
			 : "rax", "memory");
}
