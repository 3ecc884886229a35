/*
 * trap.c - the IDT and what happens after entry.S: exceptions, device
 * interrupts, and the fatal-fault report.
 *
 * An exception the kernel cannot handle (a page fault outside every VMA, a
 * #GP, a #UD, ...) prints the vector, error code, CR2, all registers and a
 * symbolized backtrace, then stops the VM with KEEL_STATUS_PANIC. Device
 * interrupts go to the handler registered for their vector; on the way out
 * the scheduler may switch threads (preemption happens only here and in
 * explicit yields).
 */
#include "cpu.h"
#include "klib.h"
#include "mm.h"
#include "sched.h"
#include "uaccess.h"
#include "proc.h"
#include "ksignal.h"
#include <asm-generic/errno-base.h>

_Static_assert(offsetof(struct trap_frame, rax) == 14 * 8, "entry.S pushes rax 15th");
_Static_assert(offsetof(struct trap_frame, vector) == 15 * 8, "entry.S frame layout");
_Static_assert(offsetof(struct trap_frame, rip) == 17 * 8, "CPU frame after error code");
_Static_assert(sizeof(struct trap_frame) == 22 * 8, "entry.S copies 9 words + 13 pushes");

struct idt_gate {
	uint16_t off_lo, sel;
	uint8_t ist, type;
	uint16_t off_mid;
	uint32_t off_hi, zero;
} __attribute__((packed));

static struct idt_gate idt[256];
static irq_handler_t irq_handlers[256];
extern char intr_stubs[];

static const char *const exc_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
	"invalid opcode", "device not available", "double fault", "coprocessor overrun",
	"invalid TSS", "segment not present", "stack fault", "general protection fault",
	"page fault", "reserved", "x87 floating-point error", "alignment check",
	"machine check", "SIMD floating-point error", "virtualization", "control protection",
};

void idt_init(void)
{
	for (int v = 0; v < 256; v++) {
		uint64_t a = (uint64_t)intr_stubs + 16 * v;
		unsigned ist = v == 2 ? IST_NMI : v == 8 ? IST_DF : v == 18 ? IST_MC : IST_INTR;
		idt[v] = (struct idt_gate){ a & 0xffff, SEL_KCODE, ist, 0x8e, (a >> 16) & 0xffff,
					    a >> 32, 0 };
	}
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) desc = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" ::"m"(desc));
}

void irq_register(unsigned vector, irq_handler_t h)
{
	irq_handlers[vector & 0xff] = h;
}

static void print_regs(const struct trap_frame *f)
{
	printk("RIP %016lx  RSP %016lx  RFLAGS %016lx\n", f->rip, f->rsp, f->rflags);
	printk("RAX %016lx  RBX %016lx  RCX %016lx\n", f->rax, f->rbx, f->rcx);
	printk("RDX %016lx  RSI %016lx  RDI %016lx\n", f->rdx, f->rsi, f->rdi);
	printk("RBP %016lx  R8  %016lx  R9  %016lx\n", f->rbp, f->r8, f->r9);
	printk("R10 %016lx  R11 %016lx  R12 %016lx\n", f->r10, f->r11, f->r12);
	printk("R13 %016lx  R14 %016lx  R15 %016lx\n", f->r13, f->r14, f->r15);
	uint64_t cr0, cr4;
	__asm__ volatile("mov %%cr0, %0; mov %%cr4, %1" : "=r"(cr0), "=r"(cr4));
	printk("CS %04lx SS %04lx  CR0 %08lx CR2 %016lx CR3 %08lx CR4 %08lx\n", f->cs, f->ss, cr0,
	       read_cr2(), read_cr3(), cr4);
}

/* Print everything known about a fatal trap and stop the VM. */
__noreturn static void trap_fatal(const char *what, struct trap_frame *f)
{
	trap_report(what, f);
	machine_exit(KEEL_STATUS_PANIC);
}

