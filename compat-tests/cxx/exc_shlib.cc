// exc_shlib.cc - exceptions across a shared library boundary: a type
// defined in the library's header thrown in the library and caught in
// the program (by its own type and by std::exception); a standard
// exception from the library's use of libstdc++; an exception thrown by
// the program's callback unwinding through the library's frames, whose
// destructors run.
// compat: link lib/libcxxthrow.cc
#include "lib/cxxthrow.h"
#include "compat.h"

static int thrower(int x)
{
	if (x > 0)
		throw std::string("from the callback");
	return x;
}

int main()
{
	try {
		lib_maybe_throw(7);
		printf("not thrown\n");
	} catch (const LibError &e) {
		printf("caught LibError: %s, code %d\n", e.what(), e.code);
	}
	try {
		lib_maybe_throw(3);
	} catch (const std::exception &e) {
		printf("caught as std::exception: %s, is LibError: %s\n", e.what(),
		       dynamic_cast<const LibError *>(&e) ? "yes" : "no");
	}
	printf("no throw: %d\n", lib_maybe_throw(0));
	try {
		lib_vector_at(10);
	} catch (const std::out_of_range &) {
		printf("caught std::out_of_range from the library\n");
	}
	int unwound = 0;
	try {
		lib_call_through(thrower, 1, &unwound);
	} catch (const std::string &s) {
		printf("caught \"%s\" through the library, its destructors run: %d\n", s.c_str(), unwound);
	}
	unwound = 0;
	printf("callback without throw: %d, destructors run: %d\n", lib_call_through(thrower, -4, &unwound), unwound);
	return compat_done();
}
