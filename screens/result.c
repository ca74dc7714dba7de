/* Result. The first page (80x24) is the whole story in short: the headline
 * in a box, the strength with why it was lowered, the balance bar, the
 * reasons by question (both sides in a split, and the two-part answers) and
 * every advisory's title. The detail follows below it: who takes which part
 * (or the model's summary), what would change the result, the advisories in
 * full, where to source it and the typical services. Everything comes from
 * the verdict; nothing is computed here. */
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
/* Wide enough to read the marker's place, short enough to take in at a glance. */
#define BALANCE_MAX 50

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

/* "Strength: leaning, one step lower because ...", wrapped under itself. */
static void strength(const struct app *a, int width, struct doc *d)
{
	struct strbuf label = {0};
	char *s = verdict_strength_text(a->c, &a->v);

	sb_addf(&label, "%s: ", text_get(a->c, T_RESULT_STRENGTH));
	int lw = doc_width(d, sb_str(&label));
	if (lw > width / 5) { /* narrow: a hanging indent would leave a thin column */
		sb_add(&label, s);
		doc_wrap(d, 0, width, ROLE_NORMAL, sb_str(&label), -1);
	} else {
		doc_line(d, -1);
		doc_put(d, 0, ROLE_HEADING, sb_str(&label));
		doc_wrap_on(d, lw, width - lw, ROLE_NORMAL, s, -1);
	}
	free(s);
	sb_free(&label);
}

/* The bar from bar.h's layout, one piece per run of cells of the same part,
 * in the doc's glyphs: the sides thin, the split zone double, the answers a
 * dot. */
static void balance_bar(const struct verdict *v, int x, int bw, struct doc *d)
{
	static const enum glyph glyph[] = {G_HLINE, G_ZONE, G_BALL};
	static const enum role role[] = {ROLE_BORDER, ROLE_BAR, ROLE_MARK};
	struct balance_cells b;

	balance_layout(v->balance, v->split_band, bw, &b);
	for (int i = 0; i < bw;) {
		enum balance_part p = balance_part_at(&b, i);
		int n = 1;
		while (i + n < bw && balance_part_at(&b, i + n) == p)
			n++;
		char *run = doc_repeat(d, glyph[p], n);
		doc_put(d, x + i, role[p], run);
		free(run);
		i += n;
	}
}

/* The balance: the left model's name, the bar, the right model's name, and
 * the one-line legend under it. */
static void balance(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	const char *left = content_model_name(c, a->v.left), *right = content_model_name(c, a->v.right);
	int lw = doc_width(d, left), rw = doc_width(d, right);
	int bw = width - lw - rw - 6;

	if (bw > BALANCE_MAX)
		bw = BALANCE_MAX;
	if (bw < 4)
		bw = 4;
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_RESULT_SCORES), -1);
	doc_line(d, -1);
	doc_put(d, 2, ROLE_NORMAL, left);
	balance_bar(&a->v, 3 + lw, bw, d);
	doc_put(d, 4 + lw + bw, ROLE_NORMAL, right);
	char *legend = text_fmt(c, T_RESULT_SCORES_NOTE, "marker", doc_glyph(d, G_BALL), "zone",
				doc_glyph(d, G_ZONE), NULL);
	doc_wrap(d, 2, width - 2, ROLE_DIM, legend, -1);
	free(legend);
}

static void bullet(struct doc *d, int width, enum role r, const char *text)
{
	doc_line(d, -1);
	doc_put(d, 1, ROLE_DIM, doc_glyph(d, G_BULLET));
	doc_wrap_on(d, 3, width - 3, r, text, -1);
}

/* Where title shows in text: whole, or, cut by the wrap, its first words
 * at the end of text. Sets *len to the bytes shown. */
static const char *find_title(const char *text, const char *title, size_t *len)
{
	const char *at = strstr(text, title);
	size_t tl = strlen(text);

	if (at) {
		*len = strlen(title);
		return at;
	}
	for (size_t cut = strlen(title); cut-- > 1;)
		if (title[cut] == ' ' && cut <= tl && !strncmp(text + tl - cut, title, cut)) {
			*len = cut;
			return text + tl - cut;
		}
	return NULL;
}

/* Makes question q's title, where it shows in lines [from, d->n), a link to
 * that question (the first place it shows). */
