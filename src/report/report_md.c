/* The markdown report: a handout a trainer can print or render, with the
 * comparison as a real table. Every word comes from the string table
 * (texts.h) and every content text goes through md_add or md_text
 * (markdown.h), which escape what markdown would interpret and neutralise
 * dangerous characters. In sentences some values are in bold, as before the
 * words moved to texts.ini: the question of a reason, the answer and the
 * model of a flip. */
#include <stdlib.h>

#include "bar.h"
#include "markdown.h"
#include "report_writers.h"

#define BAR_WIDTH 20

static void md_title(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	char *headline = verdict_headline(c, v);
	char *split = verdict_split_detail(c, v);

	if (c->title && *c->title) {
		md_line(out, "# ", c->title);
		sb_addc(out, '\n');
	}
	md_line(out, "## ", headline);
	sb_add(out, "\n**");
	md_add(out, text_get(c, T_RESULT_STRENGTH), 1);
	sb_add(out, ":** ");
	md_line(out, "", text_strength(c, v->strength));
	if (split) {
		sb_addc(out, '\n');
		md_add(out, split, 0);
		sb_addc(out, '\n');
	}
	free(headline);
	free(split);
}

static void md_scores(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	char *legend = text_fmt(c, T_RESULT_SCORES_NOTE, "marker", (char[]){'`', BALANCE_ASCII_MARKER, '`', 0},
				"zone", (char[]){'`', BALANCE_ASCII_ZONE, '`', 0}, NULL);

	md_section(out, text_get(c, T_RESULT_SCORES));
	sb_add(out, "**");
	md_add(out, content_model_name(c, v->left), 1);
	sb_add(out, "** `");
	report_balance(out, v->balance, v->split_band, BAR_WIDTH);
	sb_add(out, "` **");
	md_add(out, content_model_name(c, v->right), 1);
	sb_add(out, "**\n\n");
	md_line(out, "", legend);
	free(legend);
}

static void md_reason(const struct content *c, const struct reason *r, struct strbuf *out)
{
	sb_add(out, "- ");
	md_text(out, c, T_RESULT_REASON, "question", "question",
		content_question_title(&c->questions[r->question]), "answer",
		content_option_label_at(c, r->question, r->option), "model",
		content_model_name(c, r->model), NULL);
	sb_addc(out, '\n');
}

static void md_reasons(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	size_t idx[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	size_t n = verdict_pick_reasons(v, 1, VERDICT_REASONS_FOR, idx);

	md_section(out, text_get(c, T_RESULT_WHY));
	if (n == 0)
		md_line(out, "- ", text_get(c, T_RESULT_NO_REASONS));
	for (size_t i = 0; i < n; i++)
		md_reason(c, &v->reasons[idx[i]], out);
	n = verdict_pick_reasons(v, 0, VERDICT_REASONS_AGAINST, idx);
	if (n == 0)
		return;
	sb_addc(out, '\n');
	md_line(out, "### ", text_get(c, T_RESULT_AGAINST));
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++)
		md_reason(c, &v->reasons[idx[i]], out);
}

static void md_flips(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	md_section(out, text_get(c, T_RESULT_FLIPS));
	if (v->nflips == 0)
		md_line(out, "", text_get(c, T_RESULT_NO_FLIPS));
	for (size_t i = 0; i < v->nflips; i++) {
		const struct flip *f = &v->flips[i];
		sb_add(out, "- ");
		char *result = flip_result_text(c, f);
		if (f->question2 < 0)
			md_text(out, c, T_RESULT_FLIP, "answer", "question",
				content_question_title(&c->questions[f->question]), "answer",
				content_option_label_at(c, f->question, f->option), "result", result, NULL);
		else
			md_text(out, c, T_RESULT_FLIP_PAIR, "answer answer2", "question",
				content_question_title(&c->questions[f->question]), "answer",
				content_option_label_at(c, f->question, f->option), "question2",
				content_question_title(&c->questions[f->question2]), "answer2",
				content_option_label_at(c, f->question2, f->option2), "result", result, NULL);
		free(result);
		sb_addc(out, '\n');
	}
}

static void md_advisories(const struct content *c, const struct verdict *v,
			  struct strbuf *out)
{
	md_section(out, text_get(c, T_RESULT_ADVISORIES));
	if (v->nadvisories == 0)
		md_line(out, "", text_get(c, T_RESULT_NO_ADVISORIES));
	for (size_t i = 0; i < v->nadvisories; i++) {
		const struct advisory *ad = &c->advisories[v->advisories[i]];
		sb_add(out, "- **");
		md_add(out, ad->title, 1);
		sb_add(out, ":** ");
		md_line(out, "", ad->text);
	}
}

