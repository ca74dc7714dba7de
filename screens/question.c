/* A question: where you are, the title, the question, the options with the
 * highlighted one and any earlier answer marked, and its help when it fits. */
#include <stdio.h>
#include <stdlib.h>

#include "screen.h"
#include "xalloc.h"

static const enum action hints[] = {ACT_CONFIRM, ACT_UP, ACT_CHOOSE, ACT_BACK, ACT_HELP,
				    ACT_QUIT, ACT_NONE};

/* The options: "1. ( ) label" with a hanging indent. */
static void options(const struct app *a, const struct question *q, int width, struct doc *d)
{
	int prev = a->flow.a->choice[a->flow.question];
	int numw = q->noptions >= 10 ? 4 : 3;

	for (size_t o = 0; o < q->noptions; o++) {
		char num[24];
		int sel = (int)o == a->flow.cursor;
		int first = d->n;
		snprintf(num, sizeof num, "%zu.", o + 1);
		doc_line(d, (int)o);
		/* The highlight is the pointer and the whole option in reverse,
		 * visible from the back of a room and without colour. */
		if (sel)
			doc_put(d, 0, ROLE_SELECTED, doc_glyph(d, G_POINTER));
		doc_put(d, 1, sel ? ROLE_SELECTED : ROLE_NORMAL, o < 9 ? num : "");
		doc_put(d, 1 + numw, (int)o == prev ? ROLE_MARK : ROLE_NORMAL,
			doc_glyph(d, (int)o == prev ? G_ON : G_OFF));
		doc_wrap_on(d, numw + 5, width - numw - 5, ROLE_NORMAL,
			    q->options[o].label, (int)o);
		if (sel) {
			for (int l = first; l < d->n; l++)
				d->line[l].fill = ROLE_SELECTED;
			d->focus_first = first;
			d->focus_last = d->n - 1;
			d->focus_is_first = o == 0;
			d->focus_is_last = o + 1 == q->noptions;
		}
	}
}

/* Puts a text on the last line piece by piece: the key in ROLE_KEY, the
 * words around it dimmed. */
struct hint_line {
	struct doc *d;
	int x;
};

static void put_piece(void *ctx, const char *s, size_t n, int is_value)
{
	struct hint_line *h = ctx;
	char *piece = xstrndup(s, n);

	doc_put(h->d, h->x, is_value ? ROLE_KEY : ROLE_DIM, piece);
	h->x += doc_width(h->d, piece);
	free(piece);
}

/* "? shows why this question matters", for a help that does not fit. */
static void help_hint(const struct app *a, struct doc *d)
{
	struct hint_line h = {d, 0};

	doc_blank(d);
	doc_line(d, -1);
	text_emit(a->c, T_QUESTION_HELP_HINT, put_piece, &h, "key", hint_key(a->c, ACT_HELP), NULL);
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct question *q = &a->c->questions[a->flow.question];

	doc_wrap(d, 0, width, ROLE_HEADING, q->title, -1);
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_NORMAL, q->text, -1);
	doc_blank(d);
	options(a, q, width, d);
	if (!q->help || !*q->help)
		return;
	/* The help, when it fits below the options; otherwise "?" shows it. */
	struct doc h;
	doc_init(&h, d->ascii);
	doc_blank(&h);
	doc_wrap(&h, 0, width, ROLE_DIM, q->help, -1);
	if (d->n + h.n <= height) {
		doc_blank(d);
		doc_wrap(d, 0, width, ROLE_DIM, q->help, -1);
	} else {
		help_hint(a, d);
	}
	doc_free(&h);
}

static void status(const struct app *a, struct strbuf *out)
{
	char n[24], count[24];

	text_add(out, a->c, T_SCREEN_STATUS_QUESTION, "number", num_text(n, a->flow.question + 1),
		 "count", num_text(count, (long long)a->c->nquestions), NULL);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	int handled;
	enum reaction r = list_action(a, act, arg, &handled);

	if (handled)
		return r;
	switch (act) {
	case ACT_CLOSE: /* Esc: one step back (from an edit, to the review, the
			 * answer kept); at the first question, the way out */
		if (!a->flow.editing && a->flow.question == 0)
			return app_ask_quit(a);
		return app_flow(a, FLOW_BACK, 0);
	default:
		return R_NONE;
	}
}

static const enum action keys[] = {ACT_UP, ACT_DOWN, ACT_CHOOSE, ACT_CONFIRM, ACT_NEXT, ACT_BACK,
				   ACT_CLOSE, ACT_HOME, ACT_END, ACT_NONE};

/* Its help is the question's own (help.c), so no about text. */
const struct screen question_screen = {SCREEN_QUESTION, PAGE_FRAME, MAX_TEXT_WIDTH, build, status,
				       on_action, hints, keys, 0};
