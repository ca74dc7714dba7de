#include "actions.h"

#include "texts.h"

enum reaction app_flow(struct app *a, enum flow_action fa, int arg)
{
	enum flow_step step = a->flow.step;
	int q = a->flow.question;

	if (!flow_apply(&a->flow, fa, arg))
		return R_NONE;
	if (a->flow.step != step || a->flow.question != q)
		if (a->flow.step == FLOW_QUESTION || a->flow.step == FLOW_REVIEW)
			a->page[a->flow.step].top = 0;
	if (a->flow.step == FLOW_RESULT || a->flow.step == FLOW_COMPARE)
		app_update_verdict(a);
	return R_REDRAW;
}

/* Right: on to the next step, never choosing for the user. On a question
 * it keeps the answer given; with none yet it says how to choose. On the
 * review it opens the result. */
static enum reaction next_action(struct app *a)
{
	if (a->flow.step == FLOW_REVIEW)
		return app_flow(a, FLOW_TOGGLE, 0);
	int given = answers_choice(a->flow.a, (size_t)a->flow.question);
	if (given != ANSWER_NONE)
		return app_flow(a, FLOW_PICK, given);
	app_message(a, ROLE_ERROR, text_get(a->c, T_KEYS_NEXT_UNANSWERED));
	return R_REDRAW;
}

enum reaction list_action(struct app *a, enum action act, int arg, int *handled)
{
	*handled = 1;
	switch (act) {
	case ACT_UP:
		return app_flow(a, FLOW_UP, 0);
	case ACT_DOWN:
		return app_flow(a, FLOW_DOWN, 0);
	case ACT_HOME:
	case ACT_PAGE_UP:
		return app_flow(a, FLOW_FIRST, 0);
	case ACT_END:
	case ACT_PAGE_DOWN:
		return app_flow(a, FLOW_LAST, 0);
	case ACT_CHOOSE:
		return app_flow(a, FLOW_PICK, arg);
	case ACT_CONFIRM:
		return app_flow(a, FLOW_CONFIRM, 0);
	case ACT_NEXT:
		return next_action(a);
	case ACT_BACK:
		return app_flow(a, FLOW_BACK, 0);
	default:
		*handled = 0;
		return R_NONE;
	}
}

/* The page move a scrolling key makes; 0 for any other key. */
static int move_of(enum action act, enum page_move *m)
{
	switch (act) {
	case ACT_UP:
		*m = PAGE_LINE_UP;
		return 1;
	case ACT_DOWN:
		*m = PAGE_LINE_DOWN;
		return 1;
	case ACT_PAGE_UP:
		*m = PAGE_UP;
		return 1;
	case ACT_PAGE_DOWN:
		*m = PAGE_DOWN;
		return 1;
	case ACT_HOME:
		*m = PAGE_FIRST;
		return 1;
	case ACT_END:
		*m = PAGE_LAST;
		return 1;
	default:
		return 0;
	}
}

enum reaction scroll_action(struct app *a, enum screen_id id, enum action act)
{
	struct page *p = &a->page[id];
	enum page_move m;

	if (!move_of(act, &m))
		return R_NONE;
	int top = page_moved(p, m);
	if (top == p->top)
		return R_NONE;
	p->top = top;
	return R_REDRAW;
}

enum reaction page_action(struct app *a, enum action act)
{
	switch (act) {
	case ACT_TOGGLE:
		return app_flow(a, FLOW_TOGGLE, 0);
	case ACT_BACK:
		return app_flow(a, FLOW_BACK, 0);
	default:
		return scroll_action(a, (enum screen_id)a->flow.step, act);
	}
}
