/* The string table: placeholders filled the same way for every writer, and
 * texts.ini held to text_ids.def by the content check. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "testutil.h"
#include "texts.h"

static struct content c;
static struct diags d;

static void teardown(void)
{
	content_free(&c);
	diags_free(&d);
}

TestSuite(texts, .fini = teardown);

/* 1 when a diagnostic, as printed ("file:line: where: what"), contains text. */
static int says(const char *text)
{
	return strstr(diag_text(&d), text) != NULL;
}

static void collect(void *ctx, const char *s, size_t n, int is_value)
{
	struct strbuf *sb = ctx;
	if (is_value)
		sb_addc(sb, '<');
	sb_addn(sb, s, n);
	if (is_value)
		sb_addc(sb, '>');
}

static char *expand(const char *tmpl, const struct text_arg *args, size_t n)
{
	struct strbuf sb = {0};
	text_expand(tmpl, args, n, collect, &sb);
	return sb_take(&sb);
}

Test(texts, expand_marks_values_and_keeps_the_rest)
{
	const struct text_arg args[] = {{"model", "KPO"}, {"count", "3"}};
	struct {
		const char *in, *out;
	} cases[] = {
		{"We recommend {model}", "We recommend <KPO>"},
		{"{count} of {count}", "<3> of <3>"},
		{"{model}{count}", "<KPO><3>"},
		{"no placeholder", "no placeholder"},
		{"{{model}} stays", "{model}} stays"},
		{"{unknown} is shown", "{unknown} is shown"},
		{"an open { brace", "an open { brace"},
		{"ends with {", "ends with {"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = expand(cases[i].in, args, 2);
		cr_expect_str_eq(got, cases[i].out, "'%s'", cases[i].in);
		free(got);
	}
}

Test(texts, shipped_table_is_complete)
{
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "%s", diag_text(&d));
	for (int id = 0; id < T_COUNT; id++)
		cr_expect(text_get(&c, (enum text_id)id)[0], "%s/%s is empty",
			  text_section((enum text_id)id), text_key((enum text_id)id));
	char *s = text_fmt(&c, T_RESULT_FLIP, "question", "Volume", "answer", "High", "result",
			   "would make it a split", NULL);
	cr_expect_str_eq(s, "Volume: answering \"High\" would make it a split.");
	free(s);
	struct strbuf sb = {0};
	sb_add(&sb, "> ");
	text_add(&sb, &c, T_SCREEN_STATUS_QUESTION, "number", "2", "count", "12", NULL);
	cr_expect_str_eq(sb_str(&sb), "> Question 2 of 12");
	sb_free(&sb);
}

static void load_texts_with(const char *from, const char *to)
{
	size_t len;
	char *base = read_text(OW_CONTENT_SOURCE "/texts.ini", &len);
	char *at = strstr(base, from);
	cr_assert_not_null(at, "%s not in texts.ini", from);
	struct strbuf sb = {0};
	sb_addn(&sb, base, (size_t)(at - base));
	sb_add(&sb, to);
	sb_add(&sb, at + strlen(from));
	load_fixture("mini", F_TEXTS, sb_str(&sb), &c, &d);
	sb_free(&sb);
	free(base);
}

Test(texts, placeholders_checked)
{
	load_texts_with("flip = {question}: answering \"{answer}\" {result}.",
			"flip = {question}: {answr} {result} {{ok}} {open");
	cr_expect(says("result/flip: unknown placeholder {answr}; this text takes: "
				  "question answer result"), "%s", diag_text(&d));
	cr_expect(says("result/flip: must use {answer}"), "%s", diag_text(&d));
	cr_expect(says("result/flip: '{' is not closed"), "%s", diag_text(&d));
	cr_expect_eq(d.n, 3, "%s", diag_text(&d));
	diags_free(&d);
	/* "{{model}" is a brace and a word: the text would show "{model}". */
	load_texts_with("headline_clear = We recommend {model}", "headline_clear = We recommend {{model}");
	cr_expect(says("result/headline_clear: must use {model}"), "%s", diag_text(&d));
}

Test(texts, missing_and_empty_keys)
{
	load_texts_with("why = Why\n", "why =\n");
	cr_expect(says("result/why: is empty"), "%s", diag_text(&d));
	diags_free(&d);
	load_texts_with("no_flips = ", "; no_flips = ");
	cr_expect(says("result/no_flips: missing"), "%s", diag_text(&d));
}

Test(texts, every_problem_named_with_its_line)
{
	size_t len;
	char *base = read_text(OW_CONTENT_SOURCE "/texts.ini", &len);
	int line = 2; /* the line after [compare] */
	for (const char *p = base; p < strstr(base, "[compare]\n"); p++)
		line += *p == '\n';
	free(base);
	char want[64];
	snprintf(want, sizeof want, "texts.ini:%d: compare/nonsense: unknown key", line);
	load_texts_with("[compare]\n", "[compare]\nnonsense = x\n");
	cr_expect(says(want), "%s", diag_text(&d));
	diags_free(&d);
	content_free(&c);
	load_fixture_plus("mini", F_TEXTS, "[nowhere]\na = b\n", &c, &d);
	cr_expect(says(": nowhere: unknown section"), "%s", diag_text(&d));
	cr_expect_eq(d.n, 1, "one message for the section, none per key: %s", diag_text(&d));
}

