/* The keys a user of dialog, whiptail and less expects, and the surprises
 * issue 11 removed, typed into the real wizard on a headless terminal
 * (harness.h) and read back from the screen. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "strbuf.h"
#include "testutil.h"
#include "task.h"
#include "texts.h"

static struct content c;

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "content");
	diags_free(&d);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(keys, .init = setup, .fini = teardown, .timeout = 60);

static void open_in(struct session *s, int cols, int lines, int utf8, const struct ui_options *o)
{
	cr_assert_eq(session_open(s, &c, cols, lines, utf8, o), 0, "no headless terminal");
}

static void open_at(struct session *s, int cols, int lines, const struct ui_options *o)
{
	open_in(s, cols, lines, 1, o);
}

static void type(struct session *s, const char *keys)
{
	char err[256] = "";
	cr_assert_eq(session_script(s, keys, err, sizeof err), 0, "%s", err);
}

/* The screen as one string, rows joined by spaces and runs of blanks cut to
 * one, so a wrapped sentence is found whole. */
static char *flat(const struct session *s)
{
	char *shot = screen_dump(s->lines, s->cols, 0);
	struct strbuf sb = {0};
	for (const char *p = shot; *p; p++) {
		char ch = *p == '\n' ? ' ' : *p;
		if (ch == ' ' && sb.len && sb_str(&sb)[sb.len - 1] == ' ')
			continue;
		sb_addn(&sb, &ch, 1);
	}
	free(shot);
	return sb_take(&sb);
}

static int says(const struct session *s, const char *text)
{
	char *all = flat(s);
	int found = strstr(all, text) != NULL;
	free(all);
	return found;
}

#define ASSERT_SAYS(s, text) cr_assert(says(s, text), "the screen lacks \"%s\" in: %s", text, flat(s))
#define ASSERT_NOT_SAYS(s, text) cr_assert(!says(s, text), "the screen shows \"%s\"", text)

static const int sizes[][2] = {{80, 24}, {60, 20}, {40, 12}};

Test(keys, right_on_an_unanswered_question_never_answers_it)
{
	for (size_t i = 0; i < 6; i++) { /* each size in UTF-8, then in LANG=C */
		struct session s;
		open_in(&s, sizes[i % 3][0], sizes[i % 3][1], i < 3, NULL);
		type(&s, "<Enter> <Right> <Right> l");
		ASSERT_SAYS(&s, "Question 1 of 12");
		ASSERT_SAYS(&s, text_get(&c, T_KEYS_NEXT_UNANSWERED));
		/* answered, Right goes on and keeps the answer */
		type(&s, "2 <Left> <Right>");
		ASSERT_SAYS(&s, "Question 2 of 12");
		type(&s, "<Left> <Down> <Down> <Right> <Left>");
		ASSERT_SAYS(&s, "Question 1 of 12");
		ASSERT_SAYS(&s, i < 3 ? "(\xe2\x97\x8f) Mostly standard" : "(*) Mostly standard");
		session_close(&s);
	}
}

Test(keys, space_answers_h_and_l_move_f10_quits)
{
	struct session s;
	open_at(&s, 80, 24, NULL);
	type(&s, "<Enter> <Space>");
	ASSERT_SAYS(&s, "Question 2 of 12");
	type(&s, "h");
	ASSERT_SAYS(&s, "Question 1 of 12");
	type(&s, "l");
	ASSERT_SAYS(&s, "Question 2 of 12");
	session_key(&s, KEY_F(10));
	ASSERT_SAYS(&s, "Quit the wizard?");
	session_close(&s);
}

Test(keys, esc_steps_back_and_at_the_first_question_asks_to_quit)
{
	struct session s;
	open_at(&s, 80, 24, NULL);
	type(&s, "<Enter> 1 1 <Esc>");
	ASSERT_SAYS(&s, "Question 2 of 12");
	type(&s, "<Esc>");
	ASSERT_SAYS(&s, "Question 1 of 12");
	type(&s, "<Esc>");
	ASSERT_SAYS(&s, "Quit the wizard?");
	type(&s, "n");
	ASSERT_SAYS(&s, "Question 1 of 12");
	session_close(&s);
}

