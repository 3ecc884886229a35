// cxxbasic.cc - C++ in one object (buildable static too): exceptions
// thrown and caught in the program, RTTI, virtual dispatch, static
// constructors and destructors (at exit), std::string/map/vector, iostream,
// and a function-local static initialised once under threads.
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <typeinfo>
#include <vector>

static int failures;
#define CHECK(c, what)                                                  \
	do {                                                            \
		if (!(c)) {                                             \
			std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, what); \
			failures++;                                     \
		}                                                       \
	} while (0)

struct Global {
	int v;
	Global() : v(17) {}
	~Global() { std::printf("static destructor ran\n"); std::fflush(stdout); }
};
static Global global;

struct Shape {
	virtual ~Shape() = default;
	virtual double area() const = 0;
	virtual const char *name() const = 0;
};
struct Rect : Shape {
	double w, h;
	Rect(double a, double b) : w(a), h(b) {}
	double area() const override { return w * h; }
	const char *name() const override { return "rect"; }
};
struct Square : Rect {
	explicit Square(double s) : Rect(s, s) {}
	const char *name() const override { return "square"; }
};

struct Custom : std::logic_error {
	using std::logic_error::logic_error;
};

static int init_count;
static int &once_value()
{
	static int v = ++init_count * 10;
	return v;
}

int main()
{
	std::printf("static constructor: global.v = %d\n", global.v);
	CHECK(global.v == 17, "static constructor");

	std::vector<std::unique_ptr<Shape>> shapes;
	shapes.emplace_back(new Rect(2, 3));
	shapes.emplace_back(new Square(4));
	for (auto &s : shapes)
		std::printf("%s area %.1f, is Square: %s\n", s->name(), s->area(),
			    dynamic_cast<Square *>(s.get()) ? "yes" : "no");

	try {
		throw Custom("custom logic error");
	} catch (const std::exception &e) {
		std::printf("caught %s: %s\n",
			    typeid(e) == typeid(Custom) ? "Custom" : "something else", e.what());
		CHECK(typeid(e) == typeid(Custom), "typeid");
	}
	try {
		std::vector<int> v(3);
		v.at(10) = 1;
	} catch (const std::out_of_range &) {
		std::printf("caught std::out_of_range from vector::at\n");
	}
	try {
		std::stoi("not a number");
	} catch (const std::invalid_argument &) {
		std::printf("caught std::invalid_argument from stoi\n");
	}

	std::map<std::string, int> counts;
	std::istringstream words("the quick brown fox jumps over the lazy dog the end");
	std::string w;
	while (words >> w)
		counts[w]++;
	std::ostringstream out;
	for (auto &kv : counts)
		out << kv.first << '=' << kv.second << ' ';
	std::cout << "word counts: " << out.str() << std::endl;
	CHECK(counts["the"] == 3, "map");

	std::vector<std::thread> ts;
	for (int i = 0; i < 4; i++)
		ts.emplace_back([] { once_value(); });
	for (auto &t : ts)
		t.join();
	std::printf("function-local static initialised %d time(s), value %d\n", init_count,
		    once_value());
	CHECK(init_count == 1 && once_value() == 10, "local static");

	std::printf("result: %s\n", failures ? "failures" : "ok");
	std::fflush(stdout);
	return failures ? 1 : 0;
}
