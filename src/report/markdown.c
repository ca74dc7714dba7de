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
	const char *code[MD_MAX_ARGS]; /* the values to show as code, by address */
	size_t ncode;
};

static int md_is(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == s)
			return 1;
	return 0;
}

/* A code span: markdown takes its characters as they are, so only a
 * backtick (which would end it) and what the sanitiser removes must go. */
static void md_code(struct strbuf *out, const char *piece)
{
	struct strbuf safe = {0};

	sanitize_add(&safe, piece, SANITIZE_TERMINAL, 0);
	sb_addc(out, '`');
	for (const char *p = sb_str(&safe); *p; p++)
		if (*p != '`')
			sb_addc(out, *p);
	sb_addc(out, '`');
	sb_free(&safe);
}

static void md_piece(void *ctx, const char *s, size_t n, int is_value)
{
	const struct md_sink *m = ctx;
	char *piece = xstrndup(s, n);
	int bold = is_value && n > 0 && md_is(m->bold, m->nbold, s);

	if (is_value && n > 0 && md_is(m->code, m->ncode, s)) {
		md_code(m->out, piece);
		free(piece);
		return;
	}
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

static void md_vtext(struct strbuf *out, const struct content *c, enum text_id id, const char *bold,
		     const char *code, va_list ap)
{
	struct md_sink m = {.out = out};
	struct text_arg args[MD_MAX_ARGS];
	size_t n = 0;
	const char *name;

	while (n < MD_MAX_ARGS && (name = va_arg(ap, const char *))) {
		args[n] = (struct text_arg){name, va_arg(ap, const char *)};
		if (args[n].value && md_listed(bold, name))
			m.bold[m.nbold++] = args[n].value;
		else if (args[n].value && md_listed(code, name))
			m.code[m.ncode++] = args[n].value;
		n++;
	}
	text_expand(text_get(c, id), args, n, md_piece, &m);
}

void md_text(struct strbuf *out, const struct content *c, enum text_id id, const char *bold, ...)
{
	va_list ap;

	va_start(ap, bold);
	md_vtext(out, c, id, bold, "", ap);
	va_end(ap);
}

void md_text_code(struct strbuf *out, const struct content *c, enum text_id id, const char *code, ...)
{
	va_list ap;

	va_start(ap, code);
	md_vtext(out, c, id, "", code, ap);
	va_end(ap);
}
