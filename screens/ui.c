/* The one main loop: draw when something changed (app_draw), block for a
 * key, hand it in (app_key), repeat; and the kiosk's idle timer. Never
 * polls: while the user thinks, the process sleeps in read(2). */
#include "ui.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "exit_status.h"
#include "frame.h"
#include "input.h"
#include "terminal.h"
#include "texts.h"
#include "xalloc.h"

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Blocks for the time left before the kiosk's idle deadline or the end of
 * its session, whichever comes first (or for ever): one wake-up per period,
 * never a tick. */
static void arm_idle_timer(long long deadline, long long end)
{
	if (end && (!deadline || end < deadline))
		deadline = end;
	if (!deadline) {
		wtimeout(stdscr, -1);
		return;
	}
	long long left = deadline - now_ms();
	wtimeout(stdscr, left > 0 ? (int)(left < 86400000 ? left : 86400000) : 0);
}

/* The kiosk went idle: drop the answers and go back to the start, or, idle
 * at the start already, end the session. Returns 1 to end it. */
static int on_idle(struct app *a)
{
	if (a->flow.step == FLOW_WELCOME && answers_count(a->flow.a) == 0 && a->overlay == OVERLAY_NONE)
		return 1;
	app_restart(a);
	return 0;
}

/* Test-only: OW_FAULT=segv or abort crashes the wizard after its first frame,
 * so the tests can prove a crash still restores the terminal. The kiosk
 * clears the environment first, so nobody can reach this there. */
static void maybe_fault(void)
{
	const char *f = getenv("OW_FAULT");
	if (!f)
		return;
	if (!strcmp(f, "segv"))
		raise(SIGSEGV);
	else if (!strcmp(f, "abort"))
		abort();
}

/* Says so when the window has just become bigger than the wizard draws,
 * and takes the note back when it no longer is. */
static const char *capped_note; /* the message note_size showed */

static void note_size(struct app *a, int *was_capped)
{
	int nl, nc;
	int capped = term_size_capped(&nl, &nc);

	if (capped && !*was_capped) {
		char real[32], drawn[32];
		snprintf(real, sizeof real, "%dx%d", nc, nl);
		snprintf(drawn, sizeof drawn, "%dx%d", nc < TERM_MAX_COLS ? nc : TERM_MAX_COLS,
			 nl < TERM_MAX_LINES ? nl : TERM_MAX_LINES);
		char *m = text_fmt(a->c, T_WINDOW_CAPPED, "size", real, "drawn", drawn, NULL);
		app_message(a, ROLE_WARN, m);
		free(m);
		capped_note = a->message;
	} else if (!capped && *was_capped && a->message && a->message == capped_note) {
		free(a->message);
		a->message = NULL;
	}
	*was_capped = capped;
}

/* A resize or a resume since we last looked: 1 when the screen must be drawn. */
static int take_events(struct app *a, int *was_capped)
{
	int ev = term_events();

	if (ev & TERM_RESIZED)
		note_size(a, was_capped);
	return ev != 0;
}

/* getch gave no key: the idle deadline passed, the terminal hung up, or a
 * signal came during one of ncurses' own reads. Many spurious ERRs in a row
 * would mean a terminal that keeps failing: give up rather than spin.
 * Returns the exit status, or -1 to go on. */
static int on_no_key(struct app *a, long long *deadline, int idle_ms, int *spurious)
{
	int e = errno;

	if (*deadline && now_ms() >= *deadline - 20) {
		if (on_idle(a))
			return EXIT_OK;
		*deadline = now_ms() + idle_ms;
		return -1;
	}
	if (e != EINTR && (term_input_gone() || ++*spurious > 100))
		return EXIT_HANGUP;
	return -1;
}

static int loop(struct app *a)
{
	int dirty = 1;
	int first = 1;
	int spurious = 0;
	int idle_ms = app_kiosk(a) ? a->o->idle_timeout * 1000 : 0;
	long long deadline = idle_ms > 0 ? now_ms() + idle_ms : 0;
	int capped = 0;
	/* The session limit: an absolute end, however busy the session. */
	long long end = app_kiosk(a) && a->o->session_limit > 0
		      ? now_ms() + a->o->session_limit * 1000LL : 0;

	note_size(a, &capped);
	for (;;) {
		int sig = term_pending_signal();
		if (sig)
			return EXIT_SIGNAL + sig;
		if (take_events(a, &capped))
			dirty = 1;
		if (dirty)
			app_draw(stdscr, a);
		if (first)
			maybe_fault();
		dirty = first = 0;
		arm_idle_timer(deadline, end);
		errno = 0;
		int ch = wgetch(stdscr);
		sig = term_pending_signal();
		if (sig)
			return EXIT_SIGNAL + sig;
		if (end && now_ms() >= end - 20)
			return EXIT_OK; /* ends as an idle session does: a result is logged */
		if (ch == ERR) {
			int rc = on_no_key(a, &deadline, idle_ms, &spurious);
			if (rc >= 0)
				return rc;
			dirty = 1; /* a resize may have come with it: taken at the top */
			continue;
		}
		spurious = 0;
		if (deadline)
			deadline = now_ms() + idle_ms;
		enum reaction r = app_key(a, ch);
		app_track_result(a);
		switch (r) {
		case R_QUIT:
			return EXIT_OK;
		case R_INTERRUPT:
			return EXIT_INTERRUPT;
		case R_REDRAW:
			dirty = 1;
			break;
		case R_NONE:
			break;
		}
	}
}

/* The whole path of each report saved, now that the screen is gone: the
 * status line may have shortened it. */
static void say_saved_paths(const struct app *a)
{
	const char *p = sb_str(&a->saved_paths);

	while (*p) {
		const char *nl = strchr(p, '\n');
		char *path = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		char *line = text_fmt(a->c, T_SAVE_SAVED_AT_EXIT, "file", path, NULL);
		fprintf(stderr, "outsource-wizard: %s\n", line);
		free(line);
		free(path);
		p = nl ? nl + 1 : p + strlen(p);
	}
}

int ui_run(const struct content *c, const struct ui_options *o, struct answers *answers,
	   struct verdict *v, int *done)
{
	struct terminal t;
	struct app a;
	int rc;

	*done = 0;
	rc = term_open(&t, o && o->plain_fallback);
	if (rc == TERM_CANNOT_DRAW)
		return UI_CANNOT_DRAW;
	if (rc != 0)
		return rc;
	app_init(&a, c, o, answers, !t.utf8);
	term_set_crash_hook(o ? o->on_crash : NULL);
	rc = loop(&a);
	*done = a.flow.reached && flow_complete(&a.flow);
	int failed = app_finish(&a);
	if (*done) { /* the verdict the user saw goes to the caller */
		app_update_verdict(&a);
		*v = a.v;
		a.have_verdict = 0;
	}
	term_set_crash_hook(NULL);
	term_close(&t);
	if (failed)
		fprintf(stderr, "outsource-wizard: %s\n", sb_str(&a.finish_note));
	say_saved_paths(&a);
	app_free(&a);
	return rc;
}
