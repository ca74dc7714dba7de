/* Help, in a box over the screen: first what the screen beneath is for (on a
 * question, why that question matters), then only the keys that work there,
 * in the key table's words. */
#include "screen.h"

static const enum action hints[] = {ACT_CLOSE, ACT_NONE};

/* The keys every step's screen shares (input.c), after its own. */
static const enum action shared[] = {ACT_TASK, ACT_BACKGROUND, ACT_RESTART, ACT_HELP, ACT_QUIT,
				     ACT_REDRAW, ACT_NONE};

static int listed(const struct key_help *kh, int n, enum action act)
{
	for (int i = 0; i < n; i++)
		if (kh[i].act == act)
			return 1;
	return 0;
}

static int add_row(const struct app *a, struct key_help *kh, int n, enum action act)
{
	if (listed(kh, n, act) || !app_offers(a, act) || !keys_help_row(a->c, act, &kh[n]))
		return n;
	if (act == ACT_QUIT && app_kiosk(a)) /* no key ends a kiosk */
		kh[n].what = text_get(a->c, T_KEYS_HELP_START_OVER);
	if (act == ACT_RESTART && a->flow.step == FLOW_WELCOME)
		return n; /* nothing to start over from */
	return n + 1;
}

/* The rows for the screen beneath: its own keys, then the shared ones. */
static int rows_for(const struct app *a, const struct screen *under, struct key_help *kh)
{
	const enum action *own = under->keys ? under->keys : under->hints;
	int n = 0;

	for (const enum action *k = own; *k != ACT_NONE; k++)
		n = add_row(a, kh, n, *k);
	for (const enum action *k = shared; *k != ACT_NONE; k++)
		n = add_row(a, kh, n, *k);
	return n;
}

/* What the screen beneath is for. */
static void about(const struct app *a, const struct screen *under, int width, struct doc *d)
{
	if (a->flow.step == FLOW_QUESTION) {
		const struct question *q = &a->c->questions[a->flow.question];
		doc_wrap(d, 0, width, ROLE_HEADING, q->title, -1);
		if (q->help && *q->help)
			doc_wrap(d, 0, width, ROLE_NORMAL, q->help, -1);
		doc_blank(d);
	} else if (under->about) {
		doc_wrap(d, 0, width, ROLE_NORMAL, text_get(a->c, (enum text_id)under->about), -1);
		doc_blank(d);
	}
}

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct screen *under = screen_for(a);
	struct key_help kh[ACT_COUNT];
	int n = rows_for(a, under, kh), kw = 0;
	(void)height;

	about(a, under, width, d);
	for (int i = 0; i < n; i++)
		if (doc_width(d, kh[i].keys) > kw)
			kw = doc_width(d, kh[i].keys);
	if (kw > width / 2)
		kw = width / 2;
	doc_wrap(d, 0, width, ROLE_HEADING, text_get(a->c, T_HELP_KEYS_HERE), -1);
	for (int i = 0; i < n; i++) {
		doc_line(d, -1);
		doc_put(d, 0, ROLE_KEY, kh[i].keys);
		if (doc_width(d, kh[i].keys) > kw) /* too long to share a line */
			doc_line(d, -1);
		doc_wrap_on(d, kw + 2, width - kw - 2, ROLE_NORMAL, kh[i].what, -1);
	}
	if (a->flow.step == FLOW_QUESTION || a->flow.step == FLOW_REVIEW)
		doc_wrap(d, 0, width, ROLE_DIM, text_get(a->c, T_HELP_MOUSE), -1);
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

const struct screen help_screen = {SCREEN_HELP, PAGE_BOX, 76, build, status, on_action, hints,
				   NULL, 0};
