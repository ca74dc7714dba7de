/* The string table: every sentence and label the screens and the reports
 * show, loaded from texts.ini with the rest of the content, each with its
 * {placeholders} checked against text_ids.def. A fact has one key, so the
 * screen and every report word it the same way, and rewording (or
 * translating) it is an edit of content, never of C. */
#ifndef OW_TEXTS_H
#define OW_TEXTS_H

#include <stddef.h>

#include "content.h"
#include "strbuf.h"
#include "text_ids.h"

/* A value for one {name} of a text. */
struct text_arg {
	const char *name;
	const char *value;
};

/* Receives a text piece by piece: the literal runs, and each value given
 * for a placeholder (is_value), so a writer can escape or emphasise them. */
typedef void (*text_sink)(void *ctx, const char *s, size_t n, int is_value);

/* The text as written (for texts without placeholders). Never NULL. */
const char *text_get(const struct content *c, enum text_id id);
/* Sends tmpl to sink with each {name} replaced by its value ("{{" is a
 * literal brace). A name with no value given is sent as written, so a
 * missing argument shows rather than vanishes. */
void text_expand(const char *tmpl, const struct text_arg *args, size_t nargs, text_sink sink,
		 void *ctx);
/* text_expand of text id into sink; the variadic arguments are name, value
 * pairs ending with NULL. */
void text_emit(const struct content *c, enum text_id id, text_sink sink, void *ctx, ...);
/* Appends text id with its placeholders filled (name, value pairs, NULL). */
void text_add(struct strbuf *out, const struct content *c, enum text_id id, ...);
/* The same as a malloc'd string. */
char *text_fmt(const struct content *c, enum text_id id, ...);

/* How strong s is, as [strength] words it ("clear"); strength_name gives
 * the id instead. */
const char *text_strength(const struct content *c, enum strength s);
/* The id of [section] key, or -1: for values that name a text, such as a
 * results log's mode ("kiosk" is [mode] kiosk). */
int text_find(const char *section, const char *key);

/* texts.ini's section and key for id ("result", "why"), for messages. */
const char *text_section(enum text_id id);
const char *text_key(enum text_id id);
/* The placeholder names id takes, space separated ("" for none). */
const char *text_placeholders(enum text_id id);

#endif
