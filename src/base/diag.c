#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>

#include "sanitize.h"
#include "strbuf.h"
#include "xalloc.h"

void diag_add(struct diags *d, const char *file, int line, const char *where, const char *fmt,
	      ...)
{
	struct strbuf what = {0};
	va_list ap;

	va_start(ap, fmt);
	sb_vaddf(&what, fmt, ap);
	va_end(ap);
	d->items = xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
	d->items[d->n++] = (struct diag){
		.file = file ? xstrdup(file) : NULL,
		.line = line,
		.where = where ? xstrdup(where) : NULL,
		.what = sb_take(&what),
	};
}

char *diag_format(const struct diags *d)
{
	struct strbuf sb = {0};

	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->items[i];
		if (g->file) {
			sb_add_safe(&sb, g->file, 0);
			if (g->line > 0)
				sb_addf(&sb, ":%d", g->line);
			sb_add(&sb, ": ");
		}
		if (g->where) {
			sb_add_safe(&sb, g->where, 0);
			sb_add(&sb, ": ");
		}
		sb_add_safe(&sb, g->what, 0);
		sb_addc(&sb, '\n');
	}
	return sb_take(&sb);
}

void diag_note_open_errno(struct diags *d, int err)
{
	if (err == EMFILE || err == ENFILE)
		d->out_of_fds = 1;
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].where);
		free(d->items[i].what);
	}
	free(d->items);
	d->items = NULL;
	d->n = d->cap = 0;
	d->out_of_fds = 0;
}
