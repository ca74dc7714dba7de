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

void parse_wizard(struct parse_ctx *p, const struct ini_doc *doc);
void parse_models(struct parse_ctx *p, const struct ini_doc *doc);
void parse_questions(struct parse_ctx *p, const struct ini_doc *doc);
void parse_rows(struct parse_ctx *p, const struct ini_doc *doc);
void parse_advisories(struct parse_ctx *p, const struct ini_doc *doc);

#endif
