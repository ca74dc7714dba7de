#include "bar.h"

void report_bar(struct strbuf *out, int percent, int width)
{
	if (percent < 0)
		percent = 0;
	if (percent > 100)
		percent = 100;
	/* Rounded, so 99% does not look empty-ended and 1% still shows. */
	int filled = (percent * width + 50) / 100;
	if (percent > 0 && filled == 0)
		filled = 1;
	for (int i = 0; i < width; i++)
		sb_addc(out, i < filled ? '#' : '.');
}
