/* --plain: the interview as numbered lines on streams. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "plain.h"
#include "report.h"
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

/* Runs plain_run with options opt on input; returns its status, output in
 * *out (malloc'd). */
static int run_with(const char *input, const struct plain_options *opt, char **out)
{
	FILE *in = fmemopen((void *)input, strlen(input), "r");
	size_t len;
	FILE *o = open_memstream(out, &len);
	int rc = plain_run(&c, in, o, &a, opt);
	fclose(in);
	fclose(o);
	return rc;
}

static int run(const char *input, char **out)
{
	return run_with(input, NULL, out);
}

/* How many times needle is in hay. */
static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* The line that is decoration, read aloud as noise: made only of = - # *
 * _ ~ and box-drawing characters, or holding "->". NULL when none is. */
static char *decoration_line(const char *text)
{
	static char line[4096];
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		p += n + (p[n] == '\n');
		if (strstr(line, "->"))
			return line;
		int words = 0, marks = 0;
		for (const unsigned char *q = (const unsigned char *)line; *q; q++) {
			if (strchr("=-#*_~", *q) || *q >= 0x80) /* box characters are not ASCII */
				marks++;
			else if (*q != ' ' && *q != '\t')
				words++;
		}
		if (marks > 0 && words == 0)
			return line;
	}
	return NULL;
}

