/*
 * main.c - kernel_main: bring the machine up in dependency order, say what
 * it found, then run what the command line asks for.
 *
 * Order matters: the console first (so everything after can complain),
 * the start info before paging drops the identity map, the CPU tables
 * before anything can fault, paging before palloc (the page array lives in
 * the direct map), palloc before kmalloc, the APIC and clock before timers,
 * timers before threads (time slices), threads before the file system
 * (its locks sleep), and the file system before the boot image is unpacked.
 */
#include "klib.h"
#include "cpu.h"
#include "loader.h"
#include "mm.h"
#include "time.h"
#include "sched.h"
#include "cmdline.h"
#include "syscall.h"
#include "vfs.h"

static void print_memmap(void)
{
	uint64_t usable = 0;
	printk("memory map:\n");
	for (uint32_t i = 0; i < boot_info.nr_mem; i++) {
		const struct boot_mem *m = &boot_info.mem[i];
		printk("  %016lx-%016lx %s\n", m->addr, m->addr + m->size - 1,
		       boot_mem_type_name(m->type));
		if (m->type == MEM_USABLE)
			usable += m->size;
	}
	printk("memory: %lu MiB usable, %lu MiB free for allocation, kernel image %lu KiB\n",
	       usable >> 20, (palloc_free_pages() * PAGE_SIZE) >> 20,
	       (uint64_t)(__kernel_end - __kernel_start) >> 10);
	for (uint32_t i = 0; i < boot_info.nr_modules; i++)
		printk("module %u: %#lx, %lu bytes\n", i, boot_info.modules[i].addr,
		       boot_info.modules[i].size);
}

__noreturn void kernel_main(uint32_t start_info_pa)
{
	console_init();
	if (boot_parse_pvh(start_info_pa) < 0)
		panic("no PVH start info at %#x: keel must be started through its PVH entry "
		      "(qemu -kernel keel.elf)", start_info_pa);
	cpu_init();
	paging_init();
	palloc_init(&boot_info);
	apic_init();
	uint64_t calib_start = rdtsc();
	clock_init();
	uint64_t calib_tsc = rdtsc() - calib_start;
	rtc_init();
	timer_init();
	sched_init();
	irq_enable();

	syscall_init();
	if (vfs_init())
		panic("cannot set up the file system");
	for (uint32_t i = 0; i < boot_info.nr_modules; i++) {
		int err = vfs_unpack_cpio(pa_to_va(boot_info.modules[i].addr), boot_info.modules[i].size);
		if (err) {
			printk("keel: the boot image (module %u) is not a usable cpio archive (error %d)\n",
			       i, -err);
			machine_exit(2);
		}
	}

	uint64_t ready = rdtsc();
	struct cmdline cl;
	static char line_as_given[BOOT_CMDLINE_MAX]; /* cmdline_parse splits the line in place */
	strlcpy(line_as_given, boot_info.cmdline, sizeof(line_as_given));
	int err = cmdline_parse(boot_info.cmdline, &cl);

	if (!cl.quiet) {
		printk("keel: ready in %lu us after PVH entry (clock calibration %lu us of it)\n",
		       tsc_to_ns(ready - boot_info.entry_tsc) / 1000, tsc_to_ns(calib_tsc) / 1000);
		printk("keel: command line: \"%s\"\n", line_as_given);
		print_memmap();
		cpu_print_facts();
		printk("clock: TSC %lu kHz (%s), APIC timer %lu kHz, one-shot\n", tsc_hz / 1000,
		       clock_source, lapic_timer_hz / 1000);
	}
	if (err)
		machine_exit(2); /* cmdline_parse said what was wrong */
	machine_exit(cmdline_run(&cl));
}
