/* Result: the recommendation in large, plain words (worded by strength in the
 * content), a bar per model, the top reasons, what would change it,
 * advisories and the model's typical services. Everything comes from the
 * verdict; nothing is computed here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "layout.h"
#include "bar.h"
#include "screen.h"
#include "strbuf.h"
#include "xalloc.h"

#define TOP_FLIPS 5

static const enum action hints[] = {ACT_TOGGLE, ACT_PAGE_DOWN, ACT_SAVE, ACT_BACK,
				    ACT_RESTART, ACT_HELP, ACT_QUIT, ACT_NONE};

/* The headline in a box, as large as plain text gets. */
static void headline(const struct app *a, int width, struct doc *d)
{
	char *h = verdict_headline(a->c, &a->v);
	char *t = doc_text(d, h);
	struct wrapped w;
	int inner = width - 4, tw = 0;

	wrap_text(t, inner < 1 ? 1 : inner, &w);
	for (size_t i = 0; i < w.n; i++)
		if (text_width(w.line[i]) > tw)
			tw = text_width(w.line[i]);
	char *hl = doc_repeat(d, G_HLINE, tw + 2);
	doc_line(d, -1);
	doc_put(d, 0, ROLE_ACCENT, doc_glyph(d, G_TL));
	doc_put(d, 1, ROLE_ACCENT, hl);
	doc_put(d, tw + 3, ROLE_ACCENT, doc_glyph(d, G_TR));
	for (size_t i = 0; i < w.n; i++) {
		doc_line(d, -1);
		doc_put(d, 0, ROLE_ACCENT, doc_glyph(d, G_VLINE));
		doc_put(d, 2, ROLE_ACCENT, w.line[i]);
		doc_put(d, tw + 3, ROLE_ACCENT, doc_glyph(d, G_VLINE));
	}
	doc_line(d, -1);
	doc_put(d, 0, ROLE_ACCENT, doc_glyph(d, G_BL));
	doc_put(d, 1, ROLE_ACCENT, hl);
	doc_put(d, tw + 3, ROLE_ACCENT, doc_glyph(d, G_BR));
	free(hl);
	wrapped_free(&w);
	free(t);
	free(h);
}

/* The balance: one bar from the left model to the right, the split zone
 * drawn on it and a marker where the answers land (bar.h lays it out). */
static void bars(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	const char *left = content_model_name(c, a->v.left), *right = content_model_name(c, a->v.right);
	int lw = text_width(left), rw = text_width(right);
	struct strbuf sb = {0};

	int bw = width - lw - rw - 6;
	if (bw > 40)
		bw = 40;
	if (bw < 4)
		bw = 4;
	report_balance(&sb, a->v.balance, a->v.split_band, bw);
	doc_line(d, -1);
	doc_put(d, 2, ROLE_NORMAL, left);
	doc_put(d, 3 + lw, ROLE_BAR, doc_text(d, sb_str(&sb)));
	doc_put(d, 4 + lw + bw, ROLE_NORMAL, right);
	sb_free(&sb);
}

static void bullet(struct doc *d, int width, enum role r, const char *text)
{
	doc_line(d, -1);
	doc_put(d, 1, ROLE_DIM, doc_glyph(d, G_BULLET));
	doc_wrap_on(d, 3, width - 3, r, text, -1);
}

/* The same picks as the reports: the strongest pulls toward the winner, then
 * the strongest the other way. */
static void reason_list(const struct app *a, int width, struct doc *d, int toward_winner,
			size_t max)
{
	const struct content *c = a->c;
	struct strbuf sb = {0};
	size_t idx[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	size_t n = verdict_pick_reasons(&a->v, toward_winner,
					max < sizeof idx / sizeof idx[0] ? max : sizeof idx / sizeof idx[0], idx);

	for (size_t i = 0; i < n; i++) {
		const struct reason *r = &a->v.reasons[idx[i]];
		const struct question *q = &c->questions[r->question];
		sb_reset(&sb);
		text_add(&sb, c, T_RESULT_REASON, "question", q->title, "answer",
			 q->options[r->option].label, "model", c->models[r->model].name, NULL);
		bullet(d, width, ROLE_NORMAL, sb_str(&sb));
	}
	if (n == 0 && toward_winner)
		bullet(d, width, ROLE_NORMAL, text_get(c, T_RESULT_NO_REASONS));
	sb_free(&sb);
}

static void reasons(const struct app *a, int width, struct doc *d)
{
	size_t idx[VERDICT_REASONS_AGAINST];

	reason_list(a, width, d, 1, VERDICT_REASONS_FOR);
	if (verdict_pick_reasons(&a->v, 0, VERDICT_REASONS_AGAINST, idx) == 0)
		return;
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(a->c, T_RESULT_AGAINST), -1);
	reason_list(a, width, d, 0, VERDICT_REASONS_AGAINST);
}

