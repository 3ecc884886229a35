/* libdltls.c - thread-local storage in a dlopened library (dynamic TLS). */
__thread int tls_counter = 5;
__thread char tls_big[256] = { 1 };

int tls_bump(void)
{
	return ++tls_counter;
}

int *tls_addr(void)
{
	return &tls_counter;
}

int tls_big_first(void)
{
	return tls_big[0];
}
