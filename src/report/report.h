/* Reports of a result: plain text, a printable markdown handout, or JSON. */
#ifndef OW_REPORT_H
#define OW_REPORT_H

#include "answers.h"
#include "content.h"
#include "engine.h"
#include "strbuf.h"

/* REPORT_CSV is the summary's export only (one row per interview). */
enum report_format { REPORT_TEXT, REPORT_MARKDOWN, REPORT_JSON, REPORT_CSV };

/* Parses "text", "markdown" (or "md") and "json"; -1 if none. */
int report_format_parse(const char *s);
void report_write(enum report_format f, const struct content *c, const struct answers *a,
		  const struct verdict *v, struct strbuf *out);
/* The text report as --plain ends with it, for screen readers and braille
 * displays: the same words as REPORT_TEXT, but no line is decoration (no
 * underline, bar, arrow or star): each section opens with its name in words
 * ("Why:"), and the balance bar is a sentence. */
void report_write_plain(const struct content *c, const struct answers *a,
			const struct verdict *v, struct strbuf *out);
/* The loaded content as JSON (for --check-content --format json). */
void report_content_json(const struct content *c, struct strbuf *out);

#endif