void trap_report(const char *what, struct trap_frame *f)
{
	static int depth;
	uint64_t off;

	if (depth++) { /* faulted while reporting: the registers were already printed */
		printk("keel: fault inside the fault report (vector %lu at %016lx)\n", f->vector, f->rip);
		machine_exit(KEEL_STATUS_PANIC);
	}
	const char *sym = ksym_lookup(f->rip, &off);
	printk("\nkeel: FATAL: %s (vector %lu, error code %#lx)", what, f->vector, f->error);
	if (sym)
		printk(" in %s+0x%lx", sym, off);
	printk("\n");
	if (f->vector == 14)
		printk("page fault at address %016lx: %s, %s%s\n", read_cr2(),
		       f->error & 1 ? "protection violation" : "page not present",
		       f->error & 2 ? "write" : "read", f->error & 16 ? ", instruction fetch" : "");
	struct thread *t = this_cpu()->current;
	if (t)
		printk("thread %d (%s)\n", t->tid, t->name);
	print_regs(f);
	backtrace_print(f->rip, f->rbp);
	depth--;
}

__noreturn static void program_fault(const char *what, struct trap_frame *f, int sig, int code,
				       uint64_t addr);
static int fault_signal(uint64_t vector);

extern char __musl_text_start[], __musl_text_end[]; /* loader/keel.ld */

static bool in_klibc(uint64_t pc)
{
	return pc >= (uint64_t)__musl_text_start && pc < (uint64_t)__musl_text_end;
}

/*
 * Linked mode: is a fault in the kernel's libc (musl's text) one the
 * program made, e.g. strlen(NULL)? Then it is the program's crash, as on
 * Linux. It is if a program thread (the test signal.c uses) is running
 * it on a program stack, outside any direct system call (which is kernel
 * code at work), and its frame-pointer chain -- walked through uaccess,
 * which refuses kernel stacks -- does not lead to kernel code before it
 * leads to the program's (a chain that cannot be followed, as in programs
 * built without frame pointers, counts as the program's). Otherwise (the libc self-test, a kernel thread,
 * a system call using the libc) it is a kernel bug and panics.
 */
static bool klibc_fault_for_program(const struct trap_frame *f)
{
	struct thread *t = this_cpu()->current;
	if (!in_klibc(f->rip) || !t || t->uaccess_kernel || f->rsp >= USER_TOP ||
	    !(t->tid == proc.pid || t->detached))
		return false;
	uint64_t rbp = f->rbp;
	for (int i = 0; i < 64 && rbp; i++) {
		uint64_t fr[2];
		if (copy_from_user(fr, (void *)rbp, sizeof(fr)) || fr[0] <= rbp)
			break; /* %rbp is not a frame pointer: program code built without them */
		if (!in_klibc(fr[1]))
			return fr[1] < USER_TOP;
		rbp = fr[0];
	}
	return true; /* no kernel code found on the way */
}

static void exception(struct trap_frame *f)
{
	const char *what = exc_names[f->vector] ? exc_names[f->vector] : "reserved exception";
	int code = 1; /* SEGV_MAPERR, ILL_ILLOPC, FPE_INTDIV, BUS_ADRALN: the first of each */
	int sig = fault_signal(f->vector);
	uint64_t addr = f->rip;
	bool prog = f->rip < USER_TOP;

	if (f->vector == 14) {
		addr = read_cr2();
		int err = mm_handle_fault(addr, f->error);
		if (err == 0)
			return;
		uint64_t fixup = uaccess_fixup(f->rip);
		if (fixup) { /* a bad pointer handed to a system call: -EFAULT */
			f->rip = fixup;
			return;
		}
		if (err == -ENOMEM)
			what = "page fault: out of memory (no free page for a demand-zero fault)";
		else if (err == -EACCES)
			what = "page fault: access not allowed by the mapping's protection";
		if (err == -EACCES)
			code = 2; /* SEGV_ACCERR */
		prog = prog || klibc_fault_for_program(f);
		if (err == -ENXIO && prog) {
			/* the program's own access: it may sleep to look at the file again */
			irq_enable();
			err = mm_fault_file_grown(addr);
			irq_disable();
			if (err == 0)
				return;
		}
		if (err == -ENXIO) { /* past the end of a mapped file: mmap(2) says SIGBUS */
			what = "page fault: past the end of the mapped file";
			sig = 7;  /* SIGBUS */
			code = 2; /* BUS_ADRERR */
		}
	}
	/* the program's own code, or the kernel's libc working for it: the program crashed */
	if (prog || klibc_fault_for_program(f))
		program_fault(what, f, sig, code, addr);
	trap_fatal(what, f);
}

