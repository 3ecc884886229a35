/*
 * error.c - GNU error() and error_at_line() (glibc's <error.h>; every
 * coreutils program reports through them).
 *
 * The behaviour glibc documents: flush stdout; write the program name
 * (program_invocation_name), or call error_print_progname instead when
 * the program set it; then "file:line: " for error_at_line; the
 * formatted message; ": strerror(errnum)" when errnum is not 0; a newline;
 * count the message in error_message_count; exit(status) when status is
 * not 0. With error_one_per_line set, error_at_line prints nothing for a
 * second message at the same file and line as the previous one.
 *
 * The three variables are the program's to set (a PIE's COPY of one is
 * the variable used here, glibc.h); program_invocation_name is musl's,
 * set from argv[0] at start, and may have been changed by the program
 * (gnulib's set_program_name does).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "glibc.h"

unsigned int error_message_count;
int error_one_per_line;
void (*error_print_progname)(void);

/*
 * The prefix, as glibc writes it: error() "prog: " (nothing when
 * error_print_progname printed the name); error_at_line() "prog:" or the
 * function's output, then "file:line: ", or " " when file is NULL.
 */
static void report(int status, int errnum, int at_line, const char *file, unsigned line,
		   const char *fmt, va_list ap)
{
	void (*progname)(void) = error_print_progname;

	fflush(stdout);
	flockfile(stderr);
	if (progname)
		progname();
	else
		fprintf(stderr, at_line ? "%s:" : "%s: ", program_invocation_name);
	if (at_line && file)
		fprintf(stderr, "%s:%u: ", file, line);
	else if (at_line)
		fputc(' ', stderr);
	vfprintf(stderr, fmt, ap);
	error_message_count++;
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
	fflush(stderr);
	funlockfile(stderr);
	if (status)
		GLIBC_OVERRIDE(exit)(status);
}

void error(int status, int errnum, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(status, errnum, 0, 0, 0, fmt, ap);
	va_end(ap);
}

void error_at_line(int status, int errnum, const char *file, unsigned line, const char *fmt,
		   ...)
{
	static const char *last_file;
	static unsigned last_line;
	va_list ap;

	if (error_one_per_line) {
		/* two NULL names are the same file (so is the first call's NULL, 0) */
		if (line == last_line &&
		    (last_file == file || (last_file && file && !strcmp(last_file, file))))
			return;
		last_file = file;
		last_line = line;
	}
	va_start(ap, fmt);
	report(status, errnum, 1, file, line, fmt, ap);
	va_end(ap);
}
