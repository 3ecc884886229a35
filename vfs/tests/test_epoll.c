/*
 * test_epoll.c - host unit tests for vfs/poll.c, epoll.c, eventfd.c and
 * timerfd.c, driven through their sys_* handlers without ever sleeping
 * (the host shim aborts on a sleep, so every wait has a zero timeout or
 * something ready). Wait-queue callback entries are real in the shim, so
 * the wake paths (pipe write -> epoll item queued -> nested set woken)
 * run as in the kernel; the timerfd's ktimer is fired by hand after the
 * fake monotonic clock is moved. ASan's leak check covers the items,
 * poll entries and files. Built by vfs/tests/poll.mk.
 */
#include "vfstest.h"
#include "time.h"
#include <linux/eventpoll.h>
#include <linux/timerfd.h>
#include <asm-generic/poll.h>

extern uint64_t host_mono_ns;
extern struct ktimer *host_timer;

#define MS 1000000ULL
#define CLOCK_MONOTONIC 1 /* <linux/time.h> clashes with the host's <sys/time.h> */

static int ep_wait(int ep, struct epoll_event *ev, int max)
{
	return (int)sys_epoll_wait(ep, ev, max, 0);
}

static long ctl(int ep, int op, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data = data };
	return sys_epoll_ctl(ep, op, fd, &ev);
}

static void test_poll_select(void)
{
	int p[2];
	struct pollfd fds[3];
	uint64_t rset[16], wset[16];

	CHECK(sys_pipe2(p, 0) == 0);
	fds[0] = (struct pollfd){ .fd = p[0], .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = -5, .events = POLLIN, .revents = 3 };
	fds[2] = (struct pollfd){ .fd = 777, .events = POLLIN };
	CHECK(sys_poll(fds, 3, 0) == 1 && fds[0].revents == 0 && fds[1].revents == 0 &&
	      fds[2].revents == POLLNVAL);
	CHECK(sys_write((unsigned)p[1], "a", 1) == 1);
	CHECK(sys_poll(fds, 3, -1) == 2 && fds[0].revents == POLLIN);
	CHECK(sys_poll(fds, VFS_MAX_FDS + 1, 0) == -EINVAL);
	CHECK(sys_poll(BAD_PTR, 1, 0) == -EFAULT);

	memset(rset, 0, sizeof(rset));
	memset(wset, 0, sizeof(wset));
	rset[0] = 1ULL << p[0];
	wset[0] = 1ULL << p[1];
	struct __kernel_old_timeval tv = { 0, 0 };
	CHECK(sys_select(p[1] + 1, rset, wset, NULL, &tv) == 2 && rset[0] == 1ULL << p[0] &&
	      wset[0] == 1ULL << p[1]);
	rset[0] = 1ULL << 40;
	CHECK(sys_select(41, rset, NULL, NULL, &tv) == -EBADF);
	CHECK(sys_select(-1, NULL, NULL, NULL, &tv) == -EINVAL);
	tv.tv_usec = -1;
	CHECK(sys_select(1, NULL, NULL, NULL, &tv) == -EINVAL);
	uint64_t bad_mask = 0;
	CHECK(sys_ppoll(fds, 1, NULL, &bad_mask, 4) == -EINVAL);
	CHECK(thread_current()->sig_restore_mask == false);
	CHECK(sys_ppoll(fds, 1, NULL, &bad_mask, 8) == 1);
	CHECK(thread_current()->sig_restore_mask == true);
	thread_current()->sig_restore_mask = false;
	sys_close((unsigned)p[0]);
	sys_close((unsigned)p[1]);
}

