// iostream_fmt.cc - iostream formatting: setw/setfill/left/right, hex,
// oct, showbase, uppercase, fixed and scientific with setprecision,
// boolalpha, std::cerr captured through its rdbuf; string streams
// parse numbers back and report a failed extraction.
#include <iomanip>
#include <iostream>
#include <sstream>
#include "compat.h"

int main()
{
	std::cout << '[' << std::setw(6) << 42 << "] [" << std::left << std::setw(6) << 42 << "] ["
		  << std::right << std::setfill('0') << std::setw(6) << -42 << ']' << std::setfill(' ') << '\n';
	std::cout << std::hex << 255 << ' ' << std::showbase << 255 << ' ' << std::uppercase << 255 << ' '
		  << std::oct << 8 << std::dec << std::noshowbase << std::nouppercase << ' ' << 255 << '\n';
	std::cout << std::fixed << std::setprecision(3) << 3.14159265 << ' ' << 2.0 << ' '
		  << std::scientific << std::setprecision(2) << 12345.678 << '\n';
	std::cout.unsetf(std::ios::floatfield);
	std::cout << std::setprecision(6) << 0.1 + 0.2 << ' ' << 1e20 << ' ' << 1.0 / 3 << '\n';
	std::cout << std::boolalpha << true << ' ' << false << std::noboolalpha << ' ' << true << '\n';

	std::ostringstream captured;
	std::streambuf *old = std::cerr.rdbuf(captured.rdbuf());
	std::cerr << "error " << std::setw(4) << 7 << std::endl;
	std::cerr.rdbuf(old);
	std::cout << "cerr said: " << captured.str();

	std::istringstream in("17 0x1f 2.5 word");
	int a = 0, b = 0;
	double c = 0;
	in >> a >> std::hex >> b >> std::dec >> c;
	std::cout << "parsed: " << a << ' ' << b << ' ' << c << '\n';
	int d = 5;
	in >> d;
	std::cout << "extracting a word as int: fail " << in.fail() << ", value " << d << '\n';
	std::cout.flush();
	return compat_done();
}
