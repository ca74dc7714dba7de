/* Please enlarge: the terminal is smaller than MIN_COLS x MIN_LINES. Alone
 * on the terminal; the answers are kept, and q (outside a kiosk) quits at
 * once, as there is no room to ask. */
#include <stdio.h>
#include <stdlib.h>

#include "screen.h"

static const enum action hints[] = {ACT_NONE};

static void build(const struct app *a, int width, int height, struct doc *d)
{
	char needed[32], size[32];
	(void)height;

	snprintf(needed, sizeof needed, "%dx%d", MIN_COLS, MIN_LINES);
	snprintf(size, sizeof size, "%dx%d", a->cols, a->lines);
	char *msg = text_fmt(a->c, T_ENLARGE_TEXT, "needed", needed, "size", size, NULL);
	char *quits = text_fmt(a->c, T_ENLARGE_QUIT, "key", hint_key(a->c, ACT_QUIT), NULL);
	doc_wrap(d, 0, width, ROLE_HEADING, msg, -1);
	doc_wrap(d, 0, width, ROLE_NORMAL, quits, -1);
	free(msg);
	free(quits);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	return act == ACT_QUIT && !app_kiosk(a) ? R_QUIT : R_NONE;
}

const struct screen enlarge_screen = {SCREEN_ENLARGE, PAGE_ALONE, 0, build, NULL, on_action, hints, NULL, 0};
