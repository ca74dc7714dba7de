/* The save dialog, in a box over the screen: the file name as a field with
 * its cursor, the formats with the chosen one marked, and its keys. Its keys
 * go to save.c (save_dialog_key), not through the key table, because the
 * field takes what is typed. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "save.h"
#include "savefile.h"
#include "screen.h"
#include "xalloc.h"

static const enum action hints[] = {ACT_NONE};
static const enum text_id format_names[SAVE_FORMAT_COUNT] = {
	T_SAVE_FORMAT_MARKDOWN, T_SAVE_FORMAT_TEXT, T_SAVE_FORMAT_JSON, T_SAVE_FORMAT_ANSWERS};

static void formats(const struct app *a, int width, struct doc *d)
{
	for (int f = 0; f < SAVE_FORMAT_COUNT; f++) {
		char num[8];
		int on = f == a->save.format;
		snprintf(num, sizeof num, "%d.", f + 1);
		doc_line(d, -1);
		if (on)
			doc_put(d, 0, ROLE_SELECTED, doc_glyph(d, G_POINTER));
		doc_put(d, 1, on ? ROLE_SELECTED : ROLE_NORMAL, num);
		doc_put(d, 4, on ? ROLE_MARK : ROLE_NORMAL, doc_glyph(d, on ? G_ON : G_OFF));
		doc_wrap_on(d, 8, width - 8, ROLE_NORMAL, text_get(a->c, format_names[f]), -1);
		if (on) /* Up and Down move it: the page keeps it in view */
			d->focus_first = d->focus_last = d->n - 1;
	}
}

/* The name: typed in a field, or in a kiosk the made one, shown. */
static void name_rows(const struct app *a, int width, struct doc *d)
{
	int kiosk = app_kiosk(a);

	doc_wrap(d, 0, width, ROLE_HEADING,
		 text_get(a->c, kiosk ? T_SAVE_DIALOG_NAME_KIOSK : T_SAVE_DIALOG_NAME), -1);
	if (kiosk) {
		const char *base = strrchr(a->save.name.text, '/');
		doc_wrap(d, 2, width - 2, ROLE_NORMAL, base ? base + 1 : a->save.name.text, -1);
	} else {
		doc_field(d, a->save.name.text, a->save.name.cursor, width);
	}
}

/* A small window (40x12) gets it without blank lines and the Format
 * heading, so the field, the formats and the keys all show. */
static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct content *c = a->c;
	int roomy = height >= 13;

	name_rows(a, width, d);
	if (roomy) {
		doc_blank(d);
		doc_wrap(d, 0, width, ROLE_HEADING, text_get(c, T_SAVE_DIALOG_FORMAT), -1);
	}
	formats(a, width, d);
	if (roomy)
		doc_blank(d);
	if (a->save.asking) {
		char *ask = text_fmt(c, T_SAVE_REPLACE, "file", a->save.name.text, NULL);
		doc_wrap(d, 0, width, ROLE_WARN, ask, -1);
		free(ask);
	} else {
		doc_wrap(d, 0, width, ROLE_DIM,
			 text_get(c, app_kiosk(a) ? T_SAVE_DIALOG_KEYS_KIOSK : T_SAVE_DIALOG_KEYS), -1);
	}
}

static void status(const struct app *a, struct strbuf *out)
{
	sb_add(out, text_get(a->c, T_SAVE_DIALOG_TITLE));
}

/* Keys come through save_dialog_key; the table's actions never reach here. */
static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)a;
	(void)act;
	(void)arg;
	return R_NONE;
}

const struct screen save_dialog_screen = {SCREEN_SAVE, PAGE_BOX, 70, build, status, on_action,
					  hints, NULL, 0};
