/* The facilitator summary, writing side: the tallies as text bar charts for a
 * projector, a markdown handout, or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "bar.h"
#include "json.h"
#include "markdown.h"
#include "sanitize.h"
#include "summary.h"
#include "xalloc.h"

/* ---- what to show ---- */

enum label_kind { L_MODEL, L_STRENGTH, L_OPTION, L_MODE };

/* One chart: a heading and a count per key. */
struct section {
	const char *title;
	const char *text; /* the question in full, or NULL */
	const char *id;   /* the question id, or NULL */
	const struct summary_counts *counts;
	enum label_kind kind;
	int question;
};

/* Recommendations, strengths, each question, then the modes. */
static size_t sections(const struct summary_tally *t, struct section **out)
{
	const struct content *c = t->c;
	struct section *s = xcalloc(c->nquestions + 3, sizeof *s);
	size_t n = 0;

	s[n++] = (struct section){"Recommendations", NULL, NULL, &t->models, L_MODEL, -1};
	s[n++] = (struct section){"Strength", NULL, NULL, &t->strengths, L_STRENGTH, -1};
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		s[n++] = (struct section){qu->title ? qu->title : qu->id, qu->text, qu->id,
					  &t->questions[q], L_OPTION, (int)q};
	}
	s[n++] = (struct section){"Mode", NULL, NULL, &t->modes, L_MODE, -1};
	*out = s;
	return n;
}

static const char *row_label(const struct summary_tally *t, const struct section *s,
			     const char *key)
{
	const struct content *c = t->c;

	if (!*key)
		return s->kind == L_OPTION ? "(no answer)" : "(none)";
	if (s->kind == L_MODEL) {
		int m = content_model_index(c, key);
		return m >= 0 ? content_model_name(c, m) : key;
	}
	if (s->kind == L_OPTION) {
		const struct question *q = &c->questions[s->question];
		int o = content_option_index(q, key);
		return o >= 0 ? content_option_label(c, &q->options[o]) : key;
	}
	return key;
}

static size_t counts_total(const struct summary_counts *c)
{
	size_t sum = 0;

	for (size_t i = 0; i < c->len; i++)
		sum += c->n[i];
	return sum;
}

static int percent(size_t n, size_t total)
{
	return total ? (int)((n * 100 + total / 2) / total) : 0;
}

/* "2026-11-22T18:20:01Z" as "2026-11-22 18:20"; anything else as it is. */
static void add_time(struct strbuf *out, const char *iso)
{
	if (strlen(iso) == 20 && iso[10] == 'T' && iso[19] == 'Z') {
		sb_addn(out, iso, 10);
		sb_addc(out, ' ');
		sb_addn(out, iso + 11, 5);
	} else {
		sb_add_safe(out, iso, 0);
	}
}

/* "Sessions from ... to ... UTC, 2 logs" */
static void period_line(const struct summary_tally *t, struct strbuf *out)
{
	if (t->first && t->last) {
		sb_add(out, "From ");
		add_time(out, t->first);
		sb_add(out, " to ");
		add_time(out, t->last);
		sb_add(out, " UTC, ");
	}
	sb_addf(out, "%zu log%s", t->nfiles, t->nfiles == 1 ? "" : "s");
}

/* "2 damaged records skipped: room1.csv lines 57, 60; room2.csv line 3" */
static void damaged_note(const struct summary_tally *t, struct strbuf *out)
{
	enum { SHOW = 10 };
	const char *sep = ": ";

	sb_addf(out, "%zu damaged record%s skipped", t->damaged, t->damaged == 1 ? "" : "s");
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct summary_file *f = &t->files[i];
		if (!f->ndamaged)
			continue;
		sb_add(out, sep);
		sb_add_safe(out, f->name, 0);
		sb_add(out, f->ndamaged == 1 ? " line " : " lines ");
		for (size_t k = 0; k < f->ndamaged && k < SHOW; k++)
			sb_addf(out, "%s%zu", k ? ", " : "", f->damaged[k]);
		if (f->ndamaged > SHOW)
			sb_addf(out, " and %zu more", f->ndamaged - SHOW);
		sep = "; ";
	}
}

