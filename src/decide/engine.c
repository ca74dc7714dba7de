/* The scoring rule (README, "How the verdict is reached"): each answer gives
 * each model its points times the question's weight. The margin is how far
 * the leader is ahead, as a share of the two leaders' points. Every answer
 * tagged mixed (a routine part and a judgment part) takes mixed_step off the
 * margin; what is left, the lead, gives the band: clear, leaning or split.
 * "Not sure" answers and answers with weaken lower clear to leaning, never
 * into a split: a split says the task has two parts, not that the manager
 * was unsure. A tie is always a split. */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "flips.h"
#include "xalloc.h"

static const struct qoption *chosen(const struct content *c, const struct answers *a, size_t q)
{
	int o = answers_choice(a, q);
	return o == ANSWER_NONE ? NULL : &c->questions[q].options[o];
}

static int has_tag(const struct qoption *o, const char *tag)
{
	for (size_t t = 0; o && t < o->ntags; t++)
		if (!strcmp(o->tags[t], tag))
			return 1;
	return 0;
}

/* The best model, ties to the first; skip excludes one model (or -1). */
static int best_model(const double *score, size_t n, int skip)
{
	int best = -1;
	for (size_t m = 0; m < n; m++)
		if ((int)m != skip && (best < 0 || score[m] > score[best]))
			best = (int)m;
	return best;
}

/* What the outcome is read from; shared by the full verdict and the flips. */
struct standing {
	int winner, runner_up, tie;
	double margin, lead;
	enum strength band_margin, band_lead, strength;
	size_t nmixed, unsure;
	int unsure_steps, weaken_steps;
};

static enum strength band_of(const struct scoring *sc, double lead)
{
	return lead >= sc->clear ? STRENGTH_CLEAR : lead >= sc->leaning ? STRENGTH_LEANING : STRENGTH_SPLIT;
}

static void tally(const struct content *c, const struct answers *a, double *score, struct standing *s)
{
	memset(score, 0, c->nmodels * sizeof *score);
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct qoption *o = chosen(c, a, q);
		if (!o || o->unsure) {
			s->unsure++;
			continue;
		}
		for (size_t m = 0; m < c->nmodels; m++)
			score[m] += c->questions[q].weight * o->points[m];
		s->nmixed += has_tag(o, "mixed");
		s->weaken_steps += o->weaken;
	}
}

static void stand(const struct content *c, const struct answers *a, double *score, struct standing *s)
{
	const struct scoring *sc = &c->scoring;

	*s = (struct standing){0};
	tally(c, a, score, s);
	s->winner = best_model(score, c->nmodels, -1);
	s->runner_up = best_model(score, c->nmodels, s->winner);
	double w = score[s->winner], r = s->runner_up >= 0 ? score[s->runner_up] : 0;
	s->tie = s->runner_up >= 0 && w == r;
	s->margin = w + r > 0 ? (w - r) / (w + r) : 0;
	s->lead = s->margin - sc->mixed_step * (double)s->nmixed;
	s->band_margin = band_of(sc, s->margin);
	s->band_lead = s->tie ? STRENGTH_SPLIT : band_of(sc, s->lead);
	s->unsure_steps = sc->unsure_per_step ? (int)(s->unsure / (size_t)sc->unsure_per_step) : 0;
	int st = (int)s->band_lead;
	if (st != STRENGTH_SPLIT) {
		st += s->unsure_steps + s->weaken_steps;
		st = st > STRENGTH_LEANING ? STRENGTH_LEANING : st;
	}
	s->strength = (enum strength)st;
}

struct outcome engine_outcome(const struct content *c, const struct answers *a)
{
	double *score = xcalloc(c->nmodels ? c->nmodels : 1, sizeof *score);
	struct standing s;

	stand(c, a, score, &s);
	free(score);
	return (struct outcome){s.winner, s.strength, s.tie};
}

struct outcome verdict_outcome(const struct verdict *v)
{
	return (struct outcome){v->winner, v->strength, v->tie};
}

int outcome_differs(struct outcome a, struct outcome b)
{
	if ((a.strength == STRENGTH_SPLIT) != (b.strength == STRENGTH_SPLIT))
		return 1;
	return a.strength != STRENGTH_SPLIT && a.model != b.model;
}

