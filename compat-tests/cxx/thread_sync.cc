// thread_sync.cc - std::thread with std::mutex and
// std::condition_variable: four threads add 10000 each under a mutex
// (40000 in the end); a producer hands 100 items to a consumer through a
// condition variable in order; join makes a thread not joinable.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>
#include "compat.h"

int main()
{
	std::mutex m;
	long counter = 0;
	std::vector<std::thread> ts;
	for (int i = 0; i < 4; i++)
		ts.emplace_back([&] {
			for (int j = 0; j < 10000; j++) {
				std::lock_guard<std::mutex> g(m);
				counter++;
			}
		});
	for (auto &t : ts)
		t.join();
	printf("counter: %ld\n", counter);

	std::condition_variable cv;
	std::deque<int> q;
	bool done = false;
	long sum = 0;
	int in_order = 1, received = 0;
	std::thread consumer([&] {
		int expect = 0;
		std::unique_lock<std::mutex> l(m);
		for (;;) {
			cv.wait(l, [&] { return !q.empty() || done; });
			while (!q.empty()) {
				int v = q.front();
				q.pop_front();
				in_order &= v == expect++;
				sum += v;
				received++;
			}
			if (done)
				break;
		}
	});
	for (int i = 0; i < 100; i++) {
		{
			std::lock_guard<std::mutex> g(m);
			q.push_back(i);
		}
		cv.notify_one();
	}
	{
		std::lock_guard<std::mutex> g(m);
		done = true;
	}
	cv.notify_one();
	printf("consumer joinable before join: %s\n", consumer.joinable() ? "yes" : "no");
	consumer.join();
	printf("after join: %s\n", consumer.joinable() ? "yes" : "no");
	printf("received %d, sum %ld, in order: %s\n", received, sum, in_order ? "yes" : "no");
	printf("different thread ids: %s\n", std::this_thread::get_id() != std::thread::id() ? "yes" : "no");
	return compat_done();
}
