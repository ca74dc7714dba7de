/* Headless screen tests in the tig style: curses on /dev/null at a given
 * size, a screen drawn from a known state, the window read back as text and
 * checked for real content: titles present, option labels whole (wrapped,
 * never cut), ASCII only under LANG=C. Uses the shipped content, so the
 * expectations come from the content rather than copies of it. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "engine.h"
#include "frame.h"
#include "layout.h"
#include "sanitize.h"
#include "screen.h"
#include "strbuf.h"
#include "terminal.h"
#include "texts.h"

static struct content c;
static struct answers ans;
static const struct ui_options opts = {0};

static const int sizes[][2] = {{24, 80}, {20, 60}, {12, 40}, {50, 200}};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "content: %s",
		     d.n ? d.items[0].what : "");
	diags_free(&d);
	answers_init(&ans, &c);
}

static void teardown(void)
{
	answers_free(&ans);
	content_free(&c);
}

TestSuite(screens, .init = setup, .fini = teardown, .timeout = 30);

struct shot;
static int shows(const struct shot *s, const char *text);

/* One rendered screen, as lines of UTF-8 text. */
struct shot {
	int lines, cols, utf8;
	char **row;
};

static void shot_free(struct shot *s)
{
	for (int i = 0; i < s->lines; i++)
		free(s->row[i]);
	free(s->row);
}

/* Reads the whole window back (mvwinnwstr: wide characters intact). */
static void read_back(struct shot *s)
{
	s->row = calloc((size_t)s->lines, sizeof *s->row);
	for (int y = 0; y < s->lines; y++) {
		wchar_t wbuf[512] = {0};
		char buf[2048];
		mvwinnwstr(stdscr, y, 0, wbuf, s->cols < 511 ? s->cols : 511);
		size_t n = wcstombs(buf, wbuf, sizeof buf - 1);
		if (n == (size_t)-1)
			n = 0;
		buf[n] = '\0';
		while (n > 0 && buf[n - 1] == ' ')
			buf[--n] = '\0';
		s->row[y] = strdup(buf);
	}
}

typedef void (*prepare_fn)(struct app *a);

/* Draws the state prepare() sets up at lines x cols and reads it back. */
static struct shot render(int lines, int cols, int utf8, prepare_fn prepare)
{
	struct terminal t;
	struct app a;
	struct shot s = {lines, cols, utf8, NULL};

	cr_assert_not_null(setlocale(LC_ALL, utf8 ? "C.UTF-8" : "C"));
	cr_assert_eq(term_open_headless(&t, lines, cols, utf8, 1), 0);
	app_init(&a, &c, &opts, &ans, !utf8);
	prepare(&a);
	app_draw(stdscr, &a);
	read_back(&s);
	app_free(&a);
	term_close(&t);
	return s;
}

/* The rows as one line. Box borders (an overlay's sides) become blanks. */
static char *joined(const struct shot *s, int from, int to)
{
	struct strbuf sb = {0};
	for (int y = from; y < to && y < s->lines; y++) {
		for (const char *p = s->row[y]; *p; p++) {
			if (*p == '|')
				sb_addc(&sb, ' ');
			else if (strncmp(p, "\xe2\x94\x82", 3) == 0)
				sb_addc(&sb, ' '), p += 2;
			else
				sb_addc(&sb, *p);
		}
		sb_addc(&sb, ' ');
	}
	/* Collapse blanks, so wrapped text reads as one line. */
	char *t = sb_take(&sb), *w = t;
	for (char *r = t; *r; r++)
		if (*r != ' ' || (w > t && w[-1] != ' '))
			*w++ = *r;
	*w = '\0';
	return t;
}

/* Text as the screen shows it in this character set, blanks collapsed. */
static char *shown(const struct shot *s, const char *text)
{
	char *t = text_for_terminal(text, !s->utf8, 0), *w = t;
	for (char *r = t; *r; r++)
		if (*r != ' ' || (w > t && w[-1] != ' '))
			*w++ = *r;
	*w = '\0';
	return t;
}