static void md_table_header(const struct content *c, struct strbuf *out)
{
	sb_add(out, "| ");
	md_add(out, text_get(c, T_COMPARE_DIMENSION), 1);
	sb_add(out, " |");
	for (size_t m = 0; m < c->nmodels; m++) {
		sb_addc(out, ' ');
		md_add(out, content_model_name(c, (int)m), 1);
		sb_add(out, " |");
	}
	sb_add(out, "\n| --- |");
	for (size_t m = 0; m < c->nmodels; m++)
		sb_add(out, " --- |");
	sb_addc(out, '\n');
}

static void md_table_row(const struct content *c, const struct verdict *v, size_t r,
			 struct strbuf *out)
{
	const struct row *row = &c->rows[r];
	int marked = v->row_side ? v->row_side[r] : -1;

	sb_add(out, "| ");
	md_add(out, row->dimension, 1);
	sb_add(out, " |");
	for (size_t m = 0; m < c->nmodels; m++) {
		sb_add(out, (int)m == marked ? " \\* " : " ");
		md_add(out, row->cells[m], 1);
		sb_add(out, " |");
	}
	sb_addc(out, '\n');
}

/* The legend as the screen words it: the mark explained when a row has it. */
static void md_legend(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	int any = 0;

	for (size_t r = 0; r < c->nrows && v->row_side; r++)
		any |= v->row_side[r] >= 0;
	if (any)
		md_text(out, c, T_COMPARE_LEGEND, "", "mark", "*", NULL);
	else
		md_add(out, text_get(c, T_COMPARE_LEGEND_NONE), 1);
	sb_add(out, "\n\n");
}

static void md_comparison(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	md_section(out, text_get(c, T_COMPARE_HEADING));
	md_legend(c, v, out);
	md_table_header(c, out);
	for (size_t r = 0; r < c->nrows; r++)
		md_table_row(c, v, r, out);
}

static void md_services(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	const struct model *m = content_model_at(c, v->winner);
	char *heading = text_fmt(c, T_RESULT_SERVICES, "model", content_model_name(c, v->winner),
				 NULL);

	md_section(out, heading);
	free(heading);
	if (!m)
		return;
	for (size_t i = 0; i < m->services.n; i++)
		md_line(out, "- ", m->services.texts[i]);
}

/* "*What to do:* " before a mitigation, after indent. */
static void md_what_to_do(const struct content *c, const char *indent, const char *mitigation,
			  struct strbuf *out)
{
	sb_add(out, indent);
	sb_add(out, "- *");
	md_add(out, text_get(c, T_RESULT_WHAT_TO_DO), 1);
	sb_add(out, ":* ");
	md_line(out, "", mitigation);
}

static void md_risks(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	const struct model *m = content_model_at(c, v->winner);

	md_section(out, text_get(c, T_RESULT_RISKS));
	if (!m)
		return;
	for (size_t i = 0; i < m->risks.n; i++) {
		int j = content_mitigation_for(m, i);
		md_line(out, "- ", m->risks.texts[i]);
		if (j >= 0)
			md_what_to_do(c, "  ", m->mitigations.texts[j], out);
	}
	for (size_t j = 0; j < m->mitigations.n; j++)
		if (content_mitigation_unpaired(m, j))
			md_what_to_do(c, "", m->mitigations.texts[j], out);
}

static void md_answers(const struct content *c, const struct answers *a, struct strbuf *out)
{
	md_section(out, text_get(c, T_RESULT_ANSWERS));
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const struct qoption *o = content_chosen_option(qu, answers_choice(a, q));
		sb_add(out, "- **");
		md_add(out, content_question_title(qu), 1);
		sb_add(out, ":** ");
		md_line(out, "", content_option_label(c, o));
	}
}

void report_write_md(const struct content *c, const struct answers *a,
		     const struct verdict *v, struct strbuf *out)
{
	md_title(c, v, out);
	md_scores(c, v, out);
	md_reasons(c, v, out);
	md_flips(c, v, out);
	md_advisories(c, v, out);
	md_comparison(c, v, out);
	md_services(c, v, out);
	md_risks(c, v, out);
	md_answers(c, a, out);
}
