/* Scoring: from content and answers to a verdict. Everything the reports and
 * the screens show about a result is computed here, once. The rule in plain
 * words is in README.md, "How the verdict is reached". */
#ifndef OW_ENGINE_H
#define OW_ENGINE_H

#include <stddef.h>

#include "answers.h"
#include "content.h"

/* One answer's pull toward a model: its points for that model minus the most
 * it gives any other model, times the question weight. A two-part answer
 * (tag mixed) pulls toward a split instead: in v->mixed, model -1, push its
 * question weight. */
struct reason {
	int question;
	int option;
	int model;   /* the model it pushes toward, or -1 toward a split */
	double push; /* > 0 */
};

/* What a result is, in the terms a manager reads: a split, or a model with a
 * strength. Two outcomes are the same when both are splits, or both name the
 * same model with the same strength. */
struct outcome {
	int model;             /* the model ahead; for a split the one ahead on points */
	enum strength strength;
	int tie;               /* no model ahead on points: always a split */
};

/* One or two changed answers and the outcome they would give, found by
 * running the engine again with them. */
struct flip {
	int question, option;
	int question2, option2; /* -1 for a single change */
	struct outcome to;
};

/* Why the strength is lower than the balance alone would give. */
struct lowering {
	enum { LOWER_MIXED, LOWER_UNSURE, LOWER_ANSWER } kind;
	int question, option; /* LOWER_ANSWER: the answer with weaken_why */
	size_t count;         /* LOWER_MIXED and LOWER_UNSURE: how many answers */
};

struct verdict {
	size_t nmodels;
	double *score; /* [nmodels] */
	int winner;    /* the model ahead on points (the first of equals: see tie) */
	int runner_up; /* -1 with a single model */
	int tie;       /* winner and runner-up have the same points */
	/* The balance bar: left and right are the two models shown at its ends
	 * (winner and runner-up in content order). balance runs from -1, every
	 * point to left, to +1, every point to right. */
	int left, right;
	double balance;
	double split_band; /* |balance| below this reads as a split */
	double clear_band; /* |balance| from this reads as clear */
	double margin;     /* (winner - runner_up) / (winner + runner_up), 0..1 */
	double lead;       /* margin less the two-part allowance: strength comes from it */
	struct reason *mixed; /* the answers tagged mixed, heaviest first */
	size_t nmixed;
	enum strength band_strength; /* from the margin alone, before any lowering */
	enum strength strength;      /* the result */
	struct lowering *lowered;    /* why strength < band_strength, in this order */
	size_t nlowered;
	int lowered_steps;
	size_t unsure;          /* "Not sure" and unanswered questions */
	struct reason *reasons; /* every pull, strongest first */
	size_t nreasons;
	struct flip *flips;     /* single changes that change the outcome's model or
				   split; if there are none, at most one pair */
	size_t nflips;
	int *advisories;        /* indexes into content.advisories, in content order */
	size_t nadvisories;
	int *row_side;          /* [nrows]: the model an answer points a row to, or -1 */
};

void engine_decide(const struct content *c, const struct answers *a, struct verdict *v);
void verdict_free(struct verdict *v);

/* The outcome alone, without reasons, flips or advisories: what flips use. */
struct outcome engine_outcome(const struct content *c, const struct answers *a);
struct outcome verdict_outcome(const struct verdict *v);
/* Whether two outcomes recommend something different: another model, or a
 * split instead of a model (a change of strength alone is not a flip). */
int outcome_differs(struct outcome a, struct outcome b);
/* Steps between outcomes on the line clear-leaning-split-leaning-clear. */
int outcome_steps(struct outcome a, struct outcome b);
/* What the outcome is called in reports, logs and fixtures: "split" or the
 * model's id. */
const char *outcome_id(const struct content *c, struct outcome o);

/* How many reasons of each kind a result shows, on the screen and in every
 * report: enough to explain, few enough to read. */
#define VERDICT_REASONS_FOR 3
#define VERDICT_REASONS_AGAINST 2

/* Picks the reasons to show, strongest first: up to max toward the winner
 * (toward_winner) or toward any other model. In a split, toward_winner picks
 * the pulls toward left and the other the pulls toward right, so both sides
 * are shown. Fills idx with indexes into v->reasons and returns how many. */
size_t verdict_pick_reasons(const struct verdict *v, int toward_winner, size_t max, size_t *idx);

/* How many of the shown advisories are of one part (advice or where). */
size_t verdict_count_part(const struct content *c, const struct verdict *v, enum advisory_part part);

/* ---- words (verdict_text.c), each malloc'd ---- */

/* "We recommend KPO", "BPO looks the better fit", "Split the work between
 * BPO and KPO". */
char *verdict_headline(const struct content *c, const struct verdict *v);
/* For a split, who takes which part ([result] split_detail), otherwise NULL. */
char *verdict_split_detail(const struct content *c, const struct verdict *v);
/* The strength as a word, with why it was lowered: "leaning, one step lower
 * because the data is regulated or secret". */
char *verdict_strength_text(const struct content *c, const struct verdict *v);
/* What a flip would make the result: "would make it a split". */
char *flip_result_text(const struct content *c, const struct flip *f);
/* The whole line for a flip, as the text report and the screen show it. */
char *flip_line(const struct content *c, const struct flip *f);

#endif
