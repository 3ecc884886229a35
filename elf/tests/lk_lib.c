/*
 * lk_lib.c - liblk.so.1, the main object of the linker tests. One of each
 * thing the linker handles: two versions of one symbol, relative and
 * symbolic data relocations, GOT and PLT imports from libprov.so.1 (one
 * versioned), a weak import nobody defines, an exported IFUNC called
 * through the PLT, a local IFUNC whose address is stored (IRELATIVE), TLS
 * in all three dynamic models, and data an executable copies (COPY).
 * Built -nostdlib in three variants (both hash tables; GNU hash + RELR;
 * SysV hash). The IFUNC resolvers and their targets are the only code the
 * tests run: they use no relocation themselves.
 */
int lk_data = 5;
static int lk_static = 6;
int lk_copy_var[4] = { 11, 22, 33, 44 };
int lk_dup = 1;
int *lk_dup_p = &lk_dup;	/* R_X86_64_64 to an exported symbol: DT_SYMBOLIC decides */

extern int lk_ext_data;
extern int lk_ext_func(void);
extern int prov_v2(void);
extern int lk_weak_missing __attribute__((weak));

int lk_plain(void)
{
	return lk_static;
}

/* lk_versioned@LK_1 is the old, hidden one; lk_versioned@@LK_2 the default. */
__attribute__((symver("lk_versioned@LK_1"))) int lk_versioned_v1(void)
{
	return 1;
}

__attribute__((symver("lk_versioned@@LK_2"))) int lk_versioned_v2(void)
{
	return 2;
}

/* RELATIVE (or RELR) for the local ones, R_X86_64_64 for the exported and imported. */
void *lk_ptrs[] = { &lk_data, &lk_static, "str", (void *)lk_plain, &lk_ext_data,
		    &lk_weak_missing, (void *)lk_ext_func };

int lk_use(void)
{
	return lk_ext_func() + lk_ext_data + prov_v2() + (&lk_weak_missing ? 1 : 0);
}

static int impl_a(void)
{
	return 42;
}

static int impl_hidden(void)
{
	return 43;
}

static void *resolve_a(void)
{
	return (void *)impl_a;
}

static void *resolve_h(void)
{
	return (void *)impl_hidden;
}

int lk_ifunc(void) __attribute__((ifunc("resolve_a")));
static int lk_hidden_ifunc(void) __attribute__((ifunc("resolve_h")));
int (*lk_hidden_ptr)(void) = lk_hidden_ifunc;	/* R_X86_64_IRELATIVE */

int lk_call_ifunc(void)
{
	return lk_ifunc();	/* JUMP_SLOT against an STT_GNU_IFUNC */
}

__thread int lk_tls_gd = 5;					/* DTPMOD64 + DTPOFF64 */
__thread int lk_tls_ie __attribute__((tls_model("initial-exec"))) = 7;	/* TPOFF64 */
static __thread int lk_tls_ld = 8;				/* DTPMOD64, symbol 0 */
__thread int lk_tls_aligned __attribute__((aligned(32)));	/* p_align 32 */
__thread char lk_tls_bss[100];

int *lk_tls_addr(int which)
{
	return which == 0 ? &lk_tls_gd : which == 1 ? &lk_tls_ie : &lk_tls_ld;
}
