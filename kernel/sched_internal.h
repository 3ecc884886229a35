/*
 * sched_internal.h - what sched.c and thread.c share and nobody else uses.
 * All of it is called with sched_lock held.
 */
#ifndef KEEL_SCHED_INTERNAL_H
#define KEEL_SCHED_INTERNAL_H

#include "sched.h"

extern struct spinlock sched_lock;
void schedule_locked(void);
void sched_make_runnable(struct thread *t);
void sched_set_idle(struct thread *t);
void sched_stack_canary_set(struct thread *t);
void sched_init_timer(void);

#endif
