/*
 * exec.c - start the program, as Linux execve does for a new process.
 *
 * exec_start loads the executable and, if it names one, its PT_INTERP
 * (glibc's ld-linux-x86-64.so.2 or musl's ld-musl-x86_64.so.1: in interp
 * mode the program's own dynamic linker does the linking), builds the
 * initial stack -- argc, argv, envp, the auxiliary vector, and the strings
 * and random bytes they point to (System V x86-64 ABI, "Process
 * Initialization") -- and jumps to the entry point on a new thread whose
 * tid becomes the pid. The program runs in ring 0 with interrupts on;
 * every system call it makes arrives through the trap.
 *
 * In linked mode (--mode=linked, or --mode=auto for a musl program whose
 * imports all resolve) linked.c links the program instead of its
 * PT_INTERP, and the program starts at its own entry point on the same
 * stack (AT_BASE 0, as for a program without an interpreter).
 */
#include "elf.h"
#include "exec.h"
#include "mm.h"
#include "klib.h"
#include "sched.h"
#include "proc.h"
#include "cpu.h"
#include <linux/auxvec.h>
#include <asm-generic/errno.h>

#define STACK_SIZE (8UL << 20)
#define STACK_TOP 0x00007ffffffff000UL
#define STACK_RANDOM_PAGES 4096 /* up to 16 MiB below STACK_TOP */
#define MMAP_GAP (256UL << 20)  /* between the stack's lowest address and mmap */

struct proc proc;

struct start {
	uint64_t entry, sp;
};

/* Push n bytes on the new stack (the stack is mapped; pages fault in). */
static uint64_t push_bytes(uint64_t sp, const void *p, size_t n)
{
	sp -= n;
	memcpy((void *)sp, p, n);
	return sp;
}

static void keep_strings(char **out, size_t *len, int n, char **v)
{
	size_t total = 0;
	for (int i = 0; i < n; i++)
		total += strlen(v[i]) + 1;
	char *buf = kmalloc(total ? total : 1);
	*out = buf;
	*len = buf ? total : 0;
	for (int i = 0; buf && i < n; i++) {
		size_t l = strlen(v[i]) + 1;
		memcpy(buf, v[i], l);
		buf += l;
	}
}

static int build_stack(const struct exec_args *a, const struct elf_loaded *prog,
		       const struct elf_loaded *interp, uint64_t *sp_out)
{
	uint64_t top = STACK_TOP - (random_u64() % STACK_RANDOM_PAGES) * PAGE_SIZE;
	long r = vm_map(top - STACK_SIZE, STACK_SIZE, PROT_R | PROT_W, VM_FIXED, NULL);
	if (r < 0)
		return (int)r;
	vm_name(top - STACK_SIZE, STACK_SIZE, "[stack]", 0);
	vm_set_mmap_top(top - STACK_SIZE - MMAP_GAP);

	uint64_t sp = top, argp[a->argc + 1], envp[a->envc + 1];
	uint8_t rnd[16];
	sp = push_bytes(sp, proc.exe, strlen(proc.exe) + 1);
	uint64_t execfn = sp;
	for (int i = a->envc - 1; i >= 0; i--)
		envp[i] = sp = push_bytes(sp, a->envp[i], strlen(a->envp[i]) + 1);
	for (int i = a->argc - 1; i >= 0; i--)
		argp[i] = sp = push_bytes(sp, a->argv[i], strlen(a->argv[i]) + 1);
	argp[a->argc] = envp[a->envc] = 0;
	uint64_t phdr = prog->phdr;
	if (!phdr) { /* the headers are in no segment: give the program a copy */
		sp = ALIGN_DOWN(sp - prog->phnum * 56, 8);
		memcpy((void *)sp, prog->phdr_copy, prog->phnum * 56);
		phdr = sp;
	}
	sp = push_bytes(sp, "x86_64", 7);
	uint64_t platform = sp;
	random_bytes(rnd, sizeof(rnd));
	sp = push_bytes(sp, rnd, sizeof(rnd));
	uint64_t random = sp;

	uint32_t r4[4];
	cpuid(1, 0, r4);
	uint64_t auxv[] = {
		AT_PHDR, phdr, AT_PHENT, 56, AT_PHNUM, prog->phnum, AT_PAGESZ, PAGE_SIZE,
		AT_BASE, interp ? interp->base : 0, AT_FLAGS, 0, AT_ENTRY, prog->entry,
		AT_UID, 0, AT_EUID, 0, AT_GID, 0, AT_EGID, 0, AT_SECURE, 0,
		AT_HWCAP, r4[3], AT_CLKTCK, 100, AT_RANDOM, random, AT_PLATFORM, platform,
		AT_EXECFN, execfn, AT_MINSIGSTKSZ, 2048 + cpu.xsave_size,
		AT_SYSINFO_EHDR, vdso_map(), AT_NULL, 0,
	};
	memcpy(proc.auxv, auxv, sizeof(auxv));
	proc.auxv_len = sizeof(auxv);

	/* argc, argv[], 0, envp[], 0, auxv: the pointer block must start 16-aligned */
	size_t words = 1 + (a->argc + 1) + (a->envc + 1) + ARRAY_SIZE(auxv);
	sp = ALIGN_DOWN(sp - words * 8, 16);
	uint64_t *w = (uint64_t *)sp;
	*w++ = a->argc;
	memcpy(w, argp, (a->argc + 1) * 8);
	w += a->argc + 1;
	memcpy(w, envp, (a->envc + 1) * 8);
	w += a->envc + 1;
	memcpy(w, auxv, sizeof(auxv));
	*sp_out = sp;
	return 0;
}

