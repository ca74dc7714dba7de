/* The one renderer: lays a screen's doc out (page.h) and draws it in its
 * place. In the frame: the top bar (title and where you are), the body, the
 * status line and the footer hints. In a box: a border with the title on top
 * and the hints at the bottom. Alone: just the body. */
#include "frame.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "screen.h"

/* Builds s's doc into d and lays it out in s's page, keeping its scroll. */
static void lay_out(struct app *a, const struct screen *s, struct doc *d)
{
	struct page *p = &a->page[s->id];
	struct page_in in = {.kind = s->place,
			     .term_lines = a->lines,
			     .term_cols = a->cols,
			     .max_width = s->max_width,
			     .message = a->message != NULL,
			     .focus_first = -1,
			     .focus_last = -1};
	int top = p->top;

	page_layout(&in, top, p); /* the width and room to build for */
	s->build(a, p->width, p->room, d);
	in.doc_lines = d->n;
	in.sticky = d->sticky;
	in.focus_first = d->focus_first;
	in.focus_last = d->focus_last;
	page_layout(&in, top, p);
}

static void draw_top(WINDOW *w, const struct app *a, const struct screen *s,
		     const struct doc *d)
{
	char right[96] = "";

	wattrset(w, term_attr(ROLE_TITLE));
	mvwhline(w, 0, 0, ' ', a->cols);
	if (s->status)
		s->status(a, right, sizeof right);
	char *title = doc_text(d, a->c->title ? a->c->title : "");
	int rw = text_width(right);
	int room = a->cols - 2 - (rw ? rw + 2 : 0);
	if (room < 8) { /* narrow: the status wins, the title gets what is left */
		room = a->cols - 2;
		rw = 0;
	}
	draw_text(w, 0, 1, room, ROLE_TITLE, title);
	if (rw)
		draw_text(w, 0, a->cols - 1 - rw, rw, ROLE_TITLE, right);
	free(title);
	/* Row 1: progress through the questions. */
	if (a->flow.step == FLOW_QUESTION && a->c->nquestions > 0) {
		int bw = a->cols - 2 > 40 ? 40 : a->cols - 2;
		int fill = (int)((long)bw * a->flow.question / (long)a->c->nquestions);
		char *on = doc_repeat(d, G_FULL, fill);
		char *off = doc_repeat(d, G_EMPTY, bw - fill);
		draw_text(w, 1, 1, fill, ROLE_BAR, on);
		draw_text(w, 1, 1 + fill, bw - fill, ROLE_DIM, off);
		free(on);
		free(off);
	}
}

/* The footer's hints from x to right; "? help" and "q quit" stay even when
 * the others must go. */
static void draw_hints(WINDOW *w, int y, int x, int right, const enum action *hints)
{
	for (const enum action *h = hints; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (!keys_hint(*h, &key, &verb))
			continue;
		int need = text_width(key) + 1 + text_width(verb);
		int rest = 0;
		for (const enum action *k = h + 1; *k != ACT_NONE; k++)
			if (*k == ACT_HELP || *k == ACT_QUIT)
				rest += 7;
		if (x + need + rest > right && *h != ACT_HELP && *h != ACT_QUIT)
			continue;
		if (x + need > right)
			break;
		x += draw_text(w, y, x, right - x, ROLE_KEY, key);
		x += 1;
		x += draw_text(w, y, x, right - x, ROLE_NORMAL, verb);
		x += 2;
	}
}

static void draw_footer(WINDOW *w, const struct app *a, const struct screen *s,
			const struct doc *d, const struct page *p)
{
	int y = a->lines - 1, right = a->cols - 1;
	char more[32] = "";

	if (p->more_below)
		snprintf(more, sizeof more, "%s more", doc_glyph(d, G_DOWN));
	else if (p->more_above)
		snprintf(more, sizeof more, "%s more", doc_glyph(d, G_UP));
	if (more[0]) {
		int mw = text_width(more);
		right -= mw;
		draw_text(w, y, right, mw, ROLE_MARK, more);
		right -= 2;
	}
	draw_hints(w, y, 1, right, s->hints);
}

