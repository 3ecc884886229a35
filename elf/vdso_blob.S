/*
 * vdso_blob.S - the vDSO shared object (built from elf/vdso/ by the
 * Makefile) embedded in the kernel image, for elf/vdso.c to map.
 */
	.section .rodata
	.balign 4096
	.globl vdso_image, vdso_image_end
vdso_image:
	.incbin VDSO_SO
vdso_image_end:
