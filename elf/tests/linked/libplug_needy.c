/* libplug_needy.c - a plugin linked against libplug_gone.so, which the image lacks. */
int gone_fn(void);
int needy(void)
{
	return gone_fn();
}
