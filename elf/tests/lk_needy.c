/*
 * lk_needy.c - libneedy.so for test_reloc's missing-symbol report: linked
 * against liblk.so.1 and the newer libprov (PROV_3), it imports two
 * symbols nobody defines, one only the newer libprov has, one that
 * resolves, and a weak one that may stay missing. lk_gone_data is used
 * twice (GOT and a data pointer) but must be reported once.
 */
extern int lk_gone(void);
extern int lk_gone_data;
extern int prov_v3(void);
extern int lk_versioned(void);
extern int lk_weak_gone(void) __attribute__((weak));

int *needy_p = &lk_gone_data;

int needy(void)
{
	return lk_gone() + lk_gone_data + prov_v3() + lk_versioned() +
	       (lk_weak_gone ? lk_weak_gone() : 0);
}
