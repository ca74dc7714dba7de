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
	char *s = text_fmt(&c, T_RESULT_FLIP, "question", "Volume", "answer", "High", "model", "BPO",
			   NULL);
	cr_expect_str_eq(s, "Volume: answering \"High\" would make it BPO.");
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
	load_texts_with("flip = {question}: answering \"{answer}\" would make it {model}.",
			"flip = {question}: {answr} would make it {model} {{ok}} {open");
	cr_expect(says("result/flip: unknown placeholder {answr}; this text takes: "
				  "question answer model"), "%s", diag_text(&d));
	cr_expect(says("result/flip: must use {answer}"), "%s", diag_text(&d));
	cr_expect(says("result/flip: '{' is not closed"), "%s", diag_text(&d));
	cr_expect_eq(d.n, 3, "%s", diag_text(&d));
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
