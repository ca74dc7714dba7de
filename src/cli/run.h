/* The runs that need no terminal (the content check, the batch mode, the room
 * summary, the plain interview), the steps before any run (entering the
 * kiosk, loading the content), and what the curses wizard shares with them:
 * printing a report and appending to the results log. Everything returns an
 * exit status (exit_status.h) and reads only the settled settings. */
#ifndef OW_RUN_H
#define OW_RUN_H

#include "answers.h"
#include "content.h"
#include "engine.h"
#include "settings.h"
#include "strbuf.h"

/* Before anything else in a kiosk: nothing from the client's environment
 * survives, there must be a terminal, and no program can ever be started. */
int run_enter_kiosk(void);
/* Loads s->content_dir; every problem goes to stderr. */
int run_load_content(const struct settings *s, struct content *c);

int run_check(const struct settings *s, const struct content *c);
int run_batch(const struct settings *s, const struct content *c);
int run_summary(const struct settings *s, const struct content *c);
/* The background page (wizard.ini [background]) as text on stdout. */
int run_background(const struct settings *s, const struct content *c);
/* The interview on stdin/stdout, then its report and log record. */
int run_plain(const struct settings *s, const struct content *c);

/* Writes the report of v in s->format to path, or stdout when path is NULL. */
int run_print_report(const struct settings *s, const struct content *c,
		     const struct answers *a, const struct verdict *v, const char *path);
/* Appends one finished interview to s->log, if there is one. Returns 0, or
 * -1 with one line for the user in msg. */
int run_log(const struct settings *s, const struct content *c, const struct answers *a,
	    const struct verdict *v, const char *mode, struct strbuf *msg);

/* Every diagnostic in d, one line each, to stderr. */
void run_print_diags(struct diags *d);

#endif
