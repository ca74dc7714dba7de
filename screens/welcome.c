/* Welcome: what the wizard does, how long it takes, the keys, start. */
#include <stdlib.h>

#include "screen.h"

static const enum action hints[] = {ACT_CONFIRM, ACT_BACKGROUND, ACT_HELP, ACT_QUIT, ACT_NONE};
/* The keys of a question screen, shown before the first one. */
static const enum action question_keys[] = {ACT_UP, ACT_CHOOSE, ACT_CONFIRM, ACT_BACK, ACT_HELP,
					     ACT_QUIT, ACT_NONE};

/* The task's name, or how to give one. */
static void task_line(const struct app *a, int width, struct doc *d)
{
	const char *task = a->flow.a->task;
	char *line = task ? text_fmt(a->c, T_TASK_WELCOME, "task", task, NULL)
			  : text_fmt(a->c, T_TASK_WELCOME_HINT, "key", hint_key(a->c, ACT_TASK), NULL);

	doc_blank(d);
	doc_wrap(d, 0, width, task ? ROLE_MARK : ROLE_DIM, line, -1);
	free(line);
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct content *c = a->c;
	(void)height;

	if (c->tagline && *c->tagline)
		doc_wrap(d, 0, width, ROLE_HEADING, c->tagline, -1);
	if (c->welcome && *c->welcome) {
		doc_blank(d);
		doc_wrap(d, 0, width, ROLE_NORMAL, c->welcome, -1);
	}
	/* What is kept of the answers: with a results log, "nothing" would be
	 * untrue, and a kiosk without a report directory cannot save, so the
	 * words follow the mode. */
	int logging = a->o && a->o->logging, can_save = !app_kiosk(a) || (a->o && a->o->report_dir);
	static const enum text_id kept[2][2] = {
		{T_WELCOME_KEPT_NOTHING_NOSAVE, T_WELCOME_KEPT_NOTHING},
		{T_WELCOME_KEPT_LOG_NOSAVE, T_WELCOME_KEPT_LOG},
	};
	doc_blank(d);
	doc_wrap(d, 0, width, ROLE_NORMAL, text_get(c, kept[logging][can_save]), -1);
	if (c->duration && *c->duration) {
		doc_blank(d);
		doc_wrap(d, 0, width, ROLE_NORMAL, c->duration, -1);
	}
	doc_blank(d);
	doc_line(d, -1);
	doc_put(d, 0, ROLE_HEADING, text_get(c, T_WELCOME_KEYS));
	keys_hint_rows(d, c, width, question_keys);
	doc_blank(d);
	doc_line(d, 0);
	char *start = text_fmt(c, T_WELCOME_START, "key", hint_key(c, ACT_CONFIRM), NULL);
	doc_put(d, 0, ROLE_ACCENT, start);
	free(start);
	task_line(a, width, d);
}

static void status(const struct app *a, struct strbuf *out)
{
	char n[24];

	text_add(out, a->c, T_SCREEN_STATUS_WELCOME, "count", num_text(n, (long long)a->c->nquestions),
		 NULL);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_CONFIRM:
	case ACT_NEXT:
		return app_flow(a, FLOW_CONFIRM, 0);
	case ACT_CHOOSE: /* a click on "Press Enter" */
		return arg == 0 ? app_flow(a, FLOW_CONFIRM, 0) : R_NONE;
	default: /* a small window: the welcome scrolls like any long page */
		return scroll_action(a, SCREEN_WELCOME, act);
	}
}

static const enum action keys[] = {ACT_CONFIRM, ACT_DOWN, ACT_PAGE_DOWN, ACT_TASK, ACT_NONE};

const struct screen welcome_screen = {SCREEN_WELCOME, PAGE_FRAME, MAX_TEXT_WIDTH, build, status,
				      on_action, hints, keys, T_HELP_ABOUT_WELCOME};
