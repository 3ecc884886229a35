/*
 * ksyms.c - the kernel knows its own symbols: name lookup for addresses and
 * a frame-pointer backtrace (the kernel is built with frame pointers).
 *
 * The table is generated from the first link of keel.elf by tools/ksyms.c
 * and placed in the last section of the second link (see keel.ld), so the
 * addresses it lists are those of the final image. Layout, all little
 * endian: u64 count, then count entries { u64 addr; u32 name_offset;
 * u32 size }, sorted by address, then the NUL-terminated names.
 */
#include "klib.h"
#include "mm.h"

struct ksym {
	uint64_t addr;
	uint32_t name;
	uint32_t size;
};

extern const uint64_t ksyms_table[];

const char *ksym_lookup(uint64_t addr, uint64_t *off)
{
	uint64_t n = ksyms_table[0];
	const struct ksym *s = (const struct ksym *)&ksyms_table[1];
	const char *names = (const char *)(s + n);
	uint64_t lo = 0, hi = n;

	while (lo < hi) { /* last symbol with s.addr <= addr */
		uint64_t mid = (lo + hi) / 2;
		if (s[mid].addr <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	s += lo - 1;
	if (addr - s->addr >= (s->size ? s->size : 4096))
		return NULL;
	*off = addr - s->addr;
	return names + s->name;
}

static bool kernel_text(uint64_t a)
{
	extern char __text_start[], __text_end[];
	return a >= (uint64_t)__text_start && a < (uint64_t)__text_end;
}

/* is_ret: rip is a return address, which may point just past its call's function */
static void print_frame(int i, uint64_t rip, bool is_ret)
{
	uint64_t off;
	const char *name = ksym_lookup(rip - is_ret, &off);
	off += is_ret;
	if (name)
		printk("  #%d %016lx %s+0x%lx\n", i, rip, name, off);
	else
		printk("  #%d %016lx ?\n", i, rip);
}

/*
 * Print rip (unless 0), then walk the rbp chain. Frames must lie in the kernel half and grow upward;
 * the walk stops at the first frame that does not, so a corrupt stack
 * ends the trace instead of faulting inside the fault report.
 */
void backtrace_print(uint64_t rip, uint64_t rbp)
{
	printk("backtrace:\n");
	int i = 0;
	if (rip)
		print_frame(i++, rip, false);
	for (; i < 32; i++) {
		if (rbp < 0xffff800000000000UL || (rbp & 7) || rbp > UINT64_MAX - 16)
			break;
		const uint64_t *fp = (const uint64_t *)rbp;
		uint64_t ret = fp[1];
		if (!kernel_text(ret))
			break;
		print_frame(i, ret, true);
		if (fp[0] <= rbp)
			break;
		rbp = fp[0];
	}
}
