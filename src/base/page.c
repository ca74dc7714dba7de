#include "page.h"

#include <string.h>

static int at_least(int v, int lo)
{
	return v < lo ? lo : v;
}

static int at_most(int v, int hi)
{
	return v > hi ? hi : v;
}

/* The frame: the top bar and the progress row above, the footer below and
 * the status line above that when a message shows. Prose reads badly in
 * very long lines, so a screen may cap its width. */
static void place_frame(const struct page_in *in, struct page *p)
{
	p->y = 2;
	p->x = 1;
	p->width = in->term_cols - 2;
	if (in->max_width > 0)
		p->width = at_most(p->width, in->max_width);
	p->room = at_least(in->term_lines - 3 - (in->message ? 1 : 0), 1);
	p->height = p->room;
}

/* A box: two columns of margin, a border and a column of padding each side;
 * as tall as its document, with a row of margin above and below. */
static void place_box(const struct page_in *in, struct page *p)
{
	int box_w = in->term_cols - 4;

	if (in->max_width > 0)
		box_w = at_most(box_w, in->max_width);
	p->width = box_w - 4;
	p->room = at_least(in->term_lines - 4, 0);
	p->height = at_least(at_most(in->doc_lines, p->room), 0);
	p->y = (in->term_lines - (p->height + 2)) / 2 + 1;
	p->x = (in->term_cols - box_w) / 2 + 2;
}

/* Alone on the terminal: a column of margin when there is room for one. */
static void place_alone(const struct page_in *in, struct page *p)
{
	int margin = in->term_cols - 2 > 0;

	p->x = margin ? 1 : 0;
	p->width = margin ? in->term_cols - 2 : in->term_cols;
	p->room = at_least(in->term_lines, 0);
	p->height = at_least(at_most(in->doc_lines, p->room), 0);
	p->y = at_least((in->term_lines - p->height) / 2, 0);
}

static int clamp_top(const struct page *p, int top)
{
	return at_least(at_most(top, p->max_top), 0);
}

/* Moves top as little as needed to show the focus (its start when it is
 * taller than the page). */
static int show_focus(const struct page_in *in, const struct page *p, int top)
{
	int ff = in->focus_first - p->sticky, fl = in->focus_last - p->sticky;

	if (fl - ff + 1 > p->rows)
		fl = ff + p->rows - 1;
	if (ff < top)
		top = ff;
	if (fl >= top + p->rows)
		top = fl - p->rows + 1;
	if (in->focus_is_first && fl < p->rows)
		top = 0;
	if (in->focus_is_last && ff >= p->max_top)
		top = p->max_top;
	return top;
}

void page_layout(const struct page_in *in, int top, struct page *out)
{
	struct page p;

	memset(&p, 0, sizeof p);
	if (in->kind == PAGE_BOX)
		place_box(in, &p);
	else if (in->kind == PAGE_ALONE)
		place_alone(in, &p);
	else
		place_frame(in, &p);
	p.sticky = at_least(in->sticky, 0);
	p.rows = at_least(p.height - p.sticky, 1);
	p.lines = at_least(in->doc_lines - p.sticky, 0);
	p.max_top = at_least(p.lines - p.rows, 0);
	if (in->focus_first >= 0 && in->focus_last >= in->focus_first)
		top = show_focus(in, &p, top);
	p.top = clamp_top(&p, top);
	p.more_above = p.top > 0;
	p.more_below = p.top + p.rows < p.lines;
	*out = p;
}

int page_moved(const struct page *p, enum page_move m)
{
	int step = p->rows > 2 ? p->rows - 1 : 1;
	int top = p->top;

	switch (m) {
	case PAGE_LINE_UP:
		top--;
		break;
	case PAGE_LINE_DOWN:
		top++;
		break;
	case PAGE_UP:
		top -= step;
		break;
	case PAGE_DOWN:
		top += step;
		break;
	case PAGE_FIRST:
		top = 0;
		break;
	case PAGE_LAST:
		top = p->max_top;
		break;
	}
	return clamp_top(p, top);
}

int page_line_at(const struct page *p, int y)
{
	int r = y - p->y;

	if (r < 0 || r >= p->height)
		return -1;
	int i = r < p->sticky ? r : r + p->top;
	return i < p->sticky + p->lines ? i : -1;
}
