/*
 * __syscall_cp_asm - a system call that is a cancellation point.
 *
 * musl's x86_64 version is assembly so that its cancellation signal
 * handler can tell, from the interrupted %rip, that a thread was blocked
 * between __cp_begin and __cp_end (inside the `syscall` instruction) and
 * jump it to __cp_cancel. In keel's libc the call is a direct function
 * call (arch/syscall_arch.h) and a signal is delivered only once the call
 * has come back out (kernel/libc/direct.c), never at an instruction
 * inside it, so the range is empty. What remains works as musl does it
 * otherwise: a request already pending is acted on before the call, and
 * a call that returns EINTR with a request pending ends the thread
 * (__syscall_cp_c, pthread_cancel.c). The difference from Linux: a
 * thread asleep in a cancellation point when the request arrives is not
 * ended there; musl's handler (SA_RESTART) leaves SIGCANCEL pending and
 * blocked, the call sleeps on, and the thread ends at its next
 * cancellation point after the call returns.
 */
#include "pthread_impl.h"
#include "syscall.h"

hidden long __cancel(void);

/* the (empty) instruction range of a cancellable call, and where the handler would send it */
__asm__(".text\n"
	".globl __cp_begin, __cp_end, __cp_cancel\n"
	".hidden __cp_begin, __cp_end, __cp_cancel\n"
	"__cp_begin:\n"
	"__cp_end:\n"
	"__cp_cancel:\n\t"
	"jmp __cancel\n");

hidden long __syscall_cp_asm(volatile int *cancel, syscall_arg_t nr, syscall_arg_t u,
			     syscall_arg_t v, syscall_arg_t w, syscall_arg_t x, syscall_arg_t y,
			     syscall_arg_t z);

long __syscall_cp_asm(volatile int *cancel, syscall_arg_t nr, syscall_arg_t u, syscall_arg_t v,
		      syscall_arg_t w, syscall_arg_t x, syscall_arg_t y, syscall_arg_t z)
{
	if (*cancel)
		return __cancel();
	return __syscall(nr, u, v, w, x, y, z);
}
