#ifndef OW_UI_H
#define OW_UI_H
#include "answers.h"
#include "content.h"
struct ui_options {
	const char *report_path; /* --report FILE, or NULL: save to a generated name in the cwd */
	int kiosk;               /* issue 4; 0 for now */
	int idle_timeout;        /* seconds, 0 = none; issue 4 */
};
/* Runs the curses wizard until the user quits. Returns 0 when the user quit
 * normally, 2 when there is no usable terminal (a clear message naming --plain
 * was printed to stderr), 1 on an internal error, 129/143 after SIGHUP/SIGTERM.
 * *done is set to 1 when the user reached a result; answers then holds the
 * final answers (caller owns answers; initialise with answers_init). */
int ui_run(const struct content *c, const struct ui_options *o, struct answers *answers, int *done);
#endif
