#include "bar.h"

#include <math.h>

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

/* Cell i covers balance -1 + 2i/width .. -1 + 2(i+1)/width. How far its
 * middle is from the centre, worked from whole numbers so that the two
 * halves of the bar round alike. */
static double cell_middle_distance(int i, int width)
{
	return fabs(2.0 * i + 1 - width) / width;
}

void balance_layout(double balance, double split_band, int width, struct balance_cells *out)
{
	if (width < 1)
		width = 1;
	if (!(balance >= -1))
		balance = -1; /* also NaN */
	if (balance > 1)
		balance = 1;
	int m = (int)floor((balance + 1) / 2 * width);
	out->marker = m >= width ? width - 1 : m;
	out->split_from = width, out->split_to = -1;
	for (int i = 0; i < width; i++)
		if (cell_middle_distance(i, width) < split_band) {
			if (out->split_from > i)
				out->split_from = i;
			out->split_to = i;
		}
	/* On a few cells rounding could put the marker on the wrong side of the
	 * zone's edge: the zone's edge gives way, so the marker is in the zone
	 * exactly when the answers read as a split. */
	int inside = fabs(balance) < split_band;
	int shown = out->marker >= out->split_from && out->marker <= out->split_to;
	if (inside && !shown) {
		out->split_from = out->split_from > out->marker ? out->marker : out->split_from;
		out->split_to = out->split_to < out->marker ? out->marker : out->split_to;
	} else if (!inside && shown) {
		if (balance < 0)
			out->split_from = out->marker + 1;
		else
			out->split_to = out->marker - 1;
	}
}

enum balance_part balance_part_at(const struct balance_cells *b, int cell)
{
	if (cell == b->marker)
		return BALANCE_MARKER;
	return cell >= b->split_from && cell <= b->split_to ? BALANCE_ZONE : BALANCE_SIDE;
}

void report_balance(struct strbuf *out, double balance, double split_band, int width)
{
	static const char glyph[] = {BALANCE_ASCII_SIDE, BALANCE_ASCII_ZONE, BALANCE_ASCII_MARKER};
	struct balance_cells b;

	balance_layout(balance, split_band, width, &b);
	for (int i = 0; i < width; i++)
		sb_addc(out, glyph[balance_part_at(&b, i)]);
}
