#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "testutil.h"

static struct content c;
static struct diags d;

static void teardown(void)
{
	content_free(&c);
	diags_free(&d);
}

TestSuite(content, .fini = teardown);

Test(content, shipped_content_loads)
{
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "%s", diag_text(&d));
	cr_assert(c.nquestions >= 8 && c.nquestions <= 12);
	cr_assert_geq(c.nrows, 15);
	cr_assert_geq(content_model_index(&c, "bpo"), 0);
	cr_assert_geq(content_model_index(&c, "kpo"), 0);
	const char *core[] = {"routineness", "expertise", "volume", "collaboration"};
	for (int i = 0; i < 4; i++)
		cr_assert_geq(content_question_index(&c, core[i]), 0, "%s missing", core[i]);
	for (size_t q = 0; q < c.nquestions; q++) {
		const struct question *qu = &c.questions[q];
		cr_assert(qu->noptions >= 4 && qu->noptions <= 6, "%s: 3 to 5 options + Not sure", qu->id);
		cr_assert(qu->options[qu->noptions - 1].unsure);
	}
}

Test(content, fixture_loads_in_order)
{
	cr_assert_eq(load_fixture("mini", -1, NULL, &c, &d), 0, "%s", diag_text(&d));
	cr_assert_eq(c.nmodels, 2);
	cr_assert_str_eq(c.models[0].id, "alpha");
	cr_assert_eq(c.nquestions, 3);
	cr_assert_str_eq(c.questions[0].id, "routine");
	cr_assert_eq(c.questions[0].noptions, 4);
	cr_assert_str_eq(c.questions[0].options[3].label, "Not sure");
	cr_assert_eq(c.questions[0].options[0].points[0], 3);
	cr_assert_eq(c.rows[0].question, 0);
	cr_assert_eq(c.rows[2].question, -1);
	cr_assert_eq(c.scoring.unsure_per_step, 2);
	cr_assert_eq(c.questions[2].options[1].weaken, 1);
}

Test(content, third_model_needs_no_code)
{
	cr_assert_eq(load_fixture("captive", -1, NULL, &c, &d), 0, "%s", diag_text(&d));
	cr_assert_eq(c.nmodels, 3);
	cr_assert_str_eq(c.rows[0].cells[2], "Own staff");
}

Test(content, missing_directory)
{
	cr_assert_neq(content_load("/nonexistent/content", &c, &d), 0);
	cr_assert(has_diag(&d, 0, "cannot open: No such file"), "%s", diag_text(&d));
	cr_assert_str_eq(d.items[0].file, "/nonexistent/content/wizard.ini");
}

Test(content, unreadable_file)
{
	char dir[] = "/tmp/ow-unreadable-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	for (int i = 0; content_files[i]; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, content_files[i]);
		FILE *f = fopen(path, "w");
		fclose(f);
		if (i == 1)
			chmod(path, 0);
	}
	content_load(dir, &c, &d);
	if (geteuid() != 0) /* root reads anything */
		cr_assert(has_diag(&d, 0, "Permission denied"), "%s", diag_text(&d));
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(content, directory_and_fifo_are_refused)
{
	char dir[] = "/tmp/ow-special-XXXXXX";
	char path[256];
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/wizard.ini", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/models.ini", dir);
	mkfifo(path, 0644);
	cr_assert_neq(content_load(dir, &c, &d), 0);
	cr_assert(has_diag(&d, 0, "is a directory"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 0, "not a regular file"), "%s", diag_text(&d));
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(content, weight_naming_unknown_model)
{
	load_fixture_plus("mini", F_QUESTIONS, "[extra]\ntitle = T\ntext = Q?\nhelp = H\nweight = 1\n"
			  "option.a = A\noption.b = B\npoints.a.gamma = 2\n", &c, &d);
	cr_assert(has_diag(&d, 0, "unknown model 'gamma'"), "%s", diag_text(&d));
	cr_assert(strstr(diag_text(&d), "fx/questions.ini:"), "%s", diag_text(&d));
	cr_assert(strstr(diag_text(&d), "extra/points.a.gamma"), "%s", diag_text(&d));
}

