/* libplug_undef.c - a plugin using a function nothing defines: dlopen must fail naming it. */
int plug_undefined_elsewhere(void);
int plug_use(void)
{
	return plug_undefined_elsewhere();
}
