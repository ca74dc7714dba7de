/* The raw-byte pass over an INI file (internal to ini.c and its tests). */
#ifndef OW_INI_LINT_H
#define OW_INI_LINT_H

#include <stddef.h>

#include "diag.h"

/* One section header or key line, in file order, as the lint saw it. */
struct ini_mark {
	const char *section; /* lower case; owned by ini_marks.names */
	char *key;     /* lower case; NULL for a section header */
	int line;
	size_t offset; /* byte offset of the line */
};

struct ini_marks {
	struct ini_mark *items;
	size_t n, cap;
	char **names; /* section names, shared by their marks */
	size_t nnames, names_cap;
};

/* Checks data for what iniparser 4.1 would silently get wrong and records
 * every section and key. Returns the number of problems added to d. */
int ini_lint_marks(const char *data, size_t len, const char *name, struct diags *d,
		   struct ini_marks *marks);
void ini_marks_free(struct ini_marks *m);

#endif
