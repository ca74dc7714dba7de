#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "engine.h"
#include "testutil.h"
#include "xalloc.h"

static struct content c;
static struct diags d;
static struct answers a;
static struct verdict v;

static void teardown(void)
{
	verdict_free(&v);
	answers_free(&a);
	content_free(&c);
	diags_free(&d);
}

static void decide(const char *set, const char *spec)
{
	if (!c.nmodels)
		cr_assert_eq(load_fixture(set, -1, NULL, &c, &d), 0, "%s", diag_text(&d));
	answers_free(&a);
	verdict_free(&v);
	answers_from(&c, spec, &a);
	engine_decide(&c, &a, &v);
}

static void decide_shipped(const char *spec)
{
	if (!c.nmodels)
		cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "%s", diag_text(&d));
	decide(NULL, spec);
}

TestSuite(engine, .fini = teardown);

Test(engine, routine_high_volume_is_clear_bpo)
{
	decide_shipped("routineness=scripted expertise=basic volume=high collaboration=handoff "
		       "decisions=rules reason=cost output=transactions quality=numbers impact=support "
		       "facing=internal process=documented data=none");
	cr_assert_str_eq(c.models[v.winner].id, "bpo");
	cr_assert_eq(v.strength, STRENGTH_CLEAR);
	cr_assert_eq(v.reasons[0].model, v.winner);
}

Test(engine, expert_collaborative_is_clear_kpo)
{
	decide_shipped("routineness=varied expertise=professional volume=projects collaboration=close "
		       "decisions=judgment reason=expertise output=analysis quality=expert "
		       "impact=decisions facing=advisers process=partly data=none");
	cr_assert_str_eq(c.models[v.winner].id, "kpo");
	cr_assert_eq(v.strength, STRENGTH_CLEAR);
	char *h = verdict_headline(&c, &v);
	cr_assert_str_eq(h, "We recommend KPO");
	free(h);
}

Test(engine, margins_give_strength)
{
	decide("mini", "routine=same volume=low data=plain");
	/* alpha 9, beta 4: margin 5/13 = 0.38: clear */
	cr_assert_eq(v.strength, STRENGTH_CLEAR);
	decide("mini", "routine=varied volume=high data=plain");
	/* alpha 6, beta 9: margin 0.2: leaning beta */
	cr_assert_eq(v.winner, 1);
	cr_assert_eq(v.strength, STRENGTH_LEANING);
	decide("mini", "routine=mixed data=plain volume=high");
	/* alpha 3+6 = 9, beta 3: margin 0.5 */
	cr_assert_eq(v.winner, 0);
	cr_assert_eq(v.strength, STRENGTH_CLEAR);
}

Test(engine, middle_answers_are_a_split)
{
	decide_shipped("routineness=partly expertise=trained volume=moderate collaboration=checkins "
		       "decisions=mostly reason=both output=reports quality=partly impact=essential "
		       "facing=internal process=partly data=none");
	cr_assert_eq(v.strength, STRENGTH_SPLIT, "margin %f", v.margin);
	char *split = verdict_split_detail(&c, &v);
	cr_assert_not_null(split);
	cr_assert(strstr(split, "BPO") && strstr(split, "KPO"), "%s", split);
	free(split);
}

Test(engine, flips_are_exact)
{
	/* alpha: 3*3 + 2*3 = 15, beta 0. Changing routine to varied: alpha 6, beta 9: flips.
	 * Changing volume to low: alpha 9, beta 4: no flip. */
	decide("mini", "routine=same volume=high data=plain");
	cr_assert_eq(v.winner, 0);
	cr_assert_eq(v.nflips, 1);
	cr_assert_eq(v.flips[0].question, 0);
	cr_assert_str_eq(c.questions[0].options[v.flips[0].option].id, "varied");
	cr_assert_eq(v.flips[0].to.model, 1);
	cr_assert_eq(v.flips[0].question2, -1);
	/* each flip really flips, checked by recomputing */
	struct answers b;
	struct verdict w;
	answers_from(&c, "routine=varied volume=high data=plain", &b);
	engine_decide(&c, &b, &w);
	cr_assert_eq(w.winner, 1);
	verdict_free(&w);
	answers_free(&b);
}

