/* "What would change this": every single changed answer that gives another
 * outcome (another model, or a split instead of a model, or the reverse),
 * found by running the engine again with that answer. When none does, the
 * first pair of changes that would, in question order. */
#include <stdlib.h>

#include "flips.h"
#include "xalloc.h"

struct trial {
	const struct content *c;
	struct answers t; /* a copy of the answers, changed one or two at a time */
	struct outcome now;
	size_t cap;
};

static int real_option(const struct question *q, size_t k)
{
	return !q->options[k].unsure;
}

/* Another answer than the one given, and not "Not sure". */
static int other_real(const struct content *c, const struct answers *a, size_t q, size_t k)
{
	return (int)k != answers_choice(a, q) && real_option(&c->questions[q], k);
}

/* The outcome with question q answered k instead, and whether it differs. */
static int try_change(struct trial *tr, size_t q, size_t k, struct outcome *to)
{
	int was = tr->t.choice[q];
	tr->t.choice[q] = (int)k;
	*to = engine_outcome(tr->c, &tr->t);
	tr->t.choice[q] = was;
	return outcome_differs(tr->now, *to);
}

static void add_flip(struct verdict *v, size_t *cap, struct flip f)
{
	v->flips = xgrow(v->flips, cap, v->nflips + 1, sizeof *v->flips);
	v->flips[v->nflips++] = f;
}

static void single_flips(struct trial *tr, const struct answers *a, struct verdict *v)
{
	for (size_t q = 0; q < tr->c->nquestions; q++) {
		for (size_t k = 0; k < tr->c->questions[q].noptions; k++) {
			struct outcome to;
			if (!other_real(tr->c, a, q, k) || !try_change(tr, q, k, &to))
				continue;
			add_flip(v, &tr->cap, (struct flip){(int)q, (int)k, -1, -1, to});
		}
	}
}

/* With question q already changed in the trial: the first later change that
 * turns the outcome, added as a pair. */
static int pair_with(struct trial *tr, const struct answers *a, struct verdict *v, size_t q)
{
	for (size_t q2 = q + 1; q2 < tr->c->nquestions; q2++)
		for (size_t k2 = 0; k2 < tr->c->questions[q2].noptions; k2++) {
			struct outcome to;
			if (!other_real(tr->c, a, q2, k2) || !try_change(tr, q2, k2, &to))
				continue;
			add_flip(v, &tr->cap, (struct flip){(int)q, tr->t.choice[q], (int)q2, (int)k2, to});
			return 1;
		}
	return 0;
}

/* The first pair (in question order) that changes the outcome together. */
static void pair_flip(struct trial *tr, const struct answers *a, struct verdict *v)
{
	for (size_t q = 0; q < tr->c->nquestions; q++)
		for (size_t k = 0; k < tr->c->questions[q].noptions; k++) {
			if (!other_real(tr->c, a, q, k))
				continue;
			tr->t.choice[q] = (int)k;
			int found = pair_with(tr, a, v, q);
			tr->t.choice[q] = answers_choice(a, q);
			if (found)
				return;
		}
}

void find_flips(const struct content *c, const struct answers *a, struct verdict *v)
{
	struct trial tr = {c, {xcalloc(c->nquestions ? c->nquestions : 1, sizeof(int)), c->nquestions, NULL},
			   verdict_outcome(v), 0};

	for (size_t q = 0; q < c->nquestions; q++)
		tr.t.choice[q] = answers_choice(a, q);
	single_flips(&tr, a, v);
	if (v->nflips == 0)
		pair_flip(&tr, a, v);
	free(tr.t.choice);
}
