/* The facilitator summary: reads results logs (resultlog.h) from one or more
 * kiosks or days and shows what the room got: sessions, recommendations per
 * model and per strength, and how the room answered each question, as ASCII
 * bar charts that fit 80 columns (a projector, LANG=C), as markdown tables,
 * or as JSON.
 *
 * Damaged input is never fatal: a line whose fields do not parse, whose count
 * differs from its header, or whose crc32 does not match is skipped, counted
 * and listed with its file and line number. After a bad line reading resumes
 * at the next line, so a torn record with an open quote cannot swallow the
 * records after it. Columns are matched by name, so logs written with an
 * older or newer question set still count; columns the content does not know
 * are listed once. */
#ifndef OW_SUMMARY_H
#define OW_SUMMARY_H

#include <stddef.h>

#include "content.h"
#include "report.h"
#include "strbuf.h"
#include "strindex.h"

/* Larger logs are refused with a message: a workshop log is a few hundred
 * kilobytes, and this bounds the memory a hostile file can take. */
#define SUMMARY_MAX_LOG_BYTES (64u * 1024 * 1024)

/* Counts by key (an option, model, strength or mode id as written in the
 * log), in first-seen order; the content's ids are entered first, in content
 * order, so they show even at zero. "" is "no answer". */
struct summary_counts {
	char **key;
	size_t *n;
	size_t len, cap;
	struct strindex index; /* over key: a log of many distinct values stays linear */
};

struct summary_file {
	char *name;
	size_t records;
	size_t *damaged; /* line numbers, 1-based */
	size_t ndamaged, cap;
};

/* Which sessions count: those of one workshop tag (a store's; a CSV log has
 * none, so none of its records match a tag), from a time on. */
struct summary_filter {
	const char *workshop; /* NULL: every one */
	char since[24];       /* UTC "YYYY-MM-DDTHH:MM:SSZ", "" for all */
	/* Not a filter but how much the text shows: every question and the
	 * strengths (--full), or one screen with the three that divided the
	 * room most (the default). */
	int full;
};

/* since: "YYYY-MM-DD" (that day from local midnight) or "today", as the UTC
 * time its records are compared with. Returns 0, or -1 when it is neither. */
int summary_since(const char *since, char out[24]);

struct summary_tally {
	const struct content *c;
	struct summary_filter filter;
	struct strbuf *rows; /* set: each session counted is also a CSV row here */
	size_t filtered; /* records the filter left out */
	size_t sessions;
	char *first, *last; /* earliest and latest time, NULL when none */
	struct summary_counts models;
	struct summary_counts strengths;
	struct summary_counts modes;
	struct summary_counts *questions; /* [c->nquestions] */
	char **unknown_columns;            /* each named once */
	size_t nunknown, unknown_cap;
	struct strindex unknown_index;
	struct summary_file *files;
	size_t nfiles, files_cap;
	size_t damaged; /* over all files */
};

void summary_tally_init(struct summary_tally *t, const struct content *c);
void summary_tally_free(struct summary_tally *t);

/* Adds one log's bytes (any bytes: this is the fuzzing entry point) to t,
 * under name for the messages. Returns how many records were counted. */
size_t summary_parse_buffer(struct summary_tally *t, const char *data, size_t len,
			    const char *name);

/* What a results store (store.h) adds to t: n sessions of one mode and
 * outcome, as CSV records would count them (n 0: only time, as the latest); n sessions that answered option ("" none) to question id
 * (an id the content does not know is listed as a column "answer.<id>");
 * and the store as a source, with how many records it had. */
void summary_tally_session(struct summary_tally *t, const char *time, const char *mode,
			   const char *rec, const char *strength, size_t n);
void summary_tally_answers(struct summary_tally *t, const char *question, const char *option,
			   size_t n);
void summary_tally_source(struct summary_tally *t, const char *name, size_t records);

/* One interview as the export writes it (--summary -f csv): a row of
 * time, session, workshop, task, mode, result, strength, then one option id
 * per question of the content (answer[q], "" for none). Cells through the
 * CSV sanitiser: quoted where needed, never a formula. */
struct summary_row {
	const char *time, *session, *workshop, *task, *mode, *result, *strength;
	const char **answer;
};
void summary_row_header(const struct content *c, struct strbuf *out);
void summary_row_write(const struct summary_tally *t, const struct summary_row *r);

/* The summary of t in format f. */
void summary_write(const struct summary_tally *t, enum report_format f, struct strbuf *out);

/* What the messages and the summary call the log "-". */
#define SUMMARY_STDIN_NAME "standard input"

/* Reads the n logs (each under a shared flock, regular files only, at most
 * SUMMARY_MAX_LOG_BYTES; "-" is standard input, which may be a pipe) and
 * writes the summary to out. A log that cannot be
 * read gets a line in err and the others still count. Returns 0, or 2 when
 * no log could be read (out is then empty). */
int summary_run(const char *const *paths, size_t n, const struct content *c,
		const struct summary_filter *filter,
		enum report_format f, struct strbuf *out, struct strbuf *err);

#endif
