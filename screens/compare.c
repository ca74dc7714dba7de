/* Comparison: a dimension column and one column per model, a row for every
 * row in the content; the rows your answers touched are marked in the column
 * they point to. Cells wrap to fit; below 60 columns the columns are stacked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "screen.h"
#include "strbuf.h"
#include "xalloc.h"

#define STACK_BELOW 60
#define SEP 3 /* " | " between columns */

static const enum action hints[] = {ACT_TOGGLE, ACT_UP, ACT_PAGE_DOWN, ACT_SAVE, ACT_BACK,
				    ACT_HELP, ACT_QUIT, ACT_NONE};

int model_name_width(const struct content *c)
{
	int nw = 0;
	for (size_t m = 0; m < c->nmodels; m++)
		if (text_width(c->models[m].name) > nw)
			nw = text_width(c->models[m].name);
	return nw;
}

static int row_side(const struct app *a, size_t r)
{
	return a->have_verdict ? a->v.row_side[r] : -1;
}

static void legend(const struct app *a, int width, struct doc *d)
{
	struct strbuf sb = {0};
	int any = 0;

	for (size_t r = 0; r < a->c->nrows; r++)
		any |= row_side(a, r) >= 0;
	if (any)
		text_add(&sb, a->c, T_COMPARE_LEGEND, "mark", doc_glyph(d, G_MARK), NULL);
	else
		sb_add(&sb, text_get(a->c, T_COMPARE_LEGEND_NONE));
	doc_wrap(d, 0, width, ROLE_DIM, sb_str(&sb), -1);
	sb_free(&sb);
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

static void table(const struct app *a, int width, struct doc *d, int dimw, int colw)
{
	const struct content *c = a->c;
	size_t nm = c->nmodels;
	char **names = xcalloc(nm, sizeof *names);

	legend(a, width, d);
	for (size_t m = 0; m < nm; m++)
		names[m] = column_header(a, (int)m);
	table_row(a, d, "", names, -1, dimw, colw, ROLE_HEADING);
	rule(d, dimw, colw, nm);
	d->sticky = d->n;
	for (size_t r = 0; r < c->nrows; r++) {
		if (r > 0)
			rule(d, dimw, colw, nm);
		table_row(a, d, c->rows[r].dimension, c->rows[r].cells, row_side(a, r), dimw, colw,
			  ROLE_NORMAL);
	}
	for (size_t m = 0; m < nm; m++)
		free(names[m]);
	free(names);
}

static void stacked(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	int nw = model_name_width(c);

	if (nw > width / 3)
		nw = width / 3;
	legend(a, width, d);
	for (size_t r = 0; r < c->nrows; r++) {
		int side = row_side(a, r);
		doc_blank(d);
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
	}
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct content *c = a->c;
	int nm = (int)c->nmodels;
	int dimw = 0;
	(void)height;

	for (size_t r = 0; r < c->nrows; r++)
		if (text_width(c->rows[r].dimension) > dimw)
			dimw = text_width(c->rows[r].dimension);
	int cap = width / 4 > 12 ? width / 4 : 12;
	if (dimw > cap)
		dimw = cap;
	int colw = nm > 0 ? (width - dimw - 1 - SEP * nm + 1) / nm : 0;
	if (a->cols < STACK_BELOW || colw < 10 || nm == 0)
		stacked(a, width, d);
	else
		table(a, width, d, dimw, colw);
}

static void status(const struct app *a, struct strbuf *out)
{
	char n[24];

	text_add(out, a->c, T_SCREEN_STATUS_COMPARE, "count", num_text(n, (long long)a->c->nrows),
		 NULL);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	return page_action(a, act);
}

static const enum action keys[] = {ACT_TOGGLE, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
				   ACT_HOME, ACT_END, ACT_BACK, ACT_SAVE, ACT_NONE};

const struct screen compare_screen = {SCREEN_COMPARE, PAGE_FRAME, 0, build, status, on_action,
				      hints, keys, T_HELP_ABOUT_COMPARE};
