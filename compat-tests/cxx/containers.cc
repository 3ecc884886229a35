// containers.cc - standard library basics: std::string (find, substr,
// replace, append, compare, growth), std::vector (push_back, insert,
// erase, sort, reserve/capacity), std::map (ordered iteration, find,
// erase, operator[]), std::unordered_map and std::set.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>
#include "compat.h"

int main()
{
	std::string s = "hello world";
	s.replace(s.find("world"), 5, "keel");
	s += '!';
	s.append(3, '?');
	printf("string: %s, size %zu, substr(6, 4) %s, find(\"zz\") npos: %s, compare: %d\n", s.c_str(), s.size(),
	       s.substr(6, 4).c_str(), s.find("zz") == std::string::npos ? "yes" : "no",
	       std::string("abc").compare("abd") < 0);
	std::string big;
	for (int i = 0; i < 10000; i++)
		big += std::to_string(i % 10);
	printf("built 10000 chars: %zu, [9999] %c\n", big.size(), big[9999]);

	std::vector<int> v;
	v.reserve(4);
	printf("reserve(4): capacity >= 4: %s\n", v.capacity() >= 4 ? "yes" : "no");
	for (int i = 10; i > 0; i--)
		v.push_back(i * 3 % 11);
	std::sort(v.begin(), v.end());
	v.erase(std::remove(v.begin(), v.end(), 3), v.end());
	v.insert(v.begin(), 100);
	printf("vector:");
	for (int x : v)
		printf(" %d", x);
	printf("\n");

	std::map<std::string, int> m;
	m["pear"] = 3;
	m["apple"] = 1;
	m["zucchini"] = 26;
	m.insert({"mango", 13});
	m.erase("pear");
	printf("map:");
	for (auto &kv : m)
		printf(" %s=%d", kv.first.c_str(), kv.second);
	printf(", find(pear) end: %s, size %zu\n", m.find("pear") == m.end() ? "yes" : "no", m.size());

	std::unordered_map<int, int> u;
	for (int i = 0; i < 1000; i++)
		u[i % 97] += i;
	printf("unordered_map: size %zu, [5] %d, count(200) %zu\n", u.size(), u[5], u.count(200));
	std::set<int> st{5, 1, 4, 1, 5, 9, 2, 6};
	printf("set:");
	for (int x : st)
		printf(" %d", x);
	printf("\n");
	return compat_done();
}
