/* The plain text report: for a terminal or a plain e-mail, wrapped at 78
 * columns, headings underlined, no markup. Every word comes from the string
 * table (texts.h), worded as on the screen. Every content text goes through
 * the terminal policy of the sanitiser (safe_dup or sb_add_safe), as it ends
 * up on a terminal.
 *
 * Its --plain variant is read aloud by screen readers and shown on braille
 * displays: the same words and wrapping, but no line of decoration. Headings
 * are not underlined, each section opens with its name as words ("Why:"),
 * the balance bar is a sentence, and no lead is an arrow or a star. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "bar.h"
#include "report.h"
#include "report_writers.h"
#include "sanitize.h"
#include "texts.h"
#include "xalloc.h"

#define TEXT_WIDTH 78
#define BAR_WIDTH 30
/* A hanging indent wider than this leaves too little room for the text: the
 * lead then goes on its own line. */
#define MAX_HANG 36

/* Where the report goes, and which variant it is. */
struct txt {
	struct strbuf *sb;
	const struct content *c;
	int plain; /* the --plain variant: nothing but words */
};

/* A malloc'd copy of s safe for a terminal, newlines kept; "" for NULL. */
static char *safe_dup(const char *s)
{
	return sanitize_dup(s, SANITIZE_TERMINAL, SANITIZE_KEEP_NEWLINES);
}

static void put_spaces(struct txt *out, int n)
{
	for (int i = 0; i < n; i++)
		sb_addc(out->sb, ' ');
}

static void put_rule(struct txt *out, char ch, int n)
{
	if (n > TEXT_WIDTH)
		n = TEXT_WIDTH;
	for (int i = 0; i < n; i++)
		sb_addc(out->sb, ch);
	sb_addc(out->sb, '\n');
}

/* Writes text wrapped into the columns after indent + lead: lead (e.g. "- ",
 * "BPO: ") on the first line, spaces under it on the others. */
static void put_block(struct txt *out, int indent, const char *lead, const char *text)
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
			sb_add_safe(out->sb, safe_lead, 0);
		else
			put_spaces(out, hang);
		sb_add_safe(out->sb, w.line[i], 0);
		sb_addc(out->sb, '\n');
	}
	wrapped_free(&w);
	free(safe_lead);
	free(safe_text);
}

/* A label that opens what follows it: "Toward BPO", or in the --plain
 * variant "Toward BPO:". */
static void put_label(struct txt *out, const char *words)
{
	if (!out->plain) {
		put_block(out, 0, "", words);
		return;
	}
	char *line = text_fmt(out->c, T_PLAIN_SECTION, "title", words, NULL);
	put_block(out, 0, "", line);
	free(line);
}

/* A section's heading after a blank line: underlined, or in the --plain
 * variant its name as words. */
static void put_heading(struct txt *out, const char *title, char underline)
{
	char *safe = safe_dup(title);

	sb_addc(out->sb, '\n');
	put_label(out, safe);
	if (!out->plain)
		put_rule(out, underline, text_width(safe));
	free(safe);
}

/* "Knowledge Process Outsourcing: Outside specialists ...", as on the screen. */
static void put_model_summary(const struct content *c, const struct verdict *v, struct txt *out)
{
	const struct model *m = content_model_at(c, v->winner);

	if (!m)
		return;
	char *line = text_fmt(c, T_RESULT_MODEL_SUMMARY, "name", m->full_name, "summary",
			      m->summary ? m->summary : "", NULL);
	put_block(out, 0, "", line);
	free(line);
}