static const char *question_with(const char *options)
{
	static char buf[1024];
	snprintf(buf, sizeof buf, "[q]\ntitle = T\ntext = Q?\nhelp = H\nweight = 1\n%s", options);
	return buf;
}

Test(content, option_without_label)
{
	load_fixture("mini", F_QUESTIONS, question_with("option.a =\noption.b = B\noption.c = C\n"), &c, &d);
	cr_assert(has_diag(&d, 6, "option 'a' has no label"), "%s", diag_text(&d));
}

Test(content, points_for_undeclared_option)
{
	load_fixture("mini", F_QUESTIONS, question_with("option.a = A\noption.b = B\npoints.z.alpha = 1\n"), &c, &d);
	cr_assert(has_diag(&d, 8, "option 'z', which has no option.z label"), "%s", diag_text(&d));
}

Test(content, fewer_than_two_options)
{
	load_fixture("mini", F_QUESTIONS, question_with("option.a = A\n"), &c, &d);
	cr_assert(has_diag(&d, 1, "has 1 option; a question needs at least 2"), "%s", diag_text(&d));
}

Test(content, weight_not_a_number)
{
	load_fixture("mini", F_QUESTIONS, question_with("option.a = A\noption.b = B\npoints.a.alpha = lots\n"), &c, &d);
	cr_assert(has_diag(&d, 8, "'lots' is not a number"), "%s", diag_text(&d));
}

Test(content, duplicate_ids)
{
	load_fixture_plus("mini", F_MODELS, "\n[alpha]\nname = again\n", &c, &d);
	cr_assert(has_diag(&d, 21, "duplicate section (first at line 1)"), "%s", diag_text(&d));
	diags_free(&d);
	load_fixture("mini", F_QUESTIONS, question_with("option.a = A\noption.a = B\n"), &c, &d);
	cr_assert(has_diag(&d, 7, "duplicate key (first at line 6)"), "%s", diag_text(&d));
}

Test(content, row_missing_a_cell)
{
	load_fixture("mini", F_COMPARISON, "[r]\ndimension = D\nalpha = A\n", &c, &d);
	cr_assert(has_diag(&d, 1, "missing the cell for model 'beta'"), "%s", diag_text(&d));
}

Test(content, link_to_unknown_question)
{
	load_fixture("mini", F_COMPARISON, "[r]\ndimension = D\nquestion = nope\nalpha = A\nbeta = B\n", &c, &d);
	cr_assert(has_diag(&d, 3, "link to unknown question 'nope'"), "%s", diag_text(&d));
	diags_free(&d);
	load_fixture("mini", F_ADVISORIES, "[a]\ntitle = T\ntext = X\nwhen_any = routine=never\n", &c, &d);
	cr_assert(has_diag(&d, 4, "question 'routine' has no option 'never'"), "%s", diag_text(&d));
}

Test(content, invalid_utf8)
{
	load_fixture("mini", F_MODELS, "[alpha]\nname = A\xff\n", &c, &d);
	cr_assert(has_diag(&d, 2, "invalid UTF-8 at column 9"), "%s", diag_text(&d));
}

Test(content, line_longer_than_parser_accepts)
{
	char line[1200];
	memset(line, 'x', sizeof line);
	memcpy(line, "[alpha]\nname = ", 15);
	line[sizeof line - 1] = '\0';
	load_fixture("mini", F_MODELS, line, &c, &d);
	cr_assert(has_diag(&d, 2, "characters long; the limit is 1000"), "%s", diag_text(&d));
}

Test(content, what_iniparser_would_silently_lose)
{
	load_fixture("mini", F_WIZARD,
		     "\xEF\xBB\xBF[wizard]\n"
		     "title = C# developers\n"
		     "tagline = \"unclosed\n"
		     "welcome = \"ok\" junk\n"
		     "; a comment \\\n"
		     "orphan\n"
		     "[bad:name]\n"
		     "duration = ctl\x1b]2;x\x07\n",
		     &c, &d);
	cr_assert(has_diag(&d, 1, "byte-order mark"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 2, "unquoted '#' would cut the value"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 3, "no closing quote"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 4, "text after the closing quote"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 5, "continuation lines are not supported"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 6, "expected '[section]'"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 7, "contains ':'"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 8, "control character 0x1B"), "%s", diag_text(&d));
}

