/* "What would change this": every single changed answer that gives another
 * outcome (another model, or a split instead of a model, or the reverse),
 * found by running the engine again with that answer. When none does, the
 * first pair of changes that would, in question order. */
#include <stdlib.h>
#include <string.h>

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

/* The outcome with question q answered k instead; NULL-safe on nothing. */
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
		const struct question *qu = &tr->c->questions[q];
		for (size_t k = 0; k < qu->noptions; k++) {
			struct outcome to;
			if ((int)k == answers_choice(a, q) || !real_option(qu, k) || !try_change(tr, q, k, &to))
				continue;
			add_flip(v, &tr->cap, (struct flip){(int)q, (int)k, -1, -1, to});
		}
	}
}

/* The first pair (in question order) that changes the outcome together. */
static void pair_flip(struct trial *tr, const struct answers *a, struct verdict *v)
{
	const struct content *c = tr->c;

	for (size_t q = 0; q < c->nquestions; q++)
		for (size_t k = 0; k < c->questions[q].noptions; k++) {
			if ((int)k == answers_choice(a, q) || !real_option(&c->questions[q], k))
				continue;
			int was = tr->t.choice[q];
			tr->t.choice[q] = (int)k;
			for (size_t q2 = q + 1; q2 < c->nquestions; q2++)
				for (size_t k2 = 0; k2 < c->questions[q2].noptions; k2++) {
					struct outcome to;
					if ((int)k2 == answers_choice(a, q2) ||
					    !real_option(&c->questions[q2], k2) || !try_change(tr, q2, k2, &to))
						continue;
					add_flip(v, &tr->cap, (struct flip){(int)q, (int)k, (int)q2, (int)k2, to});
					tr->t.choice[q] = was;
					return;
				}
			tr->t.choice[q] = was;
		}
}

void find_flips(const struct content *c, const struct answers *a, struct verdict *v)
{
	struct trial tr = {c, {xcalloc(c->nquestions ? c->nquestions : 1, sizeof(int)), c->nquestions},
			   verdict_outcome(v), 0};

	for (size_t q = 0; q < c->nquestions; q++)
		tr.t.choice[q] = answers_choice(a, q);
	single_flips(&tr, a, v);
	if (v->nflips == 0)
		pair_flip(&tr, a, v);
	free(tr.t.choice);
}
