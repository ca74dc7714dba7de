#include "report_common.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "report.h"
#include "xalloc.h"

int report_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "text") == 0)
		return REPORT_TEXT;
	if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		return REPORT_MARKDOWN;
	if (strcmp(s, "json") == 0)
		return REPORT_JSON;
	return -1;
}

void report_write(enum report_format f, const struct content *c, const struct answers *a,
		  const struct verdict *v, struct strbuf *out)
{
	switch (f) {
	case REPORT_MARKDOWN:
		report_write_md(c, a, v, out);
		break;
	case REPORT_JSON:
		report_write_json(c, a, v, out);
		break;
	case REPORT_TEXT:
	default:
		report_write_text(c, a, v, out);
		break;
	}
}

/* ---- look-ups ---- */

const struct qoption *report_unsure_option(const struct question *q)
{
	if (q->noptions == 0)
		return NULL;
	for (size_t i = 0; i < q->noptions; i++)
		if (q->options[i].unsure)
			return &q->options[i];
	return &q->options[q->noptions - 1];
}

const struct qoption *report_chosen_option(const struct content *c, const struct answers *a,
					  size_t qi)
{
	const struct question *q = &c->questions[qi];
	int choice = a && qi < a->n ? a->choice[qi] : ANSWER_NONE;

	if (choice < 0 || (size_t)choice >= q->noptions)
		return report_unsure_option(q);
	return &q->options[choice];
}

const char *report_option_label(const struct content *c, const struct qoption *o)
{
	if (!o)
		return c->not_sure ? c->not_sure : "";
	if (o->unsure && c->not_sure)
		return c->not_sure;
	return o->label ? o->label : (o->id ? o->id : "");
}

const char *report_option_label_at(const struct content *c, int qi, int oi)
{
	if (qi < 0 || (size_t)qi >= c->nquestions)
		return "?";
	const struct question *q = &c->questions[qi];
	if (oi < 0 || (size_t)oi >= q->noptions)
		return report_option_label(c, report_unsure_option(q));
	return report_option_label(c, &q->options[oi]);
}

const char *report_question_words(const struct question *q)
{
	if (q->text && *q->text)
		return q->text;
	return q->title ? q->title : q->id;
}

const char *report_model_name(const struct content *c, int m)
{
	if (m < 0 || (size_t)m >= c->nmodels)
		return "?";
	return c->models[m].name ? c->models[m].name : c->models[m].id;
}

const char *report_model_id(const struct content *c, int m)
{
	if (m < 0 || (size_t)m >= c->nmodels)
		return NULL;
	return c->models[m].id;
}

const struct model *report_winner(const struct content *c, const struct verdict *v)
{
	if (v->winner < 0 || (size_t)v->winner >= c->nmodels)
		return NULL;
	return &c->models[v->winner];
}

/* ---- risks and mitigations: paired by id, so content order can differ ---- */

int report_mitigation_for(const struct model *m, size_t risk)
{
	const char *id = m->risks.ids[risk];

	for (size_t j = 0; j < m->mitigations.n; j++)
		if (strcmp(m->mitigations.ids[j], id) == 0)
			return (int)j;
	return -1;
}

int report_mitigation_unpaired(const struct model *m, size_t j)
{
	const char *id = m->mitigations.ids[j];

	for (size_t i = 0; i < m->risks.n; i++)
		if (strcmp(m->risks.ids[i], id) == 0)
			return 0;
	return 1;
}

/* ---- reasons ---- */

size_t report_pick_reasons(const struct verdict *v, int toward_winner, size_t max, size_t *idx)
{
	size_t n = 0;

	for (size_t i = 0; i < v->nreasons && n < max; i++) {
		int is_winner = v->reasons[i].model == v->winner;
		if (is_winner == !!toward_winner)
			idx[n++] = i;
	}
	return n;
}

/* ---- text helpers ---- */

void report_bar(struct strbuf *out, int percent, int width)
{
	if (percent < 0)
		percent = 0;
	if (percent > 100)
		percent = 100;
	/* Rounded, so 99% does not look empty-ended and 1% still shows. */
	int filled = (percent * width + 50) / 100;
	if (percent > 0 && filled == 0)
		filled = 1;
	for (int i = 0; i < width; i++)
		sb_addc(out, i < filled ? '#' : '.');
}

char *report_safe_dup(const char *s)
{
	struct strbuf sb = {0};

	sb_add_safe(&sb, s ? s : "", 1);
	return sb_take(&sb);
}

/* ---- markdown ---- */

/* Characters that change meaning anywhere in a line of markdown. */
static int md_special(char ch)
{
	return ch && strchr("\\`*_[]<>|", ch) != NULL;
}

/* Characters that start a block (heading, list, quote, rule) only at the
 * beginning of a line. */
static int md_line_start_special(char ch)
{
	return ch && strchr("#+-=~", ch) != NULL;
}

/* At the start of a line, "12." or "3)" would begin a numbered list: returns
 * the length of the digits when they are followed by such a marker. */