Test(content, nul_byte_and_key_before_section)
{
	static const char data[] = "title = x\n[wizard]\ntitle = a\0b\n";
	char *files[CONTENT_NFILES];
	size_t len[CONTENT_NFILES];
	for (int i = 0; i < CONTENT_NFILES; i++) {
		files[i] = (char *)data;
		len[i] = sizeof data - 1;
	}
	content_load_mem((const char *const *)files, len, "nul", &c, &d);
	cr_assert(has_diag(&d, 1, "key before the first [section]"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 3, "NUL byte at column 10"), "%s", diag_text(&d));
}

/* One broken questions file: every problem in it and every one it causes in
 * the other files is reported, each with its file, line and place, and
 * nothing else. */
Test(content, every_problem_at_once)
{
	static const struct {
		const char *file;
		int line;
		const char *where, *what;
	} want[] = {
		{"fx/questions.ini", 8, "q/points.a.alpha", "'x' is not a number"},
		{"fx/questions.ini", 9, "q/points.b.zeta", "unknown model 'zeta'"},
		{"fx/comparison.ini", 3, "nature/question", "link to unknown question 'routine'"},
		{"fx/comparison.ini", 9, "scale/question", "link to unknown question 'volume'"},
		{"fx/advisories.ini", 10, "data_checks/when_any", "unknown question 'data'"},
		{"fx/advisories.ini", 15, "automate/when_all", "unknown question 'routine'"},
		{"fx/advisories.ini", 15, "automate/when_all", "unknown question 'volume'"},
		/* Their only conditions named questions that are gone. */
		{"fx/advisories.ini", 7, "data_checks",
		 "no condition: add when_any, when_all, when_tag or when_strength"},
		{"fx/advisories.ini", 12, "automate",
		 "no condition: add when_any, when_all, when_tag or when_strength"},
	};
	size_t n = sizeof want / sizeof want[0];

	cr_assert_neq(load_fixture("mini", F_QUESTIONS,
				   question_with("option.a = A\noption.b = B\npoints.a.alpha = x\n"
						 "points.b.zeta = 1\n"),
				   &c, &d),
		      0);
	for (size_t i = 0; i < n; i++) {
		int found = 0;
		for (size_t k = 0; k < d.n && !found; k++)
			found = d.items[k].file && !strcmp(d.items[k].file, want[i].file) &&
				d.items[k].line == want[i].line && d.items[k].where &&
				!strcmp(d.items[k].where, want[i].where) &&
				!strcmp(d.items[k].what, want[i].what);
		cr_expect(found, "missing %s:%d: %s: %s in:\n%s", want[i].file, want[i].line,
			  want[i].where, want[i].what, diag_text(&d));
	}
	cr_expect_eq(d.n, n, "%zu diagnostics, not %zu:\n%s", d.n, n, diag_text(&d));
}

Test(content, bad_thresholds_and_unknown_keys)
{
	load_fixture_plus("mini", F_MODELS, "[gamma]\nname = G\ncolour = red\n", &c, &d);
	cr_assert(has_diag(&d, 22, "unknown key"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 20, "missing"), "%s", diag_text(&d));
}

/* wizard.ini [background]: the workshop page, facts in file order; none is fine. */
Test(content, background_page_parses_in_order)
{
	cr_assert_eq(load_fixture_plus("mini", F_WIZARD,
				       "\n[background]\ntitle = The market\nintro = What the sources say.\n"
				       "fact.size = Worth a lot in 2021, says one.\nfact.since = Since the 1980s.\n",
				       &c, &d),
		     0, "%s", diag_text(&d));
	cr_assert_str_eq(c.background.title, "The market");
	cr_assert_str_eq(c.background.intro, "What the sources say.");
	cr_assert_eq(c.background.facts.n, 2);
	cr_assert_str_eq(c.background.facts.ids[0], "size");
	cr_assert_str_eq(c.background.facts.texts[1], "Since the 1980s.");
	content_free(&c);
	cr_assert_eq(load_fixture("mini", -1, NULL, &c, &d), 0, "%s", diag_text(&d));
	cr_assert_null(c.background.title, "no section, no page");
	cr_assert_eq(c.background.facts.n, 0);
	content_free(&c);
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "%s", diag_text(&d));
	cr_assert_not_null(c.background.title, "the shipped content has a background page");
	cr_assert_geq(c.background.facts.n, 5);
}