/* The review's heading and instruction show at every size, and the title
 * is never cut to make room for where you are. */
Test(keys, the_review_shows_its_heading_and_the_whole_title)
{
	for (size_t i = 0; i < 6; i++) { /* each size in UTF-8, then in LANG=C */
		struct session s;
		open_in(&s, sizes[i % 3][0], sizes[i % 3][1], i < 3, NULL);
		type(&s, "<Enter> 111111111111");
		ASSERT_SAYS(&s, c.title);
		ASSERT_SAYS(&s, text_get(&c, T_RESULT_ANSWERS));
		ASSERT_SAYS(&s, "Review: 12 of 12 answered");
		ASSERT_SAYS(&s, "See the result");
		char *row0 = screen_row(0, s.cols);
		cr_assert(strstr(row0, c.title), "%dx%d: the title on the top row: %s", s.cols, s.lines,
			  row0);
		free(row0);
		session_close(&s);
	}
}

Test(keys, a_kiosk_footer_offers_only_what_works)
{
	struct ui_options o = {.kiosk = 1};
	struct session s;
	open_at(&s, 80, 24, &o);
	type(&s, "<Enter> 111111111111 <Enter>");
	char *footer = screen_row(23, 80);
	cr_assert(!strstr(footer, "s save"), "no saving in this kiosk: %s", footer);
	cr_assert(strstr(footer, "q start over"), "q starts over: %s", footer);
	cr_assert(!strstr(footer, "q quit"), "%s", footer);
	free(footer);
	type(&s, "?");
	ASSERT_NOT_SAYS(&s, "save the report");
	ASSERT_NOT_SAYS(&s, "quit (asks first)");
	session_close(&s);
}

/* The help over each screen: its purpose first, no key that does nothing
 * there, and nothing of the screen beneath beside the box. */
Test(keys, the_help_fits_the_screen_beneath)
{
	struct session s;
	open_at(&s, 80, 24, NULL);
	type(&s, "<Enter> 111111111111 <Enter> ?");
	char about[24]; /* its first words: the box's border cuts the rest */
	snprintf(about, sizeof about, "%s", text_get(&c, T_HELP_ABOUT_RESULT));
	ASSERT_SAYS(&s, about);
	char *row2 = screen_row(2, s.cols);
	cr_assert(strstr(row2, about), "the purpose comes first: %s", row2);
	free(row2);
	ASSERT_NOT_SAYS(&s, "choose that option");
	for (int y = 2; y < 22; y++) {
		char *left = screen_span(y, 0, 2);
		cr_assert_str_eq(left, "", "row %d: the screen beneath shows beside the box: \"%s\"", y,
				 left);
		free(left);
	}
	session_close(&s);
}

/* A reversed cell on the result: a link is picked. */
static int picked(const struct session *s)
{
	char *dump = screen_dump(s->lines, s->cols, 1);
	const char *attrs = strstr(dump, "-- attributes");
	int found = 0;
	for (const char *p = attrs ? strchr(attrs, '\n') : NULL; p && *p; p++)
		if (*p == 'r' || *p == 'R')
			found = 1;
	free(dump);
	return found;
}

/* The result's questions are links: Down picks the first one named, Enter
 * opens it, and an answer (or Esc) comes back to the result. */