static void put_title(const struct content *c, const struct answers *a,
		      const struct verdict *v, struct txt *out)
{
	char *headline = verdict_headline(c, v);
	char *split = verdict_split_detail(c, v);
	struct strbuf lead = {0};

	if (c->title && *c->title) {
		put_block(out, 0, "", c->title);
		if (!out->plain)
			put_rule(out, '=', text_width(c->title));
		sb_addc(out->sb, '\n');
	}
	if (a && a->task) { /* the manager's name for the task heads the rest */
		char *task = text_fmt(c, T_REPORT_TASK, "task", a->task, NULL);
		put_block(out, 0, "", task);
		sb_addc(out->sb, '\n');
		free(task);
	}
	if (out->plain) {
		char *line = text_fmt(c, T_PLAIN_REPORT_RESULT, "headline", headline, NULL);
		put_block(out, 0, "", line);
		free(line);
	} else {
		put_block(out, 0, "", headline);
	}
	sb_add(&lead, text_get(c, T_RESULT_STRENGTH));
	sb_add(&lead, ": ");
	char *strength = verdict_strength_text(c, v);
	put_block(out, 0, sb_str(&lead), strength);
	free(strength);
	sb_addc(out->sb, '\n');
	if (split)
		put_block(out, 0, "", split);
	else
		put_model_summary(c, v, out);
	sb_free(&lead);
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

/* The balance bar in words, for the --plain variant: which side the answers
 * land on, and whether inside the split zone. */
static void put_balance_words(const struct content *c, const struct verdict *v, struct txt *out)
{
	double at = fabs(v->balance);
	enum text_id id = at == 0 ? T_PLAIN_LANDS_MIDDLE
			: at < v->split_band ? T_PLAIN_LANDS_ZONE
			: at < v->clear_band ? T_PLAIN_LANDS_TOWARD : T_PLAIN_LANDS_FAR;
	char *line = text_fmt(c, id, "model", content_model_name(c, v->balance < 0 ? v->left : v->right),
			      NULL);

	put_heading(out, text_get(c, T_RESULT_SCORES), '-');
	put_block(out, 2, "", line);
	free(line);
}

static void put_scores(const struct content *c, const struct verdict *v, struct txt *out)
{
	if (out->plain) {
		put_balance_words(c, v, out);
		return;
	}
	int name_width = widest_model_name(c);

	char *left = safe_dup(content_model_name(c, v->left));
	char *right = safe_dup(content_model_name(c, v->right));
	char *legend = text_fmt(c, T_RESULT_SCORES_NOTE, "marker", (char[]){BALANCE_ASCII_MARKER, 0},
				"zone", (char[]){BALANCE_ASCII_ZONE, 0}, NULL);

	put_heading(out, text_get(c, T_RESULT_SCORES), '-');
	sb_add(out->sb, "  ");
	put_spaces(out, name_width - text_width(left));
	sb_add_safe(out->sb, left, 0);
	sb_add(out->sb, "  ");
	report_balance(out->sb, v->balance, v->split_band, BAR_WIDTH);
	sb_add(out->sb, "  ");
	sb_add_safe(out->sb, right, 0);
	sb_addc(out->sb, '\n');
	put_block(out, 2, "", legend);
	free(left);
	free(right);
	free(legend);
}

static void put_reason(const struct content *c, const struct reason *r, struct txt *out)
{
	char *line = text_fmt(c, T_RESULT_REASON, "question",
			      content_question_title(&c->questions[r->question]), "answer",
			      content_option_label_at(c, r->question, r->option), "model",
			      content_model_name(c, r->model), NULL);

	put_block(out, 2, "- ", line);
	free(line);
}

/* A sub-heading inside a section: the words, after a blank line unless it
 * opens the section. */
static void put_subheading(struct txt *out, const char *words, int opens)
{
	if (!opens)
		sb_addc(out->sb, '\n');
	put_label(out, words);
}

/* The picked reasons, under "Toward <model>" when toward is a model. */
static void put_pulls(const struct content *c, const struct verdict *v, const size_t *idx, size_t n,
		      int toward, int opens, struct txt *out)
{
	if (n == 0)
		return;
	if (toward >= 0) {
		char *sub = text_fmt(c, T_RESULT_TOWARD, "model", content_model_name(c, toward), NULL);
		put_subheading(out, sub, opens);
		free(sub);
	}
	for (size_t i = 0; i < n; i++)
		put_reason(c, &v->reasons[idx[i]], out);
}

/* The answers that describe a routine part and a judgment part. */
static void put_two_part(const struct content *c, const struct verdict *v, int opens,
			 struct txt *out)
{
	if (v->nmixed == 0)
		return;
	put_subheading(out, text_get(c, T_RESULT_TWO_PART), opens);
	for (size_t i = 0; i < v->nmixed; i++) {
		const struct reason *r = &v->mixed[i];
		char *line = text_fmt(c, T_RESULT_REASON_TWO_PART, "question",
				      content_question_title(&c->questions[r->question]), "answer",
				      content_option_label_at(c, r->question, r->option), NULL);
		put_block(out, 2, "- ", line);
		free(line);
	}
}

/* As the screen tells it: in a split the pulls toward each end, each under
 * its model; otherwise toward the winner, then the other way. Then the
 * two-part answers. */
static void put_reasons(const struct content *c, const struct verdict *v, struct txt *out)
{
	size_t first[VERDICT_REASONS_FOR], second[VERDICT_REASONS_FOR + VERDICT_REASONS_AGAINST];
	int split = v->strength == STRENGTH_SPLIT;
	size_t n1 = verdict_pick_reasons(v, 1, VERDICT_REASONS_FOR, first);
	size_t n2 = verdict_pick_reasons(v, 0, split ? VERDICT_REASONS_FOR : VERDICT_REASONS_AGAINST,
					 second);

	put_heading(out, text_get(c, T_RESULT_WHY), '-');
	if (n1 + n2 + v->nmixed == 0)
		put_block(out, 2, "- ", text_get(c, T_RESULT_NO_REASONS));
	if (split) {
		put_pulls(c, v, first, n1, v->left, 1, out);
		put_pulls(c, v, second, n2, v->right, n1 == 0, out);
	} else {
		put_pulls(c, v, first, n1, -1, 1, out);
		if (n2 > 0)
			put_subheading(out, text_get(c, T_RESULT_AGAINST), n1 == 0);
		put_pulls(c, v, second, n2, -1, 0, out);
	}
	put_two_part(c, v, n1 + n2 == 0, out);
}

static void put_flips(const struct content *c, const struct verdict *v, struct txt *out)
{
	put_heading(out, text_get(c, T_RESULT_FLIPS), '-');
	if (v->nflips == 0) /* the engine looked for a pair too */
		put_block(out, 0, "", text_get(c, T_RESULT_NO_FLIPS));
	for (size_t i = 0; i < v->nflips; i++) {
		const struct flip *f = &v->flips[i];
		char *line = flip_line(c, f);
		put_block(out, 2, "- ", line);
		free(line);
	}
}

/* The advisories of one part under their heading: "Worth knowing" (with a
 * line when there are none) or "Where to source it" (only when there are). */
static void put_advisories(const struct content *c, const struct verdict *v, enum advisory_part part,
			   struct txt *out)
{
	size_t shown = 0;

	if (part == PART_WHERE && verdict_count_part(c, v, part) == 0)
		return;
	put_heading(out, text_get(c, part == PART_WHERE ? T_RESULT_WHERE : T_RESULT_ADVISORIES), '-');
	if (verdict_count_part(c, v, part) == 0)
		put_block(out, 0, "", text_get(c, T_RESULT_NO_ADVISORIES));
	for (size_t i = 0; i < v->nadvisories; i++) {
		const struct advisory *ad = &c->advisories[v->advisories[i]];
		if (ad->part != part)
			continue;
		if (shown++ > 0)
			sb_addc(out->sb, '\n');
		const char *lead = out->plain ? "- " : part == PART_WHERE ? "-> " : "! ";
		put_block(out, 2, lead, ad->title);
		put_block(out, 2 + text_width(lead), "", ad->text);
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

/* A cell's lead in the --plain variant: the model's name, or where the
 * answers point its name in words. */
static void plain_cell_lead(const struct content *c, size_t m, int marked, struct strbuf *lead)
{
	if ((int)m == marked)
		text_add(lead, c, T_PLAIN_COMPARE_MARKED, "model", content_model_name(c, (int)m), NULL);
	else
		sb_add(lead, content_model_name(c, (int)m));
	sb_add(lead, ": ");
}

static void put_comparison_row(const struct content *c, const struct verdict *v, size_t r,
			       int name_width, struct txt *out)
{
	const struct row *row = &c->rows[r];
	int marked = v->row_side ? v->row_side[r] : -1;

	put_block(out, 2, "", row->dimension);
	for (size_t m = 0; m < c->nmodels; m++) {
		struct strbuf lead = {0};
		if (out->plain) { /* "BPO, where your answers point: ...", no star, no columns */
			plain_cell_lead(c, m, marked, &lead);
			sb_add(&lead, row->cells[m]);
			put_block(out, 6, "", sb_str(&lead));
		} else {
			comparison_lead(c, m, marked, name_width, &lead);
			put_block(out, 4, sb_str(&lead), row->cells[m]);
		}
		sb_free(&lead);
	}
}

/* The legend as the screen words it: the mark explained when a row has it. */
static void put_legend(const struct content *c, const struct verdict *v, struct txt *out)
{
	int any = 0;

	for (size_t r = 0; r < c->nrows && v->row_side; r++)
		any |= v->row_side[r] >= 0;
	if (!any) {
		put_block(out, 0, "", text_get(c, T_COMPARE_LEGEND_NONE));
		return;
	}
	if (out->plain) {
		put_block(out, 0, "", text_get(c, T_PLAIN_COMPARE_LEGEND));
		return;
	}
	char *legend = text_fmt(c, T_COMPARE_LEGEND, "mark", "*", NULL);
	put_block(out, 0, "", legend);
	free(legend);
}

/* Stacked blocks rather than a table: cells are sentences, and a table of
 * several models would squeeze them into unreadable columns at 78. */
static void put_comparison(const struct content *c, const struct verdict *v, struct txt *out)
{
	int name_width = widest_model_name(c);

	put_heading(out, text_get(c, T_COMPARE_HEADING), '-');
	put_legend(c, v, out);
	for (size_t r = 0; r < c->nrows; r++) {
		sb_addc(out->sb, '\n');
		put_comparison_row(c, v, r, name_width, out);
	}
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

static void put_services(const struct content *c, const struct verdict *v, struct txt *out)
{
	int models[2];
	size_t n = handout_models(v, models);

	for (size_t k = 0; k < n; k++) {
		const struct model *m = content_model_at(c, models[k]);
		char *heading = n > 1 && m ? text_fmt(c, T_RESULT_SERVICES_PART, "model", m->name,
						      "part", m->split_part, NULL)
					   : text_fmt(c, T_RESULT_SERVICES, "model",
						      content_model_name(c, models[k]), NULL);
		put_heading(out, heading, '-');
		free(heading);
		for (size_t i = 0; m && i < m->services.n; i++)
			put_block(out, 2, "- ", m->services.texts[i]);
	}
}

static void put_model_risks(const struct content *c, const struct model *m, struct txt *out)
{
	/* "What to do:", as the markdown handout says it. */
	struct strbuf todo = {0}, alone = {0};
	sb_addf(&todo, out->plain ? "%s: " : "-> %s: ", text_get(c, T_RESULT_WHAT_TO_DO));
	sb_addf(&alone, "- %s: ", text_get(c, T_RESULT_WHAT_TO_DO));
	for (size_t i = 0; i < m->risks.n; i++) {
		int j = content_mitigation_for(m, i);
		put_block(out, 2, "- ", m->risks.texts[i]);
		if (j >= 0)
			put_block(out, 4, sb_str(&todo), m->mitigations.texts[j]);
	}
	for (size_t j = 0; j < m->mitigations.n; j++)
		if (content_mitigation_unpaired(m, j))
			put_block(out, 2, sb_str(&alone), m->mitigations.texts[j]);
	sb_free(&todo);
	sb_free(&alone);
}

/* One model's risks, or in a split each model's under "<model>, for <part>". */
static void put_risks(const struct content *c, const struct verdict *v, struct txt *out)
{
	int models[2];
	size_t n = handout_models(v, models);

	put_heading(out, text_get(c, T_RESULT_RISKS), '-');
	for (size_t k = 0; k < n; k++) {
		const struct model *m = content_model_at(c, models[k]);
		if (!m)
			continue;
		if (n > 1) {
			char *sub = text_fmt(c, T_RESULT_RISKS_PART, "model", m->name, "part",
					     m->split_part, NULL);
			put_subheading(out, sub, k == 0);
			free(sub);
		}
		put_model_risks(c, m, out);
	}
}

static void put_answers(const struct content *c, const struct answers *a, struct txt *out)
{
	put_heading(out, text_get(c, T_RESULT_ANSWERS), '-');
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		const struct qoption *o = content_chosen_option(qu, answers_choice(a, q));
		struct strbuf line = {0};
		sb_add(&line, content_question_title(qu));
		sb_add(&line, ": ");
		sb_add(&line, content_option_label(c, o));
		put_block(out, 2, "- ", sb_str(&line));
		sb_free(&line);
	}
}

static void put_report(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct txt *out)
{
	put_title(c, a, v, out);
	put_scores(c, v, out);
	put_reasons(c, v, out);
	put_flips(c, v, out);
	put_advisories(c, v, PART_ADVICE, out);
	put_advisories(c, v, PART_WHERE, out);
	put_comparison(c, v, out);
	put_services(c, v, out);
	put_risks(c, v, out);
	put_answers(c, a, out);
}

void report_write_text(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out)
{
	struct txt t = {out, c, 0};

	put_report(c, a, v, &t);
}

void report_write_plain(const struct content *c, const struct answers *a,
			const struct verdict *v, struct strbuf *out)
{
	struct txt t = {out, c, 1};

	put_report(c, a, v, &t);
}
