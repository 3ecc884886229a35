/* symmissing.c - linked against a libsm.so with sm_one and sm_two, started
 * with one that has neither: forced linked mode must refuse it naming both,
 * auto mode falls back to interp (where musl's ld.so refuses it too). */
#include <stdio.h>
int sm_one(void);
int sm_two(void);
int main(void)
{
	printf("%d %d\n", sm_one(), sm_two());
	return 0;
}
