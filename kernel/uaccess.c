/*
 * uaccess.c - copies to and from the program's memory (see uaccess.h).
 *
 * The copy loops live in one assembly block each with a fixup label; the
 * page-fault handler compares the faulting %rip with [uaccess_begin,
 * uaccess_end) and, if the fault cannot be resolved (no VMA, protection),
 * resumes at uaccess_fault, which returns -EFAULT to the caller. Demand-
 * zero faults inside a copy resolve normally and the copy just continues.
 */
#include "uaccess.h"
#include "mm.h"
#include "sched.h"
#include <asm-generic/errno-base.h>

extern char uaccess_begin[], uaccess_end[], uaccess_fault[];

/*
 * long uaccess_copy(void *dst, const void *src, size_t n): 0 or -EFAULT.
 * long uaccess_strcpy(char *dst, const char *src, size_t max): length or
 * -EFAULT; -ENAMETOOLONG when max bytes pass without a NUL.
 */
__asm__(".text\n"
	".globl uaccess_copy, uaccess_strcpy, uaccess_begin, uaccess_end, uaccess_fault\n"
	"uaccess_begin:\n"
	"uaccess_copy:\n\t" /* quadwords, then the tail: see memcpy in string.c for why */
	"mov %rdx, %rcx\n\t"
	"shr $3, %rcx\n\t"
	"rep movsq\n\t"
	"mov %rdx, %rcx\n\t"
	"and $7, %rcx\n\t"
	"rep movsb\n\t"
	"xor %eax, %eax\n\t"
	"ret\n"
	"uaccess_strcpy:\n\t"
	"xor %eax, %eax\n"
	"1:\n\t"
	"cmp %rdx, %rax\n\t"
	"jae 2f\n\t"
	"movb (%rsi,%rax), %cl\n\t"
	"movb %cl, (%rdi,%rax)\n\t"
	"test %cl, %cl\n\t"
	"jz 3f\n\t"
	"inc %rax\n\t"
	"jmp 1b\n"
	"2:\n\t"
	"mov $-36, %rax\n" /* -ENAMETOOLONG */
	"3:\n\t"
	"ret\n"
	"uaccess_end:\n"
	"uaccess_fault:\n\t"
	"mov $-14, %rax\n\t" /* -EFAULT */
	"ret\n");

long uaccess_copy(void *dst, const void *src, size_t n);
long uaccess_strcpy(char *dst, const char *src, size_t max);

_Static_assert(EFAULT == 14, "uaccess_fault returns -14");

/* The lowest address of the upper canonical half. */
#define KERNEL_HALF 0xffff800000000000UL

/*
 * The slow path of the checks: a kernel range, acceptable only inside a
 * call of the kernel's libc (uaccess.h). The range may reach the very top
 * of the address space but not wrap.
 */
static bool kernel_range_ok(uintptr_t a, size_t n)
{
	struct thread *t = thread_current();
	return t && t->uaccess_kernel && a >= KERNEL_HALF && n <= 0 - a;
}

bool user_range_ok(const void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	if (a < USER_TOP && n <= USER_TOP - a)
		return true;
	return kernel_range_ok(a, n);
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
	if (!user_range_ok(usrc, n))
		return -EFAULT;
	return n ? (int)uaccess_copy(dst, usrc, n) : 0;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
	if (!user_range_ok(udst, n))
		return -EFAULT;
	return n ? (int)uaccess_copy(udst, src, n) : 0;
}

int clear_user(void *udst, size_t n)
{
	static const char zeros[256];
	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof(zeros) ? n - done : sizeof(zeros);
		int err = copy_to_user((char *)udst + done, zeros, k);
		if (err)
			return err;
		done += k;
	}
	return 0;
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
	uintptr_t a = (uintptr_t)usrc;
	size_t room; /* bytes before the end of the half the string starts in */
	if (a < USER_TOP)
		room = USER_TOP - a; /* do not run into the kernel half */
	else if (kernel_range_ok(a, 1))
		room = 0 - a;
	else
		return -EFAULT;
	return uaccess_strcpy(dst, usrc, max < room ? max : room);
}

uint64_t uaccess_fixup(uint64_t rip)
{
	if (rip >= (uint64_t)uaccess_begin && rip < (uint64_t)uaccess_end)
		return (uint64_t)uaccess_fault;
	return 0;
}
