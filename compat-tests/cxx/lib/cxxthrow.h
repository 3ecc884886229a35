/* cxxthrow.h - the interface of libcxxthrow.so, for exc_shlib.cc. */
#ifndef CXXTHROW_H
#define CXXTHROW_H
#include <stdexcept>
#include <string>

struct LibError : std::runtime_error {
	int code;
	LibError(const std::string &what, int c) : std::runtime_error(what), code(c) {}
};

/* throws LibError(what, code) when code != 0, else returns 1 */
int lib_maybe_throw(int code);
/* calls cb(arg) between two objects whose destructors count in *unwound */
int lib_call_through(int (*cb)(int), int arg, int *unwound);
/* throws std::out_of_range from std::vector::at inside the library */
int lib_vector_at(unsigned i);
#endif