/* A background section must be whole: a title, an intro and a fact. */
Test(content, background_page_half_written)
{
	load_fixture_plus("mini", F_WIZARD, "\n[background]\ntitle = The market\nfact. = x\nnote = y\n",
			  &c, &d);
	/* the section starts on line 14 of the fixture's wizard.ini */
	cr_assert(has_diag(&d, 14, "missing"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 16, "unknown key"), "%s", diag_text(&d));
	cr_assert(has_diag(&d, 17, "unknown key"), "%s", diag_text(&d));
	cr_assert_eq(d.n, 4, "%s", diag_text(&d));
	cr_assert(has_diag(&d, 14, "has no fact.<id> = text line"), "%s", diag_text(&d));
}

/* Issue 9's content rules: a weakening answer says why, advisories take
 * unless_any and part, and mixed_step stays below clear. */
Test(content, weaken_needs_a_why)
{
	load_fixture_plus("mini", F_QUESTIONS, question_with("option.a = A\noption.b = B\nweaken.b = 1\n"), &c, &d);
	cr_assert(has_diag(&d, 0, "weaken.b needs weaken_why.b"), "%s", diag_text(&d));
	diags_free(&d);
	load_fixture_plus("mini", F_QUESTIONS,
			  question_with("option.a = A\noption.b = B\nweaken.b = 1\nweaken_why.b = b is risky\n"), &c, &d);
	cr_assert_eq(d.n, 0, "%s", diag_text(&d));
	int q = content_question_index(&c, "q");
	cr_assert_str_eq(c.questions[q].options[1].weaken_why, "b is risky");
}

Test(content, advisory_unless_and_part)
{
	load_fixture_plus("mini", F_ADVISORIES,
			  "\n[where]\ntitle = W\ntext = Where.\npart = where\nwhen_any = data=plain\n"
			  "unless_any = routine=same\n",
			  &c, &d);
	cr_assert_eq(d.n, 0, "%s", diag_text(&d));
	const struct advisory *ad = &c.advisories[c.nadvisories - 1];
	cr_expect_eq(ad->part, PART_WHERE);
	cr_expect_eq(ad->nunless_any, 1);
	diags_free(&d);
	content_free(&c);
	load_fixture_plus("mini", F_ADVISORIES,
			  "\n[where]\ntitle = W\ntext = Where.\npart = there\nwhen_any = data=plain\n"
			  "unless_any = routine=never\n",
			  &c, &d);
	cr_expect(has_diag(&d, 0, "'there' is not advice or where"), "%s", diag_text(&d));
	cr_expect(has_diag(&d, 0, "question 'routine' has no option 'never'"), "%s", diag_text(&d));
}

Test(content, mixed_step_below_clear)
{
	load_fixture_plus("mini", F_WIZARD, "mixed_step = 0.5\n", &c, &d); /* [scoring] is last */
	cr_expect(has_diag(&d, 0, "must be at least 0 and below clear"), "%s", diag_text(&d));
}

/* ---- numbers in a decimal-comma locale (issue 10) ---- */

#include <locale.h>

#include "number.h"

static char locale_dir[64];

