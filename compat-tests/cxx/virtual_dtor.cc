// virtual_dtor.cc - virtual dispatch and destruction: deleting through a
// base pointer runs the derived destructor and then the base's; virtual
// calls go to the most derived override, including through a second
// base (this-pointer adjustment); members are destroyed after the body,
// in reverse order.
#include <memory>
#include "compat.h"

struct Member {
	const char *n;
	~Member() { printf("  ~Member %s\n", n); }
};
struct Base {
	virtual ~Base() { printf("  ~Base\n"); }
	virtual const char *name() const { return "Base"; }
};
struct Other {
	int pad = 5;
	virtual ~Other() {}
	virtual int other() const { return pad; }
};
struct Derived : Base, Other {
	Member m1{"m1"}, m2{"m2"};
	~Derived() override { printf("  ~Derived\n"); }
	const char *name() const override { return "Derived"; }
	int other() const override { return 99; }
};

int main()
{
	Base *b = new Derived;
	printf("virtual call: %s\n", b->name());
	Other *o = dynamic_cast<Other *>(b);
	printf("through the second base: %d\n", o ? o->other() : -1);
	printf("delete through Base*:\n");
	delete b;
	printf("unique_ptr<Other> going out of scope:\n");
	{
		std::unique_ptr<Other> p(new Derived);
	}
	return compat_done();
}
