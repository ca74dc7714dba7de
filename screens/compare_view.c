/* Moving around the comparison, as in less and tig: the top bar says which
 * rows are on the screen ("Rows 5-11 of 27"); f shows only the rows your
 * answers touch, and back; / asks for a word on the bottom row, the view
 * jumps to the first row that has it (highlighted), n to the next one, round
 * to the first again after the last, each said on the status line. Matching
 * ignores case and reads a row as the screen shows it: its dimension and its
 * cells, in this character set. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "actions.h"
#include "compare.h"
#include "layout.h"
#include "sanitize.h"
#include "xalloc.h"

const struct compare_view *compare_view_of(const struct app *a)
{
	static const struct compare_view whole = {.found = -1};

	return a->cmp.set && a->cmp.gen == a->flow.generation ? &a->cmp : &whole;
}

/* The view, made current (whole again) when the answers changed. */
static struct compare_view *view(struct app *a)
{
	if (compare_view_of(a) != &a->cmp) {
		memset(&a->cmp, 0, sizeof a->cmp);
		a->cmp.set = 1;
		a->cmp.gen = a->flow.generation;
		a->cmp.found = -1;
	}
	return &a->cmp;
}

/* The comparison as the last frame laid it out: its doc and where each row
 * starts (starts has one entry per row). */
static void lay_out_again(const struct app *a, struct doc *d, int *starts)
{
	doc_init(d, a->ascii);
	compare_lay_out(a, a->page[SCREEN_COMPARE].width, d, starts);
}

/* ---- where you are ---- */

/* The first and last rows the page shows and how many the view has, each
 * counted among the rows of the view, from 1. */
static void shown_rows(const struct app *a, int *first, int *last, int *count)
{
	const struct page *p = &a->page[SCREEN_COMPARE];
	int *starts = xcalloc(a->c->nrows + 1, sizeof *starts);
	struct doc d;

	lay_out_again(a, &d, starts);
	int top = p->sticky + p->top, bottom = top + p->rows - 1;
	*first = *last = *count = 0;
	for (size_t r = 0; r < a->c->nrows; r++) {
		if (starts[r] < 0)
			continue;
		size_t next = r + 1;
		while (next < a->c->nrows && starts[next] < 0)
			next++;
		/* A row ends on the line before the next one's separator. */
		int end = next < a->c->nrows ? starts[next] - 2 : d.n - 1;
		++*count;
		if (!*first && end >= top)
			*first = *count;
		if (starts[r] <= bottom)
			*last = *count;
	}
	if (!*first)
		*first = *count;
	if (*last < *first)
		*last = *first;
	doc_free(&d);
	free(starts);
}

/* "Comparison: rows 5-11 of 27", or "Rows 5-11 of 27" where the top bar
 * has no room for that beside the whole title. */
void compare_status(const struct app *a, struct strbuf *out)
{
	static const enum text_id ids[2][2] = {
		{T_SCREEN_STATUS_COMPARE, T_SCREEN_STATUS_COMPARE_SHORT},
		{T_SCREEN_STATUS_COMPARE_YOURS, T_SCREEN_STATUS_COMPARE_YOURS_SHORT}};
	const enum text_id *id = ids[compare_view_of(a)->touched_only != 0];
	char f[24], l[24], n[24];
	int first, last, count;

	shown_rows(a, &first, &last, &count);
	num_text(f, first), num_text(l, last), num_text(n, count);
	char *full = text_fmt(a->c, id[0], "first", f, "last", l, "count", n, NULL);
	char *title = text_for_terminal(a->c->title ? a->c->title : "", a->ascii, 0);
	char *shown = text_for_terminal(full, a->ascii, 0);
	/* the bar: a blank, the title, two blanks at least, this, a blank */
	if (text_width(title) + text_width(shown) + 4 <= a->cols)
		sb_add(out, full);
	else
		text_add(out, a->c, id[1], "first", f, "last", l, "count", n, NULL);
	free(full);
	free(title);
	free(shown);
}

/* Scrolls so that row r starts at the top of the page (as near as the end
 * of the table allows: the next frame's layout clamps it). */
static void jump_to(struct app *a, int r)
{
	int *starts = xcalloc(a->c->nrows + 1, sizeof *starts);
	struct doc d;

	lay_out_again(a, &d, starts);
	int top = starts[r] - d.sticky;
	a->page[SCREEN_COMPARE].top = top > 0 ? top : 0;
	doc_free(&d);
	free(starts);
}

/* ---- only the rows your answers touch ---- */

static enum reaction toggle_filter(struct app *a)
{
	struct compare_view *v = view(a);
	int touched = 0;

	for (size_t r = 0; r < a->c->nrows; r++)
		touched += compare_row_side(a, r) >= 0;
	if (!v->touched_only && touched == 0) {
		app_message(a, ROLE_WARN, text_get(a->c, T_COMPARE_NONE_TOUCHED));
		return R_REDRAW;
	}
	v->touched_only = !v->touched_only;
	if (v->found >= 0 && !compare_row_shown(a, (size_t)v->found))
		v->found = -1;
	a->page[SCREEN_COMPARE].top = 0;
	if (v->found >= 0)
		jump_to(a, v->found);
	return R_REDRAW;
}

/* ---- finding a word ---- */

