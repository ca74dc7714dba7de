/* Confirm, in a box over the screen: quit the wizard, or start over. */
#include "screen.h"

static const enum action answers[] = {ACT_YES, ACT_NO, ACT_NONE};
static const enum action hints[] = {ACT_NONE};

static void build(const struct app *a, int width, int height, struct doc *d)
{
	int quit = a->overlay == OVERLAY_QUIT;
	const char *ask = quit ? "Quit the wizard?" : "Start over?";
	const char *what = quit ? (a->saved || !a->flow.reached
					   ? "Your answers are not kept."
					   : "Your answers are not kept; press s to save a report first.")
				: "Every answer is cleared.";
	(void)height;

	doc_wrap(d, 0, width, ROLE_HEADING, ask, -1);
	doc_wrap(d, 0, width, ROLE_NORMAL, what, -1);
	doc_blank(d);
	keys_hint_rows(d, width, answers);
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

const struct screen confirm_screen = {SCREEN_CONFIRM, PAGE_BOX, 50, build, NULL, on_action, hints};