static void test_epoll_ctl(void)
{
	int ep = (int)sys_epoll_create1(0), p[2];
	long reg;

	CHECK(ep >= 0);
	CHECK(sys_epoll_create1(1) == -EINVAL && sys_epoll_create(0) == -EINVAL);
	CHECK(sys_pipe2(p, 0) == 0);
	CHECK(ctl(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 1) == 0);
	CHECK(ctl(ep, EPOLL_CTL_ADD, p[0], EPOLLIN, 1) == -EEXIST);
	CHECK(ctl(ep, EPOLL_CTL_MOD, p[1], EPOLLOUT, 1) == -ENOENT);
	CHECK(ctl(ep, EPOLL_CTL_DEL, p[1], 0, 0) == -ENOENT);
	CHECK(ctl(ep, EPOLL_CTL_ADD, ep, EPOLLIN, 0) == -EINVAL);
	CHECK(ctl(p[0], EPOLL_CTL_ADD, p[1], EPOLLIN, 0) == -EINVAL);
	CHECK(ctl(ep, EPOLL_CTL_ADD, 500, EPOLLIN, 0) == -EBADF);
	CHECK(ctl(ep, 7, p[1], EPOLLIN, 0) == -EINVAL);
	CHECK(sys_epoll_ctl(ep, EPOLL_CTL_ADD, p[1], BAD_PTR) == -EFAULT);
	CHECK(vt_put("/tmp/reg", "x", 1) == 1);
	reg = sys_open("/tmp/reg", O_RDONLY, 0);
	CHECK(ctl(ep, EPOLL_CTL_ADD, (int)reg, EPOLLIN, 0) == -EPERM);
	sys_close((unsigned)reg);
	CHECK(ctl(ep, EPOLL_CTL_ADD, p[1], EPOLLEXCLUSIVE | EPOLLPRI, 0) == -EINVAL);
	CHECK(ctl(ep, EPOLL_CTL_ADD, p[1], EPOLLEXCLUSIVE | EPOLLOUT, 2) == 0);
	CHECK(ctl(ep, EPOLL_CTL_MOD, p[1], EPOLLOUT, 2) == -EINVAL);
	struct epoll_event ev[4];
	CHECK(sys_epoll_wait(ep, ev, 0, 0) == -EINVAL);
	CHECK(sys_epoll_wait(p[0], ev, 1, 0) == -EINVAL);
	CHECK(ep_wait(ep, ev, 4) == 1 && ev[0].events == EPOLLOUT && ev[0].data == 2);
	CHECK(ctl(ep, EPOLL_CTL_DEL, p[1], 0, 0) == 0);
	CHECK(ep_wait(ep, ev, 4) == 0);
	/* closing the only descriptor of a watched file takes it out of the set */
	CHECK(sys_write((unsigned)p[1], "a", 1) == 1);
	CHECK(ep_wait(ep, ev, 4) == 1);
	sys_close((unsigned)p[0]);
	CHECK(ep_wait(ep, ev, 4) == 0);
	sys_close((unsigned)p[1]);
	sys_close((unsigned)ep); /* frees the set: ASan checks */
}

static void test_epoll_triggers(void)
{
	int ep = (int)sys_epoll_create1(0), lt[2], et[2], os[2];
	struct epoll_event ev[4];
	char c;

	CHECK(sys_pipe2(lt, 0) == 0 && sys_pipe2(et, 0) == 0 && sys_pipe2(os, 0) == 0);
	CHECK(ctl(ep, EPOLL_CTL_ADD, lt[0], EPOLLIN, 10) == 0);
	CHECK(ctl(ep, EPOLL_CTL_ADD, et[0], EPOLLIN | EPOLLET, 20) == 0);
	CHECK(ctl(ep, EPOLL_CTL_ADD, os[0], EPOLLIN | EPOLLONESHOT, 30) == 0);
	CHECK(ep_wait(ep, ev, 4) == 0);
	sys_write((unsigned)lt[1], "ab", 2);
	sys_write((unsigned)et[1], "ab", 2);
	sys_write((unsigned)os[1], "ab", 2);
	CHECK(ep_wait(ep, ev, 4) == 3);
	CHECK(ep_wait(ep, ev, 4) == 1 && ev[0].data == 10);
	sys_write((unsigned)et[1], "c", 1);
	sys_write((unsigned)os[1], "c", 1);
	CHECK(ep_wait(ep, ev, 4) == 2 && ev[0].data == 10 && ev[1].data == 20);
	CHECK(ctl(ep, EPOLL_CTL_MOD, os[0], EPOLLIN | EPOLLONESHOT, 31) == 0);
	CHECK(ep_wait(ep, ev, 4) == 2 && ev[1].data == 31);
	CHECK(sys_read((unsigned)lt[0], &c, 1) == 1 && sys_read((unsigned)lt[0], &c, 1) == 1);
	CHECK(ep_wait(ep, ev, 4) == 0);
	/* maxevents 1: the level item goes to the back, so both get a turn */
	sys_write((unsigned)lt[1], "x", 1);
	sys_write((unsigned)et[1], "x", 1);
	CHECK(ep_wait(ep, ev, 1) == 1 && ev[0].data == 10);
	CHECK(ep_wait(ep, ev, 1) == 1 && ev[0].data == 20);
	CHECK(ep_wait(ep, ev, 1) == 1 && ev[0].data == 10);
	/* a bad array: the event stays queued for the next call */
	CHECK(sys_epoll_wait(ep, BAD_PTR, 1, 0) == -EFAULT);
	CHECK(ep_wait(ep, ev, 4) == 1 && ev[0].data == 10);
	/* hang-up: the write end goes */
	sys_close((unsigned)lt[1]);
	CHECK(ep_wait(ep, ev, 4) == 1 && ev[0].events == (EPOLLIN | EPOLLHUP));
	for (int i = 0; i < 2; i++) {
		sys_close((unsigned)et[i]);
		sys_close((unsigned)os[i]);
	}
	sys_close((unsigned)lt[0]);
	sys_close((unsigned)ep);
}

