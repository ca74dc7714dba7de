/* The sanitiser: every class of dangerous character under every policy, and
 * through every old entry point (sb_add_safe, text_for_terminal, md_add,
 * jw_string, resultlog_add_cell), so no output path can let one through.
 * Ordinary text must pass unchanged, apart from each format's own escaping. */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "markdown.h"
#include "resultlog.h"
#include "sanitize.h"

/* A dangerous character (or invalid sequence) and how it decodes: units is
 * how many characters utf8_decode makes of it (an invalid sequence is one
 * U+FFFD per byte), cp the code point JSON escapes when it is valid. */
struct sample {
	const char *name;
	const char *bytes;
	enum danger d;
	int units;
	unsigned cp;
};

static const struct sample samples[] = {
	{"SOH", "\x01", DANGER_CONTROL, 1, 0x01},
	{"BEL", "\x07", DANGER_CONTROL, 1, 0x07},
	{"ESC", "\x1b", DANGER_CONTROL, 1, 0x1b},
	{"US", "\x1f", DANGER_CONTROL, 1, 0x1f},
	{"DEL", "\x7f", DANGER_CONTROL, 1, 0x7f},
	{"U+0080", "\xc2\x80", DANGER_CONTROL, 1, 0x80},
	{"NEL U+0085", "\xc2\x85", DANGER_CONTROL, 1, 0x85},
	{"CSI U+009B", "\xc2\x9b", DANGER_CONTROL, 1, 0x9b},
	{"APC U+009F", "\xc2\x9f", DANGER_CONTROL, 1, 0x9f},
	{"LINE SEPARATOR", "\xe2\x80\xa8", DANGER_LINE_SEP, 1, 0x2028},
	{"PARAGRAPH SEPARATOR", "\xe2\x80\xa9", DANGER_LINE_SEP, 1, 0x2029},
	{"LRE", "\xe2\x80\xaa", DANGER_BIDI, 1, 0x202a},
	{"RLE", "\xe2\x80\xab", DANGER_BIDI, 1, 0x202b},
	{"PDF", "\xe2\x80\xac", DANGER_BIDI, 1, 0x202c},
	{"LRO", "\xe2\x80\xad", DANGER_BIDI, 1, 0x202d},
	{"RLO", "\xe2\x80\xae", DANGER_BIDI, 1, 0x202e},
	{"LRI", "\xe2\x81\xa6", DANGER_BIDI, 1, 0x2066},
	{"RLI", "\xe2\x81\xa7", DANGER_BIDI, 1, 0x2067},
	{"FSI", "\xe2\x81\xa8", DANGER_BIDI, 1, 0x2068},
	{"PDI", "\xe2\x81\xa9", DANGER_BIDI, 1, 0x2069},
	{"byte FF", "\xff", DANGER_INVALID, 1, 0xfffd},
	{"lone continuation", "\x80", DANGER_INVALID, 1, 0xfffd},
	{"overlong '/'", "\xc0\xaf", DANGER_INVALID, 2, 0xfffd},
	{"truncated", "\xe2\x80", DANGER_INVALID, 2, 0xfffd},
	{"surrogate", "\xed\xa0\x80", DANGER_INVALID, 3, 0xfffd},
	{"above U+10FFFF", "\xf4\x90\x80\x80", DANGER_INVALID, 4, 0xfffd},
};
#define NSAMPLES (sizeof samples / sizeof samples[0])

/* "a" + s + "b", so the sample sits between ordinary letters. */
static char *framed(const struct sample *s)
{
	char *t = malloc(strlen(s->bytes) + 3);
	sprintf(t, "a%sb", s->bytes);
	return t;
}

/* What a policy that writes one replacement per unit makes of the frame. */
static char *expect_each(const struct sample *s, const char *each, const char *open,
			 const char *close)
{
	struct strbuf sb = {0};
	sb_add(&sb, open);
	sb_addc(&sb, 'a');
	for (int i = 0; i < s->units; i++)
		sb_add(&sb, each);
	sb_addc(&sb, 'b');
	sb_add(&sb, close);
	return sb_take(&sb);
}

static void check(const char *what, const struct sample *s, const char *got, const char *want)
{
	cr_expect_str_eq(got, want, "%s, %s: got \"%s\"", what, s->name, got);
}

static char *policy(const char *in, enum sanitize_policy p, unsigned flags)
{
	return sanitize_dup(in, p, flags);
}

Test(sanitize, the_rule_classifies_every_sample)
{
	for (size_t i = 0; i < NSAMPLES; i++) {
		const struct sample *s = &samples[i];
		unsigned cp;
		enum danger d;
		size_t n = sanitize_next(s->bytes, strlen(s->bytes), &cp, &d);
		cr_expect_eq(d, s->d, "%s: class %d", s->name, (int)d);
		cr_expect_eq(cp, s->cp, "%s: U+%04X", s->name, cp);
		if (s->units == 1)
			cr_expect_eq(n, strlen(s->bytes), "%s: length %zu", s->name, n);
	}
}

