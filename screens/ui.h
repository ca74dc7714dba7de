#ifndef OW_UI_H
#define OW_UI_H
#include "answers.h"
#include "content.h"
#include "engine.h"
#include "strbuf.h"

struct ui_options {
	const char *report_path; /* --report FILE, or NULL: save to a generated name in the cwd */
	int kiosk;               /* q and Esc return to the start: no key ends the session */
	int idle_timeout;        /* kiosk: seconds without a key, 0 = none */
	int session_limit;       /* kiosk: seconds before the session ends, idle or not; 0 = none */
	const char *report_dir;  /* kiosk: saves go here under generated names; NULL: no saving */
	int logging;             /* a results log records each finished interview: the welcome says so */
	int start_at_review;     /* --prefill: the answers given are shown first, to change any */
	int plain_fallback;      /* the caller runs --plain when the terminal cannot draw (UI_CANNOT_DRAW) */
	/* Called when an interview that reached a result ends: start over, the
	 * kiosk's return to the start, idle timeout, quit or hangup. Returns 0,
	 * or -1 with a one-line message for the user (e.g. the results log could
	 * not be written); the wizard goes on either way. */
	int (*on_finish)(void *ctx, const struct answers *a, const struct verdict *v,
			 struct strbuf *msg);
	/* Called whenever the result the interview would log changes: with the
	 * verdict once it is reached (and again after a changed answer), with
	 * v NULL when there is none to log any more (it was logged, or an
	 * answer was taken back). Lets the caller prepare what on_crash writes. */
	void (*on_result)(void *ctx, const struct answers *a, const struct verdict *v);
	/* Called from the fatal-signal handler after the terminal is restored:
	 * must be async-signal-safe. NULL: nothing. */
	void (*on_crash)(void);
	void *ctx;
};
/* Runs the curses wizard until the user quits (or, in a kiosk, until it is
 * left idle at the start). Returns an exit_status.h value: EXIT_OK when the
 * user quit, EXIT_BAD_INPUT when there is no usable terminal (a message naming
 * --plain was printed to stderr), EXIT_FAILED on an internal error,
 * EXIT_SIGNAL + N after signal N (EXIT_INTERRUPT for Ctrl-C).
 * *done is set to 1 when the user reached a result; answers then holds the
 * final answers and *v the verdict the wizard showed for them (the caller
 * frees it with verdict_free; untouched when *done is 0). The caller owns
 * answers; initialise it with answers_init. */
int ui_run(const struct content *c, const struct ui_options *o, struct answers *answers,
	   struct verdict *v, int *done);
/* ui_run's status, with plain_fallback, when the terminal cannot draw the
 * wizard (TERM unset, dumb or unknown, or no cursor addressing): it returns
 * at once, having printed nothing and started no curses. Not an exit status. */
#define UI_CANNOT_DRAW (-1)
#endif
