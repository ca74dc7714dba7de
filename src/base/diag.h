/* Diagnostics: every problem found in an input, collected so they can all be
 * reported at once as "file:line: where: what is wrong". */
#ifndef OW_DIAG_H
#define OW_DIAG_H

#include <stddef.h>

struct diag {
	char *file;  /* may be NULL */
	int line;    /* 0 when unknown */
	char *where; /* "section/key", or NULL */
	char *what;
};

struct diags {
	struct diag *items;
	size_t n, cap;
	/* A file could not be opened because the process or the system is out
	 * of file descriptors: not a problem of the input, and worth one plain
	 * line instead of one per file. */
	int out_of_fds;
};

/* Notes errno (just set by a failed open) when it means "out of fds". */
void diag_note_open_errno(struct diags *d, int err);

void diag_add(struct diags *d, const char *file, int line, const char *where,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* One line per diagnostic, control characters neutralised, into a malloc'd string. */
char *diag_format(const struct diags *d);
void diags_free(struct diags *d);

#endif
