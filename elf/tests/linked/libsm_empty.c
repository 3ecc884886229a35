/* libsm_empty.c - the libsm.so symmissing.c finds at run time: neither of its functions. */
int sm_other(void) { return 3; }
