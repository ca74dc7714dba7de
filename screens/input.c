/* Keys in: the key table turns a key into an action, a few actions mean the
 * same everywhere, and the rest go to the screen on top (screen.c). While a
 * prompt is open (prompt_line.h), the keys type into it instead. */
#include "input.h"

#include <stdlib.h>

#include "save.h"
#include "task_dialog.h"
#include "screen.h"

/* The keys every step's screen shares: help, quit, start over, save. */
static enum reaction step_action(struct app *a, const struct screen *s, enum action act,
				 int arg)
{
	switch (act) {
	case ACT_HELP:
		a->overlay = OVERLAY_HELP;
		a->page[SCREEN_HELP].top = 0;
		return R_REDRAW;
	case ACT_QUIT:
		return app_ask_quit(a);
	case ACT_BACKGROUND:
		return background_open(a);
	case ACT_CLOSE: {
		enum reaction r = s->on_action(a, act, arg);
		return r == R_NONE && app_kiosk(a) ? app_ask_quit(a) : r;
	}
	case ACT_RESTART:
		if (a->flow.step == FLOW_WELCOME && answers_count(a->flow.a) == 0)
			return R_NONE;
		a->overlay = OVERLAY_RESTART;
		return R_REDRAW;
	case ACT_SAVE:
		return save_open(a);
	case ACT_TASK:
		return task_open(a);
	default:
		return s->on_action(a, act, arg);
	}
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
		return app_kiosk(a) ? R_NONE : R_INTERRUPT;
	default:
		break;
	}
	const struct screen *s = screen_on_top(a);
	if (s->place != PAGE_FRAME) /* an overlay or the enlarge screen: its keys only */
		return s->on_action(a, act, arg);
	return step_action(a, s, act, arg);
}

/* A click becomes ACT_CHOOSE of what the clicked row of the last frame
 * showed (overlays and the enlarge screen show nothing to choose). */
static enum action mouse_action(const struct app *a, int *arg)
{
	MEVENT ev;

	if (getmouse(&ev) != OK || !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)))
		return ACT_NONE;
	int line = page_line_at(&a->page[a->on_top], ev.y);
	if (line < 0 || line >= a->shown.n)
		return ACT_NONE;
	*arg = a->shown.line[line].tag;
	return *arg >= 0 ? ACT_CHOOSE : ACT_NONE;
}

/* 1 when the key goes to an open prompt (the comparison's find): every key
 * but a resize, Ctrl-L and Ctrl-C, which keep their meaning. */
static int prompt_takes(const struct app *a, enum action act)
{
	const struct screen *s = screen_on_top(a);

	return s->place == PAGE_FRAME &&
	       prompt_line_is_open(&a->prompt, (int)s->id, a->flow.generation) &&
	       act != ACT_RESIZE && act != ACT_REDRAW && act != ACT_INTERRUPT;
}

/* A key typed into the prompt; Enter and Esc go to the screen that asked,
 * as ACT_CONFIRM and ACT_CLOSE, which reads what was typed. */
static enum reaction prompt_key(struct app *a, int ch)
{
	const struct screen *s = screen_on_top(a);

	switch (prompt_line_key(&a->prompt, ch)) {
	case PROMPT_ENTER:
		return s->on_action(a, ACT_CONFIRM, 0);
	case PROMPT_CANCEL:
		return s->on_action(a, ACT_CLOSE, 0);
	case PROMPT_TYPED:
		return R_REDRAW;
	default:
		return R_NONE;
	}
}

enum reaction app_key(struct app *a, int ch)
{
	int arg, cleared = 0;

	if (a->overlay == OVERLAY_SAVE && !app_too_small(a)) /* a field takes typed keys */
		return save_dialog_key(a, ch);
	if (a->overlay == OVERLAY_TASK && !app_too_small(a))
		return task_dialog_key(a, ch);
	/* A key bound twice (n) means what the screen on top offers. */
	enum action act = keys_lookup_for(ch, screen_on_top(a)->hints, &arg);

	if (act == ACT_MOUSE)
		act = mouse_action(a, &arg);
	int prompt = prompt_takes(a, act);
	if (act == ACT_NONE && !prompt)
		return R_NONE;
	if (a->message && act != ACT_RESIZE) { /* a message lasts until the next key */
		free(a->message);
		a->message = NULL;
		cleared = 1;
	}
	enum reaction r = prompt ? prompt_key(a, ch) : dispatch(a, act, arg);
	return r == R_NONE && cleared ? R_REDRAW : r;
}
