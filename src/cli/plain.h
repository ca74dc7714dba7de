/* The interview as numbered plain lines, for screen readers, braille displays
 * and dumb terminals (--plain). No cursor movement, no colour: one question
 * after the other, answered by number. */
#ifndef OW_PLAIN_H
#define OW_PLAIN_H

#include <stdio.h>

#include "answers.h"
#include "content.h"

/* The interview as numbered plain lines (no cursor movement), for screen readers
 * and dumb terminals: "<" goes back. Returns 0 when all questions were answered,
 * 2 when input ended first (message to out). Does not print the report.
 * Text is written for the locale's codeset (LC_CTYPE, so the caller calls
 * setlocale first): typographic characters become ASCII when it is not UTF-8. */
int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers);

#endif