static void draw_in_frame(WINDOW *w, const struct app *a, const struct screen *s,
			  const struct doc *d, const struct page *p)
{
	draw_top(w, a, s, d);
	doc_render(w, d, p->y, p->x, p->width, p->height, p->top);
	if (a->message) {
		char *m = doc_text(d, a->message);
		draw_text(w, a->lines - 2, 1, a->cols - 2, a->message_role, m);
		free(m);
	}
	draw_footer(w, a, s, d, p);
}

/* A box with a border, cleared inside, at (y, x) h x w. */
static void draw_box(WINDOW *win, const struct doc *d, int y, int x, int h, int w)
{
	char *hl = doc_repeat(d, G_HLINE, w - 2);

	wattrset(win, A_NORMAL);
	for (int r = 1; r < h - 1; r++)
		mvwhline(win, y + r, x, ' ', w);
	draw_text(win, y, x, 1, ROLE_BORDER, doc_glyph(d, G_TL));
	draw_text(win, y, x + 1, w - 2, ROLE_BORDER, hl);
	draw_text(win, y, x + w - 1, 1, ROLE_BORDER, doc_glyph(d, G_TR));
	for (int r = 1; r < h - 1; r++) {
		draw_text(win, y + r, x, 1, ROLE_BORDER, doc_glyph(d, G_VLINE));
		draw_text(win, y + r, x + w - 1, 1, ROLE_BORDER, doc_glyph(d, G_VLINE));
	}
	draw_text(win, y + h - 1, x, 1, ROLE_BORDER, doc_glyph(d, G_BL));
	draw_text(win, y + h - 1, x + 1, w - 2, ROLE_BORDER, hl);
	draw_text(win, y + h - 1, x + w - 1, 1, ROLE_BORDER, doc_glyph(d, G_BR));
	free(hl);
}

/* The words on a box's bottom border: its hints, and whether there is more. */
static void box_label(const struct screen *s, const struct page *p, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (const enum action *h = s->hints; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (keys_hint(*h, &key, &verb) && n < size)
			n += (size_t)snprintf(buf + n, size - n, "%s%s %s", n ? "  " : " ", key, verb);
	}
	if (p->more_below && n < size)
		n += (size_t)snprintf(buf + n, size - n, "  Down: more");
	if (n > 0 && n < size)
		snprintf(buf + n, size - n, " ");
}

static void draw_in_box(WINDOW *w, const struct app *a, const struct screen *s,
			const struct doc *d, const struct page *p)
{
	int y = p->y - 1, x = p->x - 2, bw = p->width + 4;
	char text[96] = "";

	draw_box(w, d, y, x, p->height + 2, bw);
	if (s->status)
		s->status(a, text, sizeof text);
	if (text[0]) {
		char title[100];
		snprintf(title, sizeof title, " %s ", text);
		draw_text(w, y, x + 2, bw - 4, ROLE_HEADING, title);
	}
	doc_render(w, d, p->y, p->x, p->width, p->height, p->top);
	box_label(s, p, text, sizeof text);
	if (text[0])
		draw_text(w, y + p->height + 1, x + 2, bw - 4, ROLE_KEY, text);
}

/* Lays s out and draws it in its place; d keeps its doc. */
static void show(WINDOW *w, struct app *a, const struct screen *s, struct doc *d)
{
	lay_out(a, s, d);
	const struct page *p = &a->page[s->id];
	if (s->place == PAGE_FRAME)
		draw_in_frame(w, a, s, d, p);
	else if (s->place == PAGE_BOX)
		draw_in_box(w, a, s, d, p);
	else
		doc_render(w, d, p->y, p->x, p->width, p->height, p->top);
}

void app_draw(WINDOW *w, struct app *a)
{
	const struct screen *top;

	getmaxyx(w, a->lines, a->cols);
	werase(w);
	top = screen_on_top(a);
	if (top->place == PAGE_BOX) { /* the screen beneath shows around the box */
		struct doc beneath;
		doc_init(&beneath, a->ascii);
		show(w, a, screen_for(a), &beneath);
		doc_free(&beneath);
	}
	doc_free(&a->shown);
	doc_init(&a->shown, a->ascii);
	show(w, a, top, &a->shown);
	a->on_top = top->id;
	wnoutrefresh(w);
	doupdate();
}