static void test_epoll_nested(void)
{
	int outer = (int)sys_epoll_create1(0), inner = (int)sys_epoll_create1(0), p[2];
	struct epoll_event ev[4];
	struct pollfd pf = { .fd = inner, .events = POLLIN };
	char c;

	CHECK(sys_pipe2(p, 0) == 0);
	CHECK(ctl(inner, EPOLL_CTL_ADD, p[0], EPOLLIN, 1) == 0);
	CHECK(ctl(outer, EPOLL_CTL_ADD, inner, EPOLLIN | EPOLLET, 2) == 0);
	CHECK(ctl(inner, EPOLL_CTL_ADD, outer, EPOLLIN, 3) == -ELOOP);
	CHECK(ep_wait(outer, ev, 4) == 0 && sys_poll(&pf, 1, 0) == 0);
	sys_write((unsigned)p[1], "n", 1); /* wakes the item, inner's queue, outer's item */
	CHECK(sys_poll(&pf, 1, 0) == 1 && pf.revents == POLLIN);
	CHECK(ep_wait(outer, ev, 4) == 1 && ev[0].data == 2 && ev[0].events == EPOLLIN);
	CHECK(ep_wait(outer, ev, 4) == 0); /* edge-triggered */
	CHECK(ep_wait(inner, ev, 4) == 1 && ev[0].data == 1);
	CHECK(sys_read((unsigned)p[0], &c, 1) == 1);
	CHECK(sys_poll(&pf, 1, 0) == 0);
	/* closing inner while outer watches it */
	sys_close((unsigned)inner);
	CHECK(ep_wait(outer, ev, 4) == 0);
	sys_close((unsigned)outer);
	sys_close((unsigned)p[0]);
	sys_close((unsigned)p[1]);
}

static void test_eventfd(void)
{
	int fd = (int)sys_eventfd2(2, O_NONBLOCK), ep = (int)sys_epoll_create1(0);
	uint64_t v = 0, max = 0xfffffffffffffffeULL;
	struct epoll_event ev[2];

	CHECK(fd >= 0 && sys_eventfd2(0, 0x10) == -EINVAL);
	CHECK(ctl(ep, EPOLL_CTL_ADD, fd, EPOLLIN | EPOLLET, 5) == 0);
	CHECK(ep_wait(ep, ev, 2) == 1 && ev[0].events == EPOLLIN);
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == 8 && v == 2);
	CHECK(ep_wait(ep, ev, 2) == 0); /* the read woke with POLLOUT: not for this item */
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == -EAGAIN);
	CHECK(sys_read((unsigned)fd, (char *)&v, 7) == -EINVAL);
	CHECK(sys_write((unsigned)fd, (char *)&v, 9) == -EINVAL);
	v = ~0ULL;
	CHECK(sys_write((unsigned)fd, (char *)&v, 8) == -EINVAL);
	CHECK(sys_write((unsigned)fd, (char *)&max, 8) == 8);
	CHECK(ep_wait(ep, ev, 2) == 1);
	v = 1;
	CHECK(sys_write((unsigned)fd, (char *)&v, 8) == -EAGAIN);
	CHECK(sys_read((unsigned)fd, BAD_PTR, 8) == -EFAULT); /* consumed, as Linux */
	sys_close((unsigned)fd);
	fd = (int)sys_eventfd2(2, O_NONBLOCK | 1 /* EFD_SEMAPHORE */);
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == 8 && v == 1);
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == 8 && v == 1);
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == -EAGAIN);
	sys_close((unsigned)fd);
	sys_close((unsigned)ep);
}