Test(sanitize, terminal_and_markdown_write_a_question_mark)
{
	static const unsigned flags[] = {0, SANITIZE_KEEP_NEWLINES, SANITIZE_ASCII,
					 SANITIZE_ASCII | SANITIZE_KEEP_NEWLINES};
	for (size_t i = 0; i < NSAMPLES; i++) {
		const struct sample *s = &samples[i];
		char *in = framed(s), *want = expect_each(s, "?", "", "");
		for (size_t f = 0; f < sizeof flags / sizeof flags[0]; f++) {
			char *t = policy(in, SANITIZE_TERMINAL, flags[f]);
			check("terminal", s, t, want);
			free(t);
			t = policy(in, SANITIZE_MARKDOWN, flags[f] & SANITIZE_KEEP_NEWLINES);
			check("markdown", s, t, want);
			free(t);
		}
		free(in);
		free(want);
	}
}

Test(sanitize, json_escapes_each_as_u)
{
	for (size_t i = 0; i < NSAMPLES; i++) {
		const struct sample *s = &samples[i];
		char esc[8];
		snprintf(esc, sizeof esc, "\\u%04x", s->cp);
		char *in = framed(s), *want = expect_each(s, esc, "\"", "\"");
		char *t = policy(in, SANITIZE_JSON, 0);
		check("json", s, t, want);
		free(t);
		free(in);
		free(want);
	}
}

Test(sanitize, csv_drops_each_and_replaces_invalid_bytes)
{
	for (size_t i = 0; i < NSAMPLES; i++) {
		const struct sample *s = &samples[i];
		const char *each = s->d == DANGER_INVALID ? "\xef\xbf\xbd" : "";
		char *in = framed(s), *want = expect_each(s, each, "", "");
		char *t = policy(in, SANITIZE_CSV, 0);
		check("csv", s, t, want);
		free(t);
		free(in);
		free(want);
	}
}

/* The old entry points are the same policies: in particular sb_add_safe,
 * which let U+2028/2029 and invalid bytes through before. */
Test(sanitize, every_entry_point_follows_its_policy)
{
	for (size_t i = 0; i < NSAMPLES; i++) {
		const struct sample *s = &samples[i];
		char *in = framed(s), *q = expect_each(s, "?", "", "");
		struct strbuf sb = {0};
		for (int keep = 0; keep <= 1; keep++) {
			sb_add_safe(&sb, in, keep);
			check("sb_add_safe", s, sb_str(&sb), q);
			sb_reset(&sb);
			char *t = text_for_terminal(in, keep, keep);
			check("text_for_terminal", s, t, q);
			free(t);
			md_add(&sb, in, keep);
			check("md_add", s, sb_str(&sb), q);
			sb_reset(&sb);
		}
		struct json_writer j;
		jw_init(&j, &sb);
		jw_string(&j, in);
		char *want = policy(in, SANITIZE_JSON, 0);
		check("jw_string", s, sb_str(&sb), want);
		free(want);
		sb_reset(&sb);
		resultlog_add_cell(&sb, in);
		want = policy(in, SANITIZE_CSV, 0);
		check("resultlog_add_cell", s, sb_str(&sb), want);
		free(want);
		sb_free(&sb);
		free(in);
		free(q);
	}
}

/* Tab, newline and carriage return are controls, but each policy has its own
 * use for them. */
Test(sanitize, tab_newline_and_return_per_policy)
{
	const char *in = "a\tb\nc\rd";
	struct {
		enum sanitize_policy p;
		unsigned flags;
		const char *want;
	} cases[] = {
		{SANITIZE_TERMINAL, 0, "a b?c?d"},
		{SANITIZE_TERMINAL, SANITIZE_KEEP_NEWLINES, "a b\nc?d"},
		{SANITIZE_MARKDOWN, 0, "a b c d"},
		{SANITIZE_MARKDOWN, SANITIZE_KEEP_NEWLINES, "a b\nc d"},
		{SANITIZE_JSON, 0, "\"a\\u0009b\\u000ac\\u000dd\""},
		{SANITIZE_CSV, 0, "abcd"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = policy(in, cases[i].p, cases[i].flags);
		cr_expect_str_eq(t, cases[i].want, "case %zu: got \"%s\"", i, t);
		free(t);
	}
}

/* Ordinary text, including its near neighbours of the dangerous ranges and a
 * real U+FFFD, passes every policy unchanged; on a terminal, the unassigned
 * U+2065 among them is a '?' (wcwidth -1: the C library does not print it,
 * and a terminal may draw it any width). */
Test(sanitize, ordinary_text_passes)
{
	const char *in = "Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x99\x82 \xc2\xa0"
			 "\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa\xef\xbf\xbd ok";
	const char *on_terminal = "Caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x99\x82 \xc2\xa0"
				  "\xe2\x80\xa7\xe2\x80\xaf?\xe2\x81\xaa\xef\xbf\xbd ok";
	static const enum sanitize_policy ps[] = {SANITIZE_TERMINAL, SANITIZE_MARKDOWN,
						  SANITIZE_CSV};
	for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
		char *t = policy(in, ps[i], SANITIZE_KEEP_NEWLINES);
		const char *want = ps[i] == SANITIZE_TERMINAL ? on_terminal : in;
		cr_expect_str_eq(t, want, "policy %d: got \"%s\"", (int)ps[i], t);
		free(t);
	}
	char *t = policy(in, SANITIZE_JSON, 0);
	cr_expect_eq(strlen(t), strlen(in) + 2);
	cr_expect(t[0] == '"' && strncmp(t + 1, in, strlen(in)) == 0, "%s", t);
	free(t);
}

