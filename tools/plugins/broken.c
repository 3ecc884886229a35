/*
 * broken.c - shared objects that a program's dlopen() must refuse, for the
 * failure cases of tools/test-plugins. Built three ways (tools/images.mk):
 *
 *   -DMISSING_SYMBOL   keel_broken_symbol.so: calls keel_absent_function,
 *                      which nothing defines; dlopen(RTLD_NOW), as nginx and
 *                      redis call it, fails with "undefined symbol:
 *                      keel_absent_function"
 *   -DMISSING_LIBRARY  keel_broken_library.so: DT_NEEDED libkeel-absent.so.1,
 *                      which is in no image; dlopen fails with
 *                      "libkeel-absent.so.1: cannot open shared object file"
 *   -DABSENT_LIBRARY   libkeel-absent.so.1 itself: only linked against,
 *                      never put into an image
 *
 * Neither broken object is a real nginx or Redis module: the loader must
 * refuse them before the program looks for its entry points.
 */
#if defined(ABSENT_LIBRARY)
int keel_absent_library_function(int x)
{
	return x + 1;
}
#else
int keel_absent_function(int x);
int keel_absent_library_function(int x);

int keel_broken_entry(int x)
{
#if defined(MISSING_SYMBOL)
	return keel_absent_function(x);
#elif defined(MISSING_LIBRARY)
	return keel_absent_library_function(x);
#else
#error "build with -DMISSING_SYMBOL, -DMISSING_LIBRARY or -DABSENT_LIBRARY"
#endif
}
#endif
