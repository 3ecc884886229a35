// static_init_order.cc - objects with static storage in one file are
// constructed before main in the order they are defined, including a
// static class member and one in a namespace; an object initialised from
// another sees it already constructed.
#include <string>
#include "compat.h"

static std::string order;

struct Rec {
	std::string name;
	explicit Rec(const char *n) : name(n) { order += name + " "; }
};

static Rec first("first");
namespace ns {
Rec second("second");
}
struct Holder {
	static Rec member;
};
Rec Holder::member("third");
static Rec fourth(("fourth-after-" + first.name).c_str());

int main()
{
	printf("construction order: %s\n", order.c_str());
	printf("names: %s %s %s %s\n", first.name.c_str(), ns::second.name.c_str(), Holder::member.name.c_str(),
	       fourth.name.c_str());
	return compat_done();
}