static void assert_contains(const struct shot *s, const char *text, const char *what)
{
	char *all = joined(s, 0, s->lines), *want = shown(s, text);
	cr_assert(strstr(all, want), "%dx%d %s: %s \"%s\" not found in:\n%s", s->cols, s->lines,
		  s->utf8 ? "UTF-8" : "C", what, want, all);
	free(all);
	free(want);
}

static void assert_ascii_when_c(const struct shot *s)
{
	if (s->utf8)
		return;
	for (int y = 0; y < s->lines; y++)
		for (const unsigned char *p = (const unsigned char *)s->row[y]; *p; p++)
			cr_assert_lt(*p, 0x80, "%dx%d LANG=C: non-ASCII on row %d: %s", s->cols,
				     s->lines, y, s->row[y]);
}

static void assert_fits(const struct shot *s)
{
	for (int y = 0; y < s->lines; y++)
		cr_assert_leq(text_width(s->row[y]), s->cols, "row %d too wide", y);
}

/* Every size and both character sets. */
#define EACH_SHOT(prep, body)                                                        \
	for (size_t i_ = 0; i_ < NSIZES; i_++)                                       \
		for (int u_ = 0; u_ < 2; u_++) {                                     \
			struct shot s = render(sizes[i_][0], sizes[i_][1], u_, prep); \
			assert_fits(&s);                                             \
			assert_ascii_when_c(&s);                                     \
			body;                                                        \
			shot_free(&s);                                               \
		}

static void prep_welcome(struct app *a)
{
	(void)a;
}

Test(screens, welcome)
{
	EACH_SHOT(prep_welcome, {
		cr_assert(strstr(s.row[0], "Outsource"), "title bar: %s", s.row[0]);
		assert_contains(&s, "q quit", "footer");
		if (s.lines >= 24) {
			assert_contains(&s, c.welcome, "welcome text");
			assert_contains(&s, "Press Enter to start.", "start");
		}
	});
}

static void prep_question(struct app *a)
{
	flow_apply(&a->flow, FLOW_CONFIRM, 0);
}

static void prep_question_last_option(struct app *a)
{
	flow_apply(&a->flow, FLOW_CONFIRM, 0);
	flow_apply(&a->flow, FLOW_LAST, 0);
}

Test(screens, question_shows_title_text_and_whole_options)
{
	const struct question *q = &c.questions[0];
	char where[64];
	snprintf(where, sizeof where, "Question 1 of %zu", c.nquestions);
	EACH_SHOT(prep_question, {
		cr_assert(strstr(s.row[0], where), "%s", s.row[0]);
		assert_contains(&s, q->title, "title");
		if (s.lines >= 20) {
			assert_contains(&s, q->text, "question");
			for (size_t o = 0; o < q->noptions; o++)
				assert_contains(&s, q->options[o].label, "option");
		} else {
			assert_contains(&s, q->options[0].label, "highlighted option");
			assert_contains(&s, "more", "scroll hint");
		}
		if (s.lines >= 50)
			assert_contains(&s, q->help, "help");
	});
}

Test(screens, question_scrolls_to_the_highlighted_option)
{
	const struct question *q = &c.questions[0];
	EACH_SHOT(prep_question_last_option, {
		assert_contains(&s, q->options[q->noptions - 1].label, "last option");
	});
}

static void prep_answered(struct app *a)
{
	flow_apply(&a->flow, FLOW_CONFIRM, 0);
	for (size_t q = 0; q < c.nquestions; q++)
		flow_apply(&a->flow, FLOW_PICK, (int)(q % 3));
}