/* Clear is two steps from a split, leaning one. */
static int level(struct outcome o)
{
	return o.strength == STRENGTH_CLEAR ? 2 : o.strength == STRENGTH_LEANING ? 1 : 0;
}

int outcome_steps(struct outcome a, struct outcome b)
{
	if (a.model == b.model || level(a) == 0 || level(b) == 0)
		return abs(level(a) - level(b));
	return level(a) + level(b);
}

const char *outcome_id(const struct content *c, struct outcome o)
{
	const char *id = content_model_id(c, o.model);
	return o.strength == STRENGTH_SPLIT || !id ? strength_name(STRENGTH_SPLIT) : id;
}

static void add_lowering(struct verdict *v, struct lowering l)
{
	v->lowered = xrealloc(v->lowered, (v->nlowered + 1) * sizeof *v->lowered);
	v->lowered[v->nlowered++] = l;
}

/* Names every rule that lowered the strength, in the order they apply. */
static void explain_lowering(const struct content *c, const struct answers *a,
			     const struct standing *s, struct verdict *v)
{
	if (s->band_lead > s->band_margin)
		add_lowering(v, (struct lowering){LOWER_MIXED, -1, -1, s->nmixed});
	if (s->strength <= s->band_lead)
		return;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct qoption *o = chosen(c, a, q);
		if (o && !o->unsure && o->weaken > 0)
			add_lowering(v, (struct lowering){LOWER_ANSWER, (int)q, answers_choice(a, q), 0});
	}
	if (s->unsure_steps > 0)
		add_lowering(v, (struct lowering){LOWER_UNSURE, -1, -1, s->unsure});
}

static void place_on_balance(const struct content *c, const struct standing *s, struct verdict *v)
{
	const struct scoring *sc = &c->scoring;
	double allowance = sc->mixed_step * (double)s->nmixed;

	v->left = s->runner_up >= 0 && s->runner_up < s->winner ? s->runner_up : s->winner;
	v->right = v->left == s->winner && s->runner_up >= 0 ? s->runner_up : s->winner;
	double l = v->score[v->left], r = v->score[v->right];
	v->balance = v->left != v->right && l + r > 0 ? (r - l) / (l + r) : 0;
	v->split_band = fmin(1, sc->leaning + allowance);
	v->clear_band = fmin(1, sc->clear + allowance);
}

static void rank(const struct content *c, const struct answers *a, struct verdict *v)
{
	struct standing s;

	stand(c, a, v->score, &s);
	v->winner = s.winner, v->runner_up = s.runner_up, v->tie = s.tie;
	v->margin = s.margin, v->lead = s.lead;
	v->band_strength = s.band_margin;
	v->strength = s.strength;
	v->lowered_steps = (int)s.strength - (int)s.band_margin;
	v->unsure = s.unsure;
	explain_lowering(c, a, &s, v);
	place_on_balance(c, &s, v);
}

static void add_reason(struct reason **list, size_t *n, size_t *cap, struct reason r)
{
	*list = xgrow(*list, cap, *n + 1, sizeof **list);
	(*list)[(*n)++] = r;
}

static int by_push(const void *x, const void *y)
{
	const struct reason *a = x, *b = y;
	if (a->push != b->push)
		return a->push < b->push ? 1 : -1;
	if (a->question != b->question)
		return a->question - b->question;
	return a->model - b->model;
}

static void find_reasons(const struct content *c, const struct answers *a, struct verdict *v)
{
	size_t cap = 0, mcap = 0;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct qoption *o = chosen(c, a, q);
		if (!o || o->unsure)
			continue;
		if (has_tag(o, "mixed"))
			add_reason(&v->mixed, &v->nmixed, &mcap,
				   (struct reason){(int)q, answers_choice(a, q), -1, c->questions[q].weight});
		for (size_t m = 0; m < c->nmodels; m++) {
			double other = -INFINITY;
			for (size_t k = 0; k < c->nmodels; k++)
				if (k != m)
					other = fmax(other, o->points[k]);
			double push = c->questions[q].weight * (o->points[m] - other);
			if (push > 0)
				add_reason(&v->reasons, &v->nreasons, &cap,
					   (struct reason){(int)q, answers_choice(a, q), (int)m, push});
		}
	}
	if (v->nreasons > 1)
		qsort(v->reasons, v->nreasons, sizeof *v->reasons, by_push);
	if (v->nmixed > 1)
		qsort(v->mixed, v->nmixed, sizeof *v->mixed, by_push);
}

