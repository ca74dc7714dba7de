/* What the three report writers share: label look-ups, the pairing of risks
 * with their mitigations, the choice of reasons to show, score bars, and the
 * escaping each output format needs. Internal to report_*.c. */
#ifndef OW_REPORT_COMMON_H
#define OW_REPORT_COMMON_H

#include <stddef.h>

#include "answers.h"
#include "content.h"
#include "engine.h"
#include "strbuf.h"

/* The writers behind report_write (report.h), one per format. */
void report_write_text(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out);
void report_write_md(const struct content *c, const struct answers *a,
		     const struct verdict *v, struct strbuf *out);
void report_write_json(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out);

/* How many reasons of each kind a report shows: enough to explain, few
 * enough to read. */
#define REPORT_REASONS_FOR 3
#define REPORT_REASONS_AGAINST 2

/* The "Not sure" option of q (flagged unsure by the loader; the last one if
 * none is flagged), or NULL for a question without options. */
const struct qoption *report_unsure_option(const struct question *q);
/* The option chosen for question qi; ANSWER_NONE or an out-of-range index
 * count as the unsure option. */
const struct qoption *report_chosen_option(const struct content *c, const struct answers *a,
					  size_t qi);
/* How an option is shown: the content's not-sure wording for the unsure one,
 * otherwise its label. Never NULL. */
const char *report_option_label(const struct content *c, const struct qoption *o);
/* The label of option oi of question qi, tolerant of bad indexes. */
const char *report_option_label_at(const struct content *c, int qi, int oi);
/* The question as a manager reads it: its text, or its title if it has none. */
const char *report_question_words(const struct question *q);
/* A model's short name, or "?" for an index outside the content. */
const char *report_model_name(const struct content *c, int m);
/* A model's id, or NULL for an index outside the content. */
const char *report_model_id(const struct content *c, int m);

/* The recommended model, or NULL if the verdict names none. */
const struct model *report_winner(const struct content *c, const struct verdict *v);

/* Index in m->mitigations of the mitigation paired with risk i (same id), or
 * -1 if that risk has none. */
int report_mitigation_for(const struct model *m, size_t risk);
/* Whether mitigation j is paired with no risk (shown on its own, not lost). */
int report_mitigation_unpaired(const struct model *m, size_t j);

/* Picks the reasons to show, strongest first: up to max toward the winner
 * (toward_winner) or toward any other model. Fills idx with indexes into
 * v->reasons and returns how many. */
size_t report_pick_reasons(const struct verdict *v, int toward_winner, size_t max, size_t *idx);

/* A score bar of '#' for the share achieved and '.' for the rest, ASCII so
 * it prints and pastes anywhere. */
void report_bar(struct strbuf *out, int percent, int width);
/* A malloc'd copy of s with control characters neutralised (sb_add_safe),
 * newlines kept; "" for NULL. */
char *report_safe_dup(const char *s);

/* Markdown: appends s with the characters markdown would interpret escaped,
 * then through sb_add_safe. inline_only turns newlines into spaces (tables,
 * headings, list items); otherwise they are kept. */
void md_add(struct strbuf *out, const char *s, int inline_only);

/* A small JSON emitter that keeps commas and indentation right, so each
 * writer only says what goes where. Strings are escaped: '"', '\\', control
 * characters and C1 controls as \u00XX, invalid UTF-8 as \ufffd. */
#define JSON_MAX_DEPTH 16

struct json_writer {
	struct strbuf *out;
	int depth;
	size_t count[JSON_MAX_DEPTH]; /* members written at each open level */
	int after_key;                /* a key was written: its value follows */
};

void jw_init(struct json_writer *j, struct strbuf *out);
void jw_key(struct json_writer *j, const char *key);
void jw_open_object(struct json_writer *j);
void jw_open_array(struct json_writer *j);
void jw_close_object(struct json_writer *j);
void jw_close_array(struct json_writer *j);
void jw_string(struct json_writer *j, const char *s); /* NULL gives null */
void jw_int(struct json_writer *j, long long n);
void jw_number(struct json_writer *j, double x); /* up to 2 decimals; non-finite gives null */
void jw_bool(struct json_writer *j, int b);
void jw_null(struct json_writer *j);
/* Appends s as a quoted JSON string to out (no layout). */
void json_add_string(struct strbuf *out, const char *s);

#endif