Test(screens, review_lists_answers)
{
	EACH_SHOT(prep_answered, {
		/* in the top bar, or below the title when both do not fit */
		cr_assert(strstr(s.row[0], "Review") || strstr(s.row[1], "Review"), "%s", s.row[0]);
		cr_assert(strstr(s.row[0], c.title), "the title whole: %s", s.row[0]);
		assert_contains(&s, "See the result", "go on");
		if (s.lines >= 50)
			for (size_t q = 0; q < c.nquestions; q++) {
				assert_contains(&s, c.questions[q].title, "title");
				assert_contains(&s, c.questions[q].options[q % 3].label, "answer");
			}
	});
}

static void prep_result(struct app *a)
{
	prep_answered(a);
	flow_apply(&a->flow, FLOW_CONFIRM, 0);
	app_update_verdict(a);
}

Test(screens, result_headline_and_balance)
{
	EACH_SHOT(prep_result, {
		struct verdict v;
		engine_decide(&c, &ans, &v);
		char *h = verdict_headline(&c, &v);
		assert_contains(&s, h, "headline");
		if (s.lines >= 20)
			assert_contains(&s, text_get(&c, T_RESULT_SCORES), "balance");
		for (int y = 0; y < s.lines; y++)
			for (const char *p = s.row[y]; *p; p++)
				cr_assert(!(p[0] >= '0' && p[0] <= '9' && p[1] == '.' && p[2] >= '0' &&
					    p[2] <= '9'),
					  "a decimal number on row %d: %s", y, s.row[y]);
		free(h);
		verdict_free(&v);
	});
}

static void prep_compare(struct app *a)
{
	prep_result(a);
	flow_apply(&a->flow, FLOW_TOGGLE, 0);
}

Test(screens, comparison_table_and_stacked)
{
	EACH_SHOT(prep_compare, {
		for (size_t m = 0; m < c.nmodels; m++)
			assert_contains(&s, c.models[m].name, "model column");
		assert_contains(&s, c.rows[0].dimension, "first row");
		if (s.cols >= 60) {
			/* A table: the column separator on the header row. */
			const char *sep = s.utf8 ? "\xe2\x94\x82" : "|";
			int found = 0;
			for (int y = 2; y < 6; y++)
				found |= strstr(s.row[y], sep) != NULL;
			cr_assert(found, "%dx%d: no table", s.cols, s.lines);
		}
		if (s.lines >= 50)
			assert_contains(&s, c.rows[0].cells[0], "first cell");
	});
}

/* However narrow the footer, "? help" and "q quit" stay on it: they are how
 * a lost user finds the way out. */
Test(screens, footer_keeps_help_and_quit)
{
	const prepare_fn preps[] = {prep_welcome, prep_question, prep_answered, prep_result,
				    prep_compare};
	for (size_t p = 0; p < sizeof preps / sizeof preps[0]; p++)
		EACH_SHOT(preps[p], {
			const char *foot = s.row[s.lines - 1];
			cr_assert(strstr(foot, "? help") && strstr(foot, "q quit"),
				  "%dx%d screen %zu: footer \"%s\"", s.cols, s.lines, p, foot);
		});
}

static void prep_help(struct app *a)
{
	prep_question(a);
	a->overlay = OVERLAY_HELP;
}

static void prep_result(struct app *a);

static void prep_help_result(struct app *a)
{
	prep_result(a);
	a->overlay = OVERLAY_HELP;
}

Test(screens, help_overlay_lists_keys)
{
	EACH_SHOT(prep_help, {
		assert_contains(&s, "Esc close", "close hint");
		/* the question's own help comes first, then its keys */
		assert_contains(&s, c.questions[0].title, "the question's title, first");
		if (s.lines >= 24)
			assert_contains(&s, "Keys on this screen", "heading");
		if (s.lines >= 50) {
			assert_contains(&s, c.questions[0].help, "question help");
			assert_contains(&s, "quit (asks first)", "q");
		}
		/* keys that do nothing on a question are not listed */
		cr_assert(!shows(&s, "switch result and comparison"), "%dx%d: Tab listed on a question",
			  s.cols, s.lines);
		cr_assert(!shows(&s, "save the report"), "%dx%d: s listed on a question", s.cols,
			  s.lines);
	});
}

