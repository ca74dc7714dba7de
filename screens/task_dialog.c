/* Naming the task, in a box over the screen (t): one line, pre-filled with
 * the name so far, edited with the line keys; Enter keeps it, Esc leaves it
 * as it was. The name is cleaned by the core (task.h) when it is kept. */
#include "task_dialog.h"

#include <stdlib.h>
#include <string.h>

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

/* The field's keys (as the save dialog's); 0 for a key it does not take. */
static int edit_key(struct lineedit *e, int ch)
{
	switch (ch) {
	case KEY_LEFT: case KEYS_CTRL('B'): return lineedit_left(e) || 1;
	case KEY_RIGHT: case KEYS_CTRL('F'): return lineedit_right(e) || 1;
	case KEY_HOME: case KEYS_CTRL('A'): return lineedit_home(e) || 1;
	case KEY_END: case KEYS_CTRL('E'): return lineedit_end(e) || 1;
	case KEY_BACKSPACE: case 127: case KEYS_CTRL('H'): return lineedit_backspace(e) || 1;
	case KEY_DC: case KEYS_CTRL('D'): return lineedit_delete(e) || 1;
	case KEYS_CTRL('U'): return lineedit_kill_start(e) || 1;
	case KEYS_CTRL('W'): return lineedit_kill_word(e) || 1;
	default: return ch >= 0x20 && ch < 0x100 && ch != 0x7f ? lineedit_insert(e, (unsigned char)ch) || 1 : 0;
	}
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
		return edit_key(&a->task_edit, ch) ? R_REDRAW : R_NONE;
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
