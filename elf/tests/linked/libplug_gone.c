/* libplug_gone.c - built only to link libplug_needy.so against; never shipped. */
int gone_fn(void)
{
	return 1;
}
