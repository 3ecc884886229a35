/*
 * cancel.c - glibc's pthread_cleanup_push/pop for C code:
 * __pthread_register_cancel, __pthread_unregister_cancel,
 * __pthread_unwind_next.
 *
 * glibc's <pthread.h> macros (for C built without -fexceptions) keep each
 * handler in the caller's frame: a __pthread_unwind_buf_t holding a jump
 * buffer, filled by __sigsetjmp(buf, 0), and four words glibc keeps for
 * itself. __pthread_register_cancel(buf) puts it on the thread's list; when
 * the thread exits (pthread_exit or cancellation) glibc jumps into the
 * newest buffer, where the macro calls the handler and then
 * __pthread_unwind_next(buf) to go on to the next, and finally to the
 * thread's end. __pthread_unregister_cancel(buf) takes it off the list at
 * pthread_cleanup_pop, which calls the handler itself when asked to.
 *
 * On musl: the four private words hold a musl cleanup record (struct
 * __ptcb, three words) pushed on musl's list of the thread, whose function
 * jumps into the buffer (musl's longjmp reads what musl's __sigsetjmp,
 * bound to the program's, wrote; with a 0 mask it is a plain setjmp). musl's
 * pthread_exit pops a record before calling it, so when the handler has
 * run, __pthread_unwind_next only has to exit again with the same result:
 * musl's pthread_exit carries on with the remaining records, then the TSD
 * destructors. Cancellation is already disabled then (musl's pthread_exit
 * disables it first), as in glibc while it unwinds.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stddef.h>
#include "pthread_impl.h"
#include "glibc.h"

/* glibc's __pthread_unwind_buf_t: a jump buffer, then four private words */
struct glibc_unwind_buf {
	struct {
		long jmp_buf[8];
		int mask_was_saved;
	} cancel_jmp_buf[1];
	void *pad[4];
};

_Static_assert(offsetof(struct glibc_unwind_buf, pad) == 72 &&
	       sizeof(struct __ptcb) <= 4 * sizeof(void *), "__ptcb fits glibc's private words");

static _Noreturn void jump(void *buf)
{
	longjmp(*(jmp_buf *)buf, 1);
}

void __pthread_register_cancel(struct glibc_unwind_buf *buf)
{
	_pthread_cleanup_push((struct __ptcb *)buf->pad, jump, buf);
}

void __pthread_unregister_cancel(struct glibc_unwind_buf *buf)
{
	_pthread_cleanup_pop((struct __ptcb *)buf->pad, 0);
}

_Noreturn void __pthread_unwind_next(struct glibc_unwind_buf *buf)
{
	(void)buf;
	pthread_exit(__pthread_self()->result);
}
