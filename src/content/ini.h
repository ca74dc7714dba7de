/* INI files as plain data: sections and keys in file order, with line numbers.
 *
 * Every file goes through three steps: an open that accepts only a regular file
 * below INI_MAX_BYTES, a lint of the raw bytes for what iniparser 4.1 would
 * silently get wrong (see ini_lint.c), then iniparser itself. The parsed
 * dictionary is walked once, in order, so loading stays linear. */
#ifndef OW_INI_H
#define OW_INI_H

#include <stddef.h>

#include "diag.h"

#define INI_MAX_BYTES (4u * 1024u * 1024u)
#define INI_MAX_LINE 1000 /* iniparser 4.1 gives up past 1022; we stop earlier */

struct ini_entry {
	char *key;   /* lower case, without the section prefix */
	char *value; /* unquoted, trimmed; never NULL */
	int line;
};

struct ini_section {
	char *name; /* lower case */
	int line;
	struct ini_entry *entries;
	size_t n, cap;
};

struct ini_doc {
	struct ini_section *sections;
	size_t n, cap;
};

/* Reads and checks a file. name is what messages call it (e.g. "content/q.ini").
 * Returns 0, or -1 with every problem added to d (out is then empty). */
int ini_read_file(const char *path, const char *name, struct ini_doc *out, struct diags *d);
/* The same for bytes in memory (tests and fuzzers). */
int ini_read_mem(const char *data, size_t len, const char *name, struct ini_doc *out,
		 struct diags *d);
/* Only the raw-byte checks; returns the number of problems added to d. */
int ini_lint(const char *data, size_t len, const char *name, struct diags *d);
void ini_doc_free(struct ini_doc *doc);

const struct ini_entry *ini_get(const struct ini_section *s, const char *key);

#endif
