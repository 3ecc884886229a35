// local_static.cc - a function-local static is constructed once, on the
// first call (not before main), even when eight threads make the first
// call at the same time; later calls return the same object.
#include <atomic>
#include <thread>
#include <vector>
#include "compat.h"

static std::atomic<int> constructed{0};
static std::atomic<bool> go{false};

struct Slow {
	int value;
	Slow() : value(7)
	{
		constructed++;
		std::this_thread::sleep_for(std::chrono::milliseconds(20));
	}
};

static Slow &get()
{
	static Slow s;
	return s;
}

int main()
{
	printf("before the first call: %d constructed\n", constructed.load());
	std::vector<std::thread> ts;
	std::atomic<int> sum{0};
	Slow *seen[8] = {};
	for (int i = 0; i < 8; i++)
		ts.emplace_back([&, i] {
			while (!go)
				std::this_thread::yield();
			Slow &s = get();
			seen[i] = &s;
			sum += s.value;
		});
	go = true;
	for (auto &t : ts)
		t.join();
	bool same = true;
	for (int i = 0; i < 8; i++)
		same = same && seen[i] == &get();
	printf("after 8 racing threads: %d constructed, sum %d, one object: %s\n", constructed.load(), sum.load(),
	       same ? "yes" : "no");
	return compat_done();
}
