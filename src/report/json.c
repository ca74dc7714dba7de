#include "json.h"

#include <string.h>

#include "sanitize.h"

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
	sanitize_add(j->out, key, SANITIZE_JSON, 0);
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
	sanitize_add(j->out, s, SANITIZE_JSON, 0);
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
