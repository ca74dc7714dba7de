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
#include "strbuf.h"
#include "texts.h"

/* Columns a prompt keeps for what is typed before its keys give way. */
#define PROMPT_ROOM 12

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
	in.focus_is_first = d->focus_is_first;
	in.focus_is_last = d->focus_is_last;
	page_layout(&in, top, p);
}

/* The screen's status (top bar, box title) as d shows it (malloc'd). */
static char *status_text(const struct app *a, const struct screen *s, const struct doc *d)
{
	struct strbuf sb = {0};

	if (s->status)
		s->status(a, &sb);
	char *t = doc_text(d, sb_str(&sb));
	sb_free(&sb);
	return t;
}

static void draw_top(WINDOW *w, const struct app *a, const struct screen *s,
		     const struct doc *d)
{
	wattrset(w, term_attr(ROLE_TITLE));
	mvwhline(w, 0, 0, ' ', a->cols);
	char *right = status_text(a, s, d);
	char *title = doc_text(d, a->c->title ? a->c->title : "");
	int rw = text_width(right), row = 0;
	int room = a->cols - 2 - (rw ? rw + 2 : 0);
	/* The title whole: a status that leaves no room for it goes to the
	 * second row, which only a question's progress bar uses. */
	if (rw && text_width(title) > room && rw <= a->cols - 2 && a->flow.step != FLOW_QUESTION) {
		row = 1;
		room = a->cols - 2;
	}
	if (room < 8) { /* narrow: the status wins, the title gets what is left */
		room = a->cols - 2;
		rw = 0;
	}
	draw_text(w, 0, 1, room, ROLE_TITLE, title);
	if (rw && row == 1)
		draw_text(w, 1, a->cols - 1 - rw, rw, ROLE_DIM, right);
	else if (rw)
		draw_text(w, 0, a->cols - 1 - rw, rw, ROLE_TITLE, right);
	free(title);
	free(right);
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

/* The columns a footer hint takes ("? help"), 0 when the action has none. */
static int hint_width(const struct app *a, const struct doc *d, enum action act)
{
	const char *key, *verb;

	return app_hint(a, act, &key, &verb) ? doc_width(d, key) + 1 + doc_width(d, verb) : 0;
}

/* Draws a piece of text from c as d shows it; returns the columns used. */
static int draw_shown(WINDOW *w, const struct doc *d, int y, int x, int width, enum role r,
		      const char *s)
{
	char *t = doc_text(d, s);
	int used = draw_text(w, y, x, width, r, t);

	free(t);
	return used;
}

/* The footer's hints from x to right; "? help" and "q quit" stay even when
 * the others must go. */
static void draw_hints(WINDOW *w, const struct app *a, const struct doc *d, int y, int x,
		       int right, const enum action *hints)
{
	for (const enum action *h = hints; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (!app_hint(a, *h, &key, &verb))
			continue;
		int need = hint_width(a, d, *h);
		int rest = 0;
		/* Keep room for help and quit, which must survive a narrow
		 * footer: each takes two blanks before it and its width. */
		for (const enum action *k = h + 1; *k != ACT_NONE; k++)
			if (*k == ACT_HELP || *k == ACT_QUIT)
				rest += 2 + hint_width(a, d, *k);
		if (x + need + rest > right && *h != ACT_HELP && *h != ACT_QUIT)
			continue;
		if (x + need > right)
			break;
		x += draw_shown(w, d, y, x, right - x, ROLE_KEY, key);
		x += 1;
		x += draw_shown(w, d, y, x, right - x, ROLE_NORMAL, verb);
		x += 2;
	}
}

/* An open prompt on the footer row, from x to right: its label, what is
 * typed (its end, when that is long) and a block for the cursor; what Enter
 * and Esc do at the right, when there is room for it. */
static void draw_prompt(WINDOW *w, const struct app *a, const struct doc *d, int y, int x,
			int right)
{
	const struct prompt_line *pl = &a->prompt;
	char *keys = text_fmt(a->c, pl->keys, "enter", text_get(a->c, T_KEYS_NAME_ENTER), "esc",
			      text_get(a->c, T_KEYS_NAME_ESC), NULL);
	char *typed = doc_text(d, pl->edit.text);
	int kw = doc_width(d, keys), lw = doc_width(d, text_get(a->c, pl->label));

	if (x + lw + 1 + PROMPT_ROOM + 2 + kw <= right) {
		draw_shown(w, d, y, right - kw, kw, ROLE_DIM, keys);
		right -= kw + 2;
	}
	x += draw_shown(w, d, y, x, right - x, ROLE_KEY, text_get(a->c, pl->label)) + 1;
	const char *tail = typed;
	while (*tail && text_width(tail) > right - x - 1)
		tail += text_char_len(tail);
	x += draw_text(w, y, x, right - x - 1, ROLE_NORMAL, tail);
	draw_text(w, y, x, 1, ROLE_SELECTED, " ");
	free(typed);
	free(keys);
}

static void draw_footer(WINDOW *w, const struct app *a, const struct screen *s,
			const struct doc *d, const struct page *p)
{
	int y = a->lines - 1, right = a->cols - 1;

	if (p->more_below || p->more_above) {
		const char *arrow = doc_glyph(d, p->more_below ? G_DOWN : G_UP);
		char *more = text_fmt(a->c, T_SCREEN_MORE, "arrow", arrow, NULL);
		int mw = doc_width(d, more);
		right -= mw;
		draw_shown(w, d, y, right, mw, ROLE_MARK, more);
		right -= 2;
		free(more);
	}
	if (prompt_line_is_open(&a->prompt, (int)s->id, a->flow.generation))
		draw_prompt(w, a, d, y, 1, right);
	else
		draw_hints(w, a, d, y, 1, right, s->hints);
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

/* The words on a box's bottom border: its hints, and whether there is more
 * (malloc'd, as d shows it). */
static char *box_label(const struct app *a, const struct screen *s, const struct page *p,
		       const struct doc *d)
{
	struct strbuf sb = {0};

	for (const enum action *h = s->hints; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (app_hint(a, *h, &key, &verb))
			sb_addf(&sb, "%s%s %s", sb.len ? "  " : " ", key, verb);
	}
	if (p->more_below) {
		sb_add(&sb, "  ");
		text_add(&sb, a->c, T_HELP_MORE, "key", text_get(a->c, T_KEYS_NAME_DOWN), NULL);
	}
	if (sb.len)
		sb_addc(&sb, ' ');
	char *t = doc_text(d, sb_str(&sb));
	sb_free(&sb);
	return t;
}

static void draw_in_box(WINDOW *w, const struct app *a, const struct screen *s,
			const struct doc *d, const struct page *p)
{
	int y = p->y - 1, x = p->x - 2, bw = p->width + 4;

	/* The rows the box covers are cleared across: words of the screen
	 * beneath, cut at the border, would read as part of the box. */
	wattrset(w, A_NORMAL);
	for (int r = y; r < y + p->height + 2 && r < a->lines; r++)
		mvwhline(w, r, 0, ' ', a->cols);
	draw_box(w, d, y, x, p->height + 2, bw);
	char *text = status_text(a, s, d);
	if (text[0]) {
		struct strbuf title = {0};
		sb_addf(&title, " %s ", text);
		draw_text(w, y, x + 2, bw - 4, ROLE_HEADING, sb_str(&title));
		sb_free(&title);
	}
	free(text);
	doc_render(w, d, p->y, p->x, p->width, p->height, p->top);
	text = box_label(a, s, p, d);
	if (text[0])
		draw_text(w, y + p->height + 1, x + 2, bw - 4, ROLE_KEY, text);
	free(text);
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
