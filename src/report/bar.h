/* Bars for text output: the balance of a verdict and the summary's charts. */
#ifndef OW_BAR_H
#define OW_BAR_H

#include "strbuf.h"

/* How many of width cells a bar of percent fills: rounded, so 99% does not
 * look full-ended and 1% still shows. The summary's charts use it. */
int bar_filled(int percent, int width);
/* width characters: '#' for the share achieved and '.' for the rest, ASCII
 * so it prints and pastes anywhere. percent is clamped to 0..100. */
void report_bar(struct strbuf *out, int percent, int width);

/* The balance bar, laid out on width cells: cell 0 is every point to the
 * left model, cell width-1 every point to the right. The split zone is the
 * cells whose middle lies inside -split_band..split_band, and the marker is in
 * the zone exactly when |balance| < split_band, that is when the verdict is a
 * split. The screen and every report draw from this one layout. */
struct balance_cells {
	int marker;                /* where the answers land */
	int split_from, split_to;  /* the split zone, inclusive; from > to if none */
};
void balance_layout(double balance, double split_band, int width, struct balance_cells *out);
/* Which of the glyphs a cell shows. */
enum balance_part { BALANCE_SIDE, BALANCE_ZONE, BALANCE_MARKER };
enum balance_part balance_part_at(const struct balance_cells *b, int cell);
/* ASCII: '-' on the sides, '=' in the split zone, 'O' for the answers. */
void report_balance(struct strbuf *out, double balance, double split_band, int width);
#define BALANCE_ASCII_SIDE '-'
#define BALANCE_ASCII_ZONE '='
#define BALANCE_ASCII_MARKER 'O'

#endif