/* Jump to the program: %rsp at argc, %rdx = 0 (no exit function), all else clear. */
__attribute__((noreturn)) static void enter(uint64_t entry, uint64_t sp)
{
	wrmsr(MSR_FS_BASE, 0);
	__asm__ volatile("mov %0, %%rsp\n\t"
			 "mov %1, %%rcx\n\t"
			 "xor %%eax, %%eax\n\txor %%ebx, %%ebx\n\txor %%edx, %%edx\n\t"
			 "xor %%esi, %%esi\n\txor %%edi, %%edi\n\txor %%ebp, %%ebp\n\t"
			 "xor %%r8d, %%r8d\n\txor %%r9d, %%r9d\n\txor %%r10d, %%r10d\n\t"
			 "xor %%r11d, %%r11d\n\txor %%r12d, %%r12d\n\txor %%r13d, %%r13d\n\t"
			 "xor %%r14d, %%r14d\n\txor %%r15d, %%r15d\n\t"
			 "jmp *%%rcx"
			 :
			 : "r"(sp), "r"(entry)
			 : "memory");
	__builtin_unreachable();
}

static void program_thread(void *arg)
{
	struct start *s = arg;
	uint64_t entry = s->entry, sp = s->sp;
	kfree(s);
	proc.pid = thread_current()->tid; /* the first thread's tid is the pid */
	enter(entry, sp);
}

int exec_start(const struct exec_args *a)
{
	struct elf_loaded prog, interp;
	int err;

	strlcpy(proc.exe, a->argv[0], sizeof(proc.exe));
	struct elf_dso *exe = a->mode == EXEC_INTERP ? NULL : kzalloc(sizeof(*exe));
	if (a->mode != EXEC_INTERP && !exe)
		return -ENOMEM;
	if ((err = elf_load_dso(proc.exe, true, &prog, exe)))
		return err;
	/* linked mode if asked or possible (linked.c); else the program's own ld.so */
	bool linked = false;
	if (exe) {
		if ((err = linked_prepare(a, &prog, exe)) < 0)
			return err;
		linked = err == 0;
		if (!linked)
			kfree(exe); /* the linker keeps it otherwise */
	}
	bool use_interp = !linked && prog.interp[0];
	if (a->mode == EXEC_INTERP && !a->quiet) /* auto mode: linked.c said why not linked */
		printk("keel: interp mode: %s\n", use_interp ? prog.interp : "a static program");
	if (use_interp && (err = elf_load(prog.interp, false, &interp)))
		return err;
	proc.brk_start = proc.brk = PAGE_ALIGN_UP(prog.end) + (random_u64() % 8192) * PAGE_SIZE;
	keep_strings(&proc.cmdline, &proc.cmdline_len, a->argc, a->argv);
	keep_strings(&proc.environ, &proc.environ_len, a->envc, a->envp);

	struct start *s = kmalloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	err = build_stack(a, &prog, use_interp ? &interp : NULL, &s->sp);
	kfree(prog.phdr_copy);
	if (use_interp)
		kfree(interp.phdr_copy);
	if (err) {
		kfree(s);
		return err;
	}
	s->entry = use_interp ? interp.entry : prog.entry;
	/* the first thread is named after the program, as Linux's comm (15 bytes) */
	const char *base = strrchr(proc.exe, '/') ? strrchr(proc.exe, '/') + 1 : proc.exe;
	struct thread *t = thread_create(program_thread, s, base);
	if (!t) {
		kfree(s);
		return -ENOMEM;
	}
	proc.nr_threads = 1;
	return 0;
}
