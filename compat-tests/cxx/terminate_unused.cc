// terminate_unused.cc - exception handling never reaches std::terminate
// when every exception is caught: 1000 throws caught in a loop;
// std::uncaught_exceptions() is 1 in a destructor run by unwinding and 0
// otherwise; no current exception outside a handler; the installed
// terminate handler never runs.
#include <cstdlib>
#include <exception>
#include <stdexcept>
#include "compat.h"

static int during_unwind = -1, normal = -1;

struct Probe {
	int *out;
	~Probe() { *out = std::uncaught_exceptions(); }
};

static void on_terminate()
{
	printf("terminate handler ran\n");
	fflush(stdout);
	std::_Exit(3);
}

static int maybe(int i)
{
	if (i % 3 == 0)
		throw std::runtime_error("multiple of 3");
	return i;
}

int main()
{
	std::set_terminate(on_terminate);
	int caught = 0, sum = 0;
	for (int i = 0; i < 3000; i++) {
		try {
			sum += maybe(i);
		} catch (const std::runtime_error &) {
			caught++;
		}
	}
	printf("caught %d, sum %d\n", caught, sum);
	try {
		Probe p{&during_unwind};
		throw 1;
	} catch (int) {
	}
	{
		Probe p{&normal};
	}
	printf("uncaught_exceptions in a destructor: unwinding %d, normal %d\n", during_unwind, normal);
	printf("current_exception outside a handler is null: %s\n", std::current_exception() ? "no" : "yes");
	printf("terminate handler is ours: %s\n", std::get_terminate() == on_terminate ? "yes" : "no");
	return compat_done();
}
