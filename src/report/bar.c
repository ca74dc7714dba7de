#include "bar.h"

int bar_filled(int percent, int width)
{
	if (percent < 0)
		percent = 0;
	if (percent > 100)
		percent = 100;
	int filled = (percent * width + 50) / 100;
	if (percent > 0 && filled == 0)
		filled = 1;
	return filled;
}

void report_bar(struct strbuf *out, int percent, int width)
{
	int filled = bar_filled(percent, width);

	for (int i = 0; i < width; i++)
		sb_addc(out, i < filled ? '#' : '.');
}
