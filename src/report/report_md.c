/* The markdown report: a handout a trainer can print or render, with the
 * comparison as a real table. Content text goes through md_add (markdown.h),
 * which escapes what markdown would interpret and neutralises dangerous
 * characters. */
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
	sb_addc(out, '\n');
	md_line(out, "**Strength:** ", strength_name(v->strength));
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
	md_section(out, "Scores");
	for (size_t m = 0; m < c->nmodels; m++) {
		int percent = verdict_percent(v, m);
		sb_add(out, "- **");
		md_add(out, content_model_name(c, (int)m), 1);
		sb_add(out, "** `");
		report_bar(out, percent, BAR_WIDTH);
		sb_addf(out, "` %d%%\n", percent);
	}
	sb_add(out, "\nEach bar shows the score as a share of the most that model could get.\n");
}

static void md_reason(const struct content *c, const struct reason *r, int name_model,
		      struct strbuf *out)
{
	const struct question *q = &c->questions[r->question];

	sb_add(out, "- **");
	md_add(out, q->title ? q->title : q->id, 1);
	sb_add(out, ":** ");
	md_add(out, content_option_label_at(c, r->question, r->option), 1);
	if (name_model) {
		sb_add(out, " (");
		md_add(out, content_model_name(c, r->model), 1);
		sb_addc(out, ')');
	}
	sb_addc(out, '\n');
}

static void md_reasons(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	size_t idx[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	size_t n = verdict_pick_reasons(v, 1, VERDICT_REASONS_FOR, idx);

	md_section(out, "Why");
	sb_add(out, "Toward ");
	md_add(out, content_model_name(c, v->winner), 1);
	sb_add(out, ":\n\n");
	if (n == 0)
		sb_add(out, "- No single answer stands out.\n");
	for (size_t i = 0; i < n; i++)
		md_reason(c, &v->reasons[idx[i]], 0, out);
	n = verdict_pick_reasons(v, 0, VERDICT_REASONS_AGAINST, idx);
	if (n == 0)
		return;
	sb_add(out, "\nPulling the other way:\n\n");
	for (size_t i = 0; i < n; i++)
		md_reason(c, &v->reasons[idx[i]], 1, out);
}

static void md_flips(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	md_section(out, "What would change this");
	if (v->nflips == 0) {
		sb_add(out, "Nothing a single answer could change: the recommendation holds "
			    "whichever one answer you change.\n");
		return;
	}
	for (size_t i = 0; i < v->nflips; i++) {
		const struct flip *f = &v->flips[i];
		sb_add(out, "- If you answered **");
		md_add(out, content_option_label_at(c, f->question, f->option), 1);
		sb_add(out, "** to \"");
		md_add(out, content_question_words(&c->questions[f->question]), 1);
		sb_add(out, "\", the result would be **");
		md_add(out, content_model_name(c, f->new_winner), 1);
		sb_add(out, "**.\n");
	}
}

static void md_advisories(const struct content *c, const struct verdict *v,
			  struct strbuf *out)
{
	md_section(out, "Advisories");
	if (v->nadvisories == 0)
		sb_add(out, "None for these answers.\n");
	for (size_t i = 0; i < v->nadvisories; i++) {
		const struct advisory *ad = &c->advisories[v->advisories[i]];
		sb_add(out, "- **");
		md_add(out, ad->title, 1);
		sb_add(out, ":** ");
		md_add(out, ad->text, 1);
		sb_addc(out, '\n');
	}
}

static void md_table_header(const struct content *c, struct strbuf *out)
{
	sb_add(out, "| Dimension |");
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

static void md_comparison(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	md_section(out, "Comparison");
	sb_add(out, "\\* marks the side your answers point to.\n\n");
	md_table_header(c, out);
	for (size_t r = 0; r < c->nrows; r++)
		md_table_row(c, v, r, out);
}

static void md_services(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	const struct model *m = content_model_at(c, v->winner);

	sb_add(out, "\n## Typical services (");
	md_add(out, content_model_name(c, v->winner), 1);
	sb_add(out, ")\n\n");
	if (!m)
		return;
	for (size_t i = 0; i < m->services.n; i++)
		md_line(out, "- ", m->services.texts[i]);
}

static void md_risks(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	const struct model *m = content_model_at(c, v->winner);

	md_section(out, "Risks and how to manage them");
	if (!m)
		return;
	for (size_t i = 0; i < m->risks.n; i++) {
		int j = content_mitigation_for(m, i);
		md_line(out, "- ", m->risks.texts[i]);
		if (j >= 0)
			md_line(out, "  - *What to do:* ", m->mitigations.texts[j]);
	}
	for (size_t j = 0; j < m->mitigations.n; j++)
		if (content_mitigation_unpaired(m, j))
			md_line(out, "- *What to do:* ", m->mitigations.texts[j]);
}

static void md_answers(const struct content *c, const struct answers *a, struct strbuf *out)
{
	md_section(out, "Your answers");
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const struct qoption *o = content_chosen_option(qu, answers_choice(a, q));
		sb_add(out, "- **");
		md_add(out, qu->title ? qu->title : qu->id, 1);
		sb_add(out, ":** ");
		md_add(out, content_option_label(c, o), 1);
		sb_addc(out, '\n');
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
