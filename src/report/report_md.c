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

#define BAR_WIDTH 30 /* as in the text report */

static void md_title(const struct content *c, const struct answers *a, const struct verdict *v,
		     struct strbuf *out)
{
	char *headline = verdict_headline(c, v);
	char *strength = verdict_strength_text(c, v);
	char *split = verdict_split_detail(c, v);
	const struct model *m = content_model_at(c, v->winner);

	if (c->title && *c->title) {
		md_line(out, "# ", c->title);
		sb_addc(out, '\n');
	}
	if (a && a->task) {
		char *task = text_fmt(c, T_REPORT_TASK, "task", a->task, NULL);
		md_line(out, "", task);
		sb_addc(out, '\n');
		free(task);
	}
	md_line(out, "## ", headline);
	sb_add(out, "\n**");
	md_add(out, text_get(c, T_RESULT_STRENGTH), 1);
	sb_add(out, ":** ");
	md_line(out, "", strength);
	sb_addc(out, '\n');
	if (split) /* who takes which part, or what the model is, as on the screen */
		md_line(out, "", split);
	else if (m)
		md_text(out, c, T_RESULT_MODEL_SUMMARY, "", "name", m->full_name, "summary",
			m->summary ? m->summary : "", NULL), sb_addc(out, '\n');
	free(headline);
	free(strength);
	free(split);
}

