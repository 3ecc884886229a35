/*
 * test_vma.c - host unit tests for the VMA tree (kernel/vma.c).
 *
 * Directed tests pin down each contract in vma.h: overlap rejection at
 * every edge, lookups, in-order iteration, gap finding and splitting. A
 * randomized stress test then drives the tree with a fixed seed against a
 * shadow model (a sorted array of the same nodes, plus a page bitmap for
 * gap queries) and after every operation checks the AVL invariants, the
 * parent links, the count and the in-order sequence in both directions.
 *
 * Built and run by `make test` through kernel/tests/vma.mk.
 */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <asm-generic/errno-base.h>
#include "vma.h"
#include "hosttest.h"

#define PG 4096ULL

static void mk(struct vma *v, uint64_t start, uint64_t end)
{
	memset(v, 0, sizeof(*v));
	v->start = start;
	v->end = end;
	v->prot = 1;
	v->flags = VMA_ANON;
}

/*
 * Walk the subtree at n in order, checking parent links, stored heights,
 * |balance| <= 1 and strictly increasing, disjoint, page-aligned ranges.
 * *prev_end carries the end of the previous range. Return: the real height
 * of the subtree, or -1 on any violation.
 */
static int check_sub(const struct vma *n, const struct vma *parent, uint64_t *prev_end,
		     bool *first, unsigned long *count)
{
	int hl, hr, h;

	if (!n)
		return 0;
	if (n->parent != parent)
		return -1;
	hl = check_sub(n->left, n, prev_end, first, count);
	if (hl < 0)
		return -1;
	if (n->start >= n->end || (n->start | n->end) % PG)
		return -1;
	if (!*first && n->start < *prev_end)
		return -1;
	*first = false;
	*prev_end = n->end;
	(*count)++;
	hr = check_sub(n->right, n, prev_end, first, count);
	if (hr < 0)
		return -1;
	if (hl - hr > 1 || hr - hl > 1)
		return -1;
	h = (hl > hr ? hl : hr) + 1;
	return n->height == h ? h : -1;
}

static bool tree_ok(const struct vma_tree *t)
{
	uint64_t prev_end = 0;
	bool first = true;
	unsigned long count = 0;

	return check_sub(t->root, NULL, &prev_end, &first, &count) >= 0 && count == t->count;
}

static void test_insert_find_remove(void)
{
	struct vma_tree t;
	struct vma a, b, c;

	vma_tree_init(&t);
	CHECK(t.root == NULL && t.count == 0);
	CHECK(vma_find(&t, 0x10000) == NULL);
	CHECK(vma_first(&t) == NULL);

	mk(&a, 0x10000, 0x14000);
	mk(&b, 0x20000, 0x21000);
	mk(&c, 0x30000, 0x40000);
	CHECK(vma_insert(&t, &b) == 0);
	CHECK(vma_insert(&t, &a) == 0);
	CHECK(vma_insert(&t, &c) == 0);
	CHECK(t.count == 3 && tree_ok(&t));

	CHECK(vma_find(&t, 0x10000) == &a);
	CHECK(vma_find(&t, 0x13fff) == &a);
	CHECK(vma_find(&t, 0x14000) == NULL);
	CHECK(vma_find(&t, 0xffff) == NULL);
	CHECK(vma_find(&t, 0x20fff) == &b);
	CHECK(vma_find(&t, 0x3ffff) == &c);
	CHECK(vma_find(&t, 0x40000) == NULL);

	vma_remove(&t, &b);
	CHECK(t.count == 2 && tree_ok(&t));
	CHECK(vma_find(&t, 0x20000) == NULL);
	CHECK(vma_find(&t, 0x10000) == &a && vma_find(&t, 0x30000) == &c);
	CHECK(vma_next(&a) == &c && vma_prev(&c) == &a);
	/* b's range is free again and b itself can be reinserted. */
	CHECK(vma_insert(&t, &b) == 0 && vma_find(&t, 0x20000) == &b);
	vma_remove(&t, &a);
	vma_remove(&t, &c);
	vma_remove(&t, &b);
	CHECK(t.count == 0 && t.root == NULL);
}

