/* libdlbase.c - defines what libdluser.c needs, for RTLD_GLOBAL/RTLD_LOCAL. */
int base_data = 7;

int base_value(void)
{
	return base_data;
}
