/* The plain text report: for a terminal or a plain e-mail, wrapped at 78
 * columns, headings underlined, no markup. Every content text goes through
 * the terminal policy of the sanitiser (safe_dup or sb_add_safe), as it ends
 * up on a terminal. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "bar.h"
#include "report_writers.h"
#include "sanitize.h"
#include "xalloc.h"

#define TEXT_WIDTH 78
#define BAR_WIDTH 30
/* A hanging indent wider than this leaves too little room for the text: the
 * lead then goes on its own line. */
#define MAX_HANG 36

/* A malloc'd copy of s safe for a terminal, newlines kept; "" for NULL. */
static char *safe_dup(const char *s)
{
	return sanitize_dup(s, SANITIZE_TERMINAL, SANITIZE_KEEP_NEWLINES);
}

static void put_spaces(struct strbuf *out, int n)
{
	for (int i = 0; i < n; i++)
		sb_addc(out, ' ');
}

static void put_rule(struct strbuf *out, char ch, int n)
{
	if (n > TEXT_WIDTH)
		n = TEXT_WIDTH;
	for (int i = 0; i < n; i++)
		sb_addc(out, ch);
	sb_addc(out, '\n');
}

/* Writes text wrapped into the columns after indent + lead: lead (e.g. "- ",
 * "BPO: ") on the first line, spaces under it on the others. */
static void put_block(struct strbuf *out, int indent, const char *lead, const char *text)
{
	char *safe_lead = safe_dup(lead);
	char *safe_text = safe_dup(text);
	int hang = text_width(safe_lead);
	struct wrapped w;

	if (hang > 0 && indent + hang > MAX_HANG) {
		put_block(out, indent, "", safe_lead);
		free(safe_lead);
		safe_lead = xstrdup("");
		indent += 4, hang = 0;
	}
	wrap_text(safe_text, TEXT_WIDTH - indent - hang, &w);
	for (size_t i = 0; i < w.n; i++) {
		put_spaces(out, indent);
		if (i == 0)
			sb_add_safe(out, safe_lead, 0);
		else
			put_spaces(out, hang);
		sb_add_safe(out, w.line[i], 0);
		sb_addc(out, '\n');
	}
	wrapped_free(&w);
	free(safe_lead);
	free(safe_text);
}

static void put_heading(struct strbuf *out, const char *title, char underline)
{
	char *safe = safe_dup(title);

	sb_addc(out, '\n');
	put_block(out, 0, "", safe);
	put_rule(out, underline, text_width(safe));
	free(safe);
}

static void put_title(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	char *headline = verdict_headline(c, v);
	char *split = verdict_split_detail(c, v);

	if (c->title && *c->title) {
		put_block(out, 0, "", c->title);
		put_rule(out, '=', text_width(c->title));
		sb_addc(out, '\n');
	}
	put_block(out, 0, "", headline);
	put_block(out, 0, "Strength: ", strength_name(v->strength));
	if (split) {
		sb_addc(out, '\n');
		put_block(out, 0, "", split);
	}
	free(headline);
	free(split);
}

static int widest_model_name(const struct content *c)
{
	int widest = 0;

	for (size_t m = 0; m < c->nmodels; m++) {
		char *safe = safe_dup(content_model_name(c, (int)m));
		int w = text_width(safe);
		if (w > widest)
			widest = w;
		free(safe);
	}
	return widest > MAX_HANG ? MAX_HANG : widest;
}

static void put_scores(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	int name_width = widest_model_name(c);

	put_heading(out, "Scores", '-');
	for (size_t m = 0; m < c->nmodels; m++) {
		char *name = safe_dup(content_model_name(c, (int)m));
		int percent = verdict_percent(v, m);
		sb_add(out, "  ");
		sb_add_safe(out, name, 0);
		put_spaces(out, name_width - text_width(name) + 2);
		report_bar(out, percent, BAR_WIDTH);
		sb_addf(out, " %3d%%\n", percent);
		free(name);
	}
	put_block(out, 2, "", "(each bar: the score as a share of the most that model could get)");
}

static void put_reason(const struct content *c, const struct reason *r, int name_model,
		       struct strbuf *out)
{
	struct strbuf line = {0};
	const struct question *q = &c->questions[r->question];

	sb_add(&line, q->title ? q->title : q->id);
	sb_add(&line, ": ");
	sb_add(&line, content_option_label_at(c, r->question, r->option));
	if (name_model)
		sb_addf(&line, " (%s)", content_model_name(c, r->model));
	put_block(out, 2, "- ", sb_str(&line));
	sb_free(&line);
}

