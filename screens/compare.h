/* The comparison's two halves: compare.c lays the table out from the state,
 * compare_view.c moves around it as less and tig do (where you are, only the
 * rows your answers touch, finding a word). */
#ifndef OW_COMPARE_H
#define OW_COMPARE_H

#include <stddef.h>

#include "screen.h"

/* The view the comparison shows now: the app's, or the whole table with
 * nothing found when the answers changed since it was set. */
const struct compare_view *compare_view_of(const struct app *a);
/* The model row r's answers point to, or -1 (no verdict, or untouched). */
int compare_row_side(const struct app *a, size_t r);
/* 1 when row r shows in the view: every row, or only those touched. */
int compare_row_shown(const struct app *a, size_t r);
/* Builds the comparison at width into d. starts (one entry per content row,
 * or NULL) gets the line each row's text starts on, -1 for a row not shown;
 * one separating line (a rule, a blank) comes before every row but the
 * table's first. */
void compare_lay_out(const struct app *a, int width, struct doc *d, int *starts);

/* compare_view.c: the position on the top bar, and the keys. */
void compare_status(const struct app *a, struct strbuf *out);
enum reaction compare_on_action(struct app *a, enum action act, int arg);

#endif
