/* The facilitator summary, writing side: the tallies as text bar charts for a
 * projector, a markdown handout, or JSON. Every word comes from the string
 * table (texts.ini [summary], [strength], [mode]). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "bar.h"
#include "json.h"
#include "markdown.h"
#include "sanitize.h"
#include "summary.h"
#include "texts.h"
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

	s[n++] = (struct section){text_get(c, T_SUMMARY_RECOMMENDATIONS), NULL, NULL, &t->models,
				  L_MODEL, -1};
	s[n++] = (struct section){text_get(c, T_RESULT_STRENGTH), NULL, NULL, &t->strengths,
				  L_STRENGTH, -1};
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		s[n++] = (struct section){content_question_title(qu), qu->text, qu->id,
					  &t->questions[q], L_OPTION, (int)q};
	}
	s[n++] = (struct section){text_get(c, T_SUMMARY_MODE), NULL, NULL, &t->modes, L_MODE, -1};
	*out = s;
	return n;
}

/* A log's strength or mode as [strength] or [mode] words it, or as written
 * when the string table has no such key (a newer program's log). */
static const char *named_label(const struct content *c, const char *section, const char *key)
{
	int id = text_find(section, key);
	return id >= 0 ? text_get(c, (enum text_id)id) : key;
}

static const char *row_label(const struct summary_tally *t, const struct section *s,
			     const char *key)
{
	const struct content *c = t->c;

	if (!*key)
		return text_get(c, s->kind == L_OPTION ? T_SUMMARY_NO_ANSWER : T_SUMMARY_NONE);
	if (s->kind == L_MODEL) {
		int m = content_model_index(c, key);
		if (m < 0 && strength_from_name(key) == STRENGTH_SPLIT)
			return text_get(c, T_SUMMARY_SPLIT); /* "split", a recommendation of its own */
		return m >= 0 ? content_model_name(c, m) : key;
	}
	if (s->kind == L_OPTION) {
		const struct question *q = &c->questions[s->question];
		int o = content_option_index(q, key);
		return o >= 0 ? content_option_label(c, &q->options[o]) : key;
	}
	/* the sections [strength] and [mode], named as text_ids.def names them */
	return named_label(c, text_section(s->kind == L_STRENGTH ? T_STRENGTH_CLEAR : T_MODE_BATCH),
			   key);
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

/* The lines below build text unescaped, words and values alike (both come
 * from files people wrote); each writer makes the whole of it safe for its
 * format. */

/* "2026-11-22T18:20:01Z" in local time, "2026-11-22 19:20", and its zone
 * into zone; anything else as it is. */
static void add_time(struct strbuf *out, const char *iso, char zone[16])
{
	struct tm tm = {0};
	char end = 0, text[32];

	if (strlen(iso) == 20 && sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2dZ%c", &tm.tm_year, &tm.tm_mon,
					&tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &end) == 6) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		time_t when = timegm(&tm);
		struct tm local;
		localtime_r(&when, &local);
		strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
		strftime(zone, 16, "%Z", &local);
		sb_add(out, text);
	} else {
		sb_add(out, iso);
	}
}

/* Text one or many of a count takes, with {count} filled. */
static void add_count(struct strbuf *out, const struct content *c, enum text_id one,
		      enum text_id many, size_t n)
{
	char count[24];

	snprintf(count, sizeof count, "%zu", n);
	text_add(out, c, n == 1 ? one : many, "count", count, NULL);
}

/* "From ... to ... UTC, 2 logs" */
static void period_line(const struct summary_tally *t, struct strbuf *out)
{
	struct strbuf logs = {0}, first = {0}, last = {0};
	char zone[16] = "";

	add_count(&logs, t->c, T_SUMMARY_LOGS_ONE, T_SUMMARY_LOGS_MANY, t->nfiles);
	if (t->first && t->last) {
		add_time(&first, t->first, zone);
		add_time(&last, t->last, zone);
		text_add(out, t->c, T_SUMMARY_SPAN, "first", sb_str(&first), "last", sb_str(&last),
			 "logs", sb_str(&logs), "zone", zone, NULL);
	} else {
		sb_add(out, sb_str(&logs));
	}
	sb_free(&logs);
	sb_free(&first);
	sb_free(&last);
}

/* "room1.csv lines 57, 60" (the first few line numbers, then how many more) */
static void damaged_file(const struct content *c, const struct summary_file *f,
			 struct strbuf *out)
{
	enum { SHOW = 10 };
	struct strbuf lines = {0};

