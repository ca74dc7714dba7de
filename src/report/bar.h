/* A score bar for text output: the report's scores and the summary's charts. */
#ifndef OW_BAR_H
#define OW_BAR_H

#include "strbuf.h"

/* width characters: '#' for the share achieved and '.' for the rest, ASCII
 * so it prints and pastes anywhere. percent is clamped to 0..100. */
void report_bar(struct strbuf *out, int percent, int width);

#endif
