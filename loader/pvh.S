/*
 * pvh.S - the PVH entry: 32-bit protected mode to the upper-half kernel.
 *
 * QEMU (-kernel keel.elf) and Firecracker find the Xen PHYS32_ENTRY note
 * below and jump to pvh_start32 in 32-bit protected mode with paging off,
 * flat segments, no stack, and %ebx = physical address of hvm_start_info.
 * We record the TSC (the start of the boot-time measurement), build no page
 * tables at run time (the boot tables are static data: 1 GiB identity plus
 * the same 1 GiB at KERNEL_VMA, 2 MiB pages), enter long mode, jump to the
 * upper half, clear .bss and call:
 *
 *	void kernel_main(uint32_t start_info_pa);	(never returns)
 *
 * paging.c replaces these tables with the final ones, which drop the
 * identity map: the lower half belongs to the program.
 */
#define KERNEL_VMA 0xffffffff80000000
#define PA(x) ((x) - KERNEL_VMA)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)

	.section .note.pvh, "a", @note
	.balign 4
	.long 4			/* namesz: "Xen\0" */
	.long 8			/* descsz */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.quad PA(pvh_start32)

	.section .boot.text, "ax"
	.code32
	.globl pvh_start32
pvh_start32:
	cld
	rdtsc
	movl %eax, PA(boot_tsc)
	movl %edx, PA(boot_tsc) + 4
	movl %ebx, PA(boot_start_info)

	movl %cr4, %eax
	orl $(1 << 5), %eax		/* PAE */
	movl %eax, %cr4
	movl $PA(boot_pml4), %eax
	movl %eax, %cr3
	movl $MSR_EFER, %ecx
	rdmsr
	orl $(EFER_LME | EFER_NXE), %eax
	wrmsr
	movl %cr0, %eax
	orl $0x80010001, %eax		/* PG | WP | PE */
	movl %eax, %cr0

	lgdt PA(boot_gdt_desc)
	ljmp $0x08, $PA(start64_low)

	.code64
start64_low:
	movabsq $start64_high, %rax
	jmp *%rax

	.text
start64_high:
	xorl %eax, %eax
	movl %eax, %ds
	movl %eax, %es
	movl %eax, %ss
	movl %eax, %fs
	movl %eax, %gs
	leaq __bss_start(%rip), %rdi	/* the loader may not zero .bss: do it */
	leaq __bss_end(%rip), %rcx
	subq %rdi, %rcx
	rep stosb
	leaq boot_stack_top(%rip), %rsp
	xorl %ebp, %ebp			/* ends the backtrace */
	movl boot_start_info(%rip), %edi
	call kernel_main
1:	cli
	hlt
	jmp 1b

	.data
	.balign 8
	.globl boot_tsc
boot_tsc:	.quad 0
boot_start_info: .long 0

	.balign 16
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
boot_gdt_desc:
	.word boot_gdt_desc - boot_gdt - 1
	.long PA(boot_gdt)

	.balign 4096
boot_pml4:
	.quad PA(boot_pdpt_low) + 3
	.fill 510, 8, 0
	.quad PA(boot_pdpt_high) + 3
boot_pdpt_low:
	.quad PA(boot_pd) + 3
	.fill 511, 8, 0
boot_pdpt_high:
	.fill 510, 8, 0
	.quad PA(boot_pd) + 3		/* KERNEL_VMA: pml4[511], pdpt[510] */
	.quad 0
boot_pd:
	.set i, 0
	.rept 512
	.quad (i << 21) | 0x83		/* present, writable, 2 MiB */
	.set i, i + 1
	.endr

	.bss
	.balign 16
	.globl boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip 32768		/* KSTACK_SIZE: the boot context becomes thread 0 */
boot_stack_top:
