/* libplug.c - the plugin dlplugin.c loads: data, TLS, a constructor, a callback into the program. */
#include <stdio.h>

int host_bump(int n); /* the program's */

int plug_data = 1234;
__thread int plug_tls = 3;

__attribute__((constructor)) static void plug_init(void)
{
	printf("plugin constructor: plug_data %d\n", plug_data);
	plug_data++;
}

int plug_add(int a, int b)
{
	host_bump(a + b);
	return a + b;
}

const char *plug_greet(void)
{
	static char buf[32];
	snprintf(buf, sizeof buf, "hello %d", plug_data);
	return buf;
}

int plug_tls_get(void)
{
	return plug_tls;
}

void plug_tls_set(int v)
{
	plug_tls = v;
}
