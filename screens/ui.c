/* The one main loop: draw when something changed, block for a key, turn it
 * into an action through the key table, hand it to the overlay or the
 * screen, repeat. Never polls: while the user thinks, the process sleeps in
 * read(2). */
#include "ui.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "screen.h"
#include "terminal.h"
#include "xalloc.h"

void app_message(struct app *a, enum role r, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	free(a->message);
	a->message = xstrdup(buf);
	a->message_role = r;
}

void app_update_verdict(struct app *a)
{
	if (!flow_complete(&a->flow)) {
		if (a->have_verdict)
			verdict_free(&a->v);
		a->have_verdict = 0;
		return;
	}
	if (a->have_verdict && a->verdict_gen == a->flow.generation)
		return;
	if (a->have_verdict)
		verdict_free(&a->v);
	engine_decide(a->c, a->flow.a, &a->v);
	a->have_verdict = 1;
	a->verdict_gen = a->flow.generation;
	a->scroll[FLOW_RESULT] = a->scroll[FLOW_COMPARE] = 0;
	a->saved = 0;
}

int app_finish(struct app *a)
{
	const struct ui_options *o = a->o;

	if (!o || !o->on_finish || !a->flow.reached || !flow_complete(&a->flow))
		return 0;
	a->flow.reached = 0; /* one record per interview */
	sb_reset(&a->finish_note);
	app_update_verdict(a);
	return o->on_finish(o->ctx, a->flow.a, &a->v, &a->finish_note);
}

void app_restart(struct app *a)
{
	int failed = app_finish(a);

	a->overlay = OVERLAY_NONE;
	flow_apply(&a->flow, FLOW_RESTART, 0);
	for (int s = 0; s < FLOW_STEP_COUNT; s++)
		a->scroll[s] = 0;
	a->saved = 0;
	if (failed)
		app_message(a, ROLE_ERROR, "%s", sb_str(&a->finish_note));
}

enum reaction flow_action(struct app *a, enum flow_action fa, int arg)
{
	enum flow_step step = a->flow.step;
	int q = a->flow.question;

	if (!flow_apply(&a->flow, fa, arg))
		return R_NONE;
	if (a->flow.step != step || a->flow.question != q)
		if (a->flow.step == FLOW_QUESTION || a->flow.step == FLOW_REVIEW)
			a->scroll[a->flow.step] = 0;
	if (a->flow.step == FLOW_RESULT || a->flow.step == FLOW_COMPARE)
		app_update_verdict(a);
	return R_REDRAW;
}

enum reaction list_action(struct app *a, enum action act, int arg, int *handled)
{
	*handled = 1;
	switch (act) {
	case ACT_UP:
		return flow_action(a, FLOW_UP, 0);
	case ACT_DOWN:
		return flow_action(a, FLOW_DOWN, 0);
	case ACT_HOME:
	case ACT_PAGE_UP:
		return flow_action(a, FLOW_FIRST, 0);
	case ACT_END:
	case ACT_PAGE_DOWN:
		return flow_action(a, FLOW_LAST, 0);
	case ACT_CHOOSE:
		return flow_action(a, FLOW_PICK, arg);
	case ACT_CONFIRM:
		return flow_action(a, FLOW_CONFIRM, 0);
	case ACT_BACK:
		return flow_action(a, FLOW_BACK, 0);
	default:
		*handled = 0;
		return R_NONE;
	}
}

enum reaction page_action(struct app *a, enum action act)
{
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_HOME:
	case ACT_END:
		return scroll_action(a, act);
	case ACT_TOGGLE:
		return flow_action(a, FLOW_TOGGLE, 0);
	case ACT_BACK:
		return flow_action(a, FLOW_BACK, 0);
	default:
		return R_NONE;
	}
}

int model_name_width(const struct content *c)
{
	int nw = 0;
	for (size_t m = 0; m < c->nmodels; m++)
		if (text_width(c->models[m].name) > nw)
			nw = text_width(c->models[m].name);
	return nw;
}

enum reaction scroll_action(struct app *a, enum action act)
{
	int *s = &a->scroll[a->flow.step];
	int vis = a->body_h > 1 ? a->body_h : 1;
	int max = a->body_lines - vis, old = *s;

