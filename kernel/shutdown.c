/*
 * shutdown.c - stop the VM and hand the host an exit status.
 *
 * tools/run adds QEMU's isa-debug-exit device at port 0xf4. Writing v there
 * makes QEMU exit with code (v << 1) | 1, so a status s in 0..127 comes out
 * as 2s+1 and tools/run turns it back into s. Statuses from 128 up (a
 * program killed by a signal, 128+N) do not survive that 8-bit code, so
 * the last console line, "keel: exit status N", carries the full value and
 * tools/run prefers it. A QEMU exit code of 0 therefore never means success
 * here: it means the guest reset or QEMU was stopped from outside.
 */
#include "klib.h"
#include "cpu.h"

#define DEBUG_EXIT_PORT 0xf4

__noreturn void machine_exit(int status)
{
	irq_disable();
	printk("keel: exit status %d\n", status & 0xff);
	outl(DEBUG_EXIT_PORT, (uint32_t)(status & 0xff));
	/* No debug-exit device (another hypervisor): halt forever. */
	for (;;)
		__asm__ volatile("cli; hlt");
}