static void link_title(const struct content *c, struct doc *d, int from, int q)
{
	char *title = doc_text(d, content_question_title(&c->questions[q]));

	for (int l = from; l < d->n; l++) {
		const struct dline *dl = &d->line[l];
		for (int k = 0; k < dl->nseg; k++) {
			size_t len;
			const char *at = find_title(dl->seg[k].text, title, &len);
			if (!at)
				continue;
			char *before = xstrndup(dl->seg[k].text, (size_t)(at - dl->seg[k].text));
			char *shown = xstrndup(at, len);
			doc_link(d, l, dl->seg[k].x + doc_width(d, before), doc_width(d, shown), q);
			free(shown);
			free(before);
			free(title);
			return;
		}
	}
	free(title);
}

/* "label: How routine it is, Expertise needed": questions[n] by title. */
static void why_line(const struct content *c, int width, struct doc *d, const char *label,
		     const int *questions, size_t n)
{
	char *list = NULL;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++) {
		const char *title = content_question_title(&c->questions[questions[i]]);
		char *next = list ? text_fmt(c, T_RESULT_LIST_JOIN, "first", list, "second", title, NULL)
				  : xstrdup(title);
		free(list);
		list = next;
	}
	char *line = text_fmt(c, T_RESULT_WHY_LIST, "label", label, "questions", list, NULL);
	int from = d->n;
	bullet(d, width, ROLE_NORMAL, line);
	for (size_t i = 0; i < n; i++)
		link_title(c, d, from, questions[i]);
	free(line);
	free(list);
}

/* The picked reasons toward model m, as one line "Toward m: ...". */
static void why_toward(const struct app *a, int width, struct doc *d, const size_t *idx,
		       size_t n, int m)
{
	int *qs = xcalloc(n ? n : 1, sizeof *qs);
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (a->v.reasons[idx[i]].model == m)
			qs[k++] = a->v.reasons[idx[i]].question;
	char *label = text_fmt(a->c, T_RESULT_TOWARD, "model", content_model_name(a->c, m), NULL);
	why_line(a->c, width, d, label, qs, k);
	free(label);
	free(qs);
}

/* "Why" in short, the same picks as the reports: in a split the pulls toward
 * each end; otherwise toward the winner, then the other way, by model. Then
 * the two-part answers, which pull toward a split. */
static void why(const struct app *a, int width, struct doc *d)
{
	const struct verdict *v = &a->v;
	int split = v->strength == STRENGTH_SPLIT;
	size_t other = split ? VERDICT_REASONS_FOR : VERDICT_REASONS_AGAINST;
	size_t first[VERDICT_REASONS_FOR], second[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	size_t n1 = verdict_pick_reasons(v, 1, VERDICT_REASONS_FOR, first);
	size_t n2 = verdict_pick_reasons(v, 0, other, second);

	doc_wrap(d, 0, width, ROLE_HEADING, text_get(a->c, T_RESULT_WHY), -1);
	if (n1 + n2 + v->nmixed == 0)
		bullet(d, width, ROLE_NORMAL, text_get(a->c, T_RESULT_NO_REASONS));
	why_toward(a, width, d, first, n1, split ? v->left : v->winner);
	for (size_t m = 0; m < a->c->nmodels; m++)
		if ((int)m != (split ? v->left : v->winner))
			why_toward(a, width, d, second, n2, (int)m);
	int *qs = xcalloc(v->nmixed ? v->nmixed : 1, sizeof *qs);
	for (size_t i = 0; i < v->nmixed; i++)
		qs[i] = v->mixed[i].question;
	why_line(a->c, width, d, text_get(a->c, T_RESULT_TWO_PART), qs, v->nmixed);
	free(qs);
}

/* An advisory's title line: advice marked "!", where to source it with an
 * arrow. Returns the column its text goes under. */
static int advisory_head(struct doc *d, int width, const struct advisory *adv)
{
	int advice = adv->part == PART_ADVICE;
	const char *mark = advice ? "!" : doc_glyph(d, G_ARROW);
	int x = 2 + doc_width(d, mark);

	doc_line(d, -1);
	doc_put(d, 1, advice ? ROLE_WARN : ROLE_ACCENT, mark);
	doc_wrap_on(d, x, width - x, advice ? ROLE_WARN : ROLE_HEADING, adv->title, -1);
	return x;
}

/* Every advisory's title, the advice first; the texts follow in the detail. */
static void advisory_titles(const struct app *a, int width, struct doc *d)
{
	static const enum advisory_part parts[] = {PART_ADVICE, PART_WHERE};

	if (a->v.nadvisories == 0)
		return;
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(a->c, T_RESULT_ADVISORIES), -1);
	for (size_t p = 0; p < 2; p++)
		for (size_t i = 0; i < a->v.nadvisories; i++) {
			const struct advisory *adv = &a->c->advisories[a->v.advisories[i]];
			if (adv->part == parts[p])
				advisory_head(d, width, adv);
		}
}