static void unknown_note(const struct summary_tally *t, struct strbuf *out)
{
	sb_add(out, "Columns this content does not know (ignored): ");
	for (size_t i = 0; i < t->nunknown; i++) {
		if (i)
			sb_add(out, ", ");
		sb_add_safe(out, t->unknown_columns[i], 0);
	}
}

/* The notes under the charts, one per line, as plain text. */
static void notes(const struct summary_tally *t, struct strbuf *out)
{
	if (t->damaged) {
		damaged_note(t, out);
		sb_addc(out, '\n');
	}
	if (t->nunknown) {
		unknown_note(t, out);
		sb_addc(out, '\n');
	}
}

static void title_line(const struct summary_tally *t, struct strbuf *out)
{
	const char *title = t->c->title && *t->c->title ? t->c->title : "Results";

	sb_add_safe(out, title, 0);
	sb_addf(out, ": %zu session%s", t->sessions, t->sessions == 1 ? "" : "s");
}

/* ---- text: bar charts for a projector, 80 columns, ASCII ---- */

#define TEXT_WIDTH 79
#define BAR_WIDTH 20
#define ROW_PREFIX 36 /* "  count  bar  pct  " before the label */

/* s made safe and wrapped to width, each line after the first indented. */
static void add_wrapped(struct strbuf *out, const char *s, int width, int indent)
{
	struct strbuf safe = {0};
	struct wrapped w;

	sb_add_safe(&safe, s, 0);
	wrap_text(sb_str(&safe), width, &w);
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			sb_addf(out, "\n%*s", indent, "");
		sb_add(out, w.line[i]);
	}
	wrapped_free(&w);
	sb_free(&safe);
}

/* One chart per section: the figures first, so the bars line up, and the
 * label after them, wrapped rather than cut. */
static void text_section(const struct summary_tally *t, const struct section *s,
			 struct strbuf *out)
{
	const struct summary_counts *c = s->counts;
	size_t total = counts_total(c);
	struct strbuf head = {0};

	if (!c->len)
		return;
	sb_add(&head, s->title);
	if (s->text && *s->text) {
		sb_add(&head, ": ");
		sb_add(&head, s->text);
	}
	sb_addc(out, '\n');
	add_wrapped(out, sb_str(&head), TEXT_WIDTH, 2);
	sb_addc(out, '\n');
	sb_free(&head);
	for (size_t i = 0; i < c->len; i++) {
		int pct = percent(c->n[i], total);
		sb_addf(out, "  %5zu  ", c->n[i]);
		report_bar(out, pct, BAR_WIDTH);
		sb_addf(out, " %3d%%  ", pct);
		add_wrapped(out, row_label(t, s, c->key[i]), TEXT_WIDTH - ROW_PREFIX, ROW_PREFIX);
		sb_addc(out, '\n');
	}
}

static void text_write(const struct summary_tally *t, struct strbuf *out)
{
	struct section *s;
	size_t n = sections(t, &s);

	title_line(t, out);
	sb_addc(out, '\n');
	period_line(t, out);
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++)
		text_section(t, &s[i], out);
	free(s);
	if (t->damaged || t->nunknown)
		sb_addc(out, '\n');
	notes(t, out);
}

/* ---- markdown: a handout ---- */

static void md_chart(const struct summary_tally *t, const struct section *s, struct strbuf *out)
{
	const struct summary_counts *c = s->counts;
	size_t total = counts_total(c);

	if (!c->len)
		return;
	md_section(out, s->title);
	if (s->text && *s->text) {
		md_add(out, s->text, 1);
		sb_add(out, "\n\n");
	}
	sb_add(out, "| Answer | Sessions | Share |\n|---|---:|---:|\n");
	for (size_t i = 0; i < c->len; i++) {
		sb_add(out, "| ");
		md_add(out, row_label(t, s, c->key[i]), 1);
		sb_addf(out, " | %zu | %d%% |\n", c->n[i], percent(c->n[i], total));
	}
}