Test(engine, not_sure_lowers_strength)
{
	decide("mini", "routine=same volume=high data=plain");
	cr_assert_eq(v.strength, STRENGTH_CLEAR);
	decide("mini", "routine=same volume=high data=not_sure");
	cr_assert_eq(v.unsure, 1);
	cr_assert_eq(v.strength, STRENGTH_CLEAR); /* 1 < unsure_per_step (2) */
	decide("mini", "routine=same volume=high");
	cr_assert_eq(v.unsure, 1);
	answers_free(&a);
	verdict_free(&v);
	answers_from(&c, "routine=same", &a);
	engine_decide(&c, &a, &v);
	cr_assert_eq(v.unsure, 2);
	cr_assert_eq(v.band_strength, STRENGTH_CLEAR);
	cr_assert_eq(v.strength, STRENGTH_LEANING);
}

Test(engine, weakening_answer_and_advisories)
{
	decide("mini", "routine=same volume=high data=regulated");
	cr_assert_eq(v.band_strength, STRENGTH_CLEAR);
	cr_assert_eq(v.strength, STRENGTH_LEANING);
	cr_assert_eq(v.nadvisories, 2);
	cr_assert_str_eq(c.advisories[v.advisories[0]].id, "data_checks");
	cr_assert_str_eq(c.advisories[v.advisories[1]].id, "automate");
}

Test(engine, row_marks_follow_answers)
{
	decide("mini", "routine=varied volume=high data=plain");
	cr_assert_eq(v.row_side[0], 1);
	cr_assert_eq(v.row_side[1], 0);
	cr_assert_eq(v.row_side[2], -1);
	decide("mini", "routine=mixed volume=not_sure data=plain");
	cr_assert_eq(v.row_side[0], -1); /* a tie points nowhere */
	cr_assert_eq(v.row_side[1], -1);
}

Test(engine, third_model_works)
{
	decide("captive", "routine=mixed volume=low data=regulated");
	/* alpha 3, beta 3+4 = 7, captive 15 */
	cr_assert_str_eq(c.models[v.winner].id, "captive");
	cr_assert_eq(v.nmodels, 3);
	cr_assert_str_eq(c.models[v.runner_up].id, "beta");
	/* the balance runs between the two leaders, in content order */
	cr_assert_str_eq(c.models[v.left].id, "beta");
	cr_assert_str_eq(c.models[v.right].id, "captive");
	cr_assert_gt(v.balance, 0);
}

Test(engine, nothing_answered_is_a_split)
{
	decide("mini", "");
	cr_assert_eq(v.strength, STRENGTH_SPLIT);
	cr_assert_eq(v.unsure, 3);
	cr_assert_eq(v.nreasons, 0);
}

/* Every flip is checked by running the engine again with its changes: the
 * outcome it reports is the one a fresh run gives, and it differs from now. */
static void expect_flips_match_rerun(void)
{
	for (size_t i = 0; i < v.nflips; i++) {
		const struct flip *f = &v.flips[i];
		struct answers b = {xcalloc(c.nquestions, sizeof(int)), c.nquestions, NULL};
		struct verdict w;
		memcpy(b.choice, a.choice, c.nquestions * sizeof(int));
		b.choice[f->question] = f->option;
		if (f->question2 >= 0)
			b.choice[f->question2] = f->option2;
		engine_decide(&c, &b, &w);
		struct outcome got = verdict_outcome(&w);
		cr_expect_eq(got.model, f->to.model, "flip %zu: model", i);
		cr_expect_eq(got.strength, f->to.strength, "flip %zu: strength", i);
		cr_expect_eq(got.tie, f->to.tie, "flip %zu: tie", i);
		cr_expect(outcome_differs(verdict_outcome(&v), got), "flip %zu changes nothing", i);
		verdict_free(&w);
		answers_free(&b);
	}
}

Test(engine, flips_say_what_a_rerun_gives)
{
	static const char *const specs[] = {
		"routineness=scripted expertise=basic volume=moderate collaboration=handoff decisions=mostly "
		"reason=cost output=reports quality=partly impact=support facing=internal "
		"process=partly data=none",
		"routineness=partly expertise=trained volume=moderate collaboration=checkins "
		"decisions=mostly reason=both output=reports quality=partly impact=essential "
		"facing=internal process=partly data=regulated",
		"routineness=varied expertise=professional volume=projects collaboration=checkins "
		"decisions=mostly reason=both output=analysis quality=partly impact=decisions "
		"facing=advisers process=partly data=personal",
	};
	for (size_t s = 0; s < sizeof specs / sizeof specs[0]; s++) {
		decide_shipped(specs[s]);
		cr_expect_gt(v.nflips, 0, "spec %zu has no flip", s);
		expect_flips_match_rerun();
	}
}

