/* The frame every screen shares: the top bar (title and where you are), the
 * body (the screen's doc, scrolled), the status line and the footer hints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "screen.h"
#include "xalloc.h"

const struct screen *screen_for(const struct app *a)
{
	switch (a->flow.step) {
	case FLOW_QUESTION:
		return &question_screen;
	case FLOW_REVIEW:
		return &review_screen;
	case FLOW_RESULT:
		return &result_screen;
	case FLOW_COMPARE:
		return &compare_screen;
	default:
		return &welcome_screen;
	}
}

static int body_height(const struct app *a)
{
	int h = a->lines - 3 - (a->message ? 1 : 0);
	return h < 1 ? 1 : h;
}

void frame_layout(struct app *a, struct doc *body)
{
	const struct screen *s = screen_for(a);
	int *scroll = &a->scroll[a->flow.step];

	a->body_y = 2;
	a->body_h = body_height(a);
	a->body_w = a->cols - 2;
	/* Prose reads badly in very long lines; the table may use it all. */
	if (a->flow.step != FLOW_COMPARE && a->body_w > MAX_TEXT_WIDTH)
		a->body_w = MAX_TEXT_WIDTH;
	s->build(a, a->body_w, a->body_h, body);
	int vis = a->body_h - body->sticky;
	if (vis < 1)
		vis = 1;
	a->body_lines = body->n - body->sticky;
	if (body->focus_first >= 0) {
		int ff = body->focus_first - body->sticky, fl = body->focus_last - body->sticky;
		if (fl - ff + 1 > vis)
			fl = ff + vis - 1;
		if (ff < *scroll)
			*scroll = ff;
		if (fl >= *scroll + vis)
			*scroll = fl - vis + 1;
	}
	int max = a->body_lines - vis;
	if (*scroll > max)
		*scroll = max;
	if (*scroll < 0)
		*scroll = 0;
	/* Which line of the doc each screen row shows, for clicks. */
	for (int r = 0; r < a->lines; r++)
		a->row_tag[r] = -1;
	for (int r = 0; r < a->body_h; r++) {
		int i = r < body->sticky ? r : r + *scroll;
		if (i < body->n && a->body_y + r < a->lines)
			a->row_tag[a->body_y + r] = body->line[i].tag;
	}
}

