/* The wizard's state machine, driven without a terminal. */
#include <criterion/criterion.h>

#include "flow.h"
#include "testutil.h"

static struct content c;
static struct answers a;
static struct flow f;

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(load_fixture("mini", F_WIZARD, NULL, &c, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	answers_init(&a, &c);
	flow_init(&f, &c, &a);
}

static void teardown(void)
{
	answers_free(&a);
	content_free(&c);
}

TestSuite(flow, .init = setup, .fini = teardown, .timeout = 10);

Test(flow, starts_at_welcome_and_back_does_nothing_there)
{
	cr_assert_eq(f.step, FLOW_WELCOME);
	cr_assert_eq(flow_apply(&f, FLOW_BACK, 0), 0);
	cr_assert_eq(flow_apply(&f, FLOW_UP, 0), 0);
	cr_assert_eq(flow_apply(&f, FLOW_PICK, 0), 0);
	cr_assert_eq(f.step, FLOW_WELCOME);
}

Test(flow, confirm_walks_every_question_to_the_review)
{
	cr_assert(flow_apply(&f, FLOW_CONFIRM, 0));
	for (size_t q = 0; q < c.nquestions; q++) {
		cr_assert_eq(f.step, FLOW_QUESTION);
		cr_assert_eq(f.question, (int)q);
		cr_assert_eq(f.cursor, 0);
		cr_assert(flow_apply(&f, FLOW_DOWN, 0));
		cr_assert(flow_apply(&f, FLOW_CONFIRM, 0));
		cr_assert_eq(a.choice[q], 1);
	}
	cr_assert_eq(f.step, FLOW_REVIEW);
	cr_assert_eq(f.cursor, (int)c.nquestions, "the cursor waits on See the result");
	cr_assert(flow_complete(&f));
	cr_assert(flow_apply(&f, FLOW_CONFIRM, 0));
	cr_assert_eq(f.step, FLOW_RESULT);
	cr_assert(f.reached);
}

Test(flow, cursor_stays_inside_the_options)
{
	flow_apply(&f, FLOW_CONFIRM, 0);
	int n = flow_items(&f);
	cr_assert_eq(n, (int)c.questions[0].noptions);
	cr_assert(c.questions[0].options[n - 1].unsure, "the last option is Not sure");
	cr_assert_eq(flow_apply(&f, FLOW_UP, 0), 0);
	cr_assert(flow_apply(&f, FLOW_LAST, 0));
	cr_assert_eq(f.cursor, n - 1);
	cr_assert_eq(flow_apply(&f, FLOW_DOWN, 0), 0);
	cr_assert(flow_apply(&f, FLOW_FIRST, 0));
	cr_assert_eq(f.cursor, 0);
}

Test(flow, pick_answers_and_goes_on_out_of_range_does_nothing)
{
	flow_apply(&f, FLOW_CONFIRM, 0);
	cr_assert_eq(flow_apply(&f, FLOW_PICK, 99), 0);
	cr_assert_eq(flow_apply(&f, FLOW_PICK, -1), 0);
	cr_assert_eq(f.question, 0);
	cr_assert(flow_apply(&f, FLOW_PICK, 2));
	cr_assert_eq(a.choice[0], 2);
	cr_assert_eq(f.question, 1);
}

Test(flow, back_keeps_answers_and_shows_them)
{
	flow_apply(&f, FLOW_CONFIRM, 0);
	flow_apply(&f, FLOW_PICK, 2);
	flow_apply(&f, FLOW_PICK, 1);
	cr_assert_eq(f.question, 2);
	cr_assert(flow_apply(&f, FLOW_BACK, 0));
	cr_assert_eq(f.question, 1);
	cr_assert_eq(f.cursor, 1, "the cursor starts on the earlier answer");
	flow_apply(&f, FLOW_BACK, 0);
	cr_assert_eq(f.question, 0);
	cr_assert_eq(f.cursor, 2);
	flow_apply(&f, FLOW_BACK, 0);
	cr_assert_eq(f.step, FLOW_WELCOME);
	cr_assert_eq(a.choice[0], 2);
	cr_assert_eq(a.choice[1], 1);
}

static void answer_all(void)
{
	flow_apply(&f, FLOW_CONFIRM, 0);
	for (size_t q = 0; q < c.nquestions; q++)
		flow_apply(&f, FLOW_PICK, 0);
}

Test(flow, review_pick_changes_one_answer_and_returns)
{
	answer_all();
	unsigned gen = f.generation;
	cr_assert(flow_apply(&f, FLOW_PICK, 1));
	cr_assert_eq(f.step, FLOW_QUESTION);
	cr_assert_eq(f.question, 1);
	cr_assert(f.editing);
	flow_apply(&f, FLOW_PICK, 1);
	cr_assert_eq(f.step, FLOW_REVIEW, "an edit goes back to the review");
	cr_assert_eq(a.choice[1], 1);
	cr_assert_neq(f.generation, gen);
}

Test(flow, back_from_an_edit_keeps_the_old_answer)
{
	answer_all();
	flow_apply(&f, FLOW_UP, 0);
	flow_apply(&f, FLOW_FIRST, 0);
	flow_apply(&f, FLOW_CONFIRM, 0);
	cr_assert_eq(f.question, 0);
	flow_apply(&f, FLOW_DOWN, 0);
	flow_apply(&f, FLOW_BACK, 0);
	cr_assert_eq(f.step, FLOW_REVIEW);
	cr_assert_eq(a.choice[0], 0);
	cr_assert_eq(f.cursor, 0);
}

Test(flow, result_and_comparison_toggle_and_back)
{
	answer_all();
	cr_assert(flow_apply(&f, FLOW_TOGGLE, 0));
	cr_assert_eq(f.step, FLOW_RESULT);
	flow_apply(&f, FLOW_TOGGLE, 0);
	cr_assert_eq(f.step, FLOW_COMPARE);
	flow_apply(&f, FLOW_TOGGLE, 0);
	cr_assert_eq(f.step, FLOW_RESULT);
	flow_apply(&f, FLOW_CONFIRM, 0);
	cr_assert_eq(f.step, FLOW_COMPARE);
	flow_apply(&f, FLOW_BACK, 0);
	cr_assert_eq(f.step, FLOW_RESULT);
	flow_apply(&f, FLOW_BACK, 0);
	cr_assert_eq(f.step, FLOW_REVIEW);
	flow_apply(&f, FLOW_BACK, 0);
	cr_assert_eq(f.step, FLOW_QUESTION);
	cr_assert_eq(f.question, (int)c.nquestions - 1);
}

Test(flow, no_result_before_every_answer)
{
	flow_apply(&f, FLOW_CONFIRM, 0);
	flow_apply(&f, FLOW_PICK, 0);
	f.step = FLOW_REVIEW; /* as if reached by a path that skipped questions */
	f.cursor = (int)c.nquestions;
	cr_assert_eq(flow_apply(&f, FLOW_CONFIRM, 0), 0);
	cr_assert_eq(flow_apply(&f, FLOW_TOGGLE, 0), 0);
	cr_assert_eq(f.step, FLOW_REVIEW);
	cr_assert_not(f.reached);
}

Test(flow, restart_clears_everything)
{
	answer_all();
	flow_apply(&f, FLOW_CONFIRM, 0);
	cr_assert(f.reached);
	cr_assert(flow_apply(&f, FLOW_RESTART, 0));
	cr_assert_eq(f.step, FLOW_WELCOME);
	cr_assert_not(f.reached);
	cr_assert_eq(answers_count(&a), 0);
}

Test(flow, earlier_answers_given_at_init_are_kept)
{
	a.choice[0] = 1;
	flow_init(&f, &c, &a);
	flow_apply(&f, FLOW_CONFIRM, 0);
	cr_assert_eq(f.cursor, 1);
	cr_assert_str_eq(flow_step_name(f.step), "question");
}

/* --prefill: the review first, on the first question still open; each
 * answer given there goes on to the next open one, then to the result. */
Test(flow, a_prefilled_review_walks_the_open_questions)
{
	for (size_t q = 0; q < c.nquestions; q++)
		a.choice[q] = q == 0 || q == 2 ? ANSWER_NONE : 0;
	flow_init(&f, &c, &a);
	flow_open_review(&f);
	cr_assert_eq(f.step, FLOW_REVIEW);
	cr_assert_geq(c.nquestions, 3);
	cr_assert_eq(f.cursor, 0);
	cr_assert(flow_apply(&f, FLOW_CONFIRM, 0));
	cr_assert_eq(f.step, FLOW_QUESTION);
	cr_assert_eq(f.question, 0);
	cr_assert(flow_apply(&f, FLOW_PICK, 1));
	cr_assert_eq(f.step, FLOW_REVIEW);
	cr_assert_eq(f.cursor, 2, "on to the next open question");
	flow_apply(&f, FLOW_CONFIRM, 0);
	flow_apply(&f, FLOW_PICK, 0);
	cr_assert_eq(f.cursor, (int)c.nquestions, "all answered: on See the result");
	cr_assert(flow_apply(&f, FLOW_CONFIRM, 0));
	cr_assert_eq(f.step, FLOW_RESULT);
}

/* From the result straight to a question, and back to the result after. */
Test(flow, a_jump_from_the_result_comes_back_to_it)
{
	for (size_t q = 0; q < c.nquestions; q++)
		a.choice[q] = 0;
	flow_init(&f, &c, &a);
	flow_open_review(&f);
	cr_assert(flow_apply(&f, FLOW_CONFIRM, 0));
	cr_assert_eq(f.step, FLOW_RESULT);
	cr_assert_eq(flow_apply(&f, FLOW_JUMP, (int)c.nquestions), 0, "no such question");
	cr_assert(flow_apply(&f, FLOW_JUMP, 1));
	cr_assert_eq(f.step, FLOW_QUESTION);
	cr_assert_eq(f.question, 1);
	cr_assert_eq(f.cursor, 0, "on the answer given");
	cr_assert(flow_apply(&f, FLOW_BACK, 0));
	cr_assert_eq(f.step, FLOW_RESULT, "back keeps the answer and returns");
	unsigned gen = f.generation;
	flow_apply(&f, FLOW_JUMP, 1);
	cr_assert(flow_apply(&f, FLOW_PICK, 1));
	cr_assert_eq(f.step, FLOW_RESULT, "a new answer returns to the (new) result");
	cr_assert_neq(f.generation, gen);
	cr_assert_eq(a.choice[1], 1);
	cr_assert_eq(flow_apply(&f, FLOW_JUMP, 0), 1);
	flow_apply(&f, FLOW_BACK, 0);
	f.step = FLOW_REVIEW;
	cr_assert_eq(flow_apply(&f, FLOW_JUMP, 0), 0, "only from the result");
}
