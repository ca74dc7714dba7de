/* Background, in a box over the screen: the market facts a trainer shows in a
 * workshop (wizard.ini [background]), each a source's claim. It scrolls like
 * the help; Esc, q or its own key close it. */
#include "screen.h"

static const enum action hints[] = {ACT_CLOSE, ACT_NONE};

static void build(const struct app *a, int width, int height, struct doc *d)
{
	const struct background *b = &a->c->background;
	(void)height;

	if (b->intro && *b->intro)
		doc_wrap(d, 0, width, ROLE_NORMAL, b->intro, -1);
	for (size_t i = 0; i < b->facts.n; i++) {
		doc_blank(d);
		doc_line(d, -1);
		doc_put(d, 0, ROLE_DIM, doc_glyph(d, G_BULLET));
		doc_wrap_on(d, 2, width - 2, ROLE_NORMAL, b->facts.texts[i], -1);
	}
}

static void status(const struct app *a, struct strbuf *out)
{
	if (a->c->background.title)
		sb_add(out, a->c->background.title);
}

static enum reaction on_action(struct app *a, enum action act, int arg)
{
	(void)arg;
	switch (act) {
	case ACT_CLOSE:
	case ACT_QUIT: /* q closes the page: it is a look-up, not the wizard */
	case ACT_BACKGROUND:
	case ACT_CONFIRM:
	case ACT_BACK:
	case ACT_NO:
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	default:
		return scroll_action(a, SCREEN_BACKGROUND, act);
	}
}

enum reaction background_open(struct app *a)
{
	if (!a->c->background.title) { /* a content set without the page */
		app_message(a, ROLE_ERROR, text_get(a->c, T_BACKGROUND_NONE));
		return R_REDRAW;
	}
	a->overlay = OVERLAY_BACKGROUND;
	a->page[SCREEN_BACKGROUND].top = 0;
	return R_REDRAW;
}

const struct screen background_screen = {SCREEN_BACKGROUND, PAGE_BOX, 76, build, status, on_action, hints, NULL, 0};
