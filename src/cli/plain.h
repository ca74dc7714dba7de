/* The interview as numbered plain lines, for screen readers, braille displays
 * and dumb terminals (--plain). No cursor movement, no colour, no line of
 * decoration: one question after the other, answered by number, then a
 * review where any answer can be changed, the report, and an offer to save
 * it, as the curses wizard has them. */
#ifndef OW_PLAIN_H
#define OW_PLAIN_H

#include <stdio.h>

#include "answers.h"
#include "content.h"

struct plain_options {
	int logging;             /* a results log records the interview: the welcome says so */
	const char *report_path; /* --report FILE: where a save goes; NULL: a new dated name */
	int kiosk;               /* saves only in report_dir, under made names, capped */
	const char *report_dir;  /* a kiosk's report folder; NULL in a kiosk: no saving */
};

/* The interview on in and out. It drives the wizard's state machine
 * (flow.h): it prints the open step and turns each typed line into a flow
 * action. After the last question a review lists every answer, numbered:
 * a number changes that answer, Enter goes on to the result, "<" goes back
 * a step everywhere. At the result it prints the report (report_write_plain)
 * and offers to save the markdown report (savefile.h, never overwriting),
 * saying where it went or why not; Enter finishes. Once every question is
 * answered, the end of input goes on to the result and finishes.
 *
 * Returns EXIT_OK when the result was reached (answers holds the final
 * answers, for the caller's results log), EXIT_BAD_INPUT when input ended
 * before every question was answered (a message to out), EXIT_FAILED when
 * the result was reached but out could not be written (errno says why).
 * o may be NULL: no log, saves to a dated name in the current directory.
 * Text is written for the locale's codeset (LC_CTYPE, so the caller calls
 * setlocale first): typographic characters become ASCII when it is not UTF-8. */
int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers,
	      const struct plain_options *o);

#endif