Test(keys, the_result_jumps_to_a_question_and_back)
{
	for (size_t i = 0; i < 6; i++) { /* each size in UTF-8, then in LANG=C */
		struct session s;
		open_in(&s, sizes[i % 3][0], sizes[i % 3][1], i < 3, NULL);
		type(&s, "<Enter> 222223222223 <Enter>");
		ASSERT_SAYS(&s, "Result");
		/* Down scrolls until the first link is in view, then picks it */
		int downs = 0;
		while (!picked(&s) && downs++ < 30)
			type(&s, "<Down>");
		cr_assert(picked(&s), "%dx%d: no link picked after 30 Downs", s.cols, s.lines);
		type(&s, "<Enter>");
		ASSERT_SAYS(&s, "Question 3 of 12"); /* Amount of work, the first reason */
		type(&s, "<Esc>");
		ASSERT_SAYS(&s, "Result");
		ASSERT_NOT_SAYS(&s, "Question 3 of 12");
		cr_assert(!picked(&s), "a new result starts with no link picked");
		while (!picked(&s) && downs-- > -30)
			type(&s, "<Down>");
		type(&s, "<Enter> 1");
		ASSERT_SAYS(&s, "Result");
		ASSERT_NOT_SAYS(&s, "Review:");
		session_close(&s);
	}
}

/* With no link picked, Enter still opens the comparison. */
Test(keys, enter_on_the_result_without_a_pick_opens_the_comparison)
{
	struct session s;
	open_at(&s, 80, 24, NULL);
	type(&s, "<Enter> 111111111111 <Enter> <Enter>");
	ASSERT_SAYS(&s, "Comparison:");
	session_close(&s);
}

static int count_char(const struct session *s, char ch)
{
	char *all = flat(s);
	int n = 0;
	for (const char *p = all; *p; p++)
		n += *p == ch;
	free(all);
	return n;
}

/* t names the task: it shows on the welcome and heads the result; Esc keeps
 * the old name; a new interview starts without one; 80 characters at most. */
Test(keys, t_names_the_task)
{
	struct session s;
	open_at(&s, 80, 24, NULL);
	ASSERT_SAYS(&s, "Press t to give the task a name (optional).");
	type(&s, "t Invoice <Space> entry <Enter>");
	ASSERT_SAYS(&s, "Task: Invoice entry");
	type(&s, "t <Backspace> <Backspace> <Esc>");
	ASSERT_SAYS(&s, "Task: Invoice entry");
	type(&s, "<Enter> 111111111111 <Enter>");
	char *row2 = screen_row(2, s.cols);
	cr_assert(strstr(row2, "Task: Invoice entry"), "the result opens with it: %s", row2);
	free(row2);
	type(&s, "r y");
	ASSERT_SAYS(&s, "Press t to give the task a name (optional).");
	int before = count_char(&s, 'x');
	struct strbuf many = {0};
	sb_add(&many, "t ");
	for (int i = 0; i < 100; i++)
		sb_add(&many, "x");
	sb_add(&many, " <Enter>");
	type(&s, sb_str(&many));
	sb_free(&many);
	cr_assert_eq(count_char(&s, 'x') - before, TASK_MAX_CHARS, "100 typed, %d kept",
		     count_char(&s, 'x') - before);
	session_close(&s);
}

/* The two boxes that take typed text at the smallest size, in LANG=C: the
 * save dialog shows its field and formats, the task box its field. */
Test(keys, the_text_boxes_at_40x12_in_lang_c)
{
	struct session s;
	open_in(&s, 40, 12, 0, NULL);
	type(&s, "t");
	ASSERT_SAYS(&s, text_get(&c, T_TASK_DIALOG_TITLE));
	ASSERT_SAYS(&s, "> ");
	type(&s, "<Esc> <Enter> 111111111111 <Enter> s");
	ASSERT_SAYS(&s, text_get(&c, T_SAVE_DIALOG_TITLE));
	ASSERT_SAYS(&s, "> ");
	ASSERT_SAYS(&s, ">1. (*) Markdown");
	type(&s, "<Down> <Down> <Down>");
	ASSERT_SAYS(&s, ">4. (*) The answers");
	type(&s, "<Esc>");
	ASSERT_SAYS(&s, "Result");
	ASSERT_NOT_SAYS(&s, text_get(&c, T_SAVE_DIALOG_NAME));
	session_close(&s);
}
