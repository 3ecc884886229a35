/* dlmissing.c - imports dlopen and dlsym, which the kernel's libc does not
 * have (keel's linker does not provide them yet): forced linked mode must
 * refuse it naming them, auto mode must run it in interp mode. */
#include <dlfcn.h>
#include <stdio.h>
int main(void)
{
	void *self = dlopen(NULL, RTLD_NOW);
	printf("dlopen(NULL): %s\n", self ? "ok" : "failed");
	printf("dlsym(puts): %s\n", self && dlsym(self, "puts") ? "found" : "missing");
	return 0;
}