static void remove_locale_dir(void)
{
	char cmd[128];

	if (!locale_dir[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", locale_dir);
	cr_assert_eq(system(cmd), 0);
	locale_dir[0] = '\0';
}

/* Sets the whole process to a locale whose decimal point is ',': one the
 * system has, else de_DE.UTF-8 made with localedef into a temporary LOCPATH
 * (Debian's package locales; CI installs it). 0, or -1 when neither works. */
static int use_comma_locale(void)
{
	static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8",
					    "fr_FR.utf8", "nl_NL.UTF-8", NULL};
	char cmd[256];

	for (const char *const *n = names; *n; n++)
		if (setlocale(LC_ALL, *n) && strcmp(localeconv()->decimal_point, ",") == 0)
			return 0;
	if (access("/usr/share/i18n/locales/de_DE", R_OK) != 0)
		return -1;
	strcpy(locale_dir, "/tmp/ow-locale-XXXXXX");
	cr_assert_not_null(mkdtemp(locale_dir));
	snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 '%s/de_DE.UTF-8' >/dev/null 2>&1",
		 locale_dir);
	(void)system(cmd); /* may warn and exit 1 yet write the locale */
	setenv("LOCPATH", locale_dir, 1);
	if (setlocale(LC_ALL, "de_DE.UTF-8") && strcmp(localeconv()->decimal_point, ",") == 0)
		return 0;
	remove_locale_dir();
	return -1;
}

static void comma_locale_or_skip(void)
{
	if (use_comma_locale() < 0)
		cr_skip_test("no locale with a decimal comma (install the package locales)");
}

Test(content, numbers_parse_the_same_under_a_decimal_comma)
{
	double x = 0;

	comma_locale_or_skip();
	remove_locale_dir(); /* the locale stays loaded */
	cr_assert_eq(number_parse("0.40", &x), 0);
	cr_assert_float_eq(x, 0.40, 1e-12);
	cr_assert_eq(number_parse(" 1.5  ", &x), 0);
	cr_assert_float_eq(x, 1.5, 1e-12);
	cr_assert_eq(number_parse("0,40", &x), -1, "a comma is no decimal point in a file");
	char buf[NUMBER_TEXT];
	cr_assert_str_eq(number_format(0.15, buf), "0.15");
	cr_assert_str_eq(localeconv()->decimal_point, ",", "the process locale is left as it was");
}

Test(content, content_loads_under_a_decimal_comma)
{
	struct content shipped;
	struct diags sd = {0};

	comma_locale_or_skip();
	int rc = load_fixture("mini", -1, NULL, &c, &d);
	int src = content_load(OW_CONTENT_SOURCE, &shipped, &sd); /* clear = 0.40 */
	remove_locale_dir();
	cr_assert_eq(rc, 0, "%s", diag_text(&d));
	cr_assert_float_eq(c.scoring.clear, 0.35, 1e-12);
	cr_assert_float_eq(c.scoring.leaning, 0.15, 1e-12);
	cr_assert_eq(src, 0, "the shipped content: %s", diag_text(&sd));
	content_free(&shipped);
	diags_free(&sd);
}

Test(content, content_problems_print_numbers_with_a_point)
{
	size_t len;
	char path[512];

	snprintf(path, sizeof path, "%s/mini/wizard.ini", OW_FIXTURES);
	char *text = read_text(path, &len), *at = strstr(text, "clear = 0.35");
	cr_assert_not_null(at);
	memcpy(at, "clear = 0.1 ", 12);
	comma_locale_or_skip();
	cr_assert_neq(load_fixture("mini", F_WIZARD, text, &c, &d), 0);
	remove_locale_dir();
	free(text);
	cr_assert(has_diag(&d, 0, "(leaning 0.15, clear 0.1)"), "%s", diag_text(&d));
}

Test(content, a_decimal_comma_in_a_file_gets_a_hint)
{
	size_t len;
	char path[512];
	snprintf(path, sizeof path, "%s/mini/wizard.ini", OW_FIXTURES);
	char *text = read_text(path, &len), *at = strstr(text, "clear = 0.35");
	cr_assert_not_null(at);
	at[9] = ',';
	cr_assert_neq(load_fixture("mini", F_WIZARD, text, &c, &d), 0);
	free(text);
	cr_assert(has_diag(&d, 0, "'0,35' is not a number (write a point, not a comma"), "%s",
		  diag_text(&d));
}