/* The first page: everything a manager needs to take in at a glance. */
static void first_page(const struct app *a, int width, struct doc *d)
{
	if (a->flow.a->task) { /* whose result this is heads it, as in the reports */
		char *task = text_fmt(a->c, T_REPORT_TASK, "task", a->flow.a->task, NULL);
		doc_wrap(d, 0, width, ROLE_HEADING, task, -1);
		free(task);
	}
	headline(a, width, d);
	strength(a, width, d);
	doc_blank(d);
	balance(a, width, d);
	doc_blank(d);
	why(a, width, d);
	advisory_titles(a, width, d);
}

/* ---- the detail, below the first page ---- */

/* Who takes which part in a split, otherwise what the model is. */
static void model_text(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	const struct model *w = &c->models[a->v.winner];
	char *split = verdict_split_detail(c, &a->v);
	struct strbuf sb = {0};

	doc_blank(d);
	if (split)
		doc_wrap(d, 0, width, ROLE_NORMAL, split, -1);
	else {
		text_add(&sb, c, T_RESULT_MODEL_SUMMARY, "name", w->full_name, "summary",
			 w->summary ? w->summary : "", NULL);
		doc_wrap(d, 0, width, ROLE_NORMAL, sb_str(&sb), -1);
	}
	sb_free(&sb);
	free(split);
}

static void flips(const struct app *a, int width, struct doc *d)
{
	const struct content *c = a->c;
	struct strbuf sb = {0};

	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_RESULT_FLIPS), -1);
	/* none at all: the engine looked for a pair too */
	if (a->v.nflips == 0)
		bullet(d, width, ROLE_NORMAL, text_get(c, T_RESULT_NO_FLIPS));
	for (size_t i = 0; i < a->v.nflips && i < TOP_FLIPS; i++) {
		char *line = flip_line(c, &a->v.flips[i]);
		int from = d->n;
		bullet(d, width, ROLE_NORMAL, line);
		link_title(c, d, from, a->v.flips[i].question);
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

/* The advisories of one part in full, under their heading. */
static void advisory_texts(const struct app *a, int width, struct doc *d, enum advisory_part part,
			   enum text_id heading)
{
	if (verdict_count_part(a->c, &a->v, part) == 0)
		return;
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(a->c, heading), -1);
	for (size_t i = 0; i < a->v.nadvisories; i++) {
		const struct advisory *adv = &a->c->advisories[a->v.advisories[i]];
		if (adv->part != part)
			continue;
		int x = advisory_head(d, width, adv);
		doc_wrap(d, x, width - x, ROLE_NORMAL, adv->text, -1);
	}
}

/* One model's services, headed by the part it takes in a split. */
static void model_services(const struct app *a, int width, struct doc *d, int model, int split)
{
	const struct model *m = content_model_at(a->c, model);
	struct strbuf sb = {0};

	if (!m || m->services.n == 0)
		return;
	doc_blank(d);
	if (split)
		text_add(&sb, a->c, T_RESULT_SERVICES_PART, "model", m->name, "part", m->split_part, NULL);
	else
		text_add(&sb, a->c, T_RESULT_SERVICES, "model", m->name, NULL);
	doc_wrap(d, 0, width, ROLE_HEADING, sb_str(&sb), -1);
	for (size_t i = 0; i < m->services.n; i++)
		bullet(d, width, ROLE_NORMAL, m->services.texts[i]);
	sb_free(&sb);
}

static void services(const struct app *a, int width, struct doc *d)
{
	if (a->v.strength != STRENGTH_SPLIT) {
		model_services(a, width, d, a->v.winner, 0);
		return;
	}
	model_services(a, width, d, a->v.left, 1);
	model_services(a, width, d, a->v.right, 1);
}

