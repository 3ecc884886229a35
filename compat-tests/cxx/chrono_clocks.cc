// chrono_clocks.cc - std::chrono: steady_clock is steady and never goes
// back over many reads; sleep_for(50ms) lasts at least 50ms on it;
// system_clock is after 2020-01-01; durations convert exactly.
#include <chrono>
#include <thread>
#include "compat.h"

int main()
{
	using namespace std::chrono;
	printf("steady_clock::is_steady: %s\n", steady_clock::is_steady ? "yes" : "no");
	auto prev = steady_clock::now();
	bool mono = true;
	for (int i = 0; i < 100000; i++) {
		auto now = steady_clock::now();
		mono = mono && now >= prev;
		prev = now;
	}
	printf("100000 reads never go back: %s\n", mono ? "yes" : "no");
	auto t0 = steady_clock::now();
	std::this_thread::sleep_for(milliseconds(50));
	auto slept = duration_cast<milliseconds>(steady_clock::now() - t0).count();
	printf("sleep_for(50ms) took >= 50ms: %s\n", slept >= 50 ? "yes" : "no");
	auto since = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
	printf("system_clock after 2020: %s\n", since > 1577836800 ? "yes" : "no");
	printf("1h30m in seconds: %lld, 1500ms in whole seconds: %lld\n",
	       (long long)duration_cast<seconds>(hours(1) + minutes(30)).count(),
	       (long long)duration_cast<seconds>(milliseconds(1500)).count());
	return compat_done();
}
