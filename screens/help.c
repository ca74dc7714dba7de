/* Help, in a box over the screen: every documented key from the key table
 * (a screen's own keys only over that screen), and on a question, why that
 * question matters. */
#include "screen.h"

static const enum action hints[] = {ACT_CLOSE, ACT_NONE};

/* 1 when screen s offers act on its footer. */
static int offers(const struct screen *s, enum action act)
{
	for (const enum action *h = s->hints; *h != ACT_NONE; h++)
		if (*h == act)
			return 1;
	return 0;
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	struct key_help kh[ACT_COUNT];
	int n = 0, kw = 0;
	(void)height;

	for (int act = ACT_NONE + 1; act < ACT_COUNT; act++)
		if (!keys_screen_only((enum action)act) || offers(screen_for(a), (enum action)act))
			n += keys_help_row(a->c, (enum action)act, &kh[n]);
	for (int i = 0; i < n; i++)
		if (doc_width(d, kh[i].keys) > kw)
			kw = doc_width(d, kh[i].keys);
	if (kw > width / 2)
		kw = width / 2;
	doc_line(d, -1);
	doc_put(d, 0, ROLE_HEADING, text_get(a->c, T_HELP_KEYS));
	for (int i = 0; i < n; i++) {
		doc_line(d, -1);
		doc_put(d, 0, ROLE_KEY, kh[i].keys);
		if (doc_width(d, kh[i].keys) > kw) /* too long to share a line */
			doc_line(d, -1);
		doc_wrap_on(d, kw + 2, width - kw - 2, ROLE_NORMAL, kh[i].what, -1);
	}
	doc_wrap(d, 0, width, ROLE_DIM, text_get(a->c, T_HELP_MOUSE), -1);
	if (a->flow.step == FLOW_QUESTION) {
		const struct question *q = &a->c->questions[a->flow.question];
		doc_blank(d);
		doc_wrap(d, 0, width, ROLE_HEADING, q->title, -1);
		if (q->help && *q->help)
			doc_wrap(d, 0, width, ROLE_NORMAL, q->help, -1);
	}
}

static void status(const struct app *a, struct strbuf *out)
{
	sb_add(out, text_get(a->c, T_HELP_TITLE));
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_CLOSE:
	case ACT_HELP:
	case ACT_CONFIRM:
	case ACT_BACK:
	case ACT_NO:
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	case ACT_QUIT:
		return app_ask_quit(a);
	default:
		return scroll_action(a, SCREEN_HELP, act);
	}
}

const struct screen help_screen = {SCREEN_HELP, PAGE_BOX, 76, build, status, on_action, hints};