static void prep_quit(struct app *a)
{
	a->overlay = OVERLAY_QUIT;
}

Test(screens, quit_confirmation)
{
	EACH_SHOT(prep_quit, {
		assert_contains(&s, "Quit the wizard?", "question");
		assert_contains(&s, "y yes n no", "keys");
	});
}

Test(screens, enlarge_below_40x12)
{
	static const int small[][2] = {{10, 30}, {11, 80}, {24, 39}, {3, 12}};
	for (size_t i = 0; i < 4; i++)
		for (int u = 0; u < 2; u++) {
			struct shot s = render(small[i][0], small[i][1], u, prep_answered);
			assert_fits(&s);
			assert_ascii_when_c(&s);
			if (s.cols >= 20 && s.lines >= 6)
				assert_contains(&s, "Please enlarge the window", "enlarge");
			shot_free(&s);
		}
}

/* Every action the key table documents shows in the help with its keys and
 * what it does, and every key the help names does that action. (The
 * comparison's own keys show only over it: test_compare.c.) */
Test(screens, keys_table_feeds_help)
{
	int arg, documented = 0;
	/* each screen's help lists its own keys: together they list them all */
	struct shot on[] = {render(50, 200, 1, prep_help), render(50, 200, 1, prep_help_result)};

	for (int act = ACT_NONE + 1; act < ACT_COUNT; act++) {
		struct key_help kh;
		if (!keys_help_row(&c, (enum action)act, &kh) || keys_screen_only((enum action)act))
			continue;
		documented++;
		cr_assert_eq(kh.act, act);
		cr_assert(kh.keys[0], "%s is documented but has no key", keys_name(kh.act));
		struct strbuf row = {0};
		sb_addf(&row, "%s %s", kh.keys, kh.what);
		cr_assert(shows(&on[0], sb_str(&row)) || shows(&on[1], sb_str(&row)),
			  "%s: \"%s\" in no screen's help", keys_name(kh.act), sb_str(&row));
		sb_free(&row);
	}
	shot_free(&on[0]);
	shot_free(&on[1]);
	cr_assert_geq(documented, 16);
	cr_assert_eq(keys_lookup('q', &arg), ACT_QUIT);
	cr_assert_eq(keys_lookup('k', &arg), ACT_UP);
	cr_assert_eq(keys_lookup('j', &arg), ACT_DOWN);
	cr_assert_eq(keys_lookup('5', &arg), ACT_CHOOSE);
	cr_assert_eq(arg, 4);
	cr_assert_eq(keys_lookup(KEY_F(1), &arg), ACT_HELP);
	cr_assert_eq(keys_lookup(27, &arg), ACT_CLOSE);
	cr_assert_eq(keys_lookup('x', &arg), ACT_NONE);
}

/* In a narrow help box a key list too long for its column gets a line of
 * its own: it never runs into what the key does. */
Test(screens, help_keys_never_run_into_their_text)
{
	struct shot s = render(60, 50, 1, prep_help);
	/* the keys of a question, and those every step shares */
	static const enum action on_question[] = {ACT_UP, ACT_DOWN, ACT_CHOOSE, ACT_CONFIRM,
		ACT_NEXT, ACT_BACK, ACT_CLOSE, ACT_HOME, ACT_END, ACT_BACKGROUND, ACT_RESTART,
		ACT_HELP, ACT_QUIT, ACT_REDRAW};

	for (size_t i = 0; i < sizeof on_question / sizeof on_question[0]; i++) {
		struct key_help kh;
		enum action act = on_question[i];
		cr_assert(keys_help_row(&c, act, &kh), "%s has a help row", keys_name(act));
		int found = 0;
		struct strbuf cell = {0}; /* the key column starts after the box's border */
		sb_addf(&cell, "\xe2\x94\x82 %s", kh.keys);
		for (int y = 0; y < s.lines; y++) {
			const char *at = strstr(s.row[y], sb_str(&cell));
			if (!at)
				continue;
			found = 1;
			char next = at[cell.len];
			cr_assert(next == ' ' || next == '\0', "40 columns, row %d: \"%s\" runs on: %s", y,
				  kh.keys, s.row[y]);
		}
		sb_free(&cell);
		cr_assert(found, "%s not in the help at 60x50", kh.keys);
	}
	shot_free(&s);
}

