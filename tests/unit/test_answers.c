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

/* ---- far more keys than questions (issue 10) ---- */

#include <stdio.h>
#include <unistd.h>

#include "strbuf.h"

/* "[answers]" and n keys k0 = x, k1 = x, ...; comments and blank lines
 * between them, which are no keys. */
static char *many_keys(size_t n)
{
	struct strbuf sb = {0};

	sb_add(&sb, "; many keys\n[answers]\n");
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "k%zu = x\n%s", i, i % 1000 ? "" : "\n# a comment\n");
	return sb_take(&sb);
}

Test(answers, a_hundred_thousand_keys_refused_with_the_count)
{
	char *text = many_keys(100000);
	char path[] = "/tmp/ow-keys-XXXXXX";
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	ssize_t w = write(fd, text, strlen(text));
	close(fd);
	int rc = answers_load(path, &c, 1, &a, &d);
	unlink(path);
	cr_assert_eq(w, (ssize_t)strlen(text));
	/* from a file: the message names it */
	cr_assert_neq(rc, 0);
	cr_assert_eq(d.n, 1, "%s", diag_text(&d));
	cr_assert_str_eq(d.items[0].file, path);
	cr_assert(has_diag(&d, 0, "100001 keys and sections"), "%s", diag_text(&d));
	diags_free(&d);
	answers_free(&a);
	/* from memory, as the fuzzer loads it */
	cr_assert_neq(load(text, 1), 0);
	cr_assert_eq(d.n, 1, "one message, not one per key: %zu", d.n);
	cr_assert(has_diag(&d, 0, "100001 keys and sections"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 0, "not an answers file"), "%s", diag_text(&d));
	free(text);
}

Test(answers, a_few_stray_keys_still_get_their_own_messages)
{
	/* the limit is well above the questions: a file with some wrong keys
	 * is parsed and each one named */
	char *text = many_keys(ANSWERS_MAX_ENTRIES(c.nquestions) - 1);
	cr_assert_neq(load(text, 1), 0);
	free(text);
	cr_assert(has_diag(&d, 3, "unknown question 'k0'"), "%s", diag_text(&d));
	cr_assert_gt(d.n, 100);
}

Test(answers, answers_load_reads_a_file)
{
	char path[] = "/tmp/ow-ans-XXXXXX";
	int fd = mkstemp(path);
	const char *text = "[answers]\nroutine = mixed\nvolume = high\ndata = regulated\n";

	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	int rc = answers_load(path, &c, 0, &a, &d);
	unlink(path);
	cr_assert_eq(rc, 0, "%s", diag_text(&d));
	cr_assert_eq(a.choice[1], 0);
	answers_free(&a);
	cr_assert_neq(answers_load("/tmp", &c, 0, &a, &d), 0);
	cr_assert(has_diag(&d, 0, "is a directory"), "%s", diag_text(&d));
}

/* The task's name: a stranger's text in a kiosk, cleaned once on the way in. */
#include "task.h"

Test(answers, a_task_name_is_cleaned)
{
	char *t = task_clean("  Invoice   entry\tfor\nthe Lyon plant  ");
	cr_assert_str_eq(t, "Invoice entry for the Lyon plant");
	free(t);
	t = task_clean("a\x1b[31mred\x07 \xe2\x80\xae" "evil\xe2\x80\xa8" "x \"q\"");
	cr_assert_str_eq(t, "a [31mred evil x 'q'", "controls, bidi and line separators become blanks: %s", t);
	free(t);
	cr_assert_null(task_clean(" \t\n"));
	cr_assert_null(task_clean(NULL));
	char longer[300];
	memset(longer, 'x', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	t = task_clean(longer);
	cr_assert_eq(strlen(t), TASK_MAX_CHARS);
	free(t);
	t = task_clean("\xe6\x97\xa5\xe6\x9c\xac"); /* two characters, six bytes */
	cr_assert_str_eq(t, "\xe6\x97\xa5\xe6\x9c\xac");
	free(t);
	t = task_clean("bad \xff byte");
	cr_assert_str_eq(t, "bad byte", "an invalid byte is a gap: %s", t);
	free(t);
}

Test(answers, a_task_name_reads_and_writes_back)
{
	cr_assert_eq(load("[task]\nname = \"Claims; night shift #2\"\n\n[answers]\nroutine = same\n"
			  "volume = low\ndata = not_sure\n", 0), 0, "%s", diag_text(&d));
	cr_assert_str_eq(a.task, "Claims; night shift #2");
	char *ini = answers_to_ini(&a, &c);
	answers_free(&a);
	diags_free(&d);
	cr_assert_eq(load(ini, 0), 0, "%s\n%s", ini, diag_text(&d));
	cr_assert_str_eq(a.task, "Claims; night shift #2", "round trip through %s", ini);
	free(ini);
	answers_free(&a);
	diags_free(&d);
	cr_assert_neq(load("[task]\ntitle = x\n[answers]\nroutine = same\nvolume = low\ndata = low\n", 0), 0);
	cr_assert(has_diag(&d, 2, "unknown key 'title'"), "%s", diag_text(&d));
}
