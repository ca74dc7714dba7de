/* JSON: the result report for other programs, and the loaded content for
 * --check-content --format json. Models, questions and options appear by id,
 * so a consumer never depends on wording. The content's "headline" and
 * "split_detail" come from texts.ini [result]. */
#include <stdlib.h>

#include "json.h"
#include "report.h"
#include "report_writers.h"
#include "texts.h"

/* ---- the result ---- */

/* The strength and every rule that lowered it, by kind and id. */
static void json_strength(const struct content *c, const struct verdict *v, struct json_writer *j)
{
	static const char *const kinds[] = {"mixed", "unsure", "answer"};
	char *text = verdict_strength_text(c, v);

	jw_key(j, "strength");
	jw_string(j, strength_name(v->strength));
	jw_key(j, "strength_text");
	jw_string(j, text);
	jw_key(j, "band_strength");
	jw_string(j, strength_name(v->band_strength));
	jw_key(j, "lowered");
	jw_open_array(j);
	for (size_t i = 0; i < v->nlowered; i++) {
		const struct lowering *l = &v->lowered[i];
		jw_open_object(j);
		jw_key(j, "kind");
		jw_string(j, kinds[l->kind]);
		if (l->kind == LOWER_ANSWER) {
			jw_key(j, "question");
			jw_string(j, c->questions[l->question].id);
		} else {
			jw_key(j, "count");
			jw_int(j, (long long)l->count);
		}
		jw_close_object(j);
	}
	jw_close_array(j);
	free(text);
}

/* In a split "model" is null and "parts" names who takes what; otherwise
 * "model" is the recommended model. */
static void json_recommendation(const struct content *c, const struct verdict *v,
				struct json_writer *j)
{
	char *headline = verdict_headline(c, v);
	char *split = verdict_split_detail(c, v);
	int is_split = v->strength == STRENGTH_SPLIT;

	jw_key(j, "recommendation");
	jw_open_object(j);
	jw_key(j, "outcome");
	jw_string(j, outcome_id(c, verdict_outcome(v)));
	jw_key(j, "model");
	jw_string(j, is_split ? NULL : content_model_id(c, v->winner));
	jw_key(j, "ahead");
	jw_string(j, v->tie ? NULL : content_model_id(c, v->winner));
	json_strength(c, v, j);
	jw_key(j, "headline");
	jw_string(j, headline);
	jw_key(j, "split");
	jw_string(j, split);
	jw_key(j, "parts");
	jw_open_object(j);
	for (int side = 0; is_split && v->left != v->right && side < 2; side++) {
		const struct model *m = content_model_at(c, side ? v->right : v->left);
		jw_key(j, m->id);
		jw_string(j, m->split_part);
	}
	jw_close_object(j);
	jw_key(j, "margin");
	jw_number(j, v->margin);
	jw_key(j, "lead");
	jw_number(j, v->lead);
	jw_close_object(j);
	free(headline);
	free(split);
}

/* "key": {model id: number, ...} */
static void json_per_model(struct json_writer *j, const char *key, const struct content *c,
			   const double *values)
{
	jw_key(j, key);
	jw_open_object(j);
	for (size_t m = 0; m < c->nmodels; m++) {
		jw_key(j, c->models[m].id);
		jw_number(j, values[m]);
	}
	jw_close_object(j);
}

/* The balance bar in numbers: -1 is every point to "left", +1 to "right". */
static void json_scores(const struct content *c, const struct verdict *v,
			struct json_writer *j)
{
	json_per_model(j, "scores", c, v->score);
	jw_key(j, "balance");
	jw_open_object(j);
	jw_key(j, "left");
	jw_string(j, content_model_id(c, v->left));
	jw_key(j, "right");
	jw_string(j, content_model_id(c, v->right));
	jw_key(j, "position");
	jw_number(j, v->balance);
	jw_key(j, "split_band");
	jw_number(j, v->split_band);
	jw_key(j, "clear_band");
	jw_number(j, v->clear_band);
	jw_close_object(j);
}

/* Unanswered questions count as the unsure option, as everywhere else. */
static void json_answers(const struct content *c, const struct answers *a,
			 struct json_writer *j)
{
	jw_key(j, "answers");
	jw_open_object(j);
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const struct qoption *o = content_chosen_option(qu, answers_choice(a, q));
		jw_key(j, qu->id);
		jw_string(j, o ? o->id : NULL);
	}
	jw_close_object(j);
}

