/* The scoring model, in short: each answer gives each model its points times
 * the question's weight; the model with the most wins. How far ahead it is
 * (the margin) gives the strength, which "Not sure" answers and answers marked
 * to weaken can lower, though never into a close call: "close" means the task
 * itself is mixed, not that the manager was unsure. */
#include "engine.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "texts.h"
#include "xalloc.h"

static const struct qoption *chosen(const struct content *c, const struct answers *a, size_t q)
{
	int o = a->choice[q];
	return o == ANSWER_NONE ? NULL : &c->questions[q].options[o];
}

static void add_points(const struct content *c, size_t q, const struct qoption *o, double sign,
		       double *score)
{
	if (!o)
		return;
	for (size_t m = 0; m < c->nmodels; m++)
		score[m] += sign * c->questions[q].weight * o->points[m];
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

static void score_all(const struct content *c, const struct answers *a, struct verdict *v)
{
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const struct qoption *o = chosen(c, a, q);
		add_points(c, q, o, 1, v->score);
		if (!o || o->unsure)
			v->unsure++;
		for (size_t m = 0; m < c->nmodels; m++) {
			double most = 0;
			for (size_t k = 0; k < qu->noptions; k++)
				most = fmax(most, qu->options[k].points[m]);
			v->max_score[m] += qu->weight * most;
		}
	}
}

static void rank(const struct content *c, const struct answers *a, struct verdict *v)
{
	v->winner = best_model(v->score, v->nmodels, -1);
	v->runner_up = best_model(v->score, v->nmodels, v->winner);
	double w = v->score[v->winner], r = v->runner_up >= 0 ? v->score[v->runner_up] : 0;
	v->margin = w + r > 0 ? (w - r) / (w + r) : 0;
	if (v->margin >= c->scoring.clear)
		v->raw_strength = STRENGTH_CLEAR;
	else if (v->margin >= c->scoring.leaning)
		v->raw_strength = STRENGTH_LEANING;
	else
		v->raw_strength = STRENGTH_CLOSE;

	int steps = c->scoring.unsure_per_step ? (int)(v->unsure / (size_t)c->scoring.unsure_per_step) : 0;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct qoption *o = chosen(c, a, q);
		steps += o ? o->weaken : 0;
	}
	int s = (int)v->raw_strength;
	if (s != STRENGTH_CLOSE)
		s = s + steps > STRENGTH_LEANING ? STRENGTH_LEANING : s + steps;
	v->strength = (enum strength)s;
}

static void add_reason(struct verdict *v, size_t *cap, struct reason r)
{
	v->reasons = xgrow(v->reasons, cap, v->nreasons + 1, sizeof *v->reasons);
	v->reasons[v->nreasons++] = r;
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
	size_t cap = 0;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct qoption *o = chosen(c, a, q);
		if (!o || o->unsure)
			continue;
		for (size_t m = 0; m < c->nmodels; m++) {
			double other = -INFINITY;
			for (size_t k = 0; k < c->nmodels; k++)
				if (k != m)
					other = fmax(other, o->points[k]);
			double push = c->questions[q].weight * (o->points[m] - other);
			if (push > 0)
				add_reason(v, &cap, (struct reason){(int)q, a->choice[q], (int)m, push});
		}
	}
	if (v->nreasons > 1)
		qsort(v->reasons, v->nreasons, sizeof *v->reasons, by_push);
}

static void find_flips(const struct content *c, const struct answers *a, struct verdict *v)
{
	double *trial = xmalloc(v->nmodels * sizeof *trial);
	size_t cap = 0;

	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		for (size_t k = 0; k < qu->noptions; k++) {
			if ((int)k == a->choice[q] || qu->options[k].unsure)
				continue;
			memcpy(trial, v->score, v->nmodels * sizeof *trial);
			add_points(c, q, chosen(c, a, q), -1, trial);
			add_points(c, q, &qu->options[k], 1, trial);
			int w = best_model(trial, v->nmodels, -1);
			if (w == v->winner)
				continue;
			v->flips = xgrow(v->flips, &cap, v->nflips + 1, sizeof *v->flips);
			v->flips[v->nflips++] = (struct flip){(int)q, (int)k, w};
		}
	}
	free(trial);
}

static size_t count_tag(const struct content *c, const struct answers *a, const char *tag)
{
	size_t n = 0;
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct qoption *o = chosen(c, a, q);
		for (size_t t = 0; o && t < o->ntags; t++)
			n += !strcmp(o->tags[t], tag);
	}
	return n;
}

static int advisory_applies(const struct advisory *ad, const struct content *c,
			    const struct answers *a, const struct verdict *v)
{
	for (size_t i = 0; i < ad->nwhen_any; i++)
		if (a->choice[ad->when_any[i].question] == ad->when_any[i].option)
			return 1;
	if (ad->nwhen_all) {
		size_t hit = 0;
		for (size_t i = 0; i < ad->nwhen_all; i++)
			hit += a->choice[ad->when_all[i].question] == ad->when_all[i].option;
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
	v->score = xcalloc(c->nmodels, sizeof *v->score);
	v->max_score = xcalloc(c->nmodels, sizeof *v->max_score);
	score_all(c, a, v);
	rank(c, a, v);
	find_reasons(c, a, v);
	find_flips(c, a, v);
	v->advisories = xcalloc(c->nadvisories, sizeof *v->advisories);
	for (size_t i = 0; i < c->nadvisories; i++)
		if (advisory_applies(&c->advisories[i], c, a, v))
			v->advisories[v->nadvisories++] = (int)i;
	v->row_side = xcalloc(c->nrows, sizeof *v->row_side);
	for (size_t r = 0; r < c->nrows; r++)
		v->row_side[r] = row_side(c, a, &c->rows[r]);
}

void verdict_free(struct verdict *v)
{
	free(v->score);
	free(v->max_score);
	free(v->reasons);
	free(v->flips);
	free(v->advisories);
	free(v->row_side);
	*v = (struct verdict){0};
}

char *verdict_headline(const struct content *c, const struct verdict *v)
{
	static const enum text_id ids[STRENGTH_COUNT] = {
		T_RESULT_HEADLINE_CLEAR, T_RESULT_HEADLINE_LEANING, T_RESULT_HEADLINE_CLOSE};
	enum text_id id = (unsigned)v->strength < STRENGTH_COUNT ? ids[v->strength]
								 : T_RESULT_HEADLINE_CLOSE;

	return text_fmt(c, id, "model", content_model_name(c, v->winner), NULL);
}

char *verdict_split_detail(const struct content *c, const struct verdict *v)
{
	const struct model *a = content_model_at(c, v->winner), *b = content_model_at(c, v->runner_up);

	if (v->strength != STRENGTH_CLOSE || !a || !b)
		return NULL;
	return text_fmt(c, T_RESULT_CLOSE_DETAIL, "first", content_model_name(c, v->winner), "second",
			content_model_name(c, v->runner_up), "first_part", a->split_part, "second_part",
			b->split_part, NULL);
}

size_t verdict_pick_reasons(const struct verdict *v, int toward_winner, size_t max, size_t *idx)
{
	size_t n = 0;

	for (size_t i = 0; i < v->nreasons && n < max; i++) {
		int is_winner = v->reasons[i].model == v->winner;
		if (is_winner == !!toward_winner)
			idx[n++] = i;
	}
	return n;
}

int verdict_percent(const struct verdict *v, size_t model)
{
	if (model >= v->nmodels || v->max_score[model] <= 0)
		return 0;
	double p = 100.0 * v->score[model] / v->max_score[model];
	return p < 0 ? 0 : p > 100 ? 100 : (int)lround(p);
}
