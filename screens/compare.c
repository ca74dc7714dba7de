/* Comparison: a dimension column and one column per model, a row for every
 * row in the content (or only the rows your answers touch); the rows your
 * answers touched are marked in the column they point to, and the row a word
 * was found in is highlighted. Cells wrap to fit; below 60 columns the
 * columns are stacked. Moving around it is compare_view.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "layout.h"
#include "strbuf.h"
#include "xalloc.h"

#define STACK_BELOW 60
#define SEP 3 /* " | " between columns */

/* In the order they give way on a narrow footer (help and quit stay). */
static const enum action hints[] = {ACT_TOGGLE, ACT_UP, ACT_PAGE_DOWN, ACT_SAVE, ACT_FIND,
				    ACT_FILTER, ACT_FIND_NEXT, ACT_BACK, ACT_HELP, ACT_QUIT,
				    ACT_NONE};

int model_name_width(const struct content *c)
{
	int nw = 0;
	for (size_t m = 0; m < c->nmodels; m++)
		if (text_width(c->models[m].name) > nw)
			nw = text_width(c->models[m].name);
	return nw;
}

int compare_row_side(const struct app *a, size_t r)
{
	return a->have_verdict ? a->v.row_side[r] : -1;
}

int compare_row_shown(const struct app *a, size_t r)
{
	return !compare_view_of(a)->touched_only || compare_row_side(a, r) >= 0;
}

/* What the marks mean and the keys that find and filter; with the filter
 * on, that it is on and how to see every row again. */
static void legend(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	const char *mark = doc_glyph(d, G_MARK), *filter = hint_key(c, ACT_FILTER);
	struct strbuf sb = {0};
	int any = 0;

	for (size_t r = 0; r < c->nrows; r++)
		any |= compare_row_side(a, r) >= 0;
	if (compare_view_of(a)->touched_only)
		text_add(&sb, c, T_COMPARE_FILTERED, "mark", mark, "filter", filter, NULL);
	else if (any)
		text_add(&sb, c, T_COMPARE_LEGEND_KEYS, "mark", mark, "filter", filter, "find",
			 hint_key(c, ACT_FIND), NULL);
	else
		text_add(&sb, c, T_COMPARE_LEGEND_KEYS_NONE, "find", hint_key(c, ACT_FIND), NULL);
	doc_wrap(d, 0, width, ROLE_DIM, sb_str(&sb), -1);
	sb_free(&sb);
}

/* Row r's lines from line first on: its start in starts, and highlighted
 * when it is the row a word was found in. */
static void row_done(const struct app *a, struct doc *d, size_t r, int first, int *starts)
{
	if (starts)
		starts[r] = first;
	if (compare_view_of(a)->found == (int)r)
		for (int i = first; i < d->n; i++)
			d->line[i].fill = ROLE_SELECTED;
}

/* One column's lines for a cell, with the mark when it is the touched one. */
static void cell_lines(struct doc *d, const char *text, int width, int marked, struct wrapped *w)
{
	char *t = doc_text(d, text ? text : "");
	wrap_text(t, marked ? width - 2 : width, w);
	free(t);
}

static void rule(struct doc *d, int dimw, int colw, size_t nm)
{
	char *a = doc_repeat(d, G_HLINE, dimw + 1), *b = doc_repeat(d, G_HLINE, colw + 2);

	doc_line(d, -1);
	doc_put(d, 0, ROLE_BORDER, a);
	for (size_t m = 0; m < nm; m++) {
		int x = dimw + 1 + (int)m * (colw + SEP);
		doc_put(d, x, ROLE_BORDER, doc_glyph(d, G_CROSS));
		doc_put(d, x + 1, ROLE_BORDER, b);
	}
	free(a);
	free(b);
}

/* Adds a table row: the dimension and one wrapped cell per model. */
static void table_row(const struct app *a, struct doc *d, const char *dim, char *const *cells,
		      int side, int dimw, int colw, enum role cell_role)
{
	size_t nm = a->c->nmodels;
	struct wrapped wd, *wc = xcalloc(nm, sizeof *wc);
	char *t = doc_text(d, dim);
	size_t h;

	wrap_text(t, dimw, &wd);
	free(t);
	h = wd.n;
	for (size_t m = 0; m < nm; m++) {
		cell_lines(d, cells[m], colw, (int)m == side, &wc[m]);
		if (wc[m].n > h)
			h = wc[m].n;
	}
	for (size_t l = 0; l < h; l++) {
		doc_line(d, -1);
		if (l < wd.n)
			doc_put(d, 0, ROLE_HEADING, wd.line[l]);
		for (size_t m = 0; m < nm; m++) {
			int x = dimw + 1 + (int)m * (colw + SEP);
			int marked = (int)m == side;
			doc_put(d, x, ROLE_BORDER, doc_glyph(d, G_VLINE));
			if (marked && l == 0)
				doc_put(d, x + 2, ROLE_MARK, doc_glyph(d, G_MARK));
			if (l < wc[m].n)
				doc_put(d, x + 2 + (marked ? 2 : 0), marked ? ROLE_MARK : cell_role,
					wc[m].line[l]);
		}
	}
	wrapped_free(&wd);
	for (size_t m = 0; m < nm; m++)
		wrapped_free(&wc[m]);
	free(wc);
}