	for (size_t k = 0; k < f->ndamaged && k < SHOW; k++)
		sb_addf(&lines, "%s%zu", k ? ", " : "", f->damaged[k]);
	if (f->ndamaged > SHOW) {
		char more[24];
		snprintf(more, sizeof more, "%zu", f->ndamaged - SHOW);
		char *list = sb_take(&lines);
		text_add(&lines, c, T_SUMMARY_LINES_MORE, "lines", list, "count", more, NULL);
		free(list);
	}
	text_add(out, c, f->ndamaged == 1 ? T_SUMMARY_FILE_LINE : T_SUMMARY_FILE_LINES, "file",
		 f->name, "lines", sb_str(&lines), NULL);
	sb_free(&lines);
}

/* "2 damaged records skipped: room1.csv lines 57, 60; room2.csv line 3" */
static void damaged_note(const struct summary_tally *t, struct strbuf *out)
{
	const char *sep = ": ";

	add_count(out, t->c, T_SUMMARY_DAMAGED_ONE, T_SUMMARY_DAMAGED_MANY, t->damaged);
	for (size_t i = 0; i < t->nfiles; i++) {
		if (!t->files[i].ndamaged)
			continue;
		sb_add(out, sep);
		damaged_file(t->c, &t->files[i], out);
		sep = "; ";
	}
}

static void unknown_note(const struct summary_tally *t, struct strbuf *out)
{
	struct strbuf columns = {0};

	for (size_t i = 0; i < t->nunknown; i++) {
		if (i)
			sb_add(&columns, ", ");
		sb_add(&columns, t->unknown_columns[i]);
	}
	text_add(out, t->c, T_SUMMARY_UNKNOWN_COLUMNS, "columns", sb_str(&columns), NULL);
	sb_free(&columns);
}

/* The notes under the charts, one per line, each made safe by policy p
 * (with flags, sanitize.h). */
static void notes(const struct summary_tally *t, enum sanitize_policy p, unsigned flags,
		  struct strbuf *out)
{
	struct strbuf note = {0};

	if (t->damaged) {
		damaged_note(t, &note);
		sanitize_add(out, sb_str(&note), p, flags);
		sb_addc(out, '\n');
	}
	if (t->nunknown) {
		sb_reset(&note);
		unknown_note(t, &note);
		sanitize_add(out, sb_str(&note), p, flags);
		sb_addc(out, '\n');
	}
	sb_free(&note);
}

static void title_line(const struct summary_tally *t, struct strbuf *out)
{
	const struct content *c = t->c;
	const char *title = c->title && *c->title ? c->title : text_get(c, T_SUMMARY_UNTITLED);
	char count[24];

	snprintf(count, sizeof count, "%zu", t->sessions);
	text_add(out, c, t->sessions == 1 ? T_SUMMARY_SESSIONS_ONE : T_SUMMARY_SESSIONS_MANY,
		 "title", title, "count", count, NULL);
}

/* ---- text: bar charts for a projector, 80 columns, ASCII ---- */

#define TEXT_WIDTH 79
#define BAR_WIDTH 20
#define ROW_PREFIX 36 /* "  count  bar  pct  " before the label */

/* s made safe for a terminal (with flags) and wrapped to width, each line
 * after the first indented. */
