/* libdlbasic.c - a plain library for the dlopen cases: a function and a variable. */
int dl_counter = 42;

int dl_add(int a, int b)
{
	return a + b;
}

int dl_get_counter(void)
{
	return dl_counter;
}
