/* Shared helpers for the unit tests: load the fixture content, with one file
 * swapped for a broken variant, and look for a diagnostic. */
#ifndef OW_TESTUTIL_H
#define OW_TESTUTIL_H

#include <stddef.h>

#include "answers.h"
#include "content.h"
#include "diag.h"

enum { F_WIZARD, F_MODELS, F_QUESTIONS, F_COMPARISON, F_ADVISORIES, F_TEXTS };

/* Reads a whole file into a malloc'd string. */
char *read_text(const char *path, size_t *len);
/* Loads tests/fixtures/<set>, with file number which replaced by text (which
 * may be NULL to keep every file as it is). */
int load_fixture(const char *set, int which, const char *text, struct content *c,
		 struct diags *d);
/* Like load_fixture, with text appended to file number which. */
int load_fixture_plus(const char *set, int which, const char *extra, struct content *c,
		      struct diags *d);
/* 1 when some diagnostic has this line (0: any), and its text contains what. */
int has_diag(const struct diags *d, int line, const char *what);
/* All diagnostics as text, for failure messages. */
const char *diag_text(const struct diags *d);
/* Answers from "q=o q=o" (missing questions unanswered). */
void answers_from(const struct content *c, const char *spec, struct answers *a);

#endif