/* A fresh directory to save in; the test runs there. */
static void into_temp_dir(char dir[64])
{
	strcpy(dir, "/tmp/ow-test-plain.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0);
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

Test(plain, review_lists_every_answer_numbered_and_a_number_changes_it)
{
	char *out;
	/* three answers; at the review 2 opens Volume, 3 answers Not sure; then
	 * Enter shows the result and Enter finishes */
	cr_assert_eq(run("1\n2\n1\n2\n3\n\n\n", &out), 0, "%s", out);
	cr_assert_eq(a.choice[1], 2, "%s", out);
	cr_assert(strstr(out, "Review: 3 of 3 answered"), "%s", out);
	cr_assert(strstr(out, "  1. Routine: Same steps every time\n"), "%s", out);
	cr_assert(strstr(out, "  2. Volume: A little\n"), "%s", out);
	cr_assert(strstr(out, "  2. Volume: Not sure\n"), "the review again, changed: %s", out);
	cr_assert(strstr(out, "Change 1-3, Enter shows the result"), "%s", out);
	cr_assert_eq(count(out, "Question 2 of 3: Volume"), 2, "asked again from the review: %s", out);
	cr_assert_eq(count(out, "All 3 questions answered."), 1, "%s", out);
	cr_assert(strstr(out, "Result: We recommend"), "the report follows: %s", out);
	free(out);
}

Test(plain, lt_at_the_review_goes_back_and_lt_while_changing_keeps_the_answer)
{
	char *out;
	/* < at the review: the last question again (Enter keeps it); 1 from the
	 * review opens Routine, < returns with the answer kept */
	cr_assert_eq(run("1\n2\n1\n<\n\n1\n<\n\n\n", &out), 0, "%s", out);
	cr_assert_eq(a.choice[0], 0);
	cr_assert_eq(a.choice[2], 0);
	cr_assert_eq(count(out, "Question 3 of 3: Data"), 2, "%s", out);
	cr_assert_eq(count(out, "Question 1 of 3: Routine"), 2, "%s", out);
	cr_assert_eq(count(out, "Review: 3 of 3 answered"), 3, "%s", out);
	cr_assert(strstr(out, "Answer 1-4, Enter keeps 1, < goes back: "), "changing Routine can go back: %s", out);
	free(out);
}

Test(plain, review_refuses_what_is_not_a_question_number)
{
	char *out;
	cr_assert_eq(run("1\n2\n1\n4\nx\n\n\n", &out), 0, "%s", out);
	cr_assert_eq(count(out, "Please type a number from 1 to 3, or press Enter to see the result."), 2,
		     "%s", out);
	free(out);
}

Test(plain, end_of_input_at_the_review_shows_the_result)
{
	char *out;
	cr_assert_eq(run("1\n2\n1\n", &out), 0, "%s", out);
	cr_assert(strstr(out, "Result: We recommend ALPHA"), "%s", out);
	free(out);
}

Test(plain, the_report_reads_aloud_without_decoration)
{
	char *out;
	/* regulated data brings advice, a split brings both sides */
	cr_assert_eq(run("2\n2\n2\n\n\n", &out), 0, "%s", out);
	char *bad = decoration_line(out);
	cr_assert_null(bad, "a decoration line: \"%s\" in\n%s", bad ? bad : "", out);
	cr_assert(strstr(out, "\nWhy:\n"), "%s", out);
	cr_assert(strstr(out, "\nWhere your answers land:\n  "), "%s", out);
	cr_assert(strstr(out, "\nYour answers:\n"), "%s", out);
	cr_assert(strstr(out, "\nComparison:\n"), "%s", out);
	cr_assert(strstr(out, "where your answers point: "), "the mark is words: %s", out);
	cr_assert(strstr(out, "    What to do: "), "%s", out);
	cr_assert_null(strstr(out, "=== "), "%s", out);
	free(out);
}

Test(plain, plain_report_is_the_text_report_without_its_decoration)
{
	struct verdict v;
	struct strbuf text = {0}, plain = {0};
	answers_free(&a); /* answers_from makes them anew */
	answers_from(&c, "routine=mixed volume=high data=regulated", &a);
	engine_decide(&c, &a, &v);
	report_write(REPORT_TEXT, &c, &a, &v, &text);
	report_write_plain(&c, &a, &v, &plain);
	cr_assert(strstr(sb_str(&text), "\nWhy\n---\n"), "%s", sb_str(&text));
	cr_assert_null(decoration_line(sb_str(&plain)), "%s", decoration_line(sb_str(&plain)));
	cr_assert_not_null(decoration_line(sb_str(&text)), "the check bites on the batch text");
	for (size_t q = 0; q < c.nquestions; q++)
		cr_assert(strstr(sb_str(&plain), c.questions[q].title));
	sb_free(&text);
	sb_free(&plain);
	verdict_free(&v);
}

Test(plain, s_saves_the_markdown_report_to_the_report_file)
{
	char dir[64], path[128], *out;
	into_temp_dir(dir);
	snprintf(path, sizeof path, "%s/mine.md", dir);
	struct plain_options o = {.report_path = path};
	cr_assert_eq(run_with("1\n2\n1\n\ns\ns\n\n", &o, &out), 0, "%s", out);
	size_t len;
	char *md = read_text(path, &len);
	cr_assert_not_null(md, "no report at %s: %s", path, out);
	cr_assert(strncmp(md, "# ", 2) == 0, "markdown: %s", md);
	char want[256];
	snprintf(want, sizeof want, "To save this report as markdown, type s: it goes to %s.", path);
	cr_assert(strstr(out, want), "%s", out);
	snprintf(want, sizeof want, "Saved the report to %s\n", path);
	cr_assert(strstr(out, want), "%s", out);
	cr_assert(strstr(out, "Nothing changed since mine.md was saved."), "s again: %s", out);
	cr_assert(strstr(out, "s saves, < goes back to the review, Enter finishes: "), "%s", out);
	free(md);
	free(out);
	unlink(path);
	rmdir(dir);
}

Test(plain, an_existing_report_file_is_never_overwritten)
{
	char dir[64], path[128], *out;
	into_temp_dir(dir);
	snprintf(path, sizeof path, "%s/mine.md", dir);
	FILE *f = fopen(path, "w");
	fputs("keep me\n", f);
	fclose(f);
	struct plain_options o = {.report_path = path};
	cr_assert_eq(run_with("1\n2\n1\n\ns\n\n", &o, &out), 0, "%s", out);
	char want[256];
	snprintf(want, sizeof want, "Not saved: %s already exists (never overwritten).", path);
	cr_assert(strstr(out, want), "%s", out);
	size_t len;
	char *kept = read_text(path, &len);
	cr_assert_str_eq(kept, "keep me\n");
	free(kept);
	free(out);
	unlink(path);
	rmdir(dir);
}

Test(plain, back_from_the_result_change_and_save_again_under_a_new_name)
{
	char dir[64], *out;
	into_temp_dir(dir);
	/* save, back to the review, change Volume, see the result, save again */
	cr_assert_eq(run("1\n2\n1\n\ns\n<\n2\n1\n\ns\n\n", &out), 0, "%s", out);
	cr_assert_eq(count(out, "Saved the report to "), 2, "%s", out);
	cr_assert_eq(count(out, "Result: We recommend"), 2, "%s", out);
	cr_assert_eq(a.choice[1], 0);
	cr_assert(strstr(out, "it goes to a new dated file in this folder."), "%s", out);
	char *name = strstr(out, "Saved the report to ");
	name += strlen("Saved the report to ");
	cr_assert(strncmp(name, dir, strlen(dir)) == 0, "the whole path: %s", out);
	cr_assert(strstr(name, "/outsource-wizard-report-"), "%s", out);
	int files = 0;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "ls %s | grep -c '^outsource-wizard-report-.*\\.md$'", dir);
	FILE *ls = popen(cmd, "r");
	cr_assert_eq(fscanf(ls, "%d", &files), 1);
	pclose(ls);
	cr_assert_eq(files, 2, "two reports in %s", dir);
	free(out);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(plain, a_kiosk_without_a_report_folder_offers_no_save)
{
	char *out;
	struct plain_options o = {.kiosk = 1};
	cr_assert_eq(run_with("1\n2\n1\n\ns\n\n", &o, &out), 0, "%s", out);
	cr_assert(strstr(out, "Nothing you enter is kept.\n"), "%s", out);
	cr_assert_null(strstr(out, "To save this report"), "%s", out);
	cr_assert(strstr(out, "< goes back to the review, Enter finishes: "), "%s", out);
	cr_assert(strstr(out, "Please type < to go back, or press Enter to finish."), "%s", out);
	free(out);
}

Test(plain, a_bad_reply_at_the_end_says_what_to_type)
{
	char *out;
	cr_assert_eq(run("1\n2\n1\n\nx\n\n", &out), 0, "%s", out);
	cr_assert(strstr(out, "Please type s to save, < to go back, or press Enter to finish."), "%s", out);
	free(out);
}