static const char *option_id_at(const struct content *c, int qi, int oi)
{
	if (qi < 0 || (size_t)qi >= c->nquestions)
		return NULL;
	const struct question *q = &c->questions[qi];
	if (oi < 0 || (size_t)oi >= q->noptions)
		return NULL;
	return q->options[oi].id;
}

static const char *question_id_at(const struct content *c, int qi)
{
	if (qi < 0 || (size_t)qi >= c->nquestions)
		return NULL;
	return c->questions[qi].id;
}

static void json_reasons(const struct content *c, const struct verdict *v,
			 struct json_writer *j)
{
	jw_key(j, "reasons");
	jw_open_array(j);
	for (size_t i = 0; i < v->nreasons; i++) {
		const struct reason *r = &v->reasons[i];
		jw_open_object(j);
		jw_key(j, "question");
		jw_string(j, question_id_at(c, r->question));
		jw_key(j, "option");
		jw_string(j, option_id_at(c, r->question, r->option));
		jw_key(j, "model");
		jw_string(j, content_model_id(c, r->model));
		jw_key(j, "push");
		jw_number(j, r->push);
		jw_close_object(j);
	}
	jw_close_array(j);
}

/* The answers that describe a two-part task, the pulls toward a split. */
static void json_two_part(const struct content *c, const struct verdict *v, struct json_writer *j)
{
	jw_key(j, "two_part");
	jw_open_array(j);
	for (size_t i = 0; i < v->nmixed; i++) {
		jw_open_object(j);
		jw_key(j, "question");
		jw_string(j, question_id_at(c, v->mixed[i].question));
		jw_key(j, "option");
		jw_string(j, option_id_at(c, v->mixed[i].question, v->mixed[i].option));
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_flips(const struct content *c, const struct verdict *v, struct json_writer *j)
{
	jw_key(j, "flips");
	jw_open_array(j);
	for (size_t i = 0; i < v->nflips; i++) {
		const struct flip *f = &v->flips[i];
		jw_open_object(j);
		jw_key(j, "question");
		jw_string(j, question_id_at(c, f->question));
		jw_key(j, "option");
		jw_string(j, option_id_at(c, f->question, f->option));
		jw_key(j, "question2");
		jw_string(j, question_id_at(c, f->question2));
		jw_key(j, "option2");
		jw_string(j, option_id_at(c, f->question2, f->option2));
		jw_key(j, "outcome");
		jw_string(j, outcome_id(c, f->to));
		jw_key(j, "strength");
		jw_string(j, strength_name(f->to.strength));
		jw_key(j, "tie");
		jw_bool(j, f->to.tie);
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_advisory_text(const struct advisory *ad, struct json_writer *j)
{
	jw_key(j, "id");
	jw_string(j, ad->id);
	jw_key(j, "title");
	jw_string(j, ad->title);
	jw_key(j, "text");
	jw_string(j, ad->text);
}

static const char *part_name(enum advisory_part part)
{
	return part == PART_WHERE ? "where" : "advice";
}

/* "part" tells the advice from where to source it, as the other reports do. */
static void json_advisories(const struct content *c, const struct verdict *v,
			    struct json_writer *j)
{
	jw_key(j, "advisories");
	jw_open_array(j);
	for (size_t i = 0; i < v->nadvisories; i++) {
		const struct advisory *ad = &c->advisories[v->advisories[i]];
		jw_open_object(j);
		json_advisory_text(ad, j);
		jw_key(j, "part");
		jw_string(j, part_name(ad->part));
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_cells(const struct content *c, const struct row *row, struct json_writer *j)
{
	jw_key(j, "cells");
	jw_open_object(j);
	for (size_t m = 0; m < c->nmodels; m++) {
		jw_key(j, c->models[m].id);
		jw_string(j, row->cells[m]);
	}
	jw_close_object(j);
}

static void json_comparison(const struct content *c, const struct verdict *v,
			    struct json_writer *j)
{
	jw_key(j, "comparison");
	jw_open_array(j);
	for (size_t r = 0; r < c->nrows; r++) {
		const struct row *row = &c->rows[r];
		jw_open_object(j);
		jw_key(j, "id");
		jw_string(j, row->id);
		jw_key(j, "dimension");
		jw_string(j, row->dimension);
		json_cells(c, row, j);
		jw_key(j, "marked");
		jw_string(j, content_model_id(c, v->row_side ? v->row_side[r] : -1));
		jw_close_object(j);
	}
	jw_close_array(j);
}

void report_write_json(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out)
{
	struct json_writer j;

	jw_init(&j, out);
	jw_open_object(&j);
	jw_key(&j, "title");
	jw_string(&j, c->title);
	jw_key(&j, "task"); /* the manager's name for it, or null */
	if (a && a->task)
		jw_string(&j, a->task);
	else
		jw_null(&j);
	json_recommendation(c, v, &j);
	json_scores(c, v, &j);
	json_answers(c, a, &j);
	jw_key(&j, "unsure");
	jw_int(&j, (long long)v->unsure);
	json_reasons(c, v, &j);
	json_two_part(c, v, &j);
	json_flips(c, v, &j);
	json_advisories(c, v, &j);
	json_comparison(c, v, &j);
	jw_close_object(&j);
}

/* ---- the content ---- */

static void json_textlist(const char *key, const struct textlist *l, struct json_writer *j)
{
	jw_key(j, key);
	jw_open_array(j);
	for (size_t i = 0; i < l->n; i++) {
		jw_open_object(j);
		jw_key(j, "id");
		jw_string(j, l->ids[i]);
		jw_key(j, "text");
		jw_string(j, l->texts[i]);
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_model(const struct model *m, struct json_writer *j)
{
	jw_open_object(j);
	jw_key(j, "id");
	jw_string(j, m->id);
	jw_key(j, "name");
	jw_string(j, m->name);
	jw_key(j, "full_name");
	jw_string(j, m->full_name);
	jw_key(j, "summary");
	jw_string(j, m->summary);
	jw_key(j, "description");
	jw_string(j, m->description);
	jw_key(j, "split_part");
	jw_string(j, m->split_part);
	json_textlist("services", &m->services, j);
	json_textlist("types", &m->types, j);
	json_textlist("benefits", &m->benefits, j);
	json_textlist("risks", &m->risks, j);
	json_textlist("mitigations", &m->mitigations, j);
	jw_close_object(j);
}

static void json_option(const struct content *c, const struct qoption *o, struct json_writer *j)
{
	jw_open_object(j);
	jw_key(j, "id");
	jw_string(j, o->id);
	jw_key(j, "label");
	jw_string(j, o->label);
	jw_key(j, "points");
	jw_open_object(j);
	for (size_t m = 0; m < c->nmodels; m++) {
		jw_key(j, c->models[m].id);
		jw_number(j, o->points ? o->points[m] : 0.0);
	}
	jw_close_object(j);
	jw_key(j, "tags");
	jw_open_array(j);
	for (size_t t = 0; t < o->ntags; t++)
		jw_string(j, o->tags[t]);
	jw_close_array(j);
	jw_key(j, "weaken");
	jw_int(j, o->weaken);
	jw_key(j, "unsure");
	jw_bool(j, o->unsure);
	jw_close_object(j);
}

static void json_question(const struct content *c, const struct question *q,
			  struct json_writer *j)
{
	jw_open_object(j);
	jw_key(j, "id");
	jw_string(j, q->id);
	jw_key(j, "title");
	jw_string(j, q->title);
	jw_key(j, "text");
	jw_string(j, q->text);
	jw_key(j, "help");
	jw_string(j, q->help);
	jw_key(j, "weight");
	jw_number(j, q->weight);
	jw_key(j, "options");
	jw_open_array(j);
	for (size_t o = 0; o < q->noptions; o++)
		json_option(c, &q->options[o], j);
	jw_close_array(j);
	jw_close_object(j);
}

static void json_content_rows(const struct content *c, struct json_writer *j)
{
	jw_key(j, "comparison");
	jw_open_array(j);
	for (size_t r = 0; r < c->nrows; r++) {
		const struct row *row = &c->rows[r];
		jw_open_object(j);
		jw_key(j, "id");
		jw_string(j, row->id);
		jw_key(j, "dimension");
		jw_string(j, row->dimension);
		json_cells(c, row, j);
		jw_key(j, "question");
		jw_string(j, question_id_at(c, row->question));
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_choice_refs(const struct content *c, const char *key,
			     const struct choice_ref *refs, size_t n, struct json_writer *j)
{
	jw_key(j, key);
	jw_open_array(j);
	for (size_t i = 0; i < n; i++) {
		jw_open_object(j);
		jw_key(j, "question");
		jw_string(j, question_id_at(c, refs[i].question));
		jw_key(j, "option");
		jw_string(j, option_id_at(c, refs[i].question, refs[i].option));
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_content_advisory(const struct content *c, const struct advisory *ad,
				  struct json_writer *j)
{
	int s = ad->when_strength;

	jw_open_object(j);
	json_advisory_text(ad, j);
	json_choice_refs(c, "when_any", ad->when_any, ad->nwhen_any, j);
	json_choice_refs(c, "when_all", ad->when_all, ad->nwhen_all, j);
	json_choice_refs(c, "unless_any", ad->unless_any, ad->nunless_any, j);
	jw_key(j, "part");
	jw_string(j, part_name(ad->part));
	jw_key(j, "when_tag");
	jw_string(j, ad->when_tag);
	jw_key(j, "when_tag_count");
	jw_int(j, ad->when_tag_count);
	jw_key(j, "when_strength");
	jw_string(j, s >= 0 && s < STRENGTH_COUNT ? strength_name((enum strength)s) : NULL);
	jw_close_object(j);
}

/* wizard.ini [background], the workshop page; null when the content has none. */
static void json_content_background(const struct background *b, struct json_writer *j)
{
	jw_key(j, "background");
	if (!b->title) {
		jw_null(j);
		return;
	}
	jw_open_object(j);
	jw_key(j, "title");
	jw_string(j, b->title);
	jw_key(j, "intro");
	jw_string(j, b->intro);
	json_textlist("facts", &b->facts, j);
	jw_close_object(j);
}

static void json_content_wording(const struct content *c, struct json_writer *j)
{
	jw_key(j, "title");
	jw_string(j, c->title);
	jw_key(j, "tagline");
	jw_string(j, c->tagline);
	jw_key(j, "welcome");
	jw_string(j, c->welcome);
	jw_key(j, "duration");
	jw_string(j, c->duration);
	jw_key(j, "not_sure");
	jw_string(j, c->not_sure);
	jw_key(j, "headline");
	jw_open_object(j);
	jw_key(j, strength_name(STRENGTH_CLEAR));
	jw_string(j, text_get(c, T_RESULT_HEADLINE_CLEAR));
	jw_key(j, strength_name(STRENGTH_LEANING));
	jw_string(j, text_get(c, T_RESULT_HEADLINE_LEANING));
	jw_key(j, strength_name(STRENGTH_SPLIT));
	jw_string(j, text_get(c, T_RESULT_HEADLINE_SPLIT));
	jw_close_object(j);
	jw_key(j, "split_detail");
	jw_string(j, text_get(c, T_RESULT_SPLIT_DETAIL));
	json_content_background(&c->background, j);
}

static void json_content_scoring(const struct content *c, struct json_writer *j)
{
	jw_key(j, "scoring");
	jw_open_object(j);
	jw_key(j, "clear");
	jw_number(j, c->scoring.clear);
	jw_key(j, "leaning");
	jw_number(j, c->scoring.leaning);
	jw_key(j, "unsure_per_step");
	jw_int(j, c->scoring.unsure_per_step);
	jw_key(j, "mixed_step");
	jw_number(j, c->scoring.mixed_step);
	jw_close_object(j);
}

void report_content_json(const struct content *c, struct strbuf *out)
{
	struct json_writer j;

	jw_init(&j, out);
	jw_open_object(&j);
	json_content_wording(c, &j);
	json_content_scoring(c, &j);
	jw_key(&j, "models");
	jw_open_array(&j);
	for (size_t m = 0; m < c->nmodels; m++)
		json_model(&c->models[m], &j);
	jw_close_array(&j);
	jw_key(&j, "questions");
	jw_open_array(&j);
	for (size_t q = 0; q < c->nquestions; q++)
		json_question(c, &c->questions[q], &j);
	jw_close_array(&j);
	json_content_rows(c, &j);
	jw_key(&j, "advisories");
	jw_open_array(&j);
	for (size_t a = 0; a < c->nadvisories; a++)
		json_content_advisory(c, &c->advisories[a], &j);
	jw_close_array(&j);
	jw_close_object(&j);
}