	switch (act) {
	case ACT_UP:
		(*s)--;
		break;
	case ACT_DOWN:
		(*s)++;
		break;
	case ACT_PAGE_UP:
		*s -= vis > 2 ? vis - 1 : 1;
		break;
	case ACT_PAGE_DOWN:
		*s += vis > 2 ? vis - 1 : 1;
		break;
	case ACT_HOME:
		*s = 0;
		break;
	case ACT_END:
		*s = max;
		break;
	default:
		break;
	}
	if (*s > max)
		*s = max;
	if (*s < 0)
		*s = 0;
	return *s != old ? R_REDRAW : R_NONE;
}

static int too_small(const struct app *a)
{
	return a->lines < MIN_LINES || a->cols < MIN_COLS;
}

void app_draw(WINDOW *w, struct app *a)
{
	int nl, nc;

	getmaxyx(w, nl, nc);
	if (nl != a->lines || !a->row_tag) {
		free(a->row_tag);
		a->row_tag = xcalloc((size_t)(nl > 0 ? nl : 1), sizeof *a->row_tag);
	}
	a->lines = nl;
	a->cols = nc;
	for (int r = 0; r < nl; r++)
		a->row_tag[r] = -1;
	werase(w);
	if (too_small(a)) {
		enlarge_draw(w, a);
	} else {
		struct doc body;
		doc_init(&body, a->ascii);
		frame_layout(a, &body);
		frame_draw(w, a, &body);
		doc_free(&body);
		if (a->overlay == OVERLAY_HELP) {
			help_layout(a);
			help_draw(w, a);
		} else if (a->overlay != OVERLAY_NONE) {
			confirm_draw(w, a);
		}
	}
	wnoutrefresh(w);
	doupdate();
}

static int kiosk(const struct app *a)
{
	return a->o && a->o->kiosk;
}

/* What q means, wherever it is pressed: ask to quit; in a kiosk, which no
 * key may end, offer to start over instead. */
enum reaction app_ask_quit(struct app *a)
{
	if (!kiosk(a)) {
		a->overlay = OVERLAY_QUIT;
		return R_REDRAW;
	}
	if (a->flow.step == FLOW_WELCOME && answers_count(a->flow.a) == 0) {
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	}
	a->overlay = OVERLAY_RESTART;
	return R_REDRAW;
}

static enum reaction dispatch(struct app *a, enum action act, int arg)
{
	switch (act) {
	case ACT_RESIZE:
		return R_REDRAW;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return R_REDRAW;
	case ACT_INTERRUPT:
		return kiosk(a) ? R_NONE : R_INTERRUPT;
	default:
		break;
	}
	if (too_small(a)) /* nothing to confirm on: q leaves at once, but never a kiosk */
		return act == ACT_QUIT && !kiosk(a) ? R_QUIT : R_NONE;
	if (a->overlay == OVERLAY_HELP)
		return help_on_action(a, act, arg);
	if (a->overlay != OVERLAY_NONE)
		return confirm_on_action(a, act, arg);
	switch (act) {
	case ACT_HELP:
		a->overlay = OVERLAY_HELP;
		a->help_scroll = 0;
		return R_REDRAW;
	case ACT_QUIT:
		return app_ask_quit(a);
	case ACT_CLOSE: {
		enum reaction r = screen_for(a)->on_action(a, act, arg);
		return r == R_NONE && kiosk(a) ? app_ask_quit(a) : r;
	}
	case ACT_RESTART:
		if (a->flow.step == FLOW_WELCOME && answers_count(a->flow.a) == 0)
			return R_NONE;
		a->overlay = OVERLAY_RESTART;
		return R_REDRAW;
	case ACT_SAVE:
		save_report(a);
		return R_REDRAW;
	default:
		return screen_for(a)->on_action(a, act, arg);
	}
}

/* A click becomes ACT_CHOOSE of what the clicked row shows. */
static enum action mouse_action(const struct app *a, int *arg)
{
	MEVENT ev;

