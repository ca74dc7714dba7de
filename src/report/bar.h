/* A score bar for text output: the report's scores and the summary's charts. */
#ifndef OW_BAR_H
#define OW_BAR_H

#include "strbuf.h"

/* How many of width cells a bar of percent fills: rounded, so 99% does not
 * look full-ended and 1% still shows. The screen and every report use it. */
int bar_filled(int percent, int width);
/* width characters: '#' for the share achieved and '.' for the rest, ASCII
 * so it prints and pastes anywhere. percent is clamped to 0..100. */
void report_bar(struct strbuf *out, int percent, int width);

#endif
