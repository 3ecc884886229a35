// exc_local.cc - exceptions within one file: built-in and class types,
// catching by base class reference, catch(...), rethrow with "throw;",
// nested try blocks, and destructors of locals run during unwinding in
// reverse order of construction.
#include <stdexcept>
#include <string>
#include "compat.h"

struct Noisy {
	const char *name;
	explicit Noisy(const char *n) : name(n) { printf("  construct %s\n", name); }
	~Noisy() { printf("  destroy %s\n", name); }
};

struct Base : std::exception {
	const char *what() const noexcept override { return "Base"; }
};
struct Derived : Base {
	const char *what() const noexcept override { return "Derived"; }
};

static void deep(int n)
{
	Noisy a("a");
	if (n == 0) {
		Noisy b("b");
		throw Derived();
	}
	deep(n - 1);
}

int main()
{
	try {
		throw 42;
	} catch (int v) {
		printf("int: %d\n", v);
	}
	try {
		throw std::runtime_error("runtime");
	} catch (const std::logic_error &) {
		printf("wrong handler\n");
	} catch (const std::runtime_error &e) {
		printf("runtime_error: %s\n", e.what());
	}
	printf("unwinding:\n");
	try {
		deep(1);
	} catch (const Base &e) {
		printf("caught by Base&: %s\n", e.what());
	}
	try {
		try {
			throw Derived();
		} catch (...) {
			printf("catch (...), rethrowing\n");
			throw;
		}
	} catch (const Derived &e) {
		printf("rethrown object caught: %s\n", e.what());
	}
	try {
		try {
			throw std::string("inner");
		} catch (const std::string &s) {
			throw std::runtime_error("outer after " + s);
		}
	} catch (const std::exception &e) {
		printf("nested: %s\n", e.what());
	}
	return compat_done();
}
