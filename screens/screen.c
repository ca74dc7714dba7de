/* The registry: which screen shows for each step and each overlay. */
#include "screen.h"

#include <stdio.h>

static const struct screen *const by_step[FLOW_STEP_COUNT] = {
	[FLOW_WELCOME] = &welcome_screen, [FLOW_QUESTION] = &question_screen,
	[FLOW_REVIEW] = &review_screen,   [FLOW_RESULT] = &result_screen,
	[FLOW_COMPARE] = &compare_screen,
};

static const struct screen *const by_overlay[OVERLAY_COUNT] = {
	[OVERLAY_HELP] = &help_screen,
	[OVERLAY_QUIT] = &confirm_screen,
	[OVERLAY_RESTART] = &confirm_screen,
	[OVERLAY_BACKGROUND] = &background_screen,
	[OVERLAY_SAVE] = &save_dialog_screen,
	[OVERLAY_TASK] = &task_dialog_screen,
};

const struct screen *screen_for(const struct app *a)
{
	return by_step[a->flow.step];
}

const struct screen *screen_on_top(const struct app *a)
{
	if (app_too_small(a))
		return &enlarge_screen;
	return by_overlay[a->overlay] ? by_overlay[a->overlay] : screen_for(a);
}

const char *num_text(char buf[24], long long n)
{
	snprintf(buf, 24, "%lld", n);
	return buf;
}

const char *hint_key(const struct content *c, enum action a)
{
	const char *key = "", *verb;

	keys_hint(c, a, &key, &verb);
	return key;
}
