/* Deliberate undefined behaviour (signed overflow): must fail under UBSan. */
#include <criterion/criterion.h>
#include <limits.h>

Test(canary, signed_overflow)
{
	volatile int big = INT_MAX;
	int r = big + 1;
	cr_assert_neq(r, 0);
}
