/*
 * printf.c - vsnprintf for kernel messages. Supports what kernel code uses:
 * %d %i %u %x %X %o %p %s %c %%, the length modifiers l, ll and z, a field
 * width (also '*'), and the '-', '0' and '#' flags. No floating point: kernel
 * code is compiled with -mgeneral-regs-only.
 */
#include "klib.h"

struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

/*
 * Put the n characters at s in a field of width. The first npre of them (a
 * sign, or the "0x" of '#' and %p) are part of the field but go before any
 * zero padding, as in C.
 */
static void put_padded(struct out *o, const char *s, size_t n, size_t npre, int width, bool left,
		       char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;
	if (!left && pad == '0')
		for (; npre; npre--, n--)
			put(o, *s++);
	if (!left)
		while (fill--)
			put(o, pad);
	while (n--)
		put(o, *s++);
	if (left)
		while (fill-- > 0)
			put(o, ' ');
}

static size_t utoa(char *end, unsigned long long v, unsigned base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;
	do {
		*--p = digits[v % base];
		v /= base;
	} while (v);
	return end - p;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	char num[24];

	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		bool left = false, alt = false;
		char pad = ' ';
		int width = 0, lng = 0;
		for (fmt++; *fmt == '-' || *fmt == '0' || *fmt == '#'; fmt++) {
			if (*fmt == '-')
				left = true;
			else if (*fmt == '#')
				alt = true;
			else
				pad = '0';
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) { /* C: a negative width is '-' and its magnitude */
				left = true;
				width = -width;
			}
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		for (; *fmt == 'l' || *fmt == 'z'; fmt++)
			lng++;
		if (left)
			pad = ' ';

		unsigned long long u;
		unsigned base = 10;
		size_t n;
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = lng ? va_arg(ap, long long) : va_arg(ap, int);
			u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
			n = utoa(num + sizeof(num), u, 10, false);
			if (v < 0)
				num[sizeof(num) - ++n] = '-';
			put_padded(&o, num + sizeof(num) - n, n, v < 0, width, left, pad);
			continue;
		}
		case 'p':
			u = (uintptr_t)va_arg(ap, void *);
			n = utoa(num + sizeof(num), u, 16, false);
			num[sizeof(num) - ++n] = 'x';
			num[sizeof(num) - ++n] = '0';
			put_padded(&o, num + sizeof(num) - n, n, 2, width, left, pad);
			continue;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			put_padded(&o, s, strlen(s), 0, width, left, ' ');
			continue;
		}
		case 'c':
			num[0] = (char)va_arg(ap, int);
			put_padded(&o, num, 1, 0, width, left, ' ');
			continue;
		case 'x':
		case 'X':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		case 'u':
			break;
		case '%':
			put(&o, '%');
			continue;
		default: /* unknown conversion: print it as is */
			put(&o, '%');
			if (!*fmt)
				goto done;
			put(&o, *fmt);
			continue;
		}
		u = lng ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned int);
		n = utoa(num + sizeof(num), u, base, *fmt == 'X');
		size_t npre = 0;
		if (alt && u && base != 10) { /* "0x" / "0" prefix, as C's '#' flag */
			if (base == 16)
				num[sizeof(num) - ++n] = *fmt;
			num[sizeof(num) - ++n] = '0';
			npre = base == 16 ? 2 : 1;
		}
		put_padded(&o, num + sizeof(num) - n, n, npre, width, left, pad);
	}
done:
	if (size)
		buf[o.len < size ? o.len : size - 1] = 0;
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
