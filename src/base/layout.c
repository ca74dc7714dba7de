#include "layout.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "xalloc.h"

size_t utf8_decode(const char *str, size_t len, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t need;
	unsigned min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2, min = 0x80, c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3, min = 0x800, c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4, min = 0x10000, c &= 0x07;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (need > len)
		goto bad;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return need;
bad:
	*cp = 0xFFFD;
	return 1;
}

/* The widths glibc gives when it cannot load its UTF-8 tables: the wide
 * blocks and the common combining marks. */
static int fallback_width(unsigned cp)
{
	static const unsigned wide[][2] = {
		{0x1100, 0x115F}, {0x2E80, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
		{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
		{0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
	};
	if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

/* The C library's UTF-8 character table, whatever the process's locale: it
 * is what ncursesw measures with, so a width here is the width on screen. */
static locale_t utf8_ctype(void)
{
	static locale_t loc;
	static int tried;

	if (!tried) {
		tried = 1;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

int cp_width(unsigned cp)
{
	if (cp < 0x300) /* ASCII and Latin: the fast path for nearly all text */
		return 1;
	locale_t loc = utf8_ctype();
	if (!loc)
		return fallback_width(cp);
	locale_t old = uselocale(loc);
	int w = wcwidth((wchar_t)cp);
	uselocale(old);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	size_t len = strlen(s);
	int w = 0;
	unsigned cp;

	for (size_t i = 0; i < len;) {
		i += utf8_decode(s + i, len - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

size_t text_fit(const char *s, int width)
{
	size_t len = strlen(s), i = 0;
	int w = 0;
	unsigned cp;

	while (i < len) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		int cw = cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += n;
	}
	return i;
}

static void push_line(struct wrapped *out, size_t *cap, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	out->line = xgrow(out->line, cap, out->n + 1, sizeof *out->line);
	out->line[out->n++] = xstrndup(s, n);
}

/* Wraps one paragraph (no '\n' inside). */
static void wrap_paragraph(const char *p, size_t plen, int width, struct wrapped *out,
			   size_t *cap)
{
	char *tmp = xstrndup(p, plen);
	const char *s = tmp;

	while (*s == ' ')
		s++;
	if (!*s)
		push_line(out, cap, "", 0);
	while (*s) {
		size_t fit = text_fit(s, width);
		size_t cut = fit;
		if (s[fit] == '\0') {
			push_line(out, cap, s, fit);
			break;
		}
		if (s[fit] != ' ') {
			while (cut > 0 && s[cut - 1] != ' ')
				cut--;
			if (cut == 0) /* a word longer than the line: break it */
				cut = fit ? fit : utf8_decode(s, strlen(s), &(unsigned){0});
		}
		push_line(out, cap, s, cut);
		s += cut;
		while (*s == ' ')
			s++;
	}
	free(tmp);
}

void wrap_text(const char *text, int width, struct wrapped *out)
{
	size_t cap = 0;

	out->line = NULL;
	out->n = 0;
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		wrap_paragraph(text, n, width, out, &cap);
		if (!nl)
			break;
		text = nl + 1;
	}
}

void wrapped_free(struct wrapped *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->line[i]);
	free(w->line);
	w->line = NULL;
	w->n = 0;
}
