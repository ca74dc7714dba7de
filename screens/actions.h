/* What several screens do with the same keys (actions.c): the flow's common
 * moves, a pick list's keys, and scrolling a page. */
#ifndef OW_ACTIONS_H
#define OW_ACTIONS_H

#include "app.h"
#include "keys.h"

/* Feeds the flow one action and keeps the state around it in step: a new
 * step or question starts at its top, and the result's verdict is made. */
enum reaction app_flow(struct app *a, enum flow_action fa, int arg);
/* The keys of a pick list (question options, review items): moving, picking,
 * confirming, going back. Sets *handled to 0 for any other action. */
enum reaction list_action(struct app *a, enum action act, int arg, int *handled);
/* Scrolls screen id's page (as the last frame laid it out) for a scrolling
 * key; R_NONE for any other key or when it is already there. */
enum reaction scroll_action(struct app *a, enum screen_id id, enum action act);
/* The keys of a scrolling step (result, comparison): scroll, Tab to the
 * other page, back. */
enum reaction page_action(struct app *a, enum action act);

#endif