static void fire(void)
{
	host_timer->armed = false; /* as timer.c does before calling fn */
	host_timer->fn(host_timer);
}

static void test_timerfd(void)
{
	int fd = (int)sys_timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK), ep = (int)sys_epoll_create1(0);
	struct __kernel_itimerspec its = { .it_value = { 0, 10 * MS }, .it_interval = { 0, 10 * MS } };
	struct __kernel_itimerspec cur;
	struct epoll_event ev[2];
	uint64_t v;

	CHECK(fd >= 0 && sys_timerfd_create(99, 0) == -EINVAL && sys_timerfd_create(1, 1) == -EINVAL);
	CHECK(ctl(ep, EPOLL_CTL_ADD, fd, EPOLLIN, 9) == 0);
	CHECK(sys_timerfd_settime(fd, 0, &its, NULL) == 0);
	CHECK(host_timer->armed && host_timer->deadline == host_mono_ns + 10 * MS);
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == -EAGAIN && ep_wait(ep, ev, 2) == 0);
	host_mono_ns += 10 * MS;
	fire();
	CHECK(ep_wait(ep, ev, 2) == 1 && ev[0].data == 9);
	/* 35 ms later nobody has read: the first expiry and 3 more */
	host_mono_ns += 35 * MS;
	CHECK(sys_timerfd_gettime(fd, &cur) == 0 && cur.it_value.tv_nsec == 5 * MS &&
	      cur.it_interval.tv_nsec == 10 * MS);
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == 8 && v == 4);
	CHECK(host_timer->deadline == host_mono_ns + 5 * MS);
	CHECK(ep_wait(ep, ev, 2) == 0);
	/* disarm; the old value comes back */
	its = (struct __kernel_itimerspec){ 0 };
	CHECK(sys_timerfd_settime(fd, 0, &its, &cur) == 0 && cur.it_value.tv_nsec == 5 * MS);
	CHECK(!host_timer->armed);
	CHECK(sys_timerfd_gettime(fd, &cur) == 0 && cur.it_value.tv_nsec == 0 && cur.it_interval.tv_nsec == 0);
	/* absolute, one-shot, in the past: fires at once, counts 1 */
	its.it_value.tv_sec = 0;
	its.it_value.tv_nsec = 1;
	CHECK(sys_timerfd_settime(fd, TFD_TIMER_ABSTIME, &its, NULL) == 0);
	fire();
	CHECK(sys_read((unsigned)fd, (char *)&v, 8) == 8 && v == 1);
	its.it_value.tv_nsec = (long long)NSEC_PER_SEC;
	CHECK(sys_timerfd_settime(fd, 0, &its, NULL) == -EINVAL);
	CHECK(sys_timerfd_settime(fd, 8, &its, NULL) == -EINVAL);
	CHECK(sys_timerfd_settime(ep, 0, &(struct __kernel_itimerspec){ 0 }, NULL) == -EINVAL);
	CHECK(sys_timerfd_gettime(600, &cur) == -EBADF);
	sys_close((unsigned)fd);
	sys_close((unsigned)ep);
}

int main(void)
{
	vt_init();
	test_poll_select();
	test_epoll_ctl();
	test_epoll_triggers();
	test_epoll_nested();
	test_eventfd();
	test_timerfd();
	return TEST_END();
}
