/* Confirm, in a box over the screen: quit the wizard, or start over. */
#include <stdlib.h>

#include "screen.h"

static const enum action answers[] = {ACT_YES, ACT_NO, ACT_NONE};
static const enum action hints[] = {ACT_NONE};

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct content *c = a->c;
	int quit = a->overlay == OVERLAY_QUIT;
	enum text_id what = !quit			     ? T_CONFIRM_CLEARED
			    : a->saved || !a->flow.reached ? T_CONFIRM_NOT_KEPT
							   : T_CONFIRM_NOT_KEPT_SAVE;
	char *said = text_fmt(c, what, "key", hint_key(c, ACT_SAVE), NULL);
	(void)height;

	doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, quit ? T_CONFIRM_QUIT : T_CONFIRM_RESTART), -1);
	doc_wrap(d, 0, width, ROLE_NORMAL, said, -1);
	doc_blank(d);
	keys_hint_rows(d, c, width, answers);
	free(said);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_YES:
	case ACT_CONFIRM:
		if (a->overlay == OVERLAY_QUIT)
			return R_QUIT;
		app_restart(a);
		return R_REDRAW;
	case ACT_QUIT:
		if (a->overlay == OVERLAY_QUIT)
			return R_QUIT;
		if (app_kiosk(a)) { /* q twice: back to the start */
			app_restart(a);
			return R_REDRAW;
		}
		a->overlay = OVERLAY_QUIT;
		return R_REDRAW;
	case ACT_NO:
	case ACT_CLOSE:
	case ACT_BACK:
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	default:
		return R_NONE;
	}
}

const struct screen confirm_screen = {SCREEN_CONFIRM, PAGE_BOX, 50, build, NULL, on_action, hints, NULL, 0};