Test(engine, a_split_flips_to_a_model_and_says_which)
{
	decide_shipped("routineness=partly expertise=trained volume=moderate collaboration=checkins "
		       "decisions=mostly reason=both output=reports quality=partly impact=essential "
		       "facing=internal process=partly data=none");
	cr_assert_eq(v.strength, STRENGTH_SPLIT);
	int to_model = 0;
	for (size_t i = 0; i < v.nflips; i++) {
		cr_expect_neq(v.flips[i].to.strength, STRENGTH_SPLIT);
		to_model += v.flips[i].to.model >= 0;
		char *line = flip_line(&c, &v.flips[i]);
		cr_expect(strstr(line, "would tip it to") || strstr(line, "the clear choice"), "%s", line);
		free(line);
	}
	cr_expect_gt(to_model, 0);
}

Test(engine, a_tie_is_a_split_not_the_first_model)
{
	/* alpha 3 (routine mixed 1*3), beta 3: level */
	decide("mini", "routine=mixed volume=not_sure data=plain");
	cr_assert(v.tie);
	cr_assert_eq(v.strength, STRENGTH_SPLIT);
	char *h = verdict_headline(&c, &v);
	cr_expect(strstr(h, c.models[0].name) && strstr(h, c.models[1].name), "names both: %s", h);
	free(h);
	struct outcome o = verdict_outcome(&v);
	cr_expect_str_eq(outcome_id(&c, o), "split");
	/* and a flip into a tie says so */
	decide("mini", "routine=same volume=low data=plain"); /* alpha 9, beta 4 */
	for (size_t i = 0; i < v.nflips; i++)
		if (v.flips[i].to.tie) {
			char *r = flip_result_text(&c, &v.flips[i]);
			cr_expect(strstr(r, "level"), "%s", r);
			free(r);
		}
}

Test(engine, no_single_flip_gives_a_pair)
{
	/* alpha 3*3 + 2*3 = 15, beta 0: only routine=varied flips on its own */
	decide("mini", "routine=same volume=high data=plain");
	cr_assert_eq(v.nflips, 1);
	cr_assert_eq(v.flips[0].question2, -1);
	/* the shipped content: animation for a launch, clear KPO, no one answer turns it */
	content_free(&c);
	decide_shipped("routineness=varied expertise=professional volume=projects collaboration=checkins "
		       "decisions=judgment reason=expertise output=creative quality=expert impact=support "
		       "facing=customers process=partly data=none");
	cr_assert_eq(v.nflips, 1, "one pair, not %zu flips", v.nflips);
	cr_assert_geq(v.flips[0].question2, 0);
	cr_assert_gt(v.flips[0].question2, v.flips[0].question);
	expect_flips_match_rerun();
	char *line = flip_line(&c, &v.flips[0]);
	cr_expect(strstr(line, "together"), "%s", line);
	free(line);
	/* a task wholly on one side: neither one nor two answers turn it */
	decide_shipped("routineness=scripted expertise=basic volume=high collaboration=handoff "
		       "decisions=rules reason=cost output=transactions quality=numbers impact=support "
		       "facing=internal process=documented data=none");
	cr_expect_eq(v.nflips, 0);
}

Test(engine, strength_says_why_it_was_lowered)
{
	decide("mini", "routine=same volume=high data=regulated");
	cr_assert_eq(v.band_strength, STRENGTH_CLEAR);
	cr_assert_eq(v.strength, STRENGTH_LEANING);
	cr_assert_eq(v.nlowered, 1);
	cr_assert_eq(v.lowered[0].kind, LOWER_ANSWER);
	char *s = verdict_strength_text(&c, &v);
	cr_expect_str_eq(s, "leaning, one step lower because the data is regulated");
	free(s);
	decide("mini", "routine=same volume=high data=plain");
	s = verdict_strength_text(&c, &v);
	cr_expect_str_eq(s, "clear");
	free(s);
	cr_expect_eq(v.nlowered, 0);
}