/* Every word around the content's own comes from the string table: reworded
 * there, it shows reworded (in both character sets), with no C change. */
static void reword(enum text_id id, const char *text)
{
	free(c.texts[id]);
	c.texts[id] = strdup(text);
}

static void prep_restart(struct app *a)
{
	prep_question(a);
	a->overlay = OVERLAY_RESTART;
}

static void assert_shot(prepare_fn prep, int lines, int cols, const char *const *want)
{
	for (int u = 0; u < 2; u++) {
		struct shot s = render(lines, cols, u, prep);
		assert_ascii_when_c(&s);
		for (const char *const *w = want; *w; w++)
			assert_contains(&s, *w, "reworded");
		shot_free(&s);
	}
}

Test(screens, words_come_from_content)
{
	reword(T_KEYS_NAME_ENTER, "Entrée");
	reword(T_KEYS_HINT_CONFIRM, "suite");
	reword(T_KEYS_NAME_ESC, "Échap");
	reword(T_KEYS_HINT_CLOSE, "fermer");
	reword(T_KEYS_HELP_QUIT, "quitter (après confirmation)");
	reword(T_WELCOME_START, "Appuyez sur {key} pour commencer.");
	reword(T_SCREEN_STATUS_QUESTION, "Question {number} sur {count}");
	reword(T_HELP_TITLE, "Aide");
	reword(T_CONFIRM_RESTART, "Recommencer ?");
	reword(T_CONFIRM_YES, "oui");
	reword(T_ENLARGE_TEXT, "Agrandissez la fenêtre : {needed} au moins, {size} ici.");
	static const char *const welcome[] = {"Appuyez sur Entrée pour commencer.", "Entrée suite",
					      NULL};
	static const char *const help[] = {"Aide", "Échap fermer", "q, F10 quitter (après confirmation)",
					   "Question 1 sur", NULL};
	static const char *const restart[] = {"Recommencer ?", "y oui", NULL};
	static const char *const enlarge[] = {"Agrandissez la fenêtre : 40x12 au moins, 30x10 ici.",
					      NULL};
	assert_shot(prep_welcome, 24, 80, welcome);
	assert_shot(prep_help, 50, 80, help);
	assert_shot(prep_restart, 24, 80, restart);
	assert_shot(prep_welcome, 10, 30, enlarge);
}

/* ---- the background page and the welcome's words on what is kept ---- */

#include "input.h"

/* The page is opened by its key, as a user opens it: app_key goes by the
 * last frame's size, so the state gets one first. */
static void press(struct app *a, int ch)
{
	a->lines = 24, a->cols = 80;
	app_key(a, ch);
}

static void prep_background_welcome(struct app *a)
{
	press(a, 'i');
}

static void prep_background_result(struct app *a)
{
	prep_result(a);
	press(a, 'i');
}

/* The words of text that fit in n columns, cut at a space: a box's rows
 * are read with the screen beneath at their sides, so only what one row
 * holds reads as one piece. */
static void assert_starts(const struct shot *s, const char *text, size_t n, const char *what)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.*s", (int)n, text);
	char *sp = strlen(text) > n ? strrchr(buf, ' ') : NULL;
	if (sp)
		*sp = '\0';
	assert_contains(s, buf, what);
}