Test(sanitize, terminal_ascii_look_alikes)
{
	char *t = text_for_terminal("\xe2\x80\x94 \xe2\x80\x9cq\xe2\x80\x9d caf\xc3\xa9 "
				    "e\xcc\x81 \xe6\x97\xa5 \xe2\x80\xa6",
				    1, 0);
	cr_expect_str_eq(t, "-- \"q\" cafe e ? ...");
	free(t);
}

Test(sanitize, markdown_escapes)
{
	struct strbuf sb = {0};
	md_add(&sb, "# a*b_c [l](x) <b> |t| `c` \\", 1);
	cr_expect_str_eq(sb_str(&sb), "\\# a\\*b\\_c \\[l\\](x) \\<b\\> \\|t\\| \\`c\\` \\\\");
	sb_reset(&sb);
	md_add(&sb, "12. x\n- y\n3) z\n+ w", 0);
	cr_expect_str_eq(sb_str(&sb), "12\\. x\n\\- y\n3\\) z\n\\+ w");
	sb_reset(&sb);
	md_add(&sb, "12. x\n- y", 1);
	cr_expect_str_eq(sb_str(&sb), "12\\. x - y");
	sb_free(&sb);
}

Test(sanitize, json_quotes_and_null)
{
	char *t = policy("say \"hi\" \\ now", SANITIZE_JSON, 0);
	cr_expect_str_eq(t, "\"say \\\"hi\\\" \\\\ now\"");
	free(t);
	t = policy(NULL, SANITIZE_JSON, 0);
	cr_expect_str_eq(t, "\"\"");
	free(t);
	t = policy(NULL, SANITIZE_TERMINAL, 0);
	cr_expect_str_eq(t, "");
	free(t);
}

/* Removing a dangerous character first can uncover a formula: it is
 * neutralised after cleaning. */
Test(sanitize, csv_formulas_and_quoting)
{
	struct {
		const char *in, *want;
	} cases[] = {
		{"=1+1", "'=1+1"},       {"+1", "'+1"},
		{"-1", "'-1"},           {"@SUM(A1)", "'@SUM(A1)"},
		{"'x", "''x"},           {"\t=1", "'=1"},
		{"\xe2\x80\xa8=1", "'=1"}, {"\xe2\x80\xae@x", "'@x"},
		{"a,b", "\"a,b\""},      {"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"=a,b", "\"'=a,b\""},   {"plain", "plain"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = policy(cases[i].in, SANITIZE_CSV, 0);
		cr_expect_str_eq(t, cases[i].want, "case %zu: got \"%s\"", i, t);
		free(t);
	}
}

/* locale_setup: the environment's locale for characters, "C" for numbers,
 * so printf writes '.' whatever LC_ALL says (issue 10). */
Test(sanitize, locale_setup_keeps_numbers_with_a_point)
{
	char buf[32];

	setenv("LC_ALL", "C.UTF-8", 1);
	locale_setup();
	if (!setlocale(LC_CTYPE, NULL) || strcmp(setlocale(LC_CTYPE, NULL), "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	cr_assert(locale_is_utf8());
	cr_assert_str_eq(setlocale(LC_NUMERIC, NULL), "C");
	snprintf(buf, sizeof buf, "%.2f", 0.35);
	cr_assert_str_eq(buf, "0.35");
}

/* On a terminal the emoji variation selector goes (terminals disagree on
 * whether it makes the character before it two columns wide, and wcwidth
 * gives it none), and a character the C library does not print (wcwidth -1,
 * here the unassigned U+0378 and the noncharacter U+FFFE) is a '?'; in UTF-8
 * and in LANG=C alike. The other formats keep both: they are no terminal. */
Test(sanitize, terminal_drops_the_emoji_selector_and_marks_unprintables)
{
	static const char *const locales[] = {"C.UTF-8", "C"};
	const char *in = "\xe2\x9d\xa4\xef\xb8\x8f \xf0\x9f\x91\x8d\xef\xb8\x8f a\xcd\xb8"
			 "b\xef\xbf\xbe";

	for (size_t l = 0; l < 2; l++) {
		if (!setlocale(LC_CTYPE, locales[l]))
			cr_skip_test("no %s locale", locales[l]);
		char *t = text_for_terminal(in, 0, 0);
		cr_expect_str_eq(t, "\xe2\x9d\xa4 \xf0\x9f\x91\x8d a?b?", "%s: got \"%s\"", locales[l], t);
		free(t);
		t = policy(in, SANITIZE_MARKDOWN, 0);
		cr_expect_str_eq(t, in, "%s markdown: got \"%s\"", locales[l], t);
		free(t);
	}
	setlocale(LC_CTYPE, "C");
}