static void test_insert_edges(void)
{
	struct vma_tree t;
	struct vma a, x, lo_touch, hi_touch, fill;
	static const struct { uint64_t s, e; } overlap[] = {
		{ 0x0f000, 0x11000 },	/* one page over a's first page */
		{ 0x13000, 0x15000 },	/* one page over a's last page */
		{ 0x11000, 0x12000 },	/* inside a */
		{ 0x0f000, 0x15000 },	/* covers a */
		{ 0x10000, 0x14000 },	/* exactly a */
		{ 0x10000, 0x11000 },	/* a's first page */
		{ 0x13000, 0x14000 },	/* a's last page */
	};
	static const struct { uint64_t s, e; } bad[] = {
		{ 0x50000, 0x50000 }, { 0x51000, 0x50000 }, { 0x50001, 0x51000 },
		{ 0x50000, 0x50fff }, { 0x50800, 0x51800 },
	};
	unsigned i;

	vma_tree_init(&t);
	mk(&a, 0x10000, 0x14000);
	CHECK(vma_insert(&t, &a) == 0);
	for (i = 0; i < sizeof(overlap) / sizeof(overlap[0]); i++) {
		mk(&x, overlap[i].s, overlap[i].e);
		CHECK(vma_insert(&t, &x) == -EEXIST);
		CHECK(t.count == 1 && t.root == &a && tree_ok(&t));
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		mk(&x, bad[i].s, bad[i].e);
		CHECK(vma_insert(&t, &x) == -EINVAL);
		CHECK(t.count == 1 && t.root == &a && tree_ok(&t));
	}
	/* Touching is not overlapping. */
	mk(&lo_touch, 0x0f000, 0x10000);
	mk(&hi_touch, 0x14000, 0x16000);
	CHECK(vma_insert(&t, &lo_touch) == 0);
	CHECK(vma_insert(&t, &hi_touch) == 0);
	CHECK(t.count == 3 && tree_ok(&t));
	/* A range touching neighbours on both sides fills the hole exactly... */
	mk(&x, 0x18000, 0x20000);
	CHECK(vma_insert(&t, &x) == 0);
	mk(&fill, 0x16000, 0x18000);
	CHECK(vma_insert(&t, &fill) == 0);
	/* ...and one page more on either side is refused. */
	vma_remove(&t, &fill);
	mk(&fill, 0x15000, 0x18000);
	CHECK(vma_insert(&t, &fill) == -EEXIST);
	mk(&fill, 0x16000, 0x19000);
	CHECK(vma_insert(&t, &fill) == -EEXIST);
	CHECK(t.count == 4 && tree_ok(&t));
}

/* Overlaps must be caught wherever the neighbour sits in a deep tree. */
static void test_insert_edges_deep(void)
{
	enum { N = 200 };
	static struct vma v[N];
	struct vma_tree t;
	struct vma x;
	int i, bad = 0;

	vma_tree_init(&t);
	for (i = 0; i < N; i++) {
		int k = (i * 73) % N; /* scrambled order; 73 is coprime with 200 */

		mk(&v[k], 0x100000 + k * 4 * PG, 0x100000 + k * 4 * PG + 2 * PG);
		if (vma_insert(&t, &v[k]))
			bad++;
	}
	CHECK(bad == 0 && t.count == N && tree_ok(&t));
	bad = 0;
	for (i = 0; i < N; i++) {
		uint64_t s = v[i].start, e = v[i].end;

		mk(&x, s - PG, s + PG);
		bad += vma_insert(&t, &x) != -EEXIST;
		mk(&x, e - PG, e + PG);
		bad += vma_insert(&t, &x) != -EEXIST;
		mk(&x, s - 2 * PG, e + 2 * PG); /* spans into both neighbours' holes */
		bad += vma_insert(&t, &x) != -EEXIST;
	}
	CHECK(bad == 0 && t.count == N && tree_ok(&t));
	mk(&x, v[N - 1].end, v[N - 1].end + PG);
	CHECK(vma_insert(&t, &x) == 0);
	vma_remove(&t, &x);
	mk(&x, v[5].end, v[6].start);
	CHECK(vma_insert(&t, &x) == 0 && vma_next(&v[5]) == &x && vma_next(&x) == &v[6]);
}

