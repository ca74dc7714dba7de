/* A deliberate use after free: must fail under AddressSanitizer. The free
 * goes through a volatile pointer so the compiler cannot see it and refuse. */
#include <criterion/criterion.h>
#include <stdlib.h>

static void (*volatile release)(void *) = free;

Test(canary, use_after_free)
{
	volatile char *p = malloc(16);
	p[0] = 'a';
	release((void *)p);
	cr_assert_eq(p[0], 'a');
}