static void add_wrapped(struct strbuf *out, const char *s, unsigned flags, int width, int indent)
{
	struct strbuf safe = {0};
	struct wrapped w;

	sanitize_add(&safe, s, SANITIZE_TERMINAL, flags);
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
static void text_chart(const struct summary_tally *t, const struct section *s, unsigned flags,
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
	add_wrapped(out, sb_str(&head), flags, TEXT_WIDTH, 2);
	sb_addc(out, '\n');
	sb_free(&head);
	for (size_t i = 0; i < c->len; i++) {
		int pct = percent(c->n[i], total);
		sb_addf(out, "  %5zu  ", c->n[i]);
		report_bar(out, pct, BAR_WIDTH);
		sb_addf(out, " %3d%%  ", pct);
		add_wrapped(out, row_label(t, s, c->key[i]), flags, TEXT_WIDTH - ROW_PREFIX,
			    ROW_PREFIX);
		sb_addc(out, '\n');
	}
}

/* The title and the period, one line each, made safe by policy p. */
static void head_lines(const struct summary_tally *t, enum sanitize_policy p, unsigned flags,
		       const char *sep, struct strbuf *out)
{
	struct strbuf line = {0};

	title_line(t, &line);
	sanitize_add(out, sb_str(&line), p, flags);
	sb_add(out, sep);
	sb_reset(&line);
	period_line(t, &line);
	sanitize_add(out, sb_str(&line), p, flags);
	sb_addc(out, '\n');
	sb_free(&line);
}

/* ---- the short summary: one 80x24 screen ---- */

#define DIVIDED_MAX 3 /* questions shown */
#define DIVIDED_ROWS 3 /* answers shown for each, the most given first */

/* How spread the room's answers to question q were: 1 - sum of p^2 over
 * the options really answered (not "no answer", not "Not sure"): 0 when
 * everyone agreed, larger as the answers spread. */
static double spread(const struct summary_tally *t, size_t q)
{
	const struct summary_counts *c = &t->questions[q];
	const struct question *qu = &t->c->questions[q];
	size_t total = 0;
	double sum = 0;

	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < c->len; i++) {
			int o = content_option_index(qu, c->key[i]);
			if (!c->key[i][0] || (o >= 0 && qu->options[o].unsure))
				continue;
			if (pass == 0)
				total += c->n[i];
			else if (total)
				sum += ((double)c->n[i] / total) * ((double)c->n[i] / total);
		}
	return total > 1 ? 1.0 - sum : 0.0;
}

/* The up to DIVIDED_MAX questions the room disagreed on most, widest first
 * (content order between equals); none agreed on by everyone. */
static size_t most_divided(const struct summary_tally *t, size_t *out)
{
	size_t n = 0;

	for (size_t q = 0; q < t->c->nquestions; q++) {
		double sq = spread(t, q);
		if (sq <= 0)
			continue;
		size_t at = n < DIVIDED_MAX ? n++ : DIVIDED_MAX;
		while (at > 0 && spread(t, out[at - 1]) < sq) {
			if (at < DIVIDED_MAX)
				out[at] = out[at - 1];
			at--;
		}
		if (at < DIVIDED_MAX)
			out[at] = q;
	}
	return n;
}

/* s cut to width columns, "..." (or an ellipsis) at the end when cut. */
static void add_cut(struct strbuf *out, const char *s, int width, int ascii)
{
	if (text_width(s) <= width) {
		sb_add(out, s);
		return;
	}
	size_t n = 0;
	int room = width - (ascii ? 3 : 1);
	while (s[n] && text_width_n(s, n + text_char_len(s + n)) <= room)
		n += text_char_len(s + n);
	sb_addn(out, s, n);
	sb_add(out, ascii ? "..." : "\xe2\x80\xa6");
}

/* One question: its title, then its most given answers, one line each. */
static void divided_question(const struct summary_tally *t, size_t q, unsigned flags,
			     struct strbuf *out)
{
	const struct summary_counts *c = &t->questions[q];
	struct section s = {content_question_title(&t->c->questions[q]), NULL, NULL, c, L_OPTION, (int)q};
	size_t total = counts_total(c), used[DIVIDED_ROWS];
	int ascii = (flags & SANITIZE_ASCII) != 0;
	struct strbuf line = {0};

	sb_add(&line, "  ");
	add_cut(&line, s.title, TEXT_WIDTH - 2, ascii);
	sanitize_add(out, sb_str(&line), SANITIZE_TERMINAL, flags);
	sb_addc(out, '\n');
	for (size_t k = 0; k < DIVIDED_ROWS; k++) {
		size_t best = c->len;
		for (size_t i = 0; i < c->len; i++) {
			int taken = 0;
			for (size_t u = 0; u < k; u++)
				taken |= used[u] == i;
			if (!taken && c->n[i] && (best == c->len || c->n[i] > c->n[best]))
				best = i;
		}
		if (best == c->len)
			break;
		used[k] = best;
		int pct = percent(c->n[best], total);
		sb_reset(&line);
		sb_addf(&line, "  %5zu  ", c->n[best]);
		report_bar(&line, pct, BAR_WIDTH);
		sb_addf(&line, " %3d%%  ", pct);
		add_cut(&line, row_label(t, &s, c->key[best]), TEXT_WIDTH - ROW_PREFIX, ascii);
		sanitize_add(out, sb_str(&line), SANITIZE_TERMINAL, flags);
		sb_addc(out, '\n');
	}
	sb_free(&line);
}