static void test_find_above(void)
{
	struct vma_tree t;
	struct vma a, b;

	vma_tree_init(&t);
	CHECK(vma_find_above(&t, 0) == NULL);
	mk(&a, 0x10000, 0x12000);
	mk(&b, 0x20000, 0x22000);
	vma_insert(&t, &a);
	vma_insert(&t, &b);
	CHECK(vma_find_above(&t, 0) == &a);
	CHECK(vma_find_above(&t, 0x10000) == &a);
	CHECK(vma_find_above(&t, 0x11fff) == &a);
	CHECK(vma_find_above(&t, 0x12000) == &b);
	CHECK(vma_find_above(&t, 0x1ffff) == &b);
	CHECK(vma_find_above(&t, 0x21fff) == &b);
	CHECK(vma_find_above(&t, 0x22000) == NULL);
	CHECK(vma_find_above(&t, UINT64_MAX) == NULL);
}

static void test_iteration(void)
{
	enum { N = 100 };
	static struct vma v[N];
	struct vma_tree t;
	struct vma *n, *last = NULL;
	int i, seen = 0, ok = 1;

	vma_tree_init(&t);
	for (i = 0; i < N; i++) {
		int k = (i * 37) % N;

		mk(&v[k], (k + 1) * 0x10000, (k + 1) * 0x10000 + PG);
		vma_insert(&t, &v[k]);
	}
	CHECK(t.count == N && tree_ok(&t));
	CHECK(vma_first(&t) == &v[0]);
	for (n = vma_first(&t); n && seen < N; n = vma_next(n)) {
		ok &= n == &v[seen];
		seen++;
		last = n;
	}
	CHECK(ok && seen == N && !n && last == &v[N - 1]);
	ok = 1;
	seen = 0;
	for (n = last; n && seen < N; n = vma_prev(n)) {
		ok &= n == &v[N - 1 - seen];
		seen++;
	}
	CHECK(ok && seen == N && !n);
	CHECK(vma_prev(&v[0]) == NULL && vma_next(&v[N - 1]) == NULL);
}