/* The line of [section] key in an INI text, 0 if it has none. */
static int line_of(const char *text, const char *section, const char *key, const char **at)
{
	char head[64], want[64];
	int in = 0, line = 1;

	snprintf(head, sizeof head, "[%s]", section);
	snprintf(want, sizeof want, "%s = ", key);
	for (const char *p = text; *p; line++) {
		size_t n = strcspn(p, "\n");
		if (*p == '[')
			in = !strncmp(p, head, strlen(head));
		else if (in && !strncmp(p, want, strlen(want))) {
			*at = p;
			return line;
		}
		p += n + (p[n] == '\n');
	}
	return 0;
}

/* texts.ini with a typo in id's line: its first placeholder gets an 'x'
 * (typo says how it reads now); a line using none gets " {<first>x}". */
static char *with_typo(const char *base, enum text_id id, int *line, char *typo, size_t size)
{
	const char *at = NULL, *ph = text_placeholders(id);
	struct strbuf sb = {0};

	*line = line_of(base, text_section(id), text_key(id), &at);
	cr_assert(*line > 0, "%s/%s not in texts.ini", text_section(id), text_key(id));
	size_t eol = strcspn(at, "\n");
	const char *open = memchr(at, '{', eol), *close = open ? strchr(open, '}') : NULL;
	if (close) {
		snprintf(typo, size, "{%.*sx}", (int)(close - open - 1), open + 1);
		sb_addn(&sb, base, (size_t)(close - base));
		sb_addc(&sb, 'x');
		sb_add(&sb, close);
	} else {
		snprintf(typo, size, "{%.*sx}", (int)strcspn(ph, " ?"), ph);
		sb_addn(&sb, base, (size_t)(at + eol - base));
		sb_addc(&sb, ' ');
		sb_add(&sb, typo);
		sb_add(&sb, at + eol);
	}
	return sb_take(&sb);
}

/* Every text that takes a value, reports' and headlines' alike: a typo in
 * its placeholder is named with texts.ini's line and the key. */
Test(texts, typo_in_any_placeholder_named_with_line_and_key)
{
	size_t len, tried = 0;
	char *base = read_text(OW_CONTENT_SOURCE "/texts.ini", &len);

	for (int id = 0; id < T_COUNT; id++) {
		if (!*text_placeholders((enum text_id)id))
			continue;
		tried++;
		int line;
		char typo[64], want[160];
		char *text = with_typo(base, (enum text_id)id, &line, typo, sizeof typo);
		cr_expect_neq(load_fixture("mini", F_TEXTS, text, &c, &d), 0);
		snprintf(want, sizeof want, "texts.ini:%d: %s/%s: unknown placeholder %s", line,
			 text_section((enum text_id)id), text_key((enum text_id)id), typo);
		cr_expect(says(want), "want %s, got %s", want, diag_text(&d));
		content_free(&c);
		diags_free(&d);
		free(text);
	}
	cr_expect_geq(tried, 30, "only %zu texts take a value?", tried);
	free(base);
}

Test(texts, optional_placeholder_may_be_left_out_or_used)
{
	load_texts_with("headline_split = Split the work between {first} and {second}",
			"headline_split = Split the work, {first} first");
	cr_expect_eq(d.n, 0, "%s", diag_text(&d));
	char *s = text_fmt(&c, T_RESULT_HEADLINE_SPLIT, "first", "BPO", "second", "KPO", NULL);
	cr_expect_str_eq(s, "Split the work, BPO first");
	free(s);
	content_free(&c);
	load_texts_with("headline_split = Split the work between {first} and {second}",
			"headline_split = Split the work: {models}");
	cr_expect(says("result/headline_split: unknown placeholder {models}; this text takes: "
		       "first (optional) second (optional)"), "%s", diag_text(&d));
	cr_expect_eq(d.n, 1, "%s", diag_text(&d));
	diags_free(&d);
	content_free(&c);
	load_texts_with("headline_clear = We recommend {model}", "headline_clear = We recommend it");
	cr_expect(says("result/headline_clear: must use {model}"), "%s", diag_text(&d));
}

Test(texts, old_wording_section_points_to_texts_ini)
{
	load_fixture_plus("mini", F_WIZARD, "\n[wording]\nclear = We recommend {model}\n", &c, &d);
	cr_expect(says("wizard.ini:"), "%s", diag_text(&d));
	cr_expect(says(": wording: has moved to texts.ini: [result] headline_clear, "
		       "headline_leaning, headline_split and split_detail"), "%s", diag_text(&d));
	cr_expect_eq(d.n, 1, "one message, none per key: %s", diag_text(&d));
}

Test(texts, strength_and_mode_words)
{
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "%s", diag_text(&d));
	cr_expect_str_eq(text_strength(&c, STRENGTH_LEANING), "leaning");
	cr_expect_eq(text_find("mode", "kiosk"), T_MODE_KIOSK);
	cr_expect_eq(text_find("mode", "nonsense"), -1);
	cr_expect_eq(text_find("strength", "split"), T_STRENGTH_SPLIT);
	char *h = text_fmt(&c, T_RESULT_HEADLINE_LEANING, "model", "KPO", NULL);
	cr_expect_str_eq(h, "KPO looks the better fit");
	free(h);
}
