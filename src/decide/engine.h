/* Scoring: from content and answers to a verdict. Everything the reports and
 * the screens show about a result is computed here, once. */
#ifndef OW_ENGINE_H
#define OW_ENGINE_H

#include <stddef.h>

#include "answers.h"
#include "content.h"

/* One answer's pull toward a model: its points for that model minus the most
 * it gives any other model, times the question weight. */
struct reason {
	int question;
	int option;
	int model;   /* the model it pushes toward */
	double push; /* > 0 */
};

/* A single changed answer that would change the recommended model. */
struct flip {
	int question;
	int option;     /* the answer that would flip it */
	int new_winner;
};

struct verdict {
	size_t nmodels;
	double *score;     /* [nmodels] */
	double *max_score; /* [nmodels]: the most this model could get */
	int winner;
	int runner_up;     /* -1 with a single model */
	double margin;     /* (winner - runner_up) / (winner + runner_up), 0..1 */
	enum strength raw_strength; /* from the margin alone */
	enum strength strength;     /* after Not sure answers and weakening answers */
	size_t unsure;              /* "Not sure" and unanswered questions */
	struct reason *reasons;     /* every pull, strongest first */
	size_t nreasons;
	struct flip *flips;
	size_t nflips;
	int *advisories;   /* indexes into content.advisories, in content order */
	size_t nadvisories;
	int *row_side;     /* [nrows]: the model an answer points a row to, or -1 */
};

void engine_decide(const struct content *c, const struct answers *a, struct verdict *v);
void verdict_free(struct verdict *v);

/* The recommendation headline, texts.ini [result] headline_<strength> with
 * {model} filled: "We recommend KPO". Malloc'd. */
char *verdict_headline(const struct content *c, const struct verdict *v);
/* For close calls the split sentence ([result] close_detail), otherwise NULL. */
char *verdict_split_detail(const struct content *c, const struct verdict *v);
/* How many reasons of each kind a result shows, on the screen and in every
 * report: enough to explain, few enough to read. */
#define VERDICT_REASONS_FOR 3
#define VERDICT_REASONS_AGAINST 2

/* Picks the reasons to show, strongest first: up to max toward the winner
 * (toward_winner) or toward any other model. Fills idx with indexes into
 * v->reasons and returns how many. */
size_t verdict_pick_reasons(const struct verdict *v, int toward_winner, size_t max, size_t *idx);
/* Score as a whole percentage of the model's maximum, for bars. */
int verdict_percent(const struct verdict *v, size_t model);

#endif
