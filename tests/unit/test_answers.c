#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "testutil.h"

static struct content c;
static struct diags d;
static struct answers a;

static void setup(void)
{
	cr_assert_eq(load_fixture("mini", -1, NULL, &c, &d), 0, "%s", diag_text(&d));
}

static void teardown(void)
{
	answers_free(&a);
	content_free(&c);
	diags_free(&d);
}

TestSuite(answers, .init = setup, .fini = teardown);

static int load(const char *text, int partial)
{
	return answers_load_mem(text, strlen(text), "a.ini", &c, partial, &a, &d);
}

Test(answers, loads)
{
	cr_assert_eq(load("[answers]\nroutine = same\nvolume = low\ndata = not_sure\n", 0), 0, "%s", diag_text(&d));
	cr_assert_eq(a.choice[0], 0);
	cr_assert_eq(a.choice[1], 1);
	cr_assert_eq(a.choice[2], 2);
}

Test(answers, missing_answers_are_named)
{
	cr_assert_neq(load("[answers]\nroutine = same\n", 0), 0);
	cr_assert(has_diag(&d, 0, "no answer for volume, data"), "%s", diag_text(&d));
}

Test(answers, allow_partial_means_not_sure)
{
	cr_assert_eq(load("[answers]\nroutine = same\n", 1), 0, "%s", diag_text(&d));
	cr_assert(c.questions[1].options[a.choice[1]].unsure);
}

Test(answers, unknown_ids_name_file_line_and_id)
{
	cr_assert_neq(load("[answers]\nroutine = same\nspeed = fast\nvolume = huge\n", 1), 0);
	cr_assert(has_diag(&d, 3, "unknown question 'speed'"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 4, "unknown option 'huge' for question 'volume'"), "%s", diag_text(&d));
	cr_assert_str_eq(d.items[0].file, "a.ini");
}

Test(answers, broken_file)
{
	cr_assert_neq(load("routine = same\n", 0), 0);
	cr_assert(has_diag(&d, 1, "key before the first [section]"), "%s", diag_text(&d));
	diags_free(&d);
	answers_free(&a);
	cr_assert_neq(load("[other]\nx = y\n", 0), 0);
	cr_assert(has_diag(&d, 1, "unknown section"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 0, "no [answers] section"), "%s", diag_text(&d));
}

Test(answers, round_trip)
{
	cr_assert_eq(load("[answers]\nroutine = mixed\nvolume = high\ndata = regulated\n", 0), 0);
	char *text = answers_to_ini(&a, &c);
	struct answers b;
	cr_assert_eq(answers_load_mem(text, strlen(text), "rt", &c, 0, &b, &d), 0, "%s", diag_text(&d));
	cr_assert_arr_eq(a.choice, b.choice, a.n * sizeof *a.choice);
	answers_free(&b);
	free(text);
}
