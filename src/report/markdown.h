/* Writing markdown: the pieces the report and the summary handouts share.
 * Text goes through the sanitiser's markdown policy (sanitize.h), which
 * escapes what markdown would interpret and neutralises dangerous
 * characters. */
#ifndef OW_MARKDOWN_H
#define OW_MARKDOWN_H

#include "strbuf.h"
#include "texts.h"

/* Appends s escaped. inline_only turns newlines into spaces (tables,
 * headings, list items); otherwise they are kept. */
void md_add(struct strbuf *out, const char *s, int inline_only);
/* "<prefix><text>\n" with text escaped as one line (list items, headings). */
void md_line(struct strbuf *out, const char *prefix, const char *text);
/* A second-level section: "\n## <heading>\n\n". */
void md_section(struct strbuf *out, const char *heading);
/* Text id of the string table (texts.h) as one line of markdown: its words
 * and values escaped, and the values of the placeholders named in bold
 * (space separated, "" for none) in bold. The variadic arguments are name,
 * value pairs ending with NULL. */
void md_text(struct strbuf *out, const struct content *c, enum text_id id, const char *bold, ...);
/* The same with the values of the placeholders named in code (space
 * separated) as code spans: glyphs such as the balance bar's. */
void md_text_code(struct strbuf *out, const struct content *c, enum text_id id, const char *code, ...);

#endif
