#include "markdown.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sanitize.h"
#include "xalloc.h"

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

#define MD_MAX_ARGS 8 /* more placeholders than any text takes */

struct md_sink {
	struct strbuf *out;
	const char *bold[MD_MAX_ARGS]; /* the values to embolden, by address */
	size_t nbold;
};

static int md_is_bold(const struct md_sink *m, const char *s)
{
	for (size_t i = 0; i < m->nbold; i++)
		if (m->bold[i] == s)
			return 1;
	return 0;
}

static void md_piece(void *ctx, const char *s, size_t n, int is_value)
{
	const struct md_sink *m = ctx;
	char *piece = xstrndup(s, n);
	int bold = is_value && n > 0 && md_is_bold(m, s);

	if (bold)
		sb_add(m->out, "**");
	md_add(m->out, piece, 1);
	if (bold)
		sb_add(m->out, "**");
	free(piece);
}

/* 1 when the space-separated list holds name. */
static int md_listed(const char *list, const char *name)
{
	size_t len = strlen(name);

	for (const char *p = list; *p; p += strspn(p, " ")) {
		size_t n = strcspn(p, " ");
		if (n == len && !strncmp(p, name, len))
			return 1;
		p += n;
	}
	return 0;
}

void md_text(struct strbuf *out, const struct content *c, enum text_id id, const char *bold, ...)
{
	struct md_sink m = {.out = out};
	struct text_arg args[MD_MAX_ARGS];
	size_t n = 0;
	const char *name;
	va_list ap;

	va_start(ap, bold);
	while (n < MD_MAX_ARGS && (name = va_arg(ap, const char *))) {
		args[n] = (struct text_arg){name, va_arg(ap, const char *)};
		if (args[n].value && md_listed(bold, name))
			m.bold[m.nbold++] = args[n].value;
		n++;
	}
	va_end(ap);
	text_expand(text_get(c, id), args, n, md_piece, &m);
}