/* Signal that a fault in program code raises, as Linux chooses it. */
static int fault_signal(uint64_t vector)
{
	switch (vector) {
	case 0: case 16: case 19: return 8;  /* SIGFPE */
	case 6: return 4;                    /* SIGILL */
	case 3: case 1: return 5;            /* SIGTRAP */
	case 17: return 7;                   /* SIGBUS */
	default: return 11;                  /* SIGSEGV */
	}
}

/*
 * The program's code faulted. If it installed a handler for the signal,
 * the handler runs (signal_fault does not return). Otherwise report it
 * like a fatal kernel fault, walking the program's frame-pointer chain
 * through uaccess (it may be garbage), and end the program with 128+signal.
 */
__noreturn static void program_fault(const char *what, struct trap_frame *f, int sig, int code,
				       uint64_t addr)
{
	struct thread *cur = this_cpu()->current;
	if (signal_handler_for(sig) && cur && !(cur->sig_mask & SIGBIT(sig)))
		signal_fault(f, sig, code, addr);
	printk("\nkeel: program crashed: %s (vector %lu, error code %#lx) at %016lx\n", what,
	       f->vector, f->error, f->rip);
	if (f->vector == 14)
		printk("fault address %016lx\n", read_cr2());
	struct thread *t = this_cpu()->current;
	if (t)
		printk("thread %d (%s)\n", t->tid, t->name);
	print_regs(f);
	printk("program backtrace (frame pointers; FILE+0xOFFSET is a file offset for addr2line):\n");
	uint64_t rbp = f->rbp, pc = f->rip;
	for (int i = 0; i < 16 && pc; i++) {
		char where[160];
		uint64_t off;
		const char *sym = in_klibc(pc) ? ksym_lookup(pc, &off) : NULL;
		if (sym) /* the kernel's libc (linked mode) */
			snprintf(where, sizeof(where), "%s+0x%lx (kernel libc)", sym, off);
		else if (!mm_describe(pc, where, sizeof(where)))
			strlcpy(where, "?", sizeof(where));
		printk("  #%d %016lx %s\n", i, pc, where);
		uint64_t fr[2], ret;
		/* musl's assembly (memcpy, memset...) makes no frame: its caller is at %rsp */
		if (i == 0 && sym && !copy_from_user(&ret, (void *)f->rsp, 8) && ret < USER_TOP &&
		    mm_describe(ret, where, sizeof(where)))
			printk("     %016lx %s (at %%rsp: the caller, if the function has no frame)\n", ret,
			       where);
		if (!rbp || copy_from_user(fr, (void *)rbp, sizeof(fr)) ||
		    (fr[1] >= USER_TOP && !in_klibc(fr[1])) || fr[0] <= rbp)
			break;
		pc = fr[1];
		rbp = fr[0];
	}
	signal_kill_program(sig, NULL);
}

void trap_dispatch(struct trap_frame *f)
{
	struct percpu *pc = this_cpu();

	if (f->vector < 32) {
		exception(f);
		return;
	}
	pc->irq_depth++;
	if (irq_handlers[f->vector])
		irq_handlers[f->vector](f);
	else if (f->vector != VEC_SPURIOUS)
		printk("keel: unexpected interrupt, vector %lu\n", f->vector);
	pc->irq_depth--;
	/* Interrupts were on where we came from, so switching threads here is safe. */
	if (f->rflags & 0x200)
		sched_preempt_point();
	/* Back to program code: a signal sent meanwhile is delivered now. */
	struct thread *t = pc->current;
	if (f->rip < USER_TOP && t && (t->sig_pending & ~t->sig_mask))
		signal_deliver(f, 0);
}
