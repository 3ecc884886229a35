/* libsm_full.c - the libsm.so symmissing.c is linked against. */
int sm_one(void) { return 1; }
int sm_two(void) { return 2; }
