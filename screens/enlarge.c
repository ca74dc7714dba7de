/* Please enlarge: the terminal is smaller than MIN_COLS x MIN_LINES. Alone
 * on the terminal; the answers are kept, and q (outside a kiosk) quits at
 * once, as there is no room to ask. */
#include <stdio.h>

#include "screen.h"

static const enum action hints[] = {ACT_NONE};

static void build(const struct app *a, int width, int height, struct doc *d)
{
	char msg[160];
	(void)height;

	snprintf(msg, sizeof msg,
		 "Please enlarge the window to at least %dx%d (now %dx%d). "
		 "Your answers are kept.",
		 MIN_COLS, MIN_LINES, a->cols, a->lines);
	doc_wrap(d, 0, width, ROLE_HEADING, msg, -1);
	doc_wrap(d, 0, width, ROLE_NORMAL, "q quits.", -1);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	return act == ACT_QUIT && !app_kiosk(a) ? R_QUIT : R_NONE;
}

const struct screen enlarge_screen = {SCREEN_ENLARGE, PAGE_ALONE, 0, build, NULL, on_action, hints};
