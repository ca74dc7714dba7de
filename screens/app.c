#include "app.h"

#include <stdlib.h>
#include <string.h>

#include "texts.h"
#include "xalloc.h"

void app_init(struct app *a, const struct content *c, const struct ui_options *o,
	      struct answers *answers, int ascii)
{
	memset(a, 0, sizeof *a);
	a->c = c;
	a->o = o;
	a->ascii = ascii;
	a->result_link = -1;
	flow_init(&a->flow, c, answers);
	if (o && o->start_at_review)
		flow_open_review(&a->flow);
	doc_init(&a->shown, ascii);
}

void app_free(struct app *a)
{
	if (a->have_verdict)
		verdict_free(&a->v);
	free(a->message);
	free(a->saved_name);
	sb_free(&a->saved_paths);
	doc_free(&a->shown);
	sb_free(&a->finish_note);
	memset(a, 0, sizeof *a);
}

int app_too_small(const struct app *a)
{
	return a->lines < MIN_LINES || a->cols < MIN_COLS;
}

int app_kiosk(const struct app *a)
{
	return a->o && a->o->kiosk;
}

void app_message(struct app *a, enum role r, const char *text)
{
	free(a->message);
	a->message = xstrdup(text);
	a->message_role = r;
}

void app_update_verdict(struct app *a)
{
	if (!flow_complete(&a->flow)) {
		if (a->have_verdict)
			verdict_free(&a->v);
		a->have_verdict = 0;
		return;
	}
	if (a->have_verdict && a->verdict_gen == a->flow.generation)
		return;
	if (a->have_verdict)
		verdict_free(&a->v);
	engine_decide(a->c, a->flow.a, &a->v);
	a->have_verdict = 1;
	a->verdict_gen = a->flow.generation;
	a->page[SCREEN_RESULT].top = a->page[SCREEN_COMPARE].top = 0;
	a->result_link = -1;
	a->saved = 0;
}

void app_track_result(struct app *a)
{
	const struct ui_options *o = a->o;
	int live = a->flow.reached && flow_complete(&a->flow);

	if (!o || !o->on_result)
		return;
	if (live && (!a->result_told || a->result_gen != a->flow.generation)) {
		app_update_verdict(a);
		o->on_result(o->ctx, a->flow.a, &a->v);
		a->result_told = 1;
		a->result_gen = a->flow.generation;
	} else if (!live && a->result_told) {
		o->on_result(o->ctx, a->flow.a, NULL);
		a->result_told = 0;
	}
}

int app_finish(struct app *a)
{
	const struct ui_options *o = a->o;

	if (!o || !o->on_finish || !a->flow.reached || !flow_complete(&a->flow))
		return 0;
	a->flow.reached = 0; /* one record per interview */
	sb_reset(&a->finish_note);
	app_update_verdict(a);
	if (a->result_told && o->on_result) /* logged now: nothing for a crash to add */
		o->on_result(o->ctx, a->flow.a, NULL);
	a->result_told = 0;
	return o->on_finish(o->ctx, a->flow.a, &a->v, &a->finish_note);
}

void app_restart(struct app *a)
{
	int failed = app_finish(a);

	a->overlay = OVERLAY_NONE;
	flow_apply(&a->flow, FLOW_RESTART, 0);
	for (int s = 0; s < SCREEN_COUNT; s++)
		a->page[s].top = 0;
	a->saved = 0;
	if (failed)
		app_message(a, ROLE_ERROR, sb_str(&a->finish_note));
}

/* What q means, wherever it is pressed: ask to quit; in a kiosk, which no
 * key may end, offer to start over instead. */
enum reaction app_ask_quit(struct app *a)
{
	if (!app_kiosk(a)) {
		a->overlay = OVERLAY_QUIT;
		return R_REDRAW;
	}
	if (a->flow.step == FLOW_WELCOME && answers_count(a->flow.a) == 0) {
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	}
	a->overlay = OVERLAY_RESTART;
	return R_REDRAW;
}

int app_offers(const struct app *a, enum action act)
{
	if (act == ACT_SAVE && app_kiosk(a) && !(a->o && a->o->report_dir))
		return 0; /* a kiosk without a report folder saves nothing */
	return 1;
}

int app_hint(const struct app *a, enum action act, const char **key, const char **verb)
{
	if (!app_offers(a, act) || !keys_hint(a->c, act, key, verb))
		return 0;
	if (act == ACT_QUIT && app_kiosk(a)) /* no key ends a kiosk: q starts over */
		*verb = text_get(a->c, T_KEYS_HINT_START_OVER);
	return 1;
}
