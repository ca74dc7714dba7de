#include "markdown.h"

#include "sanitize.h"

void md_add(struct strbuf *out, const char *s, int inline_only)
{
	sanitize_add(out, s, SANITIZE_MARKDOWN, inline_only ? 0 : SANITIZE_KEEP_NEWLINES);
}

void md_line(struct strbuf *out, const char *prefix, const char *text)
{
	sb_add(out, prefix);
	md_add(out, text, 1);
	sb_addc(out, '\n');
}

void md_section(struct strbuf *out, const char *heading)
{
	sb_addc(out, '\n');
	md_line(out, "## ", heading);
	sb_addc(out, '\n');
}
