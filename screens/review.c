/* Review: every answer on one screen; pick one to change it, or go on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "screen.h"

static const enum action hints[] = {ACT_CONFIRM, ACT_UP, ACT_BACK, ACT_TOGGLE, ACT_HELP,
				    ACT_QUIT, ACT_NONE};

/* text wrapped to width at column x, from line at on (beside what is there,
 * adding lines tagged tag when it is longer). */
static void beside(struct doc *d, int at, int x, int width, enum role r, const char *text,
		   int tag)
{
	struct wrapped w;
	char *t = doc_text(d, text);

	wrap_text(t, width, &w);
	free(t);
	for (size_t l = 0; l < w.n; l++) {
		if (at + (int)l >= d->n)
			doc_line(d, tag);
		doc_put_at(d, at + (int)l, x, r, w.line[l]);
	}
	wrapped_free(&w);
}

/* Answer i: its number, the question's title and the answer, beside it or
 * (stacked) below it; highlighted under the cursor. */
static void item(const struct app *a, struct doc *d, int i, int width, int numw, int tw,
		 int stacked)
{
	const struct question *q = &a->c->questions[i];
	int ch = a->flow.a->choice[i];
	const char *ans = ch == ANSWER_NONE ? text_get(a->c, T_REVIEW_NOT_ANSWERED) : q->options[ch].label;
	enum role r = ch == ANSWER_NONE ? ROLE_ERROR : ROLE_NORMAL;
	char num[24];
	int first = d->n;

	snprintf(num, sizeof num, "%d.", i + 1);
	doc_line(d, i);
	doc_put(d, 0, ROLE_KEY, num);
	if (stacked) {
		doc_wrap_on(d, numw, width - numw, ROLE_HEADING, q->title, i);
		doc_wrap(d, numw + 2, width - numw - 2, r, ans, i);
	} else {
		int at = d->n - 1;
		doc_wrap_on(d, numw, tw, ROLE_HEADING, q->title, i);
		beside(d, at, numw + tw + 2, width - numw - tw - 2, r, ans, i);
	}
	if (a->flow.cursor == i) {
		for (int l = first; l < d->n; l++)
			d->line[l].fill = ROLE_SELECTED;
		d->focus_first = first;
		d->focus_last = d->n - 1;
		d->focus_is_first = i == 0;
	}
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct content *c = a->c;
	int nq = (int)c->nquestions;
	int tw = 0;

	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_RESULT_ANSWERS), -1);
	doc_wrap(d, 0, width, ROLE_DIM, text_get(c, T_REVIEW_INTRO), -1);
	doc_blank(d);
	/* The heading and what to do here stay on top while the list scrolls to
	 * "See the result", where the cursor waits. */
	if (d->n * 2 <= height)
		d->sticky = d->n;
	for (int i = 0; i < nq; i++)
		if (text_width(c->questions[i].title) > tw)
			tw = text_width(c->questions[i].title);
	int numw = nq >= 10 ? 4 : 3;
	if (tw > (width - numw) / 2)
		tw = (width - numw) / 2;
	for (int i = 0; i < nq; i++)
		item(a, d, i, width, numw, tw, width < 60);
	doc_blank(d);
	doc_line(d, nq);
	char *go = text_fmt(c, T_REVIEW_SEE_RESULT, "arrow", doc_glyph(d, G_ARROW), NULL);
	doc_put(d, numw, ROLE_ACCENT, go);
	free(go);
	if (a->flow.cursor == nq) {
		d->line[d->n - 1].fill = ROLE_SELECTED;
		d->focus_first = d->focus_last = d->n - 1;
		d->focus_is_last = 1;
	}
	if (!flow_complete(&a->flow))
		doc_wrap(d, numw, width - numw, ROLE_DIM, text_get(c, T_RESULT_NEED_ALL), -1);
}

static void status(const struct app *a, struct strbuf *out)
{
	char n[24], count[24];

	text_add(out, a->c, T_SCREEN_STATUS_REVIEW, "answered",
		 num_text(n, (long long)answers_count(a->flow.a)), "count",
		 num_text(count, (long long)a->c->nquestions), NULL);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	int handled;
	enum reaction r = list_action(a, act, arg, &handled);

	if (handled)
		return r;
	switch (act) {
	case ACT_TOGGLE:
		return app_flow(a, FLOW_TOGGLE, 0);
	default:
		return R_NONE;
	}
}

static const enum action keys[] = {ACT_UP, ACT_DOWN, ACT_CHOOSE, ACT_CONFIRM, ACT_NEXT, ACT_BACK,
				   ACT_TOGGLE, ACT_HOME, ACT_END, ACT_SAVE, ACT_TASK, ACT_NONE};

const struct screen review_screen = {SCREEN_REVIEW, PAGE_FRAME, MAX_TEXT_WIDTH, build, status,
				     on_action, hints, keys, T_HELP_ABOUT_REVIEW};
