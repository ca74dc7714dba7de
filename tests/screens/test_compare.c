/* Moving around the comparison (issue 11), as a user does it: key scripts
 * through the real wizard on a headless terminal (harness.h), the screen
 * read back. The top bar's "Rows 5-11 of 27" against the rows on the
 * screen; f, only the rows the answers touch, and back; / to find a word:
 * found and highlighted, n to the next, round to the first, not found, Esc
 * cancelling, the prompt's editing. At 80x24, 60x20 and 40x12 (stacked
 * there), in UTF-8 and LANG=C. What the screen should say comes from the
 * content's own words (texts.ini), what should match from its rows. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "harness.h"
#include "sanitize.h"
#include "strbuf.h"
#include "texts.h"

static struct content c;

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "content: %s",
		     d.n ? d.items[0].what : "");
	diags_free(&d);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(compare, .init = setup, .fini = teardown, .timeout = 60);

static const int sizes[][2] = {{80, 24}, {60, 20}, {40, 12}};
#define NSIZES (sizeof sizes / sizeof sizes[0])
#define TO_COMPARE "<Enter> 111111111111 <Enter> <Tab>"

/* Every size in both character sets: s is open on the comparison. */
#define EACH_SESSION(...)                                                              \
	for (size_t i_ = 0; i_ < NSIZES; i_++)                                         \
		for (int u_ = 1; u_ >= 0; u_--) {                                      \
			struct session s;                                              \
			open_compare(&s, sizes[i_][0], sizes[i_][1], u_);              \
			__VA_ARGS__;                                                   \
			session_close(&s);                                             \
		}

static void type(struct session *s, const char *keys)
{
	char err[256] = "";
	cr_assert_eq(session_script(s, keys, err, sizeof err), 0, "%s", err);
}

static void open_compare(struct session *s, int cols, int lines, int utf8)
{
	cr_assert_eq(session_open(s, &c, cols, lines, utf8, NULL), 0, "no headless terminal");
	type(s, TO_COMPARE);
}

static const char *where(const struct session *s)
{
	static char buf[32];
	snprintf(buf, sizeof buf, "%dx%d %s", s->cols, s->lines, s->utf8 ? "UTF-8" : "C");
	return buf;
}

/* A row of the screen (malloc'd). */
static char *row(const struct session *s, int y)
{
	return screen_row(y, s->cols);
}

/* Text as this character set shows it (malloc'd). */
static char *shown(const struct session *s, const char *text)
{
	return text_for_terminal(text, !s->utf8, 0);
}

static int row_has(const struct session *s, int y, const char *text)
{
	char *r = row(s, y), *t = shown(s, text);
	int has = strstr(r, t) != NULL;
	free(r);
	free(t);
	return has;
}

/* The status line (above the footer) says exactly text. */
static void expect_status(const struct session *s, const char *text)
{
	char *r = row(s, s->lines - 2), *t = shown(s, text);
	/* a long message is cut at the screen's edge */
	cr_expect(!strncmp(r + 1, t, strlen(r + 1)) && strlen(r) > 1, "%s: the status line is \"%s\", not \"%s\"",
		  where(s), r, t);
	free(r);
	free(t);
}

static void expect_status_fmt(const struct session *s, enum text_id id, const char *word,
			      int number, int count)
{
	char num[24], cnt[24];
	snprintf(num, sizeof num, "%d", number);
	snprintf(cnt, sizeof cnt, "%d", count);
	char *m = text_fmt(&c, id, "word", word, "number", num, "count", cnt, "next", "n", "filter",
			   "f", "find", "/", NULL);
	expect_status(s, m);
	free(m);
}

/* The top bar's position: "Comparison: rows 5-11 of 27", "Comparison: your
 * rows 1-4 of 13", or their short forms "Rows 5-11 of 27", "Your rows ...". */
struct position {
	int yours, first, last, count;
};

