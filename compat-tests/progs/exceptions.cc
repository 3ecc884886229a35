// exceptions.cc - C++ exceptions thrown in a shared library (libthrow.so)
// and caught in the program: by base class, by the library's own type, by
// value (int), from deep recursion (destructors run in between), and an
// exception thrown by the program that unwinds through library frames.
// Also std::bad_alloc, rethrow, and std::exception_ptr.
#include <cstdio>
#include <exception>
#include <new>
#include <stdexcept>
#include <string>
#include "libthrow.h"

static int failures;
#define CHECK(c, what)                                                  \
	do {                                                            \
		if (!(c)) {                                             \
			std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, what); \
			failures++;                                     \
		}                                                       \
	} while (0)

struct ProgError {
	int v;
};

static int thrower(int v)
{
	if (v > 0)
		throw ProgError{ v };
	return v;
}

int main()
{
	std::setvbuf(stdout, nullptr, _IOLBF, 0);
	try {
		libthrow::throw_runtime("hello");
		CHECK(false, "no exception");
	} catch (const std::exception &e) {
		std::printf("caught std::exception: %s\n", e.what());
		CHECK(std::string(e.what()) == "libthrow: hello", "what()");
	}
	CHECK(libthrow::live_objects() == 0, "destructor during unwind");

	try {
		libthrow::throw_error(42);
	} catch (const libthrow::Error &e) {
		std::printf("caught libthrow::Error: %s code %d\n", e.what(), e.code);
		CHECK(e.code == 42, "code");
	} catch (...) {
		CHECK(false, "caught by the wrong handler");
	}

	try {
		libthrow::throw_error(5);
	} catch (const std::runtime_error &e) {
		std::printf("caught libthrow::Error as std::runtime_error: %s, dynamic_cast works: %s\n",
			    e.what(), dynamic_cast<const libthrow::Error *>(&e) ? "yes" : "no");
		CHECK(dynamic_cast<const libthrow::Error *>(&e) != nullptr, "dynamic_cast");
	}

	try {
		libthrow::throw_int(99);
	} catch (int v) {
		std::printf("caught int %d\n", v);
		CHECK(v == 99, "int");
	}

	try {
		libthrow::throw_nested(50);
	} catch (const libthrow::Error &e) {
		std::printf("caught from recursion depth 50: %s code %d, live objects %d\n", e.what(),
			    e.code, libthrow::live_objects());
		CHECK(e.code == 7 && libthrow::live_objects() == 0, "nested");
	}

	try {
		libthrow::call_back(thrower, 3);
		CHECK(false, "no exception from callback");
	} catch (const ProgError &e) {
		std::printf("program exception through library frames: %d, live objects %d\n", e.v,
			    libthrow::live_objects());
		CHECK(e.v == 3 && libthrow::live_objects() == 0, "through library");
	}
	std::printf("callback without exception returns %d\n", libthrow::call_back(thrower, -4));

	std::printf("caught inside the library: %d\n", libthrow::catch_inside(21));
	CHECK(libthrow::catch_inside(21) == 42, "catch inside");

	// rethrow and exception_ptr
	std::exception_ptr ep;
	try {
		try {
			libthrow::throw_runtime("again");
		} catch (...) {
			ep = std::current_exception();
			throw;
		}
	} catch (const std::runtime_error &e) {
		std::printf("rethrown: %s\n", e.what());
	}
	try {
		std::rethrow_exception(ep);
	} catch (const std::exception &e) {
		std::printf("from exception_ptr: %s\n", e.what());
	}

	try {
		std::size_t huge = static_cast<std::size_t>(1) << 62;
		char *volatile p = new char[huge];
		CHECK(false, "no bad_alloc");
		delete[] p;
	} catch (const std::bad_alloc &) {
		std::printf("caught std::bad_alloc\n");
	}

	std::printf("result: %s\n", failures ? "failures" : "ok");
	return failures ? 1 : 0;
}