static void draw_top(WINDOW *w, const struct app *a, const struct doc *d)
{
	const struct screen *s = screen_for(a);
	char right[96] = "";

	wattrset(w, term_attr(ROLE_TITLE));
	mvwhline(w, 0, 0, ' ', a->cols);
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

static void draw_footer(WINDOW *w, const struct app *a, const struct doc *d)
{
	const struct screen *s = screen_for(a);
	int y = a->lines - 1, x = 1, right = a->cols - 1;
	int vis = a->body_h - d->sticky;
	int scroll = a->scroll[a->flow.step];
	char more[32] = "";

	if (scroll + vis < a->body_lines)
		snprintf(more, sizeof more, "%s more", doc_glyph(d, G_DOWN));
	else if (scroll > 0)
		snprintf(more, sizeof more, "%s more", doc_glyph(d, G_UP));
	if (more[0]) {
		int mw = text_width(more);
		right -= mw;
		draw_text(w, y, right, mw, ROLE_MARK, more);
		right -= 2;
	}
	for (const enum action *h = s->hints; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (!keys_hint(*h, &key, &verb))
			continue;
		int need = text_width(key) + 1 + text_width(verb);
		/* Keep "? help" and "q quit" even when the others must go. */
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

void frame_draw(WINDOW *w, const struct app *a, const struct doc *body)
{
	draw_top(w, a, body);
	doc_render(w, body, a->body_y, 1, a->body_w, a->body_h, a->scroll[a->flow.step]);
	if (a->message) {
		char *m = doc_text(body, a->message);
		draw_text(w, a->lines - 2, 1, a->cols - 2, a->message_role, m);
		free(m);
	}
	draw_footer(w, a, body);
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

static int help_width(const struct app *a)
{
	int w = a->cols - 4;
	return w > 76 ? 76 : w;
}

void help_build(const struct app *a, int width, struct doc *d)
{
	struct key_help kh[32];
	int n = keys_help(kh, 32);
	int kw = 0;

	for (int i = 0; i < n && i < 32; i++)
		if (text_width(kh[i].keys) > kw)
			kw = text_width(kh[i].keys);
	if (kw > width / 2)
		kw = width / 2;
	doc_line(d, -1);
	doc_put(d, 0, ROLE_HEADING, "Keys");
	for (int i = 0; i < n && i < 32; i++) {
		doc_line(d, -1);
		doc_put(d, 0, ROLE_KEY, kh[i].keys);
		doc_wrap_on(d, kw + 2, width - kw - 2, ROLE_NORMAL, kh[i].what, -1);
	}
	doc_wrap(d, 0, width, ROLE_DIM, "A mouse click on an option chooses it.", -1);
	if (a->flow.step == FLOW_QUESTION) {
		const struct question *q = &a->c->questions[a->flow.question];
		doc_blank(d);
		doc_wrap(d, 0, width, ROLE_HEADING, q->title, -1);
		if (q->help && *q->help)
			doc_wrap(d, 0, width, ROLE_NORMAL, q->help, -1);
	}
}

static int help_box_height(const struct app *a, int n)
{
	int bh = n + 2;
	if (bh > a->lines - 2)
		bh = a->lines - 2;
	return bh;
}

void help_layout(struct app *a)
{
	struct doc d;

	doc_init(&d, a->ascii);
	help_build(a, help_width(a) - 4, &d);
	a->help_lines = d.n;
	a->help_h = help_box_height(a, d.n) - 2;
	if (a->help_scroll > a->help_lines - a->help_h)
		a->help_scroll = a->help_lines - a->help_h;
	if (a->help_scroll < 0)
		a->help_scroll = 0;
	doc_free(&d);
}

void help_draw(WINDOW *w, const struct app *a)
{
	struct doc d;
	int bw = help_width(a);

	doc_init(&d, a->ascii);
	help_build(a, bw - 4, &d);
	int bh = help_box_height(a, d.n);
	int y = (a->lines - bh) / 2, x = (a->cols - bw) / 2;
	draw_box(w, &d, y, x, bh, bw);
	draw_text(w, y, x + 2, bw - 4, ROLE_HEADING, " Help ");
	doc_render(w, &d, y + 1, x + 2, bw - 4, bh - 2, a->help_scroll);
	char foot[64];
	int more = a->help_scroll + bh - 2 < d.n;
	snprintf(foot, sizeof foot, " Esc close%s ", more ? "  Down: more" : "");
	draw_text(w, y + bh - 1, x + 2, bw - 4, ROLE_KEY, foot);
	doc_free(&d);
}

enum reaction help_on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	int page = a->help_h > 1 ? a->help_h - 1 : 1;

	switch (act) {
	case ACT_CLOSE:
	case ACT_HELP:
	case ACT_CONFIRM:
	case ACT_BACK:
	case ACT_NO:
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	case ACT_QUIT:
		return app_ask_quit(a);
	case ACT_UP:
		a->help_scroll--;
		break;
	case ACT_DOWN:
		a->help_scroll++;
		break;
	case ACT_PAGE_UP:
		a->help_scroll -= page;
		break;
	case ACT_PAGE_DOWN:
		a->help_scroll += page;
		break;
	case ACT_HOME:
		a->help_scroll = 0;
		break;
	case ACT_END:
		a->help_scroll = a->help_lines;
		break;
	default:
		return R_NONE;
	}
	if (a->help_scroll > a->help_lines - a->help_h)
		a->help_scroll = a->help_lines - a->help_h;
	if (a->help_scroll < 0)
		a->help_scroll = 0;
	return R_REDRAW;
}

void confirm_draw(WINDOW *w, const struct app *a)
{
	struct doc d;
	const char *ask = a->overlay == OVERLAY_QUIT ? "Quit the wizard?" : "Start over?";
	const char *what = a->overlay == OVERLAY_QUIT
		? (a->saved || !a->flow.reached ? "Your answers are not kept."
						 : "Your answers are not kept; press s to save a report first.")
		: "Every answer is cleared.";
	int bw = a->cols - 4 > 50 ? 50 : a->cols - 4;

	doc_init(&d, a->ascii);
	doc_wrap(&d, 0, bw - 4, ROLE_HEADING, ask, -1);
	doc_wrap(&d, 0, bw - 4, ROLE_NORMAL, what, -1);
	doc_blank(&d);
	doc_line(&d, -1);
	doc_put(&d, 0, ROLE_KEY, "y");
	doc_put(&d, 2, ROLE_NORMAL, "yes");
	doc_put(&d, 8, ROLE_KEY, "n");
	doc_put(&d, 10, ROLE_NORMAL, "no");
	int bh = d.n + 2;
	if (bh > a->lines)
		bh = a->lines;
	int y = (a->lines - bh) / 2, x = (a->cols - bw) / 2;
	draw_box(w, &d, y, x, bh, bw);
	doc_render(w, &d, y + 1, x + 2, bw - 4, bh - 2, 0);
	doc_free(&d);
}

enum reaction confirm_on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_YES:
	case ACT_CONFIRM:
		if (a->overlay == OVERLAY_QUIT)
			return R_QUIT;
		app_restart(a);
		return R_REDRAW;
	case ACT_QUIT:
		if (a->overlay == OVERLAY_QUIT)
			return R_QUIT;
		if (a->o && a->o->kiosk) { /* q twice: back to the start */
			app_restart(a);
			return R_REDRAW;
		}
		a->overlay = OVERLAY_QUIT;
		return R_REDRAW;
	case ACT_NO:
	case ACT_CLOSE:
	case ACT_BACK:
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	default:
		return R_NONE;
	}
}

void enlarge_draw(WINDOW *w, const struct app *a)
{
	struct doc d;
	char msg[160];
	int width = a->cols - 2 > 0 ? a->cols - 2 : a->cols;

	snprintf(msg, sizeof msg,
		 "Please enlarge the window to at least %dx%d (now %dx%d). "
		 "Your answers are kept.",
		 MIN_COLS, MIN_LINES, a->cols, a->lines);
	doc_init(&d, a->ascii);
	doc_wrap(&d, 0, width, ROLE_HEADING, msg, -1);
	doc_wrap(&d, 0, width, ROLE_NORMAL, "q quits.", -1);
	int y = (a->lines - d.n) / 2;
	doc_render(w, &d, y < 0 ? 0 : y, a->cols - 2 > 0 ? 1 : 0, width, a->lines, 0);
	doc_free(&d);
}
