/* Naming the task, in a box over the screen (t): one line, pre-filled with
 * the name so far, edited with the line keys; Enter keeps it, Esc leaves it
 * as it was. The name is cleaned by the core (task.h) when it is kept. */
#include "task_dialog.h"

#include <stdlib.h>
#include <string.h>

#include "field_keys.h"
#include "screen.h"
#include "task.h"
#include "xalloc.h"

static const enum action hints[] = {ACT_NONE};

enum reaction task_open(struct app *a)
{
	lineedit_set(&a->task_edit, a->flow.a->task ? a->flow.a->task : "");
	a->overlay = OVERLAY_TASK;
	return R_REDRAW;
}


static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

enum reaction task_dialog_key(struct app *a, int ch)
{
	switch (ch) {
	case KEY_RESIZE:
		return R_REDRAW;
	case 27: case KEYS_CTRL('C'):
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	case '\r': case '\n': case KEY_ENTER:
		answers_set_task(a->flow.a, a->task_edit.text);
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	default:
		/* a stranger's text in a kiosk: no more than a name holds */
		if (ch >= 0x20 && ch < 0x100 && (ch & 0xc0) != 0x80 &&
		    chars(a->task_edit.text) >= TASK_MAX_CHARS)
			return R_NONE;
		return field_key(&a->task_edit, ch) ? R_REDRAW : R_NONE;
	}
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct lineedit *e = &a->task_edit;
	(void)height;

	doc_wrap(d, 0, width, ROLE_NORMAL, text_get(a->c, T_TASK_DIALOG_INTRO), -1);
	doc_blank(d);
	doc_field(d, e->text, e->cursor, width);
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_DIM, text_get(a->c, T_TASK_DIALOG_KEYS), -1);
}

static void status(const struct app *a, struct strbuf *out)
{
	sb_add(out, text_get(a->c, T_TASK_DIALOG_TITLE));
}

/* Keys come through task_dialog_key. */
static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)a;
	(void)act;
	(void)arg;
	return R_NONE;
}

const struct screen task_dialog_screen = {SCREEN_TASK, PAGE_BOX, 70, build, status, on_action,
					  hints, NULL, 0};
