// libcxxthrow.cc - a C++ shared library that throws, and lets exceptions
// from its caller's callbacks pass through its own frames.
#include "cxxthrow.h"
#include <vector>

namespace {
struct Guard {
	int *count;
	~Guard() { ++*count; }
};
}

int lib_maybe_throw(int code)
{
	if (code)
		throw LibError("thrown in the library", code);
	return 1;
}

int lib_call_through(int (*cb)(int), int arg, int *unwound)
{
	Guard a{unwound};
	int r = cb(arg);
	Guard b{unwound};
	return r + 1;
}

int lib_vector_at(unsigned i)
{
	std::vector<int> v{1, 2, 3};
	return v.at(i);
}