Test(engine, two_part_answers_lower_into_a_split)
{
	/* margin 0.21 alone would lean BPO; six two-part answers make it a split,
	 * though no answer pulls toward KPO */
	decide_shipped("routineness=partly expertise=trained volume=moderate collaboration=checkins "
		       "decisions=mostly reason=both output=reports quality=partly impact=essential "
		       "facing=internal process=partly data=regulated");
	cr_assert_eq(v.band_strength, STRENGTH_LEANING, "margin %f", v.margin);
	cr_assert_eq(v.strength, STRENGTH_SPLIT);
	cr_assert_eq(v.nmixed, 6);
	cr_assert_eq(v.nlowered, 1, "regulated data does not lower a split further");
	cr_assert_eq(v.lowered[0].kind, LOWER_MIXED);
	cr_expect_lt(v.balance > 0 ? v.balance : -v.balance, v.split_band);
	size_t idx[4];
	cr_expect_eq(verdict_pick_reasons(&v, 0, 4, idx), 0);
	/* CAD drafting from mark-ups: pulls both ways, and "Why" picks each side */
	decide_shipped("routineness=partly expertise=trained volume=moderate collaboration=checkins "
		       "decisions=mostly reason=cost output=creative quality=partly impact=essential "
		       "facing=internal process=documented data=none");
	cr_assert_eq(v.strength, STRENGTH_SPLIT);
	size_t n = verdict_pick_reasons(&v, 1, 4, idx);
	cr_expect_gt(n, 0, "pulls toward the left model");
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(v.reasons[idx[i]].model, v.left);
	n = verdict_pick_reasons(&v, 0, 4, idx);
	cr_expect_gt(n, 0, "and toward the right one");
	for (size_t i = 0; i < n; i++)
		cr_expect_eq(v.reasons[idx[i]].model, v.right);
}

Test(engine, outcome_steps_count_the_line)
{
	struct outcome bc = {0, STRENGTH_CLEAR, 0}, bl = {0, STRENGTH_LEANING, 0};
	struct outcome sp = {1, STRENGTH_SPLIT, 0}, kl = {1, STRENGTH_LEANING, 0}, kc = {1, STRENGTH_CLEAR, 0};
	cr_expect_eq(outcome_steps(bc, bl), 1);
	cr_expect_eq(outcome_steps(bc, sp), 2);
	cr_expect_eq(outcome_steps(bl, kl), 2);
	cr_expect_eq(outcome_steps(bc, kc), 4);
	cr_expect_eq(outcome_steps(sp, (struct outcome){0, STRENGTH_SPLIT, 1}), 0);
	cr_expect(!outcome_differs(bc, bl), "a change of strength alone is no flip");
	cr_expect(outcome_differs(bl, sp));
	cr_expect(!outcome_differs(sp, (struct outcome){0, STRENGTH_SPLIT, 0}));
}

/* The scenarios' sensitivity test, on random answer sets: changing one answer
 * to a neighbouring option never moves the outcome two steps. */
Test(engine, neighbour_changes_never_jump_two_steps)
{
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "%s", diag_text(&d));
	answers_init(&a, &c);
	unsigned seed = 12345;
	size_t checked = 0;
	for (int set = 0; set < 4000; set++) {
		for (size_t q = 0; q < c.nquestions; q++)
			a.choice[q] = (int)(rand_r(&seed) % (c.questions[q].noptions - 1)); /* no Not sure */
		struct outcome now = engine_outcome(&c, &a);
		for (size_t q = 0; q < c.nquestions; q++) {
			int was = a.choice[q];
			for (int step = -1; step <= 1; step += 2) {
				int k = was + step;
				if (k < 0 || (size_t)k >= c.questions[q].noptions - 1)
					continue;
				a.choice[q] = k;
				struct outcome then = engine_outcome(&c, &a);
				checked++;
				cr_assert_leq(outcome_steps(now, then), 1, "set %d: %s %s -> %s jumps %d steps", set,
					      c.questions[q].id, c.questions[q].options[was].id,
					      c.questions[q].options[k].id, outcome_steps(now, then));
			}
			a.choice[q] = was;
		}
	}
	cr_expect_gt(checked, 50000);
}