static void test_gap(void)
{
	struct vma_tree t;
	struct vma a, b;

	vma_tree_init(&t);
	/* Empty tree: the top of [lo, hi), with hi rounded down. */
	CHECK(vma_find_gap(&t, 0x2000, 0x1000, 0x10000) == 0xe000);
	CHECK(vma_find_gap(&t, 0x2000, 0x1000, 0x10800) == 0xe000);
	CHECK(vma_find_gap(&t, 0xf000, 0x1000, 0x10000) == 0x1000);
	CHECK(vma_find_gap(&t, 0x10000, 0x1000, 0x10000) == 0);
	/* lo is rounded up: a gap may not start below it. */
	CHECK(vma_find_gap(&t, 0x2000, 0x1800, 0x4000) == 0x2000);
	CHECK(vma_find_gap(&t, 0x3000, 0x1800, 0x4000) == 0);
	CHECK(vma_find_gap(&t, 0x1000, 0x1800, 0x2800) == 0);
	/* Bad sizes and empty windows. */
	CHECK(vma_find_gap(&t, 0, 0x1000, 0x10000) == 0);
	CHECK(vma_find_gap(&t, 0x1800, 0x1000, 0x10000) == 0);
	CHECK(vma_find_gap(&t, 0x1000, 0x10000, 0x10000) == 0);
	CHECK(vma_find_gap(&t, 0x1000, 0x20000, 0x10000) == 0);
	/* The ends of the address space, without overflow. */
	CHECK(vma_find_gap(&t, 0x1000, 0x1000, UINT64_MAX) == 0xffffffffffffe000ULL);
	CHECK(vma_find_gap(&t, 0x1000, UINT64_MAX - 10, UINT64_MAX) == 0);
	CHECK(vma_find_gap(&t, 0x2000, UINT64_MAX - 0x1fff, UINT64_MAX) == 0);

	mk(&a, 0x10000, 0x20000);
	mk(&b, 0x30000, 0x40000);
	vma_insert(&t, &a);
	vma_insert(&t, &b);
	CHECK(vma_find_gap(&t, 0x8000, 0x1000, 0x50000) == 0x48000);	/* above all */
	CHECK(vma_find_gap(&t, 0x10000, 0x1000, 0x40000) == 0x20000);	/* exact fit between */
	CHECK(vma_find_gap(&t, 0x8000, 0x1000, 0x38000) == 0x28000);	/* hi inside b */
	CHECK(vma_find_gap(&t, 0x10000, 0x1000, 0x48000) == 0x20000);	/* above too small */
	CHECK(vma_find_gap(&t, 0x11000, 0x1000, 0x48000) == 0);	/* none fits */
	CHECK(vma_find_gap(&t, 0xf000, 0x1000, 0x2e000) == 0x1000);	/* below a */
	CHECK(vma_find_gap(&t, 0xf000, 0x1000, 0x10000) == 0x1000);	/* hi at a's start */
	CHECK(vma_find_gap(&t, 0x8000, 0x28000, 0x30000) == 0x28000);	/* exact [lo, hi) */
	CHECK(vma_find_gap(&t, 0x9000, 0x28000, 0x30000) == 0);
	CHECK(vma_find_gap(&t, 0x1000, 0x12000, 0x1f000) == 0);	/* window inside a */
	CHECK(vma_find_gap(&t, 0x1000, 0x12000, 0x33000) == 0x2f000);	/* lo inside a */
	CHECK(vma_find_gap(&t, 0x10000, 0x18000, 0x38000) == 0x20000);	/* both inside */
	CHECK(vma_find_gap(&t, 0x10000, 0x20001, 0x38000) == 0);	/* lo rounds up */
	CHECK(vma_find_gap(&t, 0x1000, 0x40000, 0x41000) == 0x40000);	/* touches b */
}

static void test_split(void)
{
	struct vma_tree t;
	struct vma v, tail, other;
	int file_obj;

	vma_tree_init(&t);
	mk(&v, 0x10000, 0x20000);
	v.prot = 3;
	v.flags = VMA_FILE;
	v.file = &file_obj;
	v.offset = 0x5000;
	mk(&other, 0x30000, 0x31000);
	vma_insert(&t, &v);
	vma_insert(&t, &other);

	memset(&tail, 0xa5, sizeof(tail));
	CHECK(vma_split(&t, &v, 0x10000, &tail) == -EINVAL);
	CHECK(vma_split(&t, &v, 0x20000, &tail) == -EINVAL);
	CHECK(vma_split(&t, &v, 0x14800, &tail) == -EINVAL);
	CHECK(vma_split(&t, &v, 0x8000, &tail) == -EINVAL);
	CHECK(vma_split(&t, &v, 0x30000, &tail) == -EINVAL);
	CHECK(v.start == 0x10000 && v.end == 0x20000 && t.count == 2 && tree_ok(&t));

	CHECK(vma_split(&t, &v, 0x14000, &tail) == 0);
	CHECK(v.start == 0x10000 && v.end == 0x14000 && v.offset == 0x5000);
	CHECK(tail.start == 0x14000 && tail.end == 0x20000);
	CHECK(tail.prot == 3 && tail.flags == VMA_FILE && tail.file == &file_obj);
	CHECK(tail.offset == 0x9000);
	CHECK(t.count == 3 && tree_ok(&t));
	CHECK(vma_find(&t, 0x13fff) == &v && vma_find(&t, 0x14000) == &tail);
	CHECK(vma_find(&t, 0x1ffff) == &tail && vma_find(&t, 0x20000) == NULL);
	CHECK(vma_next(&v) == &tail && vma_next(&tail) == &other && vma_prev(&tail) == &v);
}