static void flips(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	struct strbuf sb = {0};

	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_RESULT_FLIPS), -1);
	if (a->v.nflips == 0)
		bullet(d, width, ROLE_NORMAL, text_get(c, T_RESULT_NO_FLIPS));
	for (size_t i = 0; i < a->v.nflips && i < TOP_FLIPS; i++) {
		char *line = flip_line(c, &a->v.flips[i]);
		bullet(d, width, ROLE_NORMAL, line);
		free(line);
	}
	if (a->v.nflips > TOP_FLIPS) { /* never cut silently: the report lists them all */
		char n[24];
		sb_reset(&sb);
		text_add(&sb, c, T_RESULT_FLIPS_MORE, "count",
			 num_text(n, (long long)(a->v.nflips - TOP_FLIPS)), NULL);
		bullet(d, width, ROLE_DIM, sb_str(&sb));
	}
	sb_free(&sb);
}

static void advisories(const struct app *a, int width, struct doc *d)
{
	if (a->v.nadvisories == 0)
		return;
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(a->c, T_RESULT_ADVISORIES), -1);
	for (size_t i = 0; i < a->v.nadvisories; i++) {
		const struct advisory *adv = &a->c->advisories[a->v.advisories[i]];
		doc_line(d, -1);
		doc_put(d, 1, ROLE_WARN, "!");
		doc_wrap_on(d, 3, width - 3, ROLE_WARN, adv->title, -1);
		doc_wrap(d, 3, width - 3, ROLE_NORMAL, adv->text, -1);
	}
}

static void services(const struct app *a, int width, struct doc *d)
{
	const struct model *m = &a->c->models[a->v.winner];
	struct strbuf sb = {0};

	if (m->services.n == 0)
		return;
	doc_blank(d);
	text_add(&sb, a->c, T_RESULT_SERVICES, "model", m->name, NULL);
	doc_wrap(d, 0, width, ROLE_HEADING, sb_str(&sb), -1);
	for (size_t i = 0; i < m->services.n; i++)
		bullet(d, width, ROLE_NORMAL, m->services.texts[i]);
	sb_free(&sb);
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct content *c = a->c;
	(void)height;

	if (!a->have_verdict) {
		doc_wrap(d, 0, width, ROLE_ERROR, text_get(c, T_RESULT_NEED_ALL), -1);
		return;
	}
	const struct model *w = &c->models[a->v.winner];
	headline(a, width, d);
	char *split = verdict_split_detail(c, &a->v);
	if (split) {
		doc_wrap(d, 0, width, ROLE_NORMAL, split, -1);
		free(split);
	} else {
		struct strbuf sb = {0};
		text_add(&sb, c, T_RESULT_MODEL_SUMMARY, "name", w->full_name, "summary",
			 w->summary ? w->summary : "", NULL);
		doc_wrap(d, 0, width, ROLE_NORMAL, sb_str(&sb), -1);
		sb_free(&sb);
	}
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_RESULT_SCORES), -1);
	bars(a, width, d);
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_RESULT_WHY), -1);
	reasons(a, width, d);
	flips(a, width, d);
	advisories(a, width, d);
	services(a, width, d);
}

static void status(const struct app *a, struct strbuf *out)
{
	sb_add(out, text_get(a->c, T_SCREEN_STATUS_RESULT));
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	/* Enter on the result opens the comparison, like Tab */
	return page_action(a, act == ACT_CONFIRM ? ACT_TOGGLE : act);
}

const struct screen result_screen = {SCREEN_RESULT, PAGE_FRAME, MAX_TEXT_WIDTH, build, status, on_action, hints};
