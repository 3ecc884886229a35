// libthrow.cc - a shared library that throws C++ exceptions for the
// program exceptions.cc to catch: a standard exception, one of its own
// types (so RTTI matching crosses the library boundary), a plain int, one
// thrown from deep recursion with destructors to run on the way out, and
// one thrown by the program's callback and passing through library frames.
#include "libthrow.h"
#include <vector>

namespace libthrow {

static int live;

struct Tracker {
	Tracker() { live++; }
	~Tracker() { live--; }
};

Error::Error(const std::string &what, int c) : std::runtime_error(what), code(c) {}
Error::~Error() {}

void throw_runtime(const std::string &msg)
{
	Tracker t;
	throw std::runtime_error("libthrow: " + msg);
}

void throw_error(int code)
{
	std::vector<int> v(100, code);
	throw Error("libthrow::Error", v[42]);
}

void throw_int(int v) { throw v; }

void throw_nested(int depth)
{
	Tracker t;
	if (depth == 0)
		throw Error("bottom of the recursion", 7);
	throw_nested(depth - 1);
}

int call_back(int (*fn)(int), int arg)
{
	Tracker t;
	return fn(arg) + 1;
}

int catch_inside(int v)
{
	try {
		throw_error(v);
	} catch (const Error &e) {
		return e.code * 2;
	}
	return -1;
}

int live_objects() { return live; }

} // namespace libthrow