static void assert_background(const struct shot *s)
{
	const struct background *b = &c.background;
	assert_contains(s, text_get(&c, T_KEYS_HINT_CLOSE), "close hint");
	if (s->cols >= 60)
		assert_contains(s, b->title, "title");
	assert_starts(s, b->intro, 30, "intro");
	if (s->lines >= 24)
		assert_starts(s, b->facts.texts[0], 30, "first fact");
	if (s->lines >= 50)
		for (size_t i = 0; i < b->facts.n; i++)
			assert_starts(s, b->facts.texts[i], 30, "fact");
}

Test(screens, background_opens_from_welcome_and_result)
{
	cr_assert_not_null(c.background.title, "the shipped content has a background page");
	EACH_SHOT(prep_background_welcome, { assert_background(&s); });
	EACH_SHOT(prep_background_result, { assert_background(&s); });
}

Test(screens, background_key_hint_help_and_closing)
{
	struct shot s = render(24, 80, 1, prep_welcome);
	assert_contains(&s, "i background", "welcome footer hint");
	shot_free(&s);
	s = render(50, 200, 1, prep_help);
	assert_contains(&s, text_get(&c, T_KEYS_HELP_BACKGROUND), "help line");
	shot_free(&s);

	const int closers[] = {27, 'q', 'i', '\r'};
	for (size_t k = 0; k < sizeof closers / sizeof closers[0]; k++) {
		struct app a;
		app_init(&a, &c, &opts, &ans, 1);
		press(&a, 'i');
		cr_assert_eq(a.overlay, OVERLAY_BACKGROUND, "i opens the page");
		press(&a, closers[k]);
		cr_assert_eq(a.overlay, OVERLAY_NONE, "key %d closes the page", closers[k]);
		cr_assert_eq(a.flow.step, FLOW_WELCOME, "and nothing else happens");
		app_free(&a);
	}
}

/* Content without a [background] section: the key says so, nothing opens. */
Test(screens, background_missing_says_so)
{
	struct app a;
	free(c.background.title);
	c.background.title = NULL;
	app_init(&a, &c, &opts, &ans, 1);
	press(&a, 'i');
	cr_assert_eq(a.overlay, OVERLAY_NONE);
	cr_assert_not_null(a.message);
	cr_assert_str_eq(a.message, text_get(&c, T_BACKGROUND_NONE));
	app_free(&a);
}

static const struct ui_options logged_opts = {.logging = 1};

static void prep_welcome_logged(struct app *a)
{
	a->o = &logged_opts;
}

static const struct ui_options kiosk_logged_opts = {.kiosk = 1, .logging = 1};

static void prep_welcome_kiosk_logged(struct app *a)
{
	a->o = &kiosk_logged_opts;
}

static int shows(const struct shot *s, const char *text)
{
	char *all = joined(s, 0, s->lines), *want = shown(s, text);
	int found = strstr(all, want) != NULL;
	free(all);
	free(want);
	return found;
}

/* The welcome tells the truth about what is kept: nothing without a results
 * log, and what is recorded and what for with one. */
Test(screens, welcome_says_what_is_kept_by_mode)
{
	const char *none = text_get(&c, T_WELCOME_KEPT_NOTHING), *log = text_get(&c, T_WELCOME_KEPT_LOG);
	cr_assert(strstr(log, "no name"), "the log text says no name is kept: %s", log);
	EACH_SHOT(prep_welcome, {
		if (s.lines >= 24) {
			cr_assert(shows(&s, none), "%dx%d: no log, \"%s\" missing", s.cols, s.lines, none);
			cr_assert(!shows(&s, log), "%dx%d: no log, yet the log text shows", s.cols, s.lines);
		}
	});
	EACH_SHOT(prep_welcome_logged, {
		if (s.lines >= 24) {
			cr_assert(shows(&s, log), "%dx%d: logged, \"%s\" missing", s.cols, s.lines, log);
			cr_assert(!shows(&s, none), "%dx%d: logged, yet it says nothing is kept", s.cols,
				  s.lines);
			assert_contains(&s, "Press Enter to start.", "start, below the longer text");
		}
	});
	/* a kiosk that cannot save does not offer to */
	const char *nosave = text_get(&c, T_WELCOME_KEPT_LOG_NOSAVE);
	EACH_SHOT(prep_welcome_kiosk_logged, {
		if (s.lines >= 24) {
			cr_assert(shows(&s, nosave), "%dx%d: kiosk without saving, \"%s\" missing", s.cols,
				  s.lines, nosave);
			cr_assert(!shows(&s, log), "%dx%d: kiosk without saving offers to save", s.cols, s.lines);
		}
	});
}