/* ---- randomized stress against a shadow model ---- */

enum { POOL = 256, NPAGES = 1024, MPAGES = NPAGES + 64, OPS = 20000 };
#define BASE 0x40000000ULL

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static struct vma pool[POOL];
static bool in_use[POOL];
static struct vma *model[POOL]; /* the live nodes, sorted by start */
static int nmodel;

static struct vma *free_node(void)
{
	int i, k = rnd() % POOL;

	for (i = 0; i < POOL; i++, k = (k + 1) % POOL)
		if (!in_use[k])
			return &pool[k];
	return NULL;
}

static void model_add(struct vma *v)
{
	int i = nmodel;

	while (i > 0 && model[i - 1]->start > v->start) {
		model[i] = model[i - 1];
		i--;
	}
	model[i] = v;
	nmodel++;
	in_use[v - pool] = true;
}

static void model_del(int i)
{
	in_use[model[i] - pool] = false;
	memmove(&model[i], &model[i + 1], (nmodel - i - 1) * sizeof(model[0]));
	nmodel--;
}

static bool model_overlaps(uint64_t s, uint64_t e)
{
	int i;

	for (i = 0; i < nmodel; i++)
		if (s < model[i]->end && model[i]->start < e)
			return true;
	return false;
}

/* Brute force over a page bitmap: a different algorithm from vma.c's. */
static uint64_t model_gap(uint64_t size, uint64_t lo, uint64_t hi)
{
	static int run[MPAGES + 1];
	static bool used[MPAGES];
	uint64_t np = size / PG;
	int i, p;

	if (!size || size % PG)
		return 0;
	memset(used, 0, sizeof(used));
	for (i = 0; i < nmodel; i++)
		for (p = (model[i]->start - BASE) / PG; p < (int)((model[i]->end - BASE) / PG); p++)
			used[p] = true;
	run[MPAGES] = 0;
	for (p = MPAGES - 1; p >= 0; p--)
		run[p] = used[p] ? 0 : run[p + 1] + 1;
	for (p = MPAGES - 1; p >= 0; p--) {
		uint64_t s = BASE + p * PG;

		if (s < lo)
			break;
		if (s + size <= hi && (uint64_t)run[p] >= np)
			return s;
	}
	return 0;
}

static bool model_matches(const struct vma_tree *t)
{
	struct vma *n, *last = NULL;
	int i = 0;

	if (!tree_ok(t) || t->count != (unsigned long)nmodel)
		return false;
	/* Both walks stop at the first mismatch, so a broken link cannot loop. */
	for (n = vma_first(t); n; n = vma_next(n)) {
		if (i >= nmodel || n != model[i++])
			return false;
		last = n;
	}
	if (i != nmodel)
		return false;
	for (n = last; n; n = vma_prev(n))
		if (--i < 0 || n != model[i])
			return false;
	return i == 0;
}

static void stress_insert(struct vma_tree *t)
{
	struct vma *v = free_node();
	uint64_t s = BASE + (rnd() % NPAGES) * PG;
	uint64_t e = s + (1 + rnd() % 16) * PG;
	int want, got;

	if (!v)
		return;
	switch (rnd() % 20) {
	case 0: e = s; break;
	case 1: s += 1 + rnd() % (PG - 1); break;
	case 2: e -= 1 + rnd() % (PG - 1); break;
	}
	want = (s >= e || s % PG || e % PG) ? -EINVAL : model_overlaps(s, e) ? -EEXIST : 0;
	mk(v, s, e);
	got = vma_insert(t, v);
	CHECK(got == want);
	if (got == 0)
		model_add(v);
}

