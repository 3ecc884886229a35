/*
 * elf/tls.c - the static TLS layout of a program's initial objects, and a
 * new thread's copy of it.
 *
 * x86-64 uses TLS "variant II" (Drepper, "ELF Handling For Thread-Local
 * Storage"; the x86-64 psABI): the thread pointer (%fs base) points at the
 * thread control block, and the static TLS blocks lie below it, the
 * executable's nearest. A block's place is given as tlsoffset_m, its
 * distance below the thread pointer, so the block of module m starts at
 * tp - tlsoffset_m, and initial-exec code reaches a variable with
 * TPOFF = -tlsoffset_m + st_value.
 *
 * Modules are laid out in list order, m = 1, 2, ...: block m must end at
 * or below the start of block m - 1 (tlsoffset_m >= tlsoffset_{m-1} +
 * memsz_m, with tlsoffset_0 = 0), and its start must be congruent to its
 * PT_TLS p_vaddr modulo p_align, since code may rely on the image's
 * alignment within the block just as within the file. With tp a multiple
 * of every p_align, that means tlsoffset_m == c_m (mod align_m) for
 * c_m = (-p_vaddr) mod align_m. The smallest such offset is
 *
 *     x_m = tlsoffset_{m-1} + memsz_m
 *     tlsoffset_m = c_m                                if x_m <= c_m
 *                 = round_up(x_m - c_m, align_m) + c_m  otherwise
 *
 * which for the usual aligned p_vaddr (c = 0) is round_up(x_m, align_m):
 * for the executable, round_up(memsz_1, align_1), the offset the static
 * linker already assumed when it resolved local-exec accesses.
 *
 * The layout's size is the last tlsoffset; the caller puts the TCB at tp,
 * aligned to the largest p_align, with that many bytes below it. Module
 * ids (for DTPMOD64 and __tls_get_addr) are handed out in the same order.
 * Objects loaded later by dlopen get dynamic TLS instead (a later layer).
 */
#include "elf.h"
#include "klib.h"
#include <asm-generic/errno-base.h>

int elf_tls_layout(struct elf_dso *const *objs, size_t n, struct elf_tls_layout *out,
		   struct elf_err *err)
{
	uint64_t off = 0, align = 1;
	unsigned mod = 0;

	*err = (struct elf_err){ .index = ELF_NO_INDEX };
	for (size_t k = 0; k < n; k++) {
		struct elf_dso *d = objs[k];
		uint64_t a = d->tls_align;

		d->tls_modid = 0;
		d->tls_offset = 0;
		d->tls_static = false;
		if (!a)
			continue;
		/* elf_parse() bounds both; recheck what the arithmetic relies on. */
		if ((a & (a - 1)) || a > ELF_MAX_TLS_ALIGN || d->tls_memsz > ELF_MAX_TLS_SIZE) {
			*err = (struct elf_err){ .why = "PT_TLS size or alignment out of range", .index = k };
			return -EINVAL;
		}
		uint64_t c = (0 - d->tls_vaddr) & (a - 1);
		uint64_t x = off + d->tls_memsz;
		off = x <= c ? c : ALIGN_UP(x - c, a) + c;
		if (off > ELF_MAX_STATIC_TLS) {
			*err = (struct elf_err){ .why = "static TLS blocks larger than 1 GiB", .index = k };
			return -E2BIG;
		}
		d->tls_modid = ++mod;
		d->tls_offset = -(int64_t)off;
		d->tls_static = true;
		align = MAX(align, a);
	}
	*out = (struct elf_tls_layout){ .size = off, .align = align, .nmod = mod };
	return 0;
}

int elf_tls_init(struct elf_dso *const *objs, size_t n, uintptr_t tp, struct elf_err *err)
{
	for (size_t k = 0; k < n; k++) {
		const struct elf_dso *d = objs[k];
		if (!d->tls_static)
			continue;
		const void *img = elf_dso_ptr(d, d->tls_vaddr, d->tls_filesz, 1);
		if (!img || d->tls_filesz > d->tls_memsz) {
			*err = (struct elf_err){ .why = "PT_TLS image outside the object's segments",
						 .index = k };
			return -EINVAL;
		}
		char *block = (char *)(tp + (uint64_t)d->tls_offset);
		memcpy(block, img, d->tls_filesz);
		memset(block + d->tls_filesz, 0, d->tls_memsz - d->tls_filesz);
	}
	return 0;
}
