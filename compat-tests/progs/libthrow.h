// libthrow.h - what libthrow.so exports (see libthrow.cc).
#ifndef LIBTHROW_H
#define LIBTHROW_H
#include <stdexcept>
#include <string>

namespace libthrow {

// An exception type defined (and its type_info emitted) in the library.
struct Error : std::runtime_error {
	int code;
	Error(const std::string &what, int code);
	~Error() override;
};

void throw_runtime(const std::string &msg);     // throws std::runtime_error
void throw_error(int code);                     // throws libthrow::Error
void throw_int(int v);                          // throws an int
void throw_nested(int depth);                   // recursion, throws at the bottom
int call_back(int (*fn)(int), int arg);         // calls fn, which may throw through the library
int catch_inside(int v);                        // throws and catches inside the library
int live_objects();                             // objects destroyed during unwinding
}

#endif