/* s as the screen shows it, lower case, in wide characters (malloc'd);
 * NULL when this locale cannot read it. */
static wchar_t *folded(const struct app *a, const char *s)
{
	char *t = text_for_terminal(s ? s : "", a->ascii, 0);
	size_t n = mbstowcs(NULL, t, 0);
	wchar_t *w = NULL;

	if (n != (size_t)-1) {
		w = xmalloc((n + 1) * sizeof *w);
		mbstowcs(w, t, n + 1);
		for (size_t i = 0; i < n; i++)
			w[i] = (wchar_t)towlower((wint_t)w[i]);
	}
	free(t);
	return w;
}

/* 1 when row r's dimension or one of its cells holds word. */
static int row_has(const struct app *a, size_t r, const wchar_t *word)
{
	const struct row *row = &a->c->rows[r];
	int has = 0;

	for (size_t m = 0; m <= a->c->nmodels && !has; m++) {
		wchar_t *t = folded(a, m == 0 ? row->dimension : row->cells[m - 1]);
		has = t && wcsstr(t, word) != NULL;
		free(t);
	}
	return has;
}

/* The rows of the view that hold the view's word, in order, into rows;
 * returns how many. */
static int matches(const struct app *a, int *rows)
{
	wchar_t *word = folded(a, a->cmp.word);
	int n = 0;

	for (size_t r = 0; word && word[0] && r < a->c->nrows; r++)
		if (compare_row_shown(a, r) && row_has(a, r, word))
			rows[n++] = (int)r;
	free(word);
	return n;
}

/* Says on the status line what finding came to: match number of count, or
 * round to the first again, or none. */
static void say_found(struct app *a, int number, int count, int wrapped)
{
	const struct content *c = a->c;
	char num[24], cnt[24];
	char *m;

	if (count == 0 && a->cmp.touched_only)
		m = text_fmt(c, T_COMPARE_NOT_FOUND_YOURS, "word", a->cmp.word, "filter",
			     hint_key(c, ACT_FILTER), NULL);
	else if (count == 0)
		m = text_fmt(c, T_COMPARE_NOT_FOUND, "word", a->cmp.word, NULL);
	else if (wrapped)
		m = text_fmt(c, T_COMPARE_WRAPPED, "word", a->cmp.word, "number", num_text(num, number),
			     "count", num_text(cnt, count), NULL);
	else
		m = text_fmt(c, T_COMPARE_FOUND, "word", a->cmp.word, "number", num_text(num, number),
			     "count", num_text(cnt, count), "next", hint_key(c, ACT_FIND_NEXT), NULL);
	app_message(a, count == 0 ? ROLE_WARN : ROLE_OK, m);
	free(m);
}

/* Finds the view's word in the first row after row after (-1: from the
 * top), round to the first after the last, and shows that row. */
static enum reaction find_after(struct app *a, int after)
{
	int *rows = xcalloc(a->c->nrows + 1, sizeof *rows);
	int n = matches(a, rows), i = 0;

	while (i < n && rows[i] <= after)
		i++;
	int wrapped = after >= 0 && i == n;
	if (i == n)
		i = 0;
	a->cmp.found = n > 0 ? rows[i] : -1;
	if (n > 0)
		jump_to(a, rows[i]);
	say_found(a, i + 1, n, wrapped);
	free(rows);
	return R_REDRAW;
}

/* Enter or Esc at the find prompt. Enter with nothing typed finds the last
 * word again, as in less. */
static enum reaction prompt_done(struct app *a, enum action act)
{
	struct compare_view *v = view(a);
	int enter = act == ACT_CONFIRM;
	int typed = a->prompt.edit.len > 0;

	if (enter && typed)
		memcpy(v->word, a->prompt.edit.text, a->prompt.edit.len + 1);
	prompt_line_close(&a->prompt);
	if (!enter || !v->word[0])
		return R_REDRAW;
	return find_after(a, -1);
}

static enum reaction find_next(struct app *a)
{
	struct compare_view *v = view(a);

	if (!v->word[0]) {
		char *m = text_fmt(a->c, T_COMPARE_FIND_FIRST, "find", hint_key(a->c, ACT_FIND), NULL);
		app_message(a, ROLE_WARN, m);
		free(m);
		return R_REDRAW;
	}
	return find_after(a, v->found);
}

enum reaction compare_on_action(struct app *a, enum action act, int arg)
{
	struct compare_view *v = view(a);

	(void)arg;
	if (prompt_line_is_open(&a->prompt, SCREEN_COMPARE, a->flow.generation))
		return act == ACT_CONFIRM || act == ACT_CLOSE ? prompt_done(a, act) : R_NONE;
	switch (act) {
	case ACT_FIND:
		prompt_line_open(&a->prompt, SCREEN_COMPARE, a->flow.generation, T_COMPARE_FIND_PROMPT,
				 T_COMPARE_FIND_KEYS);
		return R_REDRAW;
	case ACT_FIND_NEXT:
		return find_next(a);
	case ACT_FILTER:
		return toggle_filter(a);
	case ACT_CLOSE: /* Esc takes the highlight away, as a first step back */
		if (v->found < 0)
			return R_NONE;
		v->found = -1;
		return R_REDRAW;
	default:
		return page_action(a, act);
	}
}
