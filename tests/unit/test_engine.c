#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "engine.h"
#include "testutil.h"

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
