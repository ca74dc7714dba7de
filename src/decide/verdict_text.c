/* The verdict in words, from texts.ini [result] and [strength]: the same
 * sentences on the screen and in every report. */
#include <stdio.h>
#include <stdlib.h>

#include "engine.h"
#include "texts.h"
#include "xalloc.h"

char *verdict_headline(const struct content *c, const struct verdict *v)
{
	if (v->strength == STRENGTH_SPLIT)
		return text_fmt(c, T_RESULT_HEADLINE_SPLIT, "first", content_model_name(c, v->left),
				"second", content_model_name(c, v->right), NULL);
	return text_fmt(c, v->strength == STRENGTH_CLEAR ? T_RESULT_HEADLINE_CLEAR : T_RESULT_HEADLINE_LEANING,
			"model", content_model_name(c, v->winner), NULL);
}

char *verdict_split_detail(const struct content *c, const struct verdict *v)
{
	const struct model *a = content_model_at(c, v->left), *b = content_model_at(c, v->right);

	if (v->strength != STRENGTH_SPLIT || !a || !b || a == b)
		return NULL;
	return text_fmt(c, T_RESULT_SPLIT_DETAIL, "first", a->name, "second", b->name, "first_part",
			a->split_part, "second_part", b->split_part, NULL);
}

static char *lowering_text(const struct content *c, const struct lowering *l)
{
	char n[24];

	snprintf(n, sizeof n, "%zu", l->count);
	if (l->kind == LOWER_MIXED)
		return text_fmt(c, T_RESULT_WHY_MIXED, "count", n, NULL);
	if (l->kind == LOWER_UNSURE)
		return text_fmt(c, T_RESULT_WHY_UNSURE, "count", n, NULL);
	const struct qoption *o = &c->questions[l->question].options[l->option];
	return xstrdup(o->weaken_why ? o->weaken_why : o->label); /* the check requires a why */
}

/* "a", "a and b", "a and b and c": each reason joined with [result] why_and. */
static char *joined_whys(const struct content *c, const struct verdict *v)
{
	char *all = NULL;

	for (size_t i = 0; i < v->nlowered; i++) {
		char *one = lowering_text(c, &v->lowered[i]);
		if (!all) {
			all = one;
			continue;
		}
		char *both = text_fmt(c, T_RESULT_WHY_AND, "first", all, "second", one, NULL);
		free(all);
		free(one);
		all = both;
	}
	return all;
}

char *verdict_strength_text(const struct content *c, const struct verdict *v)
{
	const char *word = text_strength(c, v->strength);
	char *why = v->lowered_steps > 0 ? joined_whys(c, v) : NULL;
	char steps[24];

	if (!why)
		return xstrdup(word);
	snprintf(steps, sizeof steps, "%d", v->lowered_steps);
	char *s = v->lowered_steps == 1
			  ? text_fmt(c, T_RESULT_LOWERED_ONE, "strength", word, "why", why, NULL)
			  : text_fmt(c, T_RESULT_LOWERED_MANY, "strength", word, "why", why, "steps", steps, NULL);
	free(why);
	return s;
}

char *flip_result_text(const struct content *c, const struct flip *f)
{
	const char *model = content_model_name(c, f->to.model);

	if (f->to.tie)
		return text_fmt(c, T_RESULT_TO_TIE, NULL);
	if (f->to.strength == STRENGTH_SPLIT)
		return text_fmt(c, T_RESULT_TO_SPLIT, NULL);
	return text_fmt(c, f->to.strength == STRENGTH_CLEAR ? T_RESULT_TO_CLEAR : T_RESULT_TO_LEANING,
			"model", model, NULL);
}

char *flip_line(const struct content *c, const struct flip *f)
{
	char *result = flip_result_text(c, f);
	char *line;

	if (f->question2 < 0)
		line = text_fmt(c, T_RESULT_FLIP, "question", content_question_title(&c->questions[f->question]),
				"answer", content_option_label_at(c, f->question, f->option), "result", result, NULL);
	else
		line = text_fmt(c, T_RESULT_FLIP_PAIR, "question",
				content_question_title(&c->questions[f->question]), "answer",
				content_option_label_at(c, f->question, f->option), "question2",
				content_question_title(&c->questions[f->question2]), "answer2",
				content_option_label_at(c, f->question2, f->option2), "result", result, NULL);
	free(result);
	return line;
}
