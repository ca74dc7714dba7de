/* --plain: the interview as numbered lines on streams. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plain.h"
#include "sanitize.h"
#include "testutil.h"

static struct content c;
static struct answers a;

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(load_fixture("mini", F_WIZARD, NULL, &c, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	answers_init(&a, &c);
}

static void teardown(void)
{
	answers_free(&a);
	content_free(&c);
}

TestSuite(plain, .init = setup, .fini = teardown, .timeout = 10);

/* Runs plain_run on input; returns its status, output in *out (malloc'd). */
static int run(const char *input, char **out)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	size_t len;
	FILE *o = open_memstream(out, &len);
	int rc = plain_run(&c, in, o, &a);
	fclose(in);
	fclose(o);
	return rc;
}

Test(plain, numbers_answer_every_question)
{
	char *out;
	cr_assert_eq(run("1\n2\n1\n", &out), 0, "%s", out);
	cr_assert_eq(a.choice[0], 0);
	cr_assert_eq(a.choice[1], 1);
	cr_assert_eq(a.choice[2], 0);
	cr_assert(strstr(out, "Question 1 of 3"), "%s", out);
	cr_assert(strstr(out, c.questions[0].title));
	cr_assert(strstr(out, c.questions[0].options[0].label));
	cr_assert(strstr(out, "Not sure") || strstr(out, c.not_sure ? c.not_sure : "Not sure"));
	cr_assert_null(strchr(out, '\033'), "no escape sequences");
	free(out);
}

Test(plain, lt_goes_back_and_enter_keeps_the_earlier_answer)
{
	char *out;
	cr_assert_eq(run("3\n<\n\n2\n1\n", &out), 0, "%s", out);
	cr_assert_eq(a.choice[0], 2);
	cr_assert_eq(a.choice[1], 1);
	cr_assert(strstr(out, "(your earlier answer)"), "%s", out);
	free(out);
}

Test(plain, bad_input_asks_again)
{
	char *out;
	cr_assert_eq(run("0\nabc\n99\n<\n1\n1\n1\n", &out), 0, "%s", out);
	cr_assert(strstr(out, "Please type a number from 1 to"), "%s", out);
	cr_assert(strstr(out, "This is the first question."), "%s", out);
	cr_assert_eq(a.choice[0], 0);
	free(out);
}

Test(plain, end_of_input_is_status_2_with_a_message)
{
	char *out;
	cr_assert_eq(run("1\n", &out), 2);
	cr_assert(strstr(out, "Input ended before question 2 of 3"), "%s", out);
	free(out);
}

Test(plain, controls_and_ascii)
{
	char *s = text_for_terminal("a\033]2;x\a\xe2\x80\x94" "b\xe2\x80\x9c" "q\xe2\x80\x9d\tz\n", 1, 0);
	cr_assert_str_eq(s, "a?]2;x?--b\"q\" z?");
	free(s);
	s = text_for_terminal("\xe2\x80\x94\xc2\x9b" "31m", 0, 1);
	cr_assert_str_eq(s, "\xe2\x80\x94?31m");
	free(s);
	s = text_for_terminal("\xff\xe6\x97\xa5", 1, 0);
	cr_assert_str_eq(s, "??");
	free(s);
}

Test(plain, lang_c_output_is_ascii)
{
	char *out;
	setlocale(LC_ALL, "C");
	cr_assert_eq(run("1\n1\n1\n", &out), 0);
	for (const unsigned char *p = (const unsigned char *)out; *p; p++)
		cr_assert_lt(*p, 0x80, "non-ASCII byte in %s", out);
	free(out);
}
