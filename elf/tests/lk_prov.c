/*
 * lk_prov.c - libprov.so.1 for the linker tests (test_symbols, test_reloc):
 * the library liblk.so.1 imports from, with versioned symbols. Built twice:
 * as is (versions PROV_1, PROV_2), and with -DPROV3 as a "newer" libprov
 * that adds PROV_3, which libneedy.so is linked against so that running it
 * with the older one leaves prov_v3@PROV_3 missing. Never executed.
 */
int lk_ext_data = 1234;
int lk_dup = 2;		/* liblk's too, same version (LK_1): the search order decides */

int lk_ext_func(void)
{
	return 99;
}

int prov_v2(void)
{
	return 2;
}

#ifdef PROV3
int prov_v3(void)
{
	return 3;
}
#endif

/* Stands in for ld.so's, so general-dynamic TLS code has something to bind to. */
void *__tls_get_addr(void *p)
{
	return p;
}