/* ---- the result's first page (issue 9) ---- */

static const char *fixture_answers; /* the answers file prep_fixture answers with */

static void prep_fixture(struct app *a)
{
	struct answers from;
	struct diags d = {0};
	char path[512];

	snprintf(path, sizeof path, "%s/answers/%s", OW_FIXTURES, fixture_answers);
	cr_assert_eq(answers_load(path, &c, 0, &from, &d), 0, "%s", path);
	flow_apply(&a->flow, FLOW_CONFIRM, 0);
	for (size_t q = 0; q < c.nquestions; q++)
		flow_apply(&a->flow, FLOW_PICK, answers_choice(&from, q));
	flow_apply(&a->flow, FLOW_CONFIRM, 0);
	app_update_verdict(a);
	answers_free(&from);
	diags_free(&d);
}

static void assert_on_page(const struct shot *s, const char *page, const char *text,
			   const char *what)
{
	char *want = shown(s, text);
	cr_assert(strstr(page, want), "%s %s: the %s \"%s\" is not on the first page:\n%s",
		  fixture_answers, s->utf8 ? "UTF-8" : "C", what, want, page);
	free(want);
}

/* Every reason the first page names: the picked pulls of both sides, and the
 * two-part answers. */
static void assert_reasons_on_page(const struct shot *s, const char *page, const struct verdict *v)
{
	size_t idx[VERDICT_REASONS_FOR];
	int split = v->strength == STRENGTH_SPLIT;

	for (int side = 1; side >= 0; side--) {
		size_t max = side || split ? VERDICT_REASONS_FOR : VERDICT_REASONS_AGAINST;
		size_t n = verdict_pick_reasons(v, side, max, idx);
		for (size_t i = 0; i < n; i++)
			assert_on_page(s, page, c.questions[v->reasons[idx[i]].question].title, "reason");
		if (n > 0) {
			char *toward = text_fmt(&c, T_RESULT_TOWARD, "model",
						c.models[v->reasons[idx[0]].model].name, NULL);
			assert_on_page(s, page, toward, "side");
			free(toward);
		}
	}
	for (size_t i = 0; i < v->nmixed; i++)
		assert_on_page(s, page, c.questions[v->mixed[i].question].title, "two-part answer");
	if (v->nmixed > 0)
		assert_on_page(s, page, text_get(&c, T_RESULT_TWO_PART), "two-part heading");
}

/* At 80x24, before any scrolling: the headline, the strength word with why,
 * the balance with its legend, the reasons and every advisory's title. */
static void assert_first_page(const struct shot *s, const struct verdict *v)
{
	char *page = joined(s, 1, s->lines - 1); /* between the top bar and the footer */
	char *h = verdict_headline(&c, v), *strength = verdict_strength_text(&c, v);
	const char *marker = s->utf8 ? "\xe2\x97\x8f" : "O";

	assert_on_page(s, page, h, "headline");
	assert_on_page(s, page, text_get(&c, T_RESULT_STRENGTH), "strength label");
	assert_on_page(s, page, strength, "strength");
	assert_on_page(s, page, text_get(&c, T_RESULT_SCORES), "balance heading");
	assert_on_page(s, page, marker, "balance marker");
	assert_on_page(s, page, c.models[v->left].name, "left end");
	assert_on_page(s, page, c.models[v->right].name, "right end");
	char *legend = text_fmt(&c, T_RESULT_SCORES_NOTE, "marker", marker, "zone",
				s->utf8 ? "\xe2\x95\x90" : "=", NULL);
	assert_on_page(s, page, legend, "legend");
	assert_reasons_on_page(s, page, v);
	for (size_t i = 0; i < v->nadvisories; i++)
		assert_on_page(s, page, c.advisories[v->advisories[i]].title, "advisory title");
	free(legend);
	free(strength);
	free(h);
	free(page);
}

