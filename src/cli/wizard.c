#include "wizard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "exit_status.h"
#include "resultlog_armed.h"
#include "run.h"
#include "store.h"
#include "sanitize.h"
#include "texts.h"
#include "ui.h"
#include "xalloc.h"

/* The record a crash writes: file-scope, for the signal handler. */
static struct resultlog_armed armed;

static void write_armed(void)
{
	resultlog_write_armed(&armed);
}

struct finish_ctx {
	const struct settings *s;
	const struct content *c;
	int log_failed; /* some interview could not be logged */
	/* Where a crash writes the record: the CSV log itself, or beside a
	 * store (SQLite cannot run in a signal handler) */
	char *crash_log;
};

static const char *log_mode(const struct settings *s)
{
	return s->kiosk ? "kiosk" : "curses";
}

/* Keeps the record of the result on screen ready for a crash to write. */
static void result_changed(void *ctx, const struct answers *a, const struct verdict *v)
{
	struct finish_ctx *f = ctx;

	if (v && f->s->log && f->crash_log)
		resultlog_arm(&armed, f->crash_log, f->c, a, v, log_mode(f->s));
	else
		resultlog_disarm(&armed);
}

/* A kiosk's visitor can do nothing about a results log that fails, and is
 * not to see the server's paths: the reason goes to the system log (the
 * journal, under the identifier outsource-wizard) for the operator. */
static void tell_operator(const char *why)
{
	openlog("outsource-wizard", LOG_PID, LOG_USER);
	syslog(LOG_ERR, "kiosk result not logged: %s", why);
	closelog();
}

/* The curses wizard calls this as each interview that reached a result ends,
 * with the verdict it showed. */
static int log_finished(void *ctx, const struct answers *a, const struct verdict *v,
			struct strbuf *msg)
{
	struct finish_ctx *f = ctx;

	resultlog_disarm(&armed);
	if (run_log(f->s, f->c, a, v, log_mode(f->s), msg) == 0)
		return 0;
	f->log_failed = 1;
	if (f->s->kiosk) {
		tell_operator(sb_str(msg));
		sb_reset(msg);
		sb_add(msg, text_get(f->c, T_LOG_FAILED_KIOSK));
	}
	return -1;
}

/* As debconf falls back to its teletype frontend: one line on stderr, then
 * the same interview as --plain. A TERM value is user input: at most 40 safe
 * characters of it are shown. */
static int fall_back_to_plain(const struct settings *s, const struct content *c)
{
	const char *term = getenv("TERM");
	char *safe = text_for_terminal(term ? term : "", 1, 0);

	if (strlen(safe) > 40)
		strcpy(safe + 37, "...");
	if (term && *term)
		fprintf(stderr, "outsource-wizard: this terminal (TERM=%s) cannot draw the wizard; using --plain\n",
			safe);
	else
		fputs("outsource-wizard: this terminal (TERM is not set) cannot draw the wizard; using --plain\n",
		      stderr);
	free(safe);
	return run_plain(s, c);
}

/* The answers the wizard starts from: none, or --prefill's (a broken file
 * is said before any screen). Returns 0, or -1 after the diagnostics. */
static int start_answers(const struct settings *s, const struct content *c, struct answers *a)
{
	struct diags d = {0};

	if (!s->prefill) {
		answers_init(a, c);
		return 0;
	}
	int bad = answers_load(s->prefill, c, ANSWERS_MAY_MISS, a, &d);
	if (bad) {
		run_print_diags(&d);
		answers_free(a);
	}
	diags_free(&d);
	return bad ? -1 : 0;
}

int run_wizard(const struct settings *s, const struct content *c)
{
	struct finish_ctx f = {s, c, 0, NULL};
	struct ui_options o = {
		.report_path = s->report,
		.kiosk = s->kiosk,
		.idle_timeout = s->idle_timeout,
		.session_limit = s->session_limit,
		.report_dir = s->report_dir,
		.logging = s->log != NULL,
		.plain_fallback = !s->kiosk, /* a kiosk has its own: kiosk_sanitize_env */
		.on_finish = log_finished,
		.on_result = result_changed,
		.on_crash = write_armed,
		.ctx = &f,
	};
	struct answers a;
	struct verdict v;
	int done;

	if (start_answers(s, c, &a) != 0)
		return EXIT_BAD_INPUT;
	o.start_at_review = s->prefill != NULL;
	if (s->log)
		f.crash_log = store_is_store(s->log) ? store_spool_path(s->log) : xstrdup(s->log);
	int rc = ui_run(c, &o, &a, &v, &done);
	resultlog_disarm(&armed);
	free(f.crash_log);
	if (rc == UI_CANNOT_DRAW) {
		answers_free(&a);
		return fall_back_to_plain(s, c);
	}
	if (done && s->print && run_print_report(s, c, &a, &v, NULL)) /* logged already */
		rc = EXIT_FAILED;
	if (done)
		verdict_free(&v);
	if (rc == EXIT_OK && f.log_failed)
		rc = EXIT_FAILED;
	answers_free(&a);
	return rc;
}
