// new_delete.cc - many allocations: 200000 objects of varying sizes
// created and destroyed (constructor and destructor counts match), an
// array new[]/delete[] running every element's constructor and
// destructor, std::bad_alloc for an impossible size, and nothrow new
// returning nullptr for it.
#include <new>
#include <vector>
#include <cstdint>
#include "compat.h"

static long ctors, dtors;

struct Obj {
	std::vector<char> payload;
	explicit Obj(size_t n) : payload(n, 'x') { ctors++; }
	Obj() : Obj(8) {}
	~Obj() { dtors++; }
};

int main()
{
	std::vector<Obj *> live;
	long bytes = 0;
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < 50000; i++) {
			live.push_back(new Obj(1 + (i * 37) % 700));
			bytes += live.back()->payload.size();
		}
		for (size_t i = 0; i < live.size(); i += 2)
			delete live[i];
		for (size_t i = 1; i < live.size(); i += 2)
			delete live[i];
		live.clear();
	}
	printf("objects: constructed %ld, destroyed %ld, payload bytes %ld\n", ctors, dtors, bytes);
	ctors = dtors = 0;
	Obj *arr = new Obj[1000];
	printf("new[1000]: %ld constructed\n", ctors);
	delete[] arr;
	printf("delete[]: %ld destroyed\n", dtors);

	volatile size_t huge = SIZE_MAX / 4;
	try {
		char *p = new char[huge];
		printf("huge new succeeded\n");
		delete[] p;
	} catch (const std::bad_alloc &) {
		printf("huge new: std::bad_alloc\n");
	}
	char *q = new (std::nothrow) char[huge];
	printf("nothrow huge new: %s\n", q ? "non-null" : "nullptr");
	delete[] q;
	return compat_done();
}
