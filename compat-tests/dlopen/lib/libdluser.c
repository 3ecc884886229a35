/*
 * libdluser.c - uses a variable and a function from libdlbase.so without
 * depending on it (no DT_NEEDED): loadable only when libdlbase.so is
 * loaded RTLD_GLOBAL. The variable's address is a data relocation,
 * resolved at load time even with RTLD_LAZY.
 */
extern int base_data;
extern int base_value(void);

int *user_ptr = &base_data;

int user_value(void)
{
	return base_value() * 6;
}
