// thread_local_obj.cc - thread_local objects with constructors and
// destructors: each thread that touches one constructs its own copy on
// first use, and its destructor runs when that thread exits (before
// join returns); a thread that never touches it constructs nothing.
#include <atomic>
#include <thread>
#include "compat.h"

static std::atomic<int> made{0}, destroyed{0};

struct PerThread {
	int value = 0;
	PerThread() { made++; }
	~PerThread() { destroyed++; }
};

static thread_local PerThread tl;

int main()
{
	tl.value = 100;
	int seen[3] = {0, 0, 0};
	for (int i = 0; i < 3; i++) {
		std::thread t([&seen, i] {
			seen[i] = tl.value;
			tl.value = i + 1;
		});
		t.join();
	}
	std::thread idle([] {});
	idle.join();
	printf("threads saw fresh copies: %d %d %d\n", seen[0], seen[1], seen[2]);
	printf("constructed %d (main + 3), destroyed by joins: %d\n", made.load(), destroyed.load());
	printf("main's copy kept: %d\n", tl.value);
	return compat_done();
}