static struct position position(const struct session *s)
{
	struct position p = {0};
	/* the top bar's two rows: a status the whole title leaves no room for
	 * goes to the second */
	char *top = row(s, 0), *second = row(s, 1);
	char *bar = malloc(strlen(top) + strlen(second) + 3);
	if (second[strspn(second, " ")])
		sprintf(bar, "%s  %s", top, second + strspn(second, " "));
	else
		strcpy(bar, top);
	free(top);
	free(second);
	const char *words[] = {text_get(&c, T_SCREEN_STATUS_COMPARE_YOURS),
			       text_get(&c, T_SCREEN_STATUS_COMPARE_YOURS_SHORT),
			       text_get(&c, T_SCREEN_STATUS_COMPARE),
			       text_get(&c, T_SCREEN_STATUS_COMPARE_SHORT)};
	for (int i = 0; i < 4 && !p.count; i++) {
		size_t n = strcspn(words[i], "{");
		char *at = NULL;
		for (char *q = strstr(bar, "  "); q; q = strstr(q + 1, "  "))
			if (!strncmp(q + 2 + strspn(q + 2, " "), words[i], n))
				at = q + 2 + strspn(q + 2, " ");
		if (at && sscanf(at + n, "%d-%d", &p.first, &p.last) == 2 && strrchr(at, ' '))
			p.count = atoi(strrchr(at, ' ') + 1), p.yours = i < 2;
	}
	cr_assert_gt(p.count, 0, "%s: no position on the top bar: \"%s\"", where(s), bar);
	free(bar);
	return p;
}

/* The first line of a row's dimension in 14 columns (the narrowest
 * dimension column, at 60 columns; wider ones and the stacked view at 40
 * have room for all of it). */
static char *dimension_first_line(const struct session *s, size_t r)
{
	char *t = shown(s, c.rows[r].dimension);
	if (strlen(t) > 14) {
		t[15] = '\0';
		char *sp = strrchr(t, ' ');
		if (sp)
			*sp = '\0';
	}
	return t;
}

/* The text at column 1 of a screen row, up to a gap of two blanks or a
 * border: the dimension column (malloc'd). */
static char *first_cell(const struct session *s, int y)
{
	char *line = row(s, y);
	char *cell = strdup(line[0] ? line + 1 : "");
	static const char *const ends[] = {"  ", " \xe2\x94\x82", " |"};
	for (size_t e = 0; e < 3; e++) {
		char *at = strstr(cell, ends[e]);
		if (at)
			*at = '\0';
	}
	free(line);
	return cell;
}

/* The screen row where row r's dimension starts, or -1. */
static int dimension_row(const struct session *s, size_t r)
{
	char *whole = shown(s, c.rows[r].dimension), *first = dimension_first_line(s, r);
	int at = -1;
	for (int y = 2; y < s->lines - 1 && at < 0; y++) {
		char *cell = first_cell(s, y);
		if (!strcmp(cell, whole) || !strcmp(cell, first))
			at = y;
		free(cell);
	}
	free(whole);
	free(first);
	return at;
}

static int reversed(int y)
{
	return (mvwinch(stdscr, y, 1) & A_REVERSE) != 0;
}

/* The rows the shipped answers 111111111111 touch. */
static int touched(size_t r)
{
	struct answers a;
	struct verdict v;
	answers_init(&a, &c);
	for (size_t q = 0; q < c.nquestions; q++)
		a.choice[q] = 0;
	engine_decide(&c, &a, &v);
	int t = v.row_side[r] >= 0;
	verdict_free(&v);
	answers_free(&a);
	return t;
}

static size_t touched_count(void)
{
	size_t n = 0;
	for (size_t r = 0; r < c.nrows; r++)
		n += touched(r);
	return n;
}

