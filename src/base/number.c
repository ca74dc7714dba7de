#include "number.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The C locale as an object, made once. newlocale cannot fail for "C" in
 * practice; if it did, the process locale is all there is. */
static locale_t c_locale(void)
{
	static locale_t c;

	if (!c)
		c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c;
}

double number_strtod(const char *s, char **end)
{
	locale_t c = c_locale();

	return c ? strtod_l(s, end, c) : strtod(s, end);
}

int number_parse(const char *text, double *out)
{
	char *end;
	double v = number_strtod(text, &end);

	while (*end == ' ')
		end++;
	if (end == text || *end || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

const char *number_format(double x, char buf[NUMBER_TEXT])
{
	locale_t c = c_locale();
	/* uselocale is per thread: only this snprintf sees the C locale. */
	locale_t old = c ? uselocale(c) : (locale_t)0;

	snprintf(buf, NUMBER_TEXT, "%g", x);
	if (old)
		uselocale(old);
	return buf;
}