static void md_write(const struct summary_tally *t, struct strbuf *out)
{
	struct strbuf line = {0};
	struct section *s;
	size_t n = sections(t, &s);

	title_line(t, &line);
	sb_add(out, "# ");
	md_add(out, sb_str(&line), 1);
	sb_reset(&line);
	period_line(t, &line);
	sb_add(out, "\n\n");
	md_add(out, sb_str(&line), 1);
	sb_addc(out, '\n');
	for (size_t i = 0; i < n; i++)
		md_chart(t, &s[i], out);
	free(s);
	sb_reset(&line);
	notes(t, &line);
	if (line.len) {
		sb_add(out, "\n## Notes\n\n");
		md_add(out, sb_str(&line), 0);
	}
	sb_free(&line);
}

/* ---- JSON ---- */

static void json_rows(struct json_writer *j, const struct summary_tally *t,
		      const struct section *s)
{
	const struct summary_counts *c = s->counts;
	size_t total = counts_total(c);

	jw_open_array(j);
	for (size_t i = 0; i < c->len; i++) {
		jw_open_object(j);
		jw_key(j, "id");
		jw_string(j, c->key[i]);
		jw_key(j, "label");
		jw_string(j, row_label(t, s, c->key[i]));
		jw_key(j, "count");
		jw_int(j, (long long)c->n[i]);
		jw_key(j, "percent");
		jw_int(j, percent(c->n[i], total));
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_question(struct json_writer *j, const struct summary_tally *t,
			  const struct section *s)
{
	jw_open_object(j);
	jw_key(j, "id");
	jw_string(j, s->id);
	jw_key(j, "title");
	jw_string(j, s->title);
	jw_key(j, "text");
	jw_string(j, s->text);
	jw_key(j, "records");
	jw_int(j, (long long)counts_total(s->counts));
	jw_key(j, "answers");
	json_rows(j, t, s);
	jw_close_object(j);
}

static void json_files(struct json_writer *j, const struct summary_tally *t)
{
	jw_open_array(j);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct summary_file *f = &t->files[i];
		jw_open_object(j);
		jw_key(j, "name");
		jw_string(j, f->name);
		jw_key(j, "records");
		jw_int(j, (long long)f->records);
		jw_key(j, "damaged_lines");
		jw_open_array(j);
		for (size_t k = 0; k < f->ndamaged; k++)
			jw_int(j, (long long)f->damaged[k]);
		jw_close_array(j);
		jw_close_object(j);
	}
	jw_close_array(j);
}

static void json_head(struct json_writer *j, const struct summary_tally *t)
{
	jw_key(j, "title");
	jw_string(j, t->c->title);
	jw_key(j, "sessions");
	jw_int(j, (long long)t->sessions);
	jw_key(j, "first");
	jw_string(j, t->first);
	jw_key(j, "last");
	jw_string(j, t->last);
	jw_key(j, "damaged");
	jw_int(j, (long long)t->damaged);
	jw_key(j, "files");
	json_files(j, t);
	jw_key(j, "unknown_columns");
	jw_open_array(j);
	for (size_t i = 0; i < t->nunknown; i++)
		jw_string(j, t->unknown_columns[i]);
	jw_close_array(j);
}

static void json_write(const struct summary_tally *t, struct strbuf *out)
{
	static const char *const keys[] = {[L_MODEL] = "recommendations",
					   [L_STRENGTH] = "strengths",
					   [L_MODE] = "modes"};
	struct json_writer j;
	struct section *s;
	size_t n = sections(t, &s);

	jw_init(&j, out);
	jw_open_object(&j);
	json_head(&j, t);
	for (size_t i = 0; i < n; i++) {
		if (s[i].kind == L_OPTION)
			continue;
		jw_key(&j, keys[s[i].kind]);
		json_rows(&j, t, &s[i]);
	}
	jw_key(&j, "questions");
	jw_open_array(&j);
	for (size_t i = 0; i < n; i++)
		if (s[i].kind == L_OPTION)
			json_question(&j, t, &s[i]);
	jw_close_array(&j);
	jw_close_object(&j);
	free(s);
}

void summary_write(const struct summary_tally *t, enum report_format f, struct strbuf *out)
{
	if (f == REPORT_JSON)
		json_write(t, out);
	else if (f == REPORT_MARKDOWN)
		md_write(t, out);
	else
		text_write(t, out);
}
