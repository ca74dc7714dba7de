/* The interview as numbered plain lines, for screen readers, braille displays
 * and dumb terminals (--plain). No cursor movement, no colour: one question
 * after the other, answered by number. */
#ifndef OW_PLAIN_H
#define OW_PLAIN_H

#include <stdio.h>

#include "answers.h"
#include "content.h"

/* The interview as numbered plain lines (no cursor movement), for screen readers
 * and dumb terminals: "<" goes back. It drives the wizard's state machine
 * (flow.h) and only prints the open step and turns each typed line into a
 * flow action. Returns EXIT_OK when all questions were answered,
 * EXIT_BAD_INPUT when input ended first (message to out). Does not print the report.
 * Text is written for the locale's codeset (LC_CTYPE, so the caller calls
 * setlocale first): typographic characters become ASCII when it is not UTF-8. */
int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers);
/* The same; logging says a results log records the interview, and the
 * welcome then says what it keeps instead of "nothing is kept". */
int plain_run_logged(const struct content *c, FILE *in, FILE *out, struct answers *answers,
		     int logging);

#endif
