/*
 * lk_exe.c - a PIE for test_reloc, linked against liblk.so.1: its direct
 * accesses to lk_copy_var become a COPY relocation (GCC assumes data is
 * local in -fPIE code), its own TLS is the executable's block (module 1,
 * local-exec), and its accesses to liblk's TLS are initial-exec TPOFF64
 * relocations. Never executed.
 */
extern int lk_copy_var[4];
extern int lk_versioned(void);
extern __thread int lk_tls_gd;
__thread int exe_tls = 3;
__thread long exe_tls_big[5] __attribute__((aligned(16)));

int exe_main(void)
{
	return lk_copy_var[1] + lk_versioned() + exe_tls + (int)exe_tls_big[2] + lk_tls_gd;
}

void _start(void)
{
	for (;;)
		;
}