	if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return ACT_NONE;
	if (a->overlay != OVERLAY_NONE || ev.y < 0 || ev.y >= a->lines || !a->row_tag)
		return ACT_NONE;
	*arg = a->row_tag[ev.y];
	return *arg >= 0 ? ACT_CHOOSE : ACT_NONE;
}

enum reaction app_key(struct app *a, int ch)
{
	int arg, cleared = 0;
	enum action act = keys_lookup(ch, &arg);

	if (act == ACT_MOUSE)
		act = mouse_action(a, &arg);
	if (act == ACT_NONE)
		return R_NONE;
	if (a->message && act != ACT_RESIZE) { /* a message lasts until the next key */
		free(a->message);
		a->message = NULL;
		cleared = 1;
	}
	enum reaction r = dispatch(a, act, arg);
	return r == R_NONE && cleared ? R_REDRAW : r;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Blocks for the time left before the kiosk's idle deadline (or for ever):
 * one wake-up per idle period, never a tick. */
static void arm_idle_timer(const struct app *a, long long deadline)
{
	if (!deadline) {
		wtimeout(stdscr, -1);
		return;
	}
	long long left = deadline - now_ms();
	wtimeout(stdscr, left > 0 ? (int)(left < 86400000 ? left : 86400000) : 0);
	(void)a;
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

static int loop(struct app *a)
{
	int dirty = 1;
	int first = 1;
	int spurious = 0;
	int idle_ms = a->o && a->o->kiosk ? a->o->idle_timeout * 1000 : 0;
	long long deadline = idle_ms > 0 ? now_ms() + idle_ms : 0;

	for (;;) {
		int sig = term_pending_signal();
		if (sig)
			return 128 + sig;
		if (dirty)
			app_draw(stdscr, a);
		if (first)
			maybe_fault();
		dirty = first = 0;
		arm_idle_timer(a, deadline);
		errno = 0;
		int ch = wgetch(stdscr);
		sig = term_pending_signal();
		if (sig)
			return 128 + sig;
		if (ch == ERR) {
			if (deadline && now_ms() >= deadline - 20) {
				if (on_idle(a))
					return 0;
				deadline = now_ms() + idle_ms;
				dirty = 1;
				continue;
			}
			/* A hangup, or only a signal during one of ncurses' own reads.
			 * Many spurious ERRs in a row would mean a terminal that keeps
			 * failing: give up rather than spin. */
			if (errno != EINTR && (term_input_gone() || ++spurious > 100))
				return 129;
			dirty = 1; /* a resize may have come with it */
			continue;
		}
		spurious = 0;
		if (deadline)
			deadline = now_ms() + idle_ms;
		switch (app_key(a, ch)) {
		case R_QUIT:
			return 0;
		case R_INTERRUPT:
			return 130;
		case R_REDRAW:
			dirty = 1;
			break;
		case R_NONE:
			break;
		}
	}
}

void app_init(struct app *a, const struct content *c, const struct ui_options *o,
	      struct answers *answers, int ascii)
{
	memset(a, 0, sizeof *a);
	a->c = c;
	a->o = o;
	a->ascii = ascii;
	flow_init(&a->flow, c, answers);
}

void app_free(struct app *a)
{
	if (a->have_verdict)
		verdict_free(&a->v);
	free(a->message);
	free(a->row_tag);
	sb_free(&a->finish_note);
	memset(a, 0, sizeof *a);
}

int ui_run(const struct content *c, const struct ui_options *o, struct answers *answers,
	   struct verdict *v, int *done)
{
	struct terminal t;
	struct app a;
	int rc;

	*done = 0;
	rc = term_open(&t);
	if (rc != 0)
		return rc;
	app_init(&a, c, o, answers, !t.utf8);
	rc = loop(&a);
	*done = a.flow.reached && flow_complete(&a.flow);
	int failed = app_finish(&a);
	if (*done) { /* the verdict the user saw goes to the caller */
		app_update_verdict(&a);
		*v = a.v;
		a.have_verdict = 0;
	}
	term_close(&t);
	if (failed)
		fprintf(stderr, "outsource-wizard: %s\n", sb_str(&a.finish_note));
	app_free(&a);
	return rc;
}
