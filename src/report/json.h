/* A small JSON emitter that keeps commas and indentation right, so each
 * writer (the report, the content dump, the summary) only says what goes
 * where. Strings go through the sanitiser's JSON policy (sanitize.h). */
#ifndef OW_JSON_H
#define OW_JSON_H

#include <stddef.h>

#include "strbuf.h"

#define JSON_MAX_DEPTH 16

struct json_writer {
	struct strbuf *out;
	int depth;
	size_t count[JSON_MAX_DEPTH]; /* members written at each open level */
	int after_key;                /* a key was written: its value follows */
};

void jw_init(struct json_writer *j, struct strbuf *out);
void jw_key(struct json_writer *j, const char *key); /* NULL gives "" */
void jw_open_object(struct json_writer *j);
void jw_open_array(struct json_writer *j);
void jw_close_object(struct json_writer *j);
void jw_close_array(struct json_writer *j);
void jw_string(struct json_writer *j, const char *s); /* NULL gives null */
void jw_int(struct json_writer *j, long long n);
void jw_number(struct json_writer *j, double x); /* up to 2 decimals; non-finite gives null */
void jw_bool(struct json_writer *j, int b);
void jw_null(struct json_writer *j);

#endif
