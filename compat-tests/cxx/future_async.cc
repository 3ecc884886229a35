// future_async.cc - std::async with launch::async runs the task on
// another thread and its future returns the value; an exception thrown
// in the task comes out of future::get; a promise set by a std::thread
// fulfils its future; wait_for on an unset future times out.
#include <future>
#include <stdexcept>
#include <thread>
#include "compat.h"

int main()
{
	auto main_id = std::this_thread::get_id();
	auto f = std::async(std::launch::async, [main_id] {
		return std::this_thread::get_id() != main_id ? 21 * 2 : -1;
	});
	printf("async result: %d\n", f.get());

	auto g = std::async(std::launch::async, []() -> int { throw std::invalid_argument("bad input"); });
	try {
		g.get();
		printf("no exception\n");
	} catch (const std::invalid_argument &e) {
		printf("exception through the future: %s\n", e.what());
	}

	std::promise<std::string> p;
	auto pf = p.get_future();
	std::thread t([&p] { p.set_value("from the thread"); });
	printf("promise: %s\n", pf.get().c_str());
	t.join();

	std::promise<int> never;
	auto nf = never.get_future();
	printf("wait_for(10ms) on an unset future: %s\n",
	       nf.wait_for(std::chrono::milliseconds(10)) == std::future_status::timeout ? "timeout" : "ready");
	return compat_done();
}