/* The title and period, the recommendations (split its own outcome), the
 * questions that divided the room, the notes, and how to see all. */
static void text_write_short(const struct summary_tally *t, unsigned flags, struct strbuf *out)
{
	struct section *s;
	size_t picked[DIVIDED_MAX], n = most_divided(t, picked);

	sections(t, &s);
	head_lines(t, SANITIZE_TERMINAL, flags, "\n", out);
	text_chart(t, &s[0], flags, out);
	free(s);
	if (n) {
		sb_addc(out, '\n');
		sanitize_add(out, text_get(t->c, T_SUMMARY_DIVIDED), SANITIZE_TERMINAL, flags);
		sb_addc(out, '\n');
	}
	for (size_t i = 0; i < n; i++)
		divided_question(t, picked[i], flags, out);
	if (t->damaged || t->nunknown)
		sb_addc(out, '\n');
	notes(t, SANITIZE_TERMINAL, flags, out);
	sb_addc(out, '\n');
	sanitize_add(out, text_get(t->c, T_SUMMARY_FULL_HINT), SANITIZE_TERMINAL, flags);
	sb_addc(out, '\n');
}

/* For a terminal whose locale is not UTF-8 (a projector, LANG=C) the text is
 * ASCII: the bytes of a character such as U+00DB (C3 9B) would reach such a
 * terminal one by one, and 0x9B alone is CSI there. */
static void text_write(const struct summary_tally *t, struct strbuf *out)
{
	struct section *s;
	unsigned flags = locale_is_utf8() ? 0 : SANITIZE_ASCII;

	if (!t->filter.full) {
		text_write_short(t, flags, out);
		return;
	}
	size_t n = sections(t, &s);
	head_lines(t, SANITIZE_TERMINAL, flags, "\n", out);
	for (size_t i = 0; i < n; i++)
		text_chart(t, &s[i], flags, out);
	free(s);
	if (t->damaged || t->nunknown)
		sb_addc(out, '\n');
	notes(t, SANITIZE_TERMINAL, flags, out);
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
	sb_add(out, "| ");
	md_add(out, text_get(t->c, T_SUMMARY_ANSWER), 1);
	sb_add(out, " | ");
	md_add(out, text_get(t->c, T_SUMMARY_SESSIONS), 1);
	sb_add(out, " | ");
	md_add(out, text_get(t->c, T_SUMMARY_SHARE), 1);
	sb_add(out, " |\n|---|---:|---:|\n");
	for (size_t i = 0; i < c->len; i++) {
		sb_add(out, "| ");
		md_add(out, row_label(t, s, c->key[i]), 1);
		sb_addf(out, " | %zu | %d%% |\n", c->n[i], percent(c->n[i], total));
	}
}

static void md_write(const struct summary_tally *t, struct strbuf *out)
{
	struct section *s;
	size_t n = sections(t, &s);

	sb_add(out, "# ");
	head_lines(t, SANITIZE_MARKDOWN, 0, "\n\n", out);
	for (size_t i = 0; i < n; i++)
		md_chart(t, &s[i], out);
	free(s);
	if (t->damaged || t->nunknown) {
		md_section(out, text_get(t->c, T_SUMMARY_NOTES));
		notes(t, SANITIZE_MARKDOWN, 0, out);
	}
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

/* The charts by kind: "recommendations", "strengths" and "modes" as rows,
 * the questions as objects with theirs. */
static void json_charts(struct json_writer *j, const struct summary_tally *t,
			const struct section *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i].kind == L_MODEL)
			jw_key(j, "recommendations");
		else if (s[i].kind == L_STRENGTH)
			jw_key(j, "strengths");
		else if (s[i].kind == L_MODE)
			jw_key(j, "modes");
		else
			continue;
		json_rows(j, t, &s[i]);
	}
	jw_key(j, "questions");
	jw_open_array(j);
	for (size_t i = 0; i < n; i++)
		if (s[i].kind == L_OPTION)
			json_question(j, t, &s[i]);
	jw_close_array(j);
}

static void json_write(const struct summary_tally *t, struct strbuf *out)
{
	struct json_writer j;
	struct section *s;
	size_t n = sections(t, &s);

	jw_init(&j, out);
	jw_open_object(&j);
	json_head(&j, t);
	json_charts(&j, t, s, n);
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