static size_t md_list_number(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n > 0 && (s[n] == '.' || s[n] == ')') ? n : 0;
}

void md_add(struct strbuf *out, const char *s, int inline_only)
{
	struct strbuf esc = {0};
	int line_start = 1;

	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '\n' || *p == '\r') {
			sb_addc(&esc, inline_only || *p == '\r' ? ' ' : '\n');
			line_start = !inline_only && *p == '\n';
			continue;
		}
		if (line_start) {
			size_t digits = md_list_number(p);
			if (digits) {
				sb_addn(&esc, p, digits);
				p += digits;
			}
			if (digits || md_line_start_special(*p))
				sb_addc(&esc, '\\');
			line_start = 0;
		}
		if (md_special(*p))
			sb_addc(&esc, '\\');
		sb_addc(&esc, *p);
	}
	sb_add_safe(out, sb_str(&esc), !inline_only);
	sb_free(&esc);
}

/* ---- JSON ---- */

static void json_add_escaped_cp(struct strbuf *out, unsigned cp)
{
	sb_addf(out, "\\u%04x", cp);
}

void json_add_string(struct strbuf *out, const char *s)
{
	size_t len = strlen(s);

	sb_addc(out, '"');
	for (size_t i = 0; i < len;) {
		unsigned cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == '"' || cp == '\\') {
			sb_addc(out, '\\');
			sb_addc(out, (char)cp);
		} else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
			/* Control characters: required by JSON below 0x20, and kept out of
			 * the output everywhere so a viewer cannot be driven by them. */
			json_add_escaped_cp(out, cp);
		} else if (cp == 0xFFFD && n == 1) {
			json_add_escaped_cp(out, cp); /* an invalid byte: keep the JSON UTF-8 */
		} else {
			sb_addn(out, s + i, n);
		}
		i += n;
	}
	sb_addc(out, '"');
}

void jw_init(struct json_writer *j, struct strbuf *out)
{
	memset(j, 0, sizeof *j);
	j->out = out;
}

static void jw_indent(struct json_writer *j)
{
	sb_addc(j->out, '\n');
	for (int i = 0; i < j->depth; i++)
		sb_add(j->out, "  ");
}

/* Everything written is a member of the innermost open level: the comma and
 * the new line go before it, unless it is the value of a key just written. */
static void jw_before_item(struct json_writer *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->depth == 0)
		return;
	if (j->count[j->depth - 1]++ > 0)
		sb_addc(j->out, ',');
	jw_indent(j);
}

void jw_key(struct json_writer *j, const char *key)
{
	jw_before_item(j);
	json_add_string(j->out, key ? key : "");
	sb_add(j->out, ": ");
	j->after_key = 1;
}

static void jw_open(struct json_writer *j, char bracket)
{
	jw_before_item(j);
	sb_addc(j->out, bracket);
	if (j->depth < JSON_MAX_DEPTH) {
		j->count[j->depth] = 0;
		j->depth++;
	}
}

static void jw_close(struct json_writer *j, char bracket)
{
	if (j->depth > 0)
		j->depth--;
	if (j->count[j->depth] > 0)
		jw_indent(j);
	sb_addc(j->out, bracket);
	if (j->depth == 0)
		sb_addc(j->out, '\n');
}

void jw_open_object(struct json_writer *j)
{
	jw_open(j, '{');
}

void jw_open_array(struct json_writer *j)
{
	jw_open(j, '[');
}

void jw_close_object(struct json_writer *j)
{
	jw_close(j, '}');
}

void jw_close_array(struct json_writer *j)
{
	jw_close(j, ']');
}

void jw_string(struct json_writer *j, const char *s)
{
	if (!s) {
		jw_null(j);
		return;
	}
	jw_before_item(j);
	json_add_string(j->out, s);
}

void jw_int(struct json_writer *j, long long n)
{
	jw_before_item(j);
	sb_addf(j->out, "%lld", n);
}

/* Formatted by hand rather than with "%.2f": printf follows LC_NUMERIC, and a
 * locale with a decimal comma would make the JSON invalid. */
void jw_number(struct json_writer *j, double x)
{
	if (x != x || x > 1e15 || x < -1e15) {
		jw_null(j);
		return;
	}
	jw_before_item(j);
	double scaled = x * 100.0;
	long long hundredths = (long long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
	if (hundredths < 0) {
		sb_addc(j->out, '-');
		hundredths = -hundredths;
	}
	sb_addf(j->out, "%lld", hundredths / 100);
	long long frac = hundredths % 100;
	if (frac % 10)
		sb_addf(j->out, ".%02lld", frac);
	else if (frac)
		sb_addf(j->out, ".%lld", frac / 10);
}

void jw_bool(struct json_writer *j, int b)
{
	jw_before_item(j);
	sb_add(j->out, b ? "true" : "false");
}

void jw_null(struct json_writer *j)
{
	jw_before_item(j);
	sb_add(j->out, "null");
}