static void md_scores(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	md_section(out, text_get(c, T_RESULT_SCORES));
	sb_add(out, "**");
	md_add(out, content_model_name(c, v->left), 1);
	sb_add(out, "** `");
	report_balance(out, v->balance, v->split_band, BAR_WIDTH);
	sb_add(out, "` **");
	md_add(out, content_model_name(c, v->right), 1);
	sb_add(out, "**\n\n");
	md_text_code(out, c, T_RESULT_SCORES_NOTE, "marker zone", "marker",
		     (char[]){BALANCE_ASCII_MARKER, 0}, "zone", (char[]){BALANCE_ASCII_ZONE, 0}, NULL);
	sb_addc(out, '\n');
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

/* "### <words>\n\n" inside a section, after a blank line unless it opens it. */
static void md_subheading(struct strbuf *out, const char *words, int opens)
{
	if (!opens)
		sb_addc(out, '\n');
	md_line(out, "### ", words);
	sb_addc(out, '\n');
}

/* The picked reasons, under "### Toward <model>" when toward is a model. */
static void md_pulls(const struct content *c, const struct verdict *v, const size_t *idx, size_t n,
		     int toward, int opens, struct strbuf *out)
{
	if (n == 0)
		return;
	if (toward >= 0) {
		char *sub = text_fmt(c, T_RESULT_TOWARD, "model", content_model_name(c, toward), NULL);
		md_subheading(out, sub, opens);
		free(sub);
	}
	for (size_t i = 0; i < n; i++)
		md_reason(c, &v->reasons[idx[i]], out);
}

static void md_two_part(const struct content *c, const struct verdict *v, int opens,
			struct strbuf *out)
{
	if (v->nmixed == 0)
		return;
	md_subheading(out, text_get(c, T_RESULT_TWO_PART), opens);
	for (size_t i = 0; i < v->nmixed; i++) {
		const struct reason *r = &v->mixed[i];
		sb_add(out, "- ");
		md_text(out, c, T_RESULT_REASON_TWO_PART, "question", "question",
			content_question_title(&c->questions[r->question]), "answer",
			content_option_label_at(c, r->question, r->option), NULL);
		sb_addc(out, '\n');
	}
}

/* As the screen tells it: in a split the pulls toward each end, each under
 * its model; otherwise toward the winner, then the other way. Then the
 * two-part answers. */
static void md_reasons(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	size_t first[VERDICT_REASONS_FOR], second[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	int split = v->strength == STRENGTH_SPLIT;
	size_t n1 = verdict_pick_reasons(v, 1, VERDICT_REASONS_FOR, first);
	size_t n2 = verdict_pick_reasons(v, 0, split ? VERDICT_REASONS_FOR : VERDICT_REASONS_AGAINST,
					 second);

	md_section(out, text_get(c, T_RESULT_WHY));
	if (n1 + n2 + v->nmixed == 0)
		md_line(out, "- ", text_get(c, T_RESULT_NO_REASONS));
	if (split) {
		md_pulls(c, v, first, n1, v->left, 1, out);
		md_pulls(c, v, second, n2, v->right, n1 == 0, out);
	} else {
		md_pulls(c, v, first, n1, -1, 1, out);
		if (n2 > 0)
			md_subheading(out, text_get(c, T_RESULT_AGAINST), n1 == 0);
		md_pulls(c, v, second, n2, -1, 0, out);
	}
	md_two_part(c, v, n1 + n2 == 0, out);
}

static void md_flips(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	md_section(out, text_get(c, T_RESULT_FLIPS));
	if (v->nflips == 0) /* the engine looked for a pair too */
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

/* "Worth knowing" (with a line when there are none) or "Where to source it"
 * (only when there are). */
static void md_advisories(const struct content *c, const struct verdict *v, enum advisory_part part,
			  struct strbuf *out)
{
	if (part == PART_WHERE && verdict_count_part(c, v, part) == 0)
		return;
	md_section(out, text_get(c, part == PART_WHERE ? T_RESULT_WHERE : T_RESULT_ADVISORIES));
	if (verdict_count_part(c, v, part) == 0)
		md_line(out, "", text_get(c, T_RESULT_NO_ADVISORIES));
	for (size_t i = 0; i < v->nadvisories; i++) {
		const struct advisory *ad = &c->advisories[v->advisories[i]];
		if (ad->part != part)
			continue;
		sb_add(out, "- **");
		md_add(out, ad->title, 1);
		sb_add(out, ":** ");
		md_line(out, "", ad->text);
	}
}

/* The columns are the models; in a split each end's names the part it takes,
 * as on the comparison screen. */
static void md_table_header(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	sb_add(out, "| ");
	md_add(out, text_get(c, T_COMPARE_DIMENSION), 1);
	sb_add(out, " |");
	for (size_t m = 0; m < c->nmodels; m++) {
		const struct model *mo = &c->models[m];
		sb_addc(out, ' ');
		if (v->strength == STRENGTH_SPLIT && ((int)m == v->left || (int)m == v->right))
			md_text(out, c, T_COMPARE_SPLIT_PART, "", "model", mo->name, "part",
				mo->split_part, NULL);
		else
			md_add(out, mo->name, 1);
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
	md_table_header(c, v, out);
	for (size_t r = 0; r < c->nrows; r++)
		md_table_row(c, v, r, out);
}

/* The models the handout is about: both ends in a split, else the winner. */
static size_t handout_models(const struct verdict *v, int models[2])
{
	if (v->strength != STRENGTH_SPLIT || v->left == v->right) {
		models[0] = v->winner;
		return 1;
	}
	models[0] = v->left, models[1] = v->right;
	return 2;
}

static void md_services(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	int models[2];
	size_t n = handout_models(v, models);

	for (size_t k = 0; k < n; k++) {
		const struct model *m = content_model_at(c, models[k]);
		char *heading = n > 1 && m ? text_fmt(c, T_RESULT_SERVICES_PART, "model", m->name,
						      "part", m->split_part, NULL)
					   : text_fmt(c, T_RESULT_SERVICES, "model",
						      content_model_name(c, models[k]), NULL);
		md_section(out, heading);
		free(heading);
		for (size_t i = 0; m && i < m->services.n; i++)
			md_line(out, "- ", m->services.texts[i]);
	}
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

static void md_model_risks(const struct content *c, const struct model *m, struct strbuf *out)
{
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

/* One model's risks, or in a split each model's under "### <model>, for <part>". */
static void md_risks(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	int models[2];
	size_t n = handout_models(v, models);

	md_section(out, text_get(c, T_RESULT_RISKS));
	for (size_t k = 0; k < n; k++) {
		const struct model *m = content_model_at(c, models[k]);
		if (!m)
			continue;
		if (n > 1) {
			char *sub = text_fmt(c, T_RESULT_RISKS_PART, "model", m->name, "part",
					     m->split_part, NULL);
			md_subheading(out, sub, k == 0);
			free(sub);
		}
		md_model_risks(c, m, out);
	}
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
	md_title(c, a, v, out);
	md_scores(c, v, out);
	md_reasons(c, v, out);
	md_flips(c, v, out);
	md_advisories(c, v, PART_ADVICE, out);
	md_advisories(c, v, PART_WHERE, out);
	md_comparison(c, v, out);
	md_services(c, v, out);
	md_risks(c, v, out);
	md_answers(c, a, out);
}
