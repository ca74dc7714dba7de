/* A deliberately leaking test. It proves the sanitizer and valgrind gates can
 * fail: criterion reports a leak in a worker and still says "passing" unless
 * the run aborts on it (reliability.md, finding 5). Must fail in CI. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* volatile, so the optimiser cannot drop the allocation */
static char *volatile holder;

Test(canary, leaks)
{
	holder = malloc(64);
	memset(holder, 'x', 64);
	cr_assert_eq(holder[0], 'x');
	holder = NULL; /* the only pointer is gone */
}