static void stress_remove(struct vma_tree *t)
{
	int i;

	if (!nmodel)
		return;
	i = rnd() % nmodel;
	vma_remove(t, model[i]);
	model_del(i);
}

static void stress_split(struct vma_tree *t)
{
	struct vma *v, *tail = free_node();
	uint64_t pages, addr, end, off;

	if (!nmodel || !tail)
		return;
	v = model[rnd() % nmodel];
	pages = (v->end - v->start) / PG;
	end = v->end;
	off = v->offset = rnd() % 0x100000 * PG;
	if (pages < 2 || rnd() % 10 == 0) {
		addr = rnd() % 2 ? v->start : v->end;
		CHECK(vma_split(t, v, addr, tail) == -EINVAL && v->end == end);
		return;
	}
	addr = v->start + (1 + rnd() % (pages - 1)) * PG;
	CHECK(vma_split(t, v, addr, tail) == 0);
	CHECK(v->end == addr && tail->start == addr && tail->end == end &&
	      tail->offset == off + (addr - v->start));
	model_add(tail);
}

static void stress_lookup(struct vma_tree *t)
{
	uint64_t addr = BASE - PG + rnd() % ((MPAGES + 1) * PG);
	struct vma *in = NULL, *above = NULL;
	int i;

	for (i = 0; i < nmodel; i++) {
		if (model[i]->end > addr && !above)
			above = model[i];
		if (model[i]->start <= addr && addr < model[i]->end)
			in = model[i];
	}
	CHECK(vma_find(t, addr) == in && vma_find_above(t, addr) == above);
}

static void stress_gap(struct vma_tree *t)
{
	uint64_t lo = BASE + rnd() % (MPAGES * PG);
	uint64_t hi = lo + rnd() % (MPAGES * PG);
	uint64_t size = (1 + rnd() % 24) * PG;

	if (hi > BASE + MPAGES * PG)
		hi = BASE + MPAGES * PG;
	if (rnd() % 4 == 0) { /* aligned bounds hit the exact-fit cases more often */
		lo &= ~(PG - 1);
		hi &= ~(PG - 1);
	}
	if (rnd() % 30 == 0)
		size = rnd() % 2 ? 0 : size - PG / 2;
	CHECK(vma_find_gap(t, size, lo, hi) == model_gap(size, lo, hi));
}

static void test_stress(void)
{
	struct vma_tree t;
	int op, max_count = 0, failed_before = ht_failed;

	vma_tree_init(&t);
	for (op = 0; op < OPS; op++) {
		unsigned r = rnd() % 100;

		/* Grow for the first half, then drain, so both phases see deep trees. */
		if (r < (op < OPS / 2 ? 45u : 20u))
			stress_insert(&t);
		else if (r < 60)
			stress_remove(&t);
		else if (r < 70)
			stress_split(&t);
		else if (r < 85)
			stress_lookup(&t);
		else
			stress_gap(&t);
		CHECK(model_matches(&t));
		if (nmodel > max_count)
			max_count = nmodel;
		if (ht_failed != failed_before) {
			fprintf(stderr, "stress: first failure at op %d\n", op);
			return;
		}
	}
	/* The run must have built a tree big enough to need rotations. */
	CHECK(max_count >= 64);
	while (nmodel)
		stress_remove(&t);
	CHECK(t.count == 0 && t.root == NULL);
}

/* A corrupted tree can send the parent-pointer walks round a cycle: fail, don't hang. */
static void on_alarm(int sig)
{
	static const char msg[] = "test_vma: timed out (parent-pointer cycle?)\n";

	(void)sig;
	if (write(2, msg, sizeof(msg) - 1) < 0)
		_exit(2);
	_exit(1);
}

int main(void)
{
	signal(SIGALRM, on_alarm);
	alarm(60);
	test_insert_find_remove();
	test_insert_edges();
	test_insert_edges_deep();
	test_find_above();
	test_iteration();
	test_gap();
	test_split();
	test_stress();
	return TEST_END();
}