/* The picked link in reverse, kept in view. */
static void show_picked_link(const struct app *a, struct doc *d)
{
	if (a->result_link < 0 || a->result_link >= d->nlinks)
		return;
	const struct doc_link *k = &d->links[a->result_link];
	char *title = doc_text(d, content_question_title(&a->c->questions[k->target]));
	size_t len = strlen(title);
	while (len > 0 && doc_width(d, title) > k->width) { /* the part the wrap left */
		while (len > 0 && title[--len] != ' ')
			;
		title[len] = '\0';
	}
	doc_put_at(d, k->line, k->x, ROLE_SELECTED, title);
	free(title);
	d->focus_first = d->focus_last = k->line;
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	(void)height;

	if (!a->have_verdict) {
		doc_wrap(d, 0, width, ROLE_ERROR, text_get(a->c, T_RESULT_NEED_ALL), -1);
		return;
	}
	first_page(a, width, d);
	model_text(a, width, d);
	flips(a, width, d);
	advisory_texts(a, width, d, PART_ADVICE, T_RESULT_ADVISORIES);
	advisory_texts(a, width, d, PART_WHERE, T_RESULT_WHERE);
	services(a, width, d);
	show_picked_link(a, d);
}

static void status(const struct app *a, struct strbuf *out)
{
	sb_add(out, text_get(a->c, T_SCREEN_STATUS_RESULT));
}

static enum reaction scroll_keeping_link(struct app *a, enum action act);

/* The rows the result shows now. */
static void shown_rows(const struct app *a, int *top, int *end)
{
	const struct page *p = &a->page[SCREEN_RESULT];

	*top = p->top;
	*end = p->top + p->rows;
}

/* Down (dir 1) or Up (-1), as in lynx: to the next link in view, else a
 * line of scrolling; a picked link scrolled out of view is dropped. */
static enum reaction move_link(struct app *a, int dir)
{
	const struct doc *d = &a->shown;
	int top, end, pick = -1;

	shown_rows(a, &top, &end);
	if (dir > 0) {
		for (int i = a->result_link + 1; i < d->nlinks && pick < 0; i++)
			if (d->links[i].line >= top)
				pick = i;
		if (pick >= 0 && d->links[pick].line >= end)
			pick = -1;
	} else {
		int from = a->result_link >= 0 ? a->result_link - 1 : d->nlinks - 1;
		for (int i = from; i >= 0 && pick < 0; i--)
			if (d->links[i].line < end)
				pick = i;
		if (pick >= 0 && d->links[pick].line < top)
			pick = -1;
	}
	if (pick >= 0) {
		a->result_link = pick;
		return R_REDRAW;
	}
	return scroll_keeping_link(a, dir > 0 ? ACT_DOWN : ACT_UP);
}

/* A scroll drops the picked link when it would leave the view (its focus
 * would otherwise hold the page still). */
static enum reaction scroll_keeping_link(struct app *a, enum action act)
{
	static const struct { enum action act; enum page_move move; } moves[] = {
		{ACT_DOWN, PAGE_LINE_DOWN}, {ACT_UP, PAGE_LINE_UP}, {ACT_PAGE_DOWN, PAGE_DOWN},
		{ACT_PAGE_UP, PAGE_UP},     {ACT_HOME, PAGE_FIRST}, {ACT_END, PAGE_LAST}};
	const struct page *p = &a->page[SCREEN_RESULT];

	for (size_t i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		if (moves[i].act != act || a->result_link < 0 || a->result_link >= a->shown.nlinks)
			continue;
		int top = page_moved(p, moves[i].move), line = a->shown.links[a->result_link].line;
		if (line < top || line >= top + p->rows)
			a->result_link = -1;
	}
	enum reaction r = scroll_action(a, SCREEN_RESULT, act);
	return r == R_NONE && a->result_link < 0 ? R_NONE : R_REDRAW;
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_DOWN:
		return move_link(a, 1);
	case ACT_UP:
		return move_link(a, -1);
	case ACT_CONFIRM: /* on a link: change that answer; else the comparison */
	case ACT_NEXT:
		if (a->result_link >= 0 && a->result_link < a->shown.nlinks) {
			int q = a->shown.links[a->result_link].target;
			a->result_link = -1;
			return app_flow(a, FLOW_JUMP, q);
		}
		return page_action(a, ACT_TOGGLE);
	case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_HOME: case ACT_END:
		return scroll_keeping_link(a, act);
	default:
		return page_action(a, act);
	}
}

static const enum action keys[] = {ACT_TOGGLE, ACT_CONFIRM, ACT_UP, ACT_DOWN, ACT_PAGE_UP,
				   ACT_PAGE_DOWN, ACT_HOME, ACT_END, ACT_BACK, ACT_SAVE, ACT_TASK,
				   ACT_NONE};

const struct screen result_screen = {SCREEN_RESULT, PAGE_FRAME, MAX_TEXT_WIDTH, build, status,
				     on_action, hints, keys, T_HELP_ABOUT_RESULT};