static void put_reasons(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	size_t idx[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	size_t n = verdict_pick_reasons(v, 1, VERDICT_REASONS_FOR, idx);
	struct strbuf lead = {0};

	put_heading(out, "Why", '-');
	sb_addf(&lead, "Toward %s:", content_model_name(c, v->winner));
	put_block(out, 0, "", sb_str(&lead));
	sb_free(&lead);
	if (n == 0)
		put_block(out, 2, "- ", "No single answer stands out.");
	for (size_t i = 0; i < n; i++)
		put_reason(c, &v->reasons[idx[i]], 0, out);
	n = verdict_pick_reasons(v, 0, VERDICT_REASONS_AGAINST, idx);
	if (n == 0)
		return;
	sb_addc(out, '\n');
	put_block(out, 0, "", "Pulling the other way:");
	for (size_t i = 0; i < n; i++)
		put_reason(c, &v->reasons[idx[i]], 1, out);
}

static void put_flips(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	put_heading(out, "What would change this", '-');
	if (v->nflips == 0) {
		put_block(out, 0, "",
			  "Nothing a single answer could change: the recommendation holds "
			  "whichever one answer you change.");
		return;
	}
	for (size_t i = 0; i < v->nflips; i++) {
		const struct flip *f = &v->flips[i];
		struct strbuf line = {0};
		sb_addf(&line, "If you answered %s to \"%s\", the result would be %s.",
			content_option_label_at(c, f->question, f->option),
			content_question_words(&c->questions[f->question]),
			content_model_name(c, f->new_winner));
		put_block(out, 2, "- ", sb_str(&line));
		sb_free(&line);
	}
}

static void put_advisories(const struct content *c, const struct verdict *v,
			   struct strbuf *out)
{
	put_heading(out, "Advisories", '-');
	if (v->nadvisories == 0)
		put_block(out, 0, "", "None for these answers.");
	for (size_t i = 0; i < v->nadvisories; i++) {
		const struct advisory *ad = &c->advisories[v->advisories[i]];
		if (i > 0)
			sb_addc(out, '\n');
		put_block(out, 2, "! ", ad->title);
		put_block(out, 4, "", ad->text);
	}
}

/* "* BPO:  " with the name padded, so the cells of a row start in one column. */
static void comparison_lead(const struct content *c, size_t m, int marked, int name_width,
			    struct strbuf *lead)
{
	char *name = safe_dup(content_model_name(c, (int)m));

	sb_add(lead, (int)m == marked ? "* " : "  ");
	sb_add(lead, name);
	sb_addc(lead, ':');
	for (int pad = text_width(name); pad <= name_width; pad++)
		sb_addc(lead, ' ');
	free(name);
}

static void put_comparison_row(const struct content *c, const struct verdict *v, size_t r,
			       int name_width, struct strbuf *out)
{
	const struct row *row = &c->rows[r];
	int marked = v->row_side ? v->row_side[r] : -1;

	put_block(out, 2, "", row->dimension);
	for (size_t m = 0; m < c->nmodels; m++) {
		struct strbuf lead = {0};
		comparison_lead(c, m, marked, name_width, &lead);
		put_block(out, 4, sb_str(&lead), row->cells[m]);
		sb_free(&lead);
	}
}

/* Stacked blocks rather than a table: cells are sentences, and a table of
 * several models would squeeze them into unreadable columns at 78. */
static void put_comparison(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	int name_width = widest_model_name(c);

	put_heading(out, "Comparison", '-');
	put_block(out, 0, "", "* marks the side your answers point to.");
	for (size_t r = 0; r < c->nrows; r++) {
		sb_addc(out, '\n');
		put_comparison_row(c, v, r, name_width, out);
	}
}

static void put_services(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	const struct model *m = content_model_at(c, v->winner);
	struct strbuf heading = {0};

	sb_addf(&heading, "Typical services (%s)", content_model_name(c, v->winner));
	put_heading(out, sb_str(&heading), '-');
	sb_free(&heading);
	if (!m)
		return;
	for (size_t i = 0; i < m->services.n; i++)
		put_block(out, 2, "- ", m->services.texts[i]);
}

static void put_risks(const struct content *c, const struct verdict *v, struct strbuf *out)
{
	const struct model *m = content_model_at(c, v->winner);

	put_heading(out, "Risks and how to manage them", '-');
	if (!m)
		return;
	for (size_t i = 0; i < m->risks.n; i++) {
		int j = content_mitigation_for(m, i);
		put_block(out, 2, "- ", m->risks.texts[i]);
		if (j >= 0)
			put_block(out, 4, "-> ", m->mitigations.texts[j]);
	}
	for (size_t j = 0; j < m->mitigations.n; j++)
		if (content_mitigation_unpaired(m, j))
			put_block(out, 2, "- ", m->mitigations.texts[j]);
}

static void put_answers(const struct content *c, const struct answers *a, struct strbuf *out)
{
	put_heading(out, "Your answers", '-');
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const struct qoption *o = content_chosen_option(qu, answers_choice(a, q));
		struct strbuf line = {0};
		sb_addf(&line, "%s: %s", qu->title ? qu->title : qu->id, content_option_label(c, o));
		put_block(out, 2, "- ", sb_str(&line));
		sb_free(&line);
	}
}

void report_write_text(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out)
{
	put_title(c, v, out);
	put_scores(c, v, out);
	put_reasons(c, v, out);
	put_flips(c, v, out);
	put_advisories(c, v, out);
	put_comparison(c, v, out);
	put_services(c, v, out);
	put_risks(c, v, out);
	put_answers(c, a, out);
}
