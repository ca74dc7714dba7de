/* Writing markdown: the pieces the report and the summary handouts share.
 * Text goes through the sanitiser's markdown policy (sanitize.h), which
 * escapes what markdown would interpret and neutralises dangerous
 * characters. */
#ifndef OW_MARKDOWN_H
#define OW_MARKDOWN_H

#include "strbuf.h"

/* Appends s escaped. inline_only turns newlines into spaces (tables,
 * headings, list items); otherwise they are kept. */
void md_add(struct strbuf *out, const char *s, int inline_only);
/* "<prefix><text>\n" with text escaped as one line (list items, headings). */
void md_line(struct strbuf *out, const char *prefix, const char *text);
/* A second-level section: "\n## <heading>\n\n". */
void md_section(struct strbuf *out, const char *heading);

#endif