static size_t count_tag(const struct content *c, const struct answers *a, const char *tag)
{
	size_t n = 0;
	for (size_t q = 0; q < c->nquestions; q++)
		n += has_tag(chosen(c, a, q), tag);
	return n;
}

static int any_chosen(const struct answers *a, const struct choice_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (answers_choice(a, (size_t)refs[i].question) == refs[i].option)
			return 1;
	return 0;
}

static int advisory_applies(const struct advisory *ad, const struct content *c,
			    const struct answers *a, const struct verdict *v)
{
	if (any_chosen(a, ad->unless_any, ad->nunless_any))
		return 0;
	if (any_chosen(a, ad->when_any, ad->nwhen_any))
		return 1;
	if (ad->nwhen_all) {
		size_t hit = 0;
		for (size_t i = 0; i < ad->nwhen_all; i++)
			hit += answers_choice(a, (size_t)ad->when_all[i].question) == ad->when_all[i].option;
		if (hit == ad->nwhen_all)
			return 1;
	}
	if (ad->when_tag && count_tag(c, a, ad->when_tag) >= (size_t)ad->when_tag_count)
		return 1;
	return ad->when_strength >= 0 && ad->when_strength == (int)v->strength;
}

/* The model an answer points a comparison row to: the one its option gives the
 * most points, if no other model ties with it. */
static int row_side(const struct content *c, const struct answers *a, const struct row *r)
{
	const struct qoption *o = r->question < 0 ? NULL : chosen(c, a, (size_t)r->question);
	if (!o || o->unsure)
		return -1;
	int best = best_model(o->points, c->nmodels, -1);
	for (size_t m = 0; m < c->nmodels; m++)
		if ((int)m != best && o->points[m] == o->points[best])
			return -1;
	return o->points[best] > 0 ? best : -1;
}

void engine_decide(const struct content *c, const struct answers *a, struct verdict *v)
{
	*v = (struct verdict){.nmodels = c->nmodels};
	v->score = xcalloc(c->nmodels ? c->nmodels : 1, sizeof *v->score);
	rank(c, a, v);
	find_reasons(c, a, v);
	find_flips(c, a, v);
	v->advisories = xcalloc(c->nadvisories ? c->nadvisories : 1, sizeof *v->advisories);
	for (size_t i = 0; i < c->nadvisories; i++)
		if (advisory_applies(&c->advisories[i], c, a, v))
			v->advisories[v->nadvisories++] = (int)i;
	v->row_side = xcalloc(c->nrows ? c->nrows : 1, sizeof *v->row_side);
	for (size_t r = 0; r < c->nrows; r++)
		v->row_side[r] = row_side(c, a, &c->rows[r]);
}

void verdict_free(struct verdict *v)
{
	free(v->score);
	free(v->lowered);
	free(v->mixed);
	free(v->reasons);
	free(v->flips);
	free(v->advisories);
	free(v->row_side);
	*v = (struct verdict){0};
}

size_t verdict_count_part(const struct content *c, const struct verdict *v, enum advisory_part part)
{
	size_t n = 0;

	for (size_t i = 0; i < v->nadvisories; i++)
		n += c->advisories[v->advisories[i]].part == part;
	return n;
}

size_t verdict_pick_reasons(const struct verdict *v, int toward_winner, size_t max, size_t *idx)
{
	int split = v->strength == STRENGTH_SPLIT;
	int want = split ? (toward_winner ? v->left : v->right) : v->winner;
	size_t n = 0;

	for (size_t i = 0; i < v->nreasons && n < max; i++) {
		int hit = v->reasons[i].model == want;
		if (split ? hit : hit == !!toward_winner)
			idx[n++] = i;
	}
	return n;
}
