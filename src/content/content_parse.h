/* Turning parsed INI documents into struct content (internal to content.c). */
#ifndef OW_CONTENT_PARSE_H
#define OW_CONTENT_PARSE_H

#include "content.h"
#include "diag.h"
#include "ini.h"

struct parse_ctx {
	struct content *c;
	struct diags *d;
	const char *file; /* the name messages use */
};

/* Adds "file:line: sec/key: what" to p->d (sec and key may be NULL). */
void parse_problem(struct parse_ctx *p, int line, const char *sec, const char *key,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));
#define PROBLEM(p, line, sec, key, ...) parse_problem((p), (line), (sec), (key), __VA_ARGS__)

void parse_wizard(struct parse_ctx *p, const struct ini_doc *doc);
void parse_models(struct parse_ctx *p, const struct ini_doc *doc);
void parse_questions(struct parse_ctx *p, const struct ini_doc *doc);
void parse_rows(struct parse_ctx *p, const struct ini_doc *doc);
void parse_advisories(struct parse_ctx *p, const struct ini_doc *doc);
/* texts.ini: every key of text_ids.def, nothing else, placeholders checked. */
void parse_texts(struct parse_ctx *p, const struct ini_doc *doc);

#endif
