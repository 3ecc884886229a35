// rtti.cc - run-time type information: dynamic_cast down a hierarchy
// succeeds for the right type and gives nullptr for the wrong one, a
// cross cast between two bases of one object works, a failed reference
// cast throws std::bad_cast; typeid of equal types compares equal (and
// their names are equal), of different types unequal; typeid through a
// base reference names the dynamic type.
#include <typeinfo>
#include <cstring>
#include "compat.h"

struct A {
	virtual ~A() {}
};
struct B : A {};
struct C : A {};
struct Left {
	virtual ~Left() {}
};
struct Right {
	virtual ~Right() {}
};
struct Both : Left, Right {};

int main()
{
	B b;
	A *pa = &b;
	printf("A* -> B*: %s\n", dynamic_cast<B *>(pa) ? "ok" : "nullptr");
	printf("A* -> C*: %s\n", dynamic_cast<C *>(pa) ? "ok" : "nullptr");
	Both both;
	Left *l = &both;
	Right *r = dynamic_cast<Right *>(l);
	printf("cross cast Left* -> Right*: %s, same as static path: %s\n", r ? "ok" : "nullptr",
	       r == static_cast<Right *>(&both) ? "yes" : "no");
	try {
		(void)dynamic_cast<C &>(*pa);
		printf("no throw\n");
	} catch (const std::bad_cast &) {
		printf("reference cast threw std::bad_cast\n");
	}
	A &ra = b;
	printf("typeid(*pa) == typeid(B): %s\n", typeid(ra) == typeid(B) ? "yes" : "no");
	printf("typeid(*pa) == typeid(A): %s\n", typeid(ra) == typeid(A) ? "yes" : "no");
	printf("names equal for equal types: %s\n", strcmp(typeid(ra).name(), typeid(B).name()) == 0 ? "yes" : "no");
	printf("mangled names: %s %s %s\n", typeid(int).name(), typeid(B).name(), typeid(Both *).name());
	printf("before(): consistent: %s\n",
	       typeid(B).before(typeid(C)) != typeid(C).before(typeid(B)) ? "yes" : "no");
	return compat_done();
}
