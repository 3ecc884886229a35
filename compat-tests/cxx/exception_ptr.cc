// exception_ptr.cc - exceptions and threads: a thread throws and catches
// its own exceptions; std::current_exception captures one in a thread
// and std::rethrow_exception rethrows it in main, where it is caught
// with its type and message; nested exceptions (std::throw_with_nested)
// unwrap with rethrow_if_nested.
#include <exception>
#include <stdexcept>
#include <string>
#include <thread>
#include "compat.h"

static void inner()
{
	throw std::out_of_range("inner");
}

static void outer()
{
	try {
		inner();
	} catch (...) {
		std::throw_with_nested(std::runtime_error("outer"));
	}
}

int main()
{
	std::exception_ptr ep;
	int local_caught = 0;
	std::thread t([&] {
		for (int i = 0; i < 100; i++) {
			try {
				throw i;
			} catch (int) {
				local_caught++;
			}
		}
		try {
			throw std::length_error("made in the thread");
		} catch (...) {
			ep = std::current_exception();
		}
	});
	t.join();
	printf("thread caught its own: %d\n", local_caught);
	try {
		if (ep)
			std::rethrow_exception(ep);
		printf("nothing captured\n");
	} catch (const std::length_error &e) {
		printf("rethrown in main: length_error \"%s\"\n", e.what());
	}
	try {
		outer();
	} catch (const std::exception &e) {
		printf("outer: %s\n", e.what());
		try {
			std::rethrow_if_nested(e);
		} catch (const std::out_of_range &n) {
			printf("nested: out_of_range \"%s\"\n", n.what());
		}
	}
	return compat_done();
}
