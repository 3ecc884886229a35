/*
 * libdllazy.c - a library calling a function no object defines: loadable
 * with RTLD_LAZY as long as lazy_bad() is never called, not with RTLD_NOW.
 */
extern int dl_no_such_function(void);

int lazy_ok(void)
{
	return 1;
}

int lazy_bad(void)
{
	return dl_no_such_function();
}
