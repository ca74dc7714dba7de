/* The curses wizard, a kiosk or not, run from the settled settings. */
#ifndef OW_WIZARD_H
#define OW_WIZARD_H

#include "content.h"
#include "settings.h"

/* Runs the wizard; each interview that reaches a result is logged once, and
 * with --print the last one's report follows on stdout. Returns ui_run's
 * status, or EXIT_FAILED when it was 0 but a report or a log record could
 * not be written. */
int run_wizard(const struct settings *s, const struct content *c);

#endif