/* The rows whose dimension or cells hold word, ignoring case (ASCII). */
static size_t rows_with(const char *word, int *rows)
{
	size_t n = 0;
	for (size_t r = 0; r < c.nrows; r++) {
		struct strbuf sb = {0};
		sb_addf(&sb, "%s", c.rows[r].dimension);
		for (size_t m = 0; m < c.nmodels; m++)
			sb_addf(&sb, "\n%s", c.rows[r].cells[m]);
		for (char *p = sb.buf; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (strstr(sb_str(&sb), word))
			rows[n++] = (int)r;
		sb_free(&sb);
	}
	return n;
}

/* ---- where you are ---- */

/* The top bar names the rows on the screen: the last named starts on it,
 * the one after does not; from 1 at Home to every row at End, each PgDn on. */
Test(compare, position_names_the_rows_shown)
{
	EACH_SESSION({
		struct position p = position(&s), prev = {0};
		cr_expect_eq(p.count, (int)c.nrows, "%s", where(&s));
		cr_expect_eq(p.first, 1, "%s: at the top", where(&s));
		cr_expect(!p.yours);
		for (int page = 0; page < 40; page++) {
			p = position(&s);
			cr_expect_geq(dimension_row(&s, (size_t)p.last - 1), 0,
				      "%s: row %d is named but not on the screen", where(&s), p.last);
			if (p.last < p.count)
				cr_expect_lt(dimension_row(&s, (size_t)p.last), 0,
					     "%s: row %d is on the screen but not named", where(&s), p.last + 1);
			cr_expect_geq(p.first, prev.first, "%s: PgDn went back", where(&s));
			cr_expect_leq(p.first, p.last);
			prev = p;
			session_key(&s, KEY_NPAGE);
		}
		cr_expect_eq(prev.last, (int)c.nrows, "%s: PgDn never reached the end", where(&s));
		session_key(&s, KEY_END);
		cr_expect_eq(position(&s).last, (int)c.nrows, "%s: at the end", where(&s));
		session_key(&s, KEY_HOME);
		cr_expect_eq(position(&s).first, 1, "%s: Home", where(&s));
	});
}

/* ---- only the rows your answers touch ---- */

Test(compare, filter_shows_only_the_touched_rows_and_back)
{
	size_t n = touched_count();
	cr_assert_gt(n, 0);
	cr_assert_lt(n, c.nrows, "the shipped answers touch some rows, not all");
	EACH_SESSION({
		type(&s, "f");
		struct position p = position(&s);
		cr_expect(p.yours, "%s: the top bar does not say the filter is on", where(&s));
		cr_expect_eq(p.count, (int)n, "%s: %d rows, not %zu", where(&s), p.count, n);
		char *filtered = text_fmt(&c, T_COMPARE_FILTERED, "mark", "", "filter", "f", NULL);
		filtered[12] = '\0'; /* its first words, before any wrap */
		cr_expect(row_has(&s, 2, filtered), "%s: the legend does not say so", where(&s));
		free(filtered);
		for (int page = 0; page < 30; page++) {
			for (size_t r = 0; r < c.nrows; r++)
				if (!touched(r))
					cr_expect_lt(dimension_row(&s, r), 0, "%s: untouched \"%s\" shows",
						     where(&s), c.rows[r].dimension);
			session_key(&s, KEY_NPAGE);
		}
		cr_expect_eq(position(&s).last, (int)n, "%s: the end of the filtered rows", where(&s));
		type(&s, "f");
		p = position(&s);
		cr_expect(!p.yours && p.count == (int)c.nrows && p.first == 1,
			  "%s: f again shows every row from the top: %d-%d of %d", where(&s), p.first,
			  p.last, p.count);
		cr_expect_geq(dimension_row(&s, 0), 0, "%s: the first row is back", where(&s));
	});
}

/* ---- finding a word ---- */

/* The found row is on the screen, highlighted; no other row is. */
static void expect_found(const struct session *s, int r)
{
	int y = dimension_row(s, (size_t)r);
	cr_expect_geq(y, 0, "%s: the found row \"%s\" is not on the screen", where(s),
		      c.rows[r].dimension);
	if (y >= 0)
		cr_expect(reversed(y), "%s: the found row is not highlighted", where(s));
	for (size_t o = 0; o < c.nrows; o++) {
		int oy = (int)o == r ? -1 : dimension_row(s, o);
		if (oy >= 0)
			cr_expect(!reversed(oy), "%s: \"%s\" is highlighted too", where(s),
				  c.rows[o].dimension);
	}
}

static void expect_nothing_found(const struct session *s)
{
	for (size_t o = 0; o < c.nrows; o++) {
		int oy = dimension_row(s, o);
		if (oy >= 0)
			cr_expect(!reversed(oy), "%s: \"%s\" is highlighted", where(s), c.rows[o].dimension);
	}
}

/* "/client": the first row that has it (any case), then n to each next one,
 * then round to the first again, each said on the status line. */
Test(compare, find_next_and_round_again)
{
	int rows[64];
	size_t n = rows_with("client", rows);
	cr_assert_geq(n, 2, "the content has \"client\" in several rows");
	EACH_SESSION({
		type(&s, "/CliEnt <Enter>");
		expect_found(&s, rows[0]);
		expect_status_fmt(&s, T_COMPARE_FOUND, "CliEnt", 1, (int)n);
		for (size_t k = 1; k < n; k++) {
			type(&s, "n");
			expect_found(&s, rows[k]);
			expect_status_fmt(&s, T_COMPARE_FOUND, "CliEnt", (int)k + 1, (int)n);
		}
		type(&s, "n");
		expect_found(&s, rows[0]);
		expect_status_fmt(&s, T_COMPARE_WRAPPED, "CliEnt", 1, (int)n);
		/* Enter on an empty prompt finds the last word again, from the top */
		type(&s, "n / <Enter>");
		expect_found(&s, rows[0]);
		/* Esc takes the highlight away */
		type(&s, "<Esc>");
		expect_nothing_found(&s);
	});
}

Test(compare, not_found_is_said)
{
	int rows[64];
	cr_assert_eq(rows_with("zzyzx", rows), 0);
	EACH_SESSION({
		struct position before = position(&s);
		type(&s, "/zzyzx <Enter>");
		expect_status_fmt(&s, T_COMPARE_NOT_FOUND, "zzyzx", 0, 0);
		expect_nothing_found(&s);
		cr_expect_eq(position(&s).first, before.first, "%s: the page moved", where(&s));
		type(&s, "n");
		expect_status_fmt(&s, T_COMPARE_NOT_FOUND, "zzyzx", 0, 0);
	});
}

/* A word only in a row the filter hides (an untouched row's dimension, in
 * no other row): not in your rows, and how to see them all; with every row
 * shown, n finds it. */
Test(compare, not_in_your_rows_is_said)
{
	int rows[64];
	char word[128] = "";

	for (size_t r = 0; r < c.nrows && !word[0]; r++) {
		if (touched(r))
			continue;
		snprintf(word, sizeof word, "%s", c.rows[r].dimension);
		for (char *p = word; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (rows_with(word, rows) != 1)
			word[0] = '\0';
	}
	cr_assert(word[0], "an untouched row has a dimension no other row has");
	EACH_SESSION({
		struct strbuf keys = {0};
		sb_add(&keys, "f /");
		for (const char *p = word; *p; p++)
			sb_addf(&keys, *p == ' ' ? " <Space> " : "%c", *p);
		sb_add(&keys, " <Enter>");
		type(&s, sb_str(&keys));
		sb_free(&keys);
		expect_status_fmt(&s, T_COMPARE_NOT_FOUND_YOURS, word, 0, 0);
		expect_nothing_found(&s);
		type(&s, "f n");
		expect_found(&s, rows[0]);
	});
}

/* Esc at the prompt: nothing looked for, the footer back, the page where it
 * was; then n has no word yet and says how to give one. */
Test(compare, esc_cancels_the_prompt)
{
	EACH_SESSION({
		type(&s, "<PgDn> /cli");
		struct position before = position(&s);
		char *foot = row(&s, s.lines - 1);
		char *label = shown(&s, text_get(&c, T_COMPARE_FIND_PROMPT));
		cr_expect(strstr(foot, label) && strstr(foot, "cli"), "%s: the prompt: \"%s\"", where(&s),
			  foot);
		free(foot);
		type(&s, "<Esc>");
		foot = row(&s, s.lines - 1);
		cr_expect(!strstr(foot, label) && strstr(foot, "? help"), "%s: the footer: \"%s\"",
			  where(&s), foot);
		free(foot);
		free(label);
		expect_nothing_found(&s);
		cr_expect_eq(position(&s).first, before.first, "%s: the page moved", where(&s));
		type(&s, "n");
		char *m = text_fmt(&c, T_COMPARE_FIND_FIRST, "find", "/", NULL);
		expect_status(&s, m);
		free(m);
	});
}

/* At the prompt every key types (q, ?, s do not quit, help or save),
 * Backspace erases, Ctrl-U clears, a resize keeps what is typed. */
Test(compare, prompt_line_editing)
{
	EACH_SESSION({
		type(&s, "/q?sn");
		char *foot = row(&s, s.lines - 1);
		cr_expect(strstr(foot, "q?sn"), "%s: typed: \"%s\"", where(&s), foot);
		free(foot);
		session_key(&s, 21); /* Ctrl-U */
		type(&s, "clienx <Backspace> <Resize:50x14> t");
		foot = row(&s, s.lines - 1);
		cr_expect(strstr(foot, "client") && !strstr(foot, "q?sn"), "%s: \"%s\"", where(&s), foot);
		free(foot);
		type(&s, "<Enter>");
		int rows[64];
		rows_with("client", rows);
		expect_found(&s, rows[0]);
	});
}

/* Far more than the prompt holds: it keeps one line, showing the end. */
Test(compare, a_long_word_stays_on_one_line)
{
	EACH_SESSION({
		type(&s, "/");
		for (int i = 0; i < 100; i++)
			session_key(&s, 'a' + i % 26);
		char *foot = row(&s, s.lines - 1), *above = row(&s, s.lines - 2);
		cr_expect(strstr(foot, text_get(&c, T_COMPARE_FIND_PROMPT)), "%s: \"%s\"", where(&s), foot);
		cr_expect(!strstr(above, "abc"), "%s: the prompt ran onto another row", where(&s));
		free(foot);
		free(above);
		type(&s, "<Enter>");
		expect_nothing_found(&s);
	});
}

/* The comparison's keys are in its footer (as far as room allows) and its
 * help; not in the help over another screen. */
Test(compare, keys_only_where_they_work)
{
	static const enum action own[] = {ACT_FIND, ACT_FIND_NEXT, ACT_FILTER};
	struct session s;

	cr_assert_eq(session_open(&s, &c, 200, 50, 1, NULL), 0);
	type(&s, TO_COMPARE " ?");
	char *all = screen_dump(s.lines, s.cols, 0);
	for (size_t i = 0; i < 3; i++) {
		struct key_help kh;
		cr_assert(keys_help_row(&c, own[i], &kh));
		cr_expect(strstr(all, kh.what), "the help over the comparison lacks \"%s\"", kh.what);
	}
	free(all);
	session_close(&s);
	cr_assert_eq(session_open(&s, &c, 200, 50, 1, NULL), 0);
	type(&s, "<Enter> ?");
	all = screen_dump(s.lines, s.cols, 0);
	for (size_t i = 0; i < 3; i++) {
		struct key_help kh;
		keys_help_row(&c, own[i], &kh);
		cr_expect(!strstr(all, kh.what), "the help over a question lists \"%s\"", kh.what);
	}
	free(all);
	session_close(&s);
	cr_assert_eq(session_open(&s, &c, 200, 50, 1, NULL), 0);
	type(&s, TO_COMPARE);
	char *foot = row(&s, s.lines - 1);
	cr_expect(strstr(foot, "/ find") && strstr(foot, "n next") && strstr(foot, "f your rows"),
		  "200 columns: the footer \"%s\"", foot);
	free(foot);
	session_close(&s);
}

/* New answers show the whole table again, with nothing found. */
Test(compare, new_answers_reset_the_view)
{
	struct session s;

	open_compare(&s, 80, 24, 1);
	type(&s, "f /client <Enter>");
	cr_expect(position(&s).yours);
	/* back to the review, change the first answer, and on to the comparison */
	type(&s, "<Left> <Left> <Home> <Enter> 2 <End> <Enter> <Tab>");
	struct position p = position(&s);
	cr_expect(!p.yours && p.first == 1 && p.count == (int)c.nrows, "rows %d-%d of %d, %s", p.first,
		  p.last, p.count, p.yours ? "yours" : "all");
	expect_nothing_found(&s);
	session_close(&s);
}
