// filesystem_basic.cc - std::filesystem over the system calls: make a
// directory tree under /tmp, write files of known sizes, list a
// directory (sorted), query file_size and is_directory, rename, and
// remove_all counting what it removed; a missing path throws
// filesystem_error with ENOENT through the non-error_code overload.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>
#include "compat.h"

namespace fs = std::filesystem;

int main()
{
	fs::path root = fs::path("/tmp") / ("compat-fs-" + std::to_string(getpid()));
	fs::create_directories(root / "a" / "b");
	for (int i = 0; i < 3; i++) {
		std::ofstream f(root / "a" / ("file" + std::to_string(i)));
		f << std::string(100 * (i + 1), 'x');
	}
	std::vector<std::string> names;
	for (auto &e : fs::directory_iterator(root / "a"))
		names.push_back(e.path().filename().string() + (e.is_directory() ? "/" : ""));
	std::sort(names.begin(), names.end());
	printf("listing:");
	for (auto &n : names)
		printf(" %s", n.c_str());
	printf("\n");
	printf("file_size(file2): %ju\n", (uintmax_t)fs::file_size(root / "a" / "file2"));
	printf("is_directory(a/b): %s, exists(a/nope): %s\n", fs::is_directory(root / "a" / "b") ? "yes" : "no",
	       fs::exists(root / "a" / "nope") ? "yes" : "no");
	fs::rename(root / "a" / "file0", root / "a" / "b" / "moved");
	printf("after rename: exists(b/moved) %s, exists(file0) %s\n",
	       fs::exists(root / "a" / "b" / "moved") ? "yes" : "no", fs::exists(root / "a" / "file0") ? "yes" : "no");
	try {
		auto size = fs::file_size(root / "missing");
		printf("no throw: %ju\n", (uintmax_t)size);
	} catch (const fs::filesystem_error &e) {
		printf("missing file: filesystem_error, %s\n", errno_name(e.code().value()));
	}
	std::error_code ec;
	auto removed = fs::remove_all(root, ec);
	printf("remove_all removed %ju entries, error: %s, root exists: %s\n", (uintmax_t)removed,
	       ec ? "yes" : "no", fs::exists(root) ? "yes" : "no");
	return compat_done();
}