/* A column's header: in a split the part that model would take, never
 * "(recommended)"; otherwise the recommended model is marked. */
static char *column_header(const struct app *a, int m)
{
	const struct model *mo = &a->c->models[m];

	if (!a->have_verdict)
		return xstrdup(mo->name);
	if (a->v.strength == STRENGTH_SPLIT)
		return m == a->v.left || m == a->v.right
			       ? text_fmt(a->c, T_COMPARE_SPLIT_PART, "model", mo->name, "part",
					  mo->split_part, NULL)
			       : xstrdup(mo->name);
	return m == a->v.winner ? text_fmt(a->c, T_COMPARE_RECOMMENDED, "model", mo->name, NULL)
				: xstrdup(mo->name);
}

static void table(const struct app *a, int width, struct doc *d, int dimw, int colw,
		  int *starts)
{
	const struct content *c = a->c;
	size_t nm = c->nmodels;
	char **names = xcalloc(nm, sizeof *names);
	int shown = 0;

	legend(a, width, d);
	for (size_t m = 0; m < nm; m++)
		names[m] = column_header(a, (int)m);
	table_row(a, d, "", names, -1, dimw, colw, ROLE_HEADING);
	rule(d, dimw, colw, nm);
	d->sticky = d->n;
	for (size_t r = 0; r < c->nrows; r++) {
		if (!compare_row_shown(a, r))
			continue;
		if (shown++ > 0)
			rule(d, dimw, colw, nm);
		int first = d->n;
		table_row(a, d, c->rows[r].dimension, c->rows[r].cells, compare_row_side(a, r), dimw,
			  colw, ROLE_NORMAL);
		row_done(a, d, r, first, starts);
	}
	for (size_t m = 0; m < nm; m++)
		free(names[m]);
	free(names);
}

static void stacked(const struct app *a, int width, struct doc *d, int *starts)
{
	const struct content *c = a->c;
	int nw = model_name_width(c);

	if (nw > width / 3)
		nw = width / 3;
	legend(a, width, d);
	for (size_t r = 0; r < c->nrows; r++) {
		if (!compare_row_shown(a, r))
			continue;
		int side = compare_row_side(a, r);
		doc_blank(d);
		int first = d->n;
		doc_wrap(d, 0, width, ROLE_HEADING, c->rows[r].dimension, -1);
		for (size_t m = 0; m < c->nmodels; m++) {
			int marked = (int)m == side;
			doc_line(d, -1);
			if (marked)
				doc_put(d, 0, ROLE_MARK, doc_glyph(d, G_MARK));
			doc_put(d, 2, marked ? ROLE_MARK : ROLE_KEY, c->models[m].name);
			doc_wrap_on(d, nw + 4, width - nw - 4, marked ? ROLE_MARK : ROLE_NORMAL,
				    c->rows[r].cells[m], -1);
		}
		row_done(a, d, r, first, starts);
	}
}

void compare_lay_out(const struct app *a, int width, struct doc *d, int *starts)
{
	const struct content *c = a->c;
	int nm = (int)c->nmodels;
	int dimw = 0;

	for (size_t r = 0; starts && r < c->nrows; r++)
		starts[r] = -1;
	for (size_t r = 0; r < c->nrows; r++)
		if (text_width(c->rows[r].dimension) > dimw)
			dimw = text_width(c->rows[r].dimension);
	int cap = width / 4 > 12 ? width / 4 : 12;
	if (dimw > cap)
		dimw = cap;
	int colw = nm > 0 ? (width - dimw - 1 - SEP * nm + 1) / nm : 0;
	if (a->cols < STACK_BELOW || colw < 10 || nm == 0)
		stacked(a, width, d, starts);
	else
		table(a, width, d, dimw, colw, starts);
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	(void)height;
	compare_lay_out(a, width, d, NULL);
}

static const enum action keys[] = {ACT_TOGGLE, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
				   ACT_HOME, ACT_END, ACT_BACK, ACT_FIND, ACT_FIND_NEXT, ACT_FILTER,
				   ACT_SAVE, ACT_NONE};

const struct screen compare_screen = {SCREEN_COMPARE, PAGE_FRAME, 0, build, compare_status,
				      compare_on_action, hints, keys, T_HELP_ABOUT_COMPARE};