Test(screens, result_first_page_tells_the_whole_story)
{
	static const char *const files[] = {"mixed.ini", "bpo.ini", "kpo.ini"};

	for (size_t f = 0; f < sizeof files / sizeof *files; f++)
		for (int utf8 = 1; utf8 >= 0; utf8--) {
			fixture_answers = files[f];
			struct shot s = render(24, 80, utf8, prep_fixture);
			struct verdict v;
			engine_decide(&c, &ans, &v);
			if (f == 0)
				cr_assert_eq(v.strength, STRENGTH_SPLIT, "mixed.ini is no split any more");
			assert_fits(&s);
			assert_ascii_when_c(&s);
			assert_first_page(&s, &v);
			verdict_free(&v);
			shot_free(&s);
		}
}

static void prep_fixture_compare(struct app *a)
{
	prep_fixture(a);
	flow_apply(&a->flow, FLOW_TOGGLE, 0);
}

/* The table's header cells, each read down its column (the header wraps):
 * the rows above the first rule, cut at the column separators. */
static void header_cells(const struct shot *s, struct strbuf *col, int ncol)
{
	const char *sep = s->utf8 ? "\xe2\x94\x82" : "|", *cross = s->utf8 ? "\xe2\x94\xbc" : "+";

	for (int y = 1; y < s->lines && !strstr(s->row[y], cross); y++) {
		const char *p = s->row[y];
		for (int k = 0; k < ncol && p; k++) {
			const char *end = strstr(p, sep);
			sb_addn(&col[k], p, end ? (size_t)(end - p) : strlen(p));
			sb_addc(&col[k], ' ');
			p = end ? end + strlen(sep) : NULL;
		}
	}
	for (int k = 0; k < ncol; k++) { /* blanks collapsed, as shown() does */
		char *t = col[k].buf, *w = t;
		for (char *r = t; r && *r; r++)
			if (*r != ' ' || (w > t && w[-1] != ' '))
				*w++ = *r;
		if (t)
			*w = '\0', col[k].len = (size_t)(w - t);
	}
}

/* In a split the comparison's columns are headed by the part each model
 * would take; nothing says "(recommended)". */
Test(screens, comparison_in_a_split_names_the_parts)
{
	fixture_answers = "mixed.ini";
	EACH_SHOT(prep_fixture_compare, {
		struct verdict v;
		engine_decide(&c, &ans, &v);
		char *all = joined(&s, 0, s.lines);
		char *rec = text_fmt(&c, T_COMPARE_RECOMMENDED, "model", c.models[v.winner].name, NULL);
		cr_assert(strstr(all, rec) == NULL, "%dx%d: \"%s\" in a split:\n%s", s.cols, s.lines,
			  rec, all);
		struct strbuf col[3] = {{0}};
		if (s.cols >= 60) /* a table: the dimension column, then one per model */
			header_cells(&s, col, 3);
		for (int end = 0; end < 2 && s.cols >= 60; end++) {
			int m = end ? v.right : v.left;
			char *head = text_fmt(&c, T_COMPARE_SPLIT_PART, "model", c.models[m].name, "part",
					      c.models[m].split_part, NULL);
			cr_assert(strstr(sb_str(&col[1 + m]), head), "%dx%d: column %d is headed \"%s\"",
				  s.cols, s.lines, m, sb_str(&col[1 + m]));
			free(head);
		}
		for (int k = 0; k < 3; k++)
			sb_free(&col[k]);
		free(rec);
		free(all);
		verdict_free(&v);
	});
}
