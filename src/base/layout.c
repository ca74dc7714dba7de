#include "layout.h"

#include <langinfo.h>
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

/* ---- display width: the C library's wcwidth, as ncursesw measures ----
 *
 * ncursesw gives a character the columns wcwidth gives it in the program's
 * locale (locale_setup sets LC_CTYPE to the user's), so that is what text is
 * measured with here: a width here is the width on the screen, and a table
 * border lands where the layout put it. Text is UTF-8 in every locale
 * (content, answers, the reports), so in a locale that is not UTF-8 (LANG=C,
 * where the screens draw ASCII only) the C library's own C.UTF-8 table
 * measures it; without one every character is one column. wcwidth's -1 (a
 * control, an unassigned code point) counts one column: the terminal
 * sanitiser shows such a character as '?', and ncursesw also gives it one.
 * An invalid or cut-off byte is one column too (one '?' or U+FFFD). */

enum table { TABLE_NONE, TABLE_PROGRAM, TABLE_C_UTF8 };

static int ctype_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* The C.UTF-8 locale, loaded once; (locale_t)0 when there is none. */
static locale_t c_utf8(void)
{
	static locale_t loc;
	static int tried;

	if (!tried) {
		tried = 1;
		loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	}
	return loc;
}

/* Starts measuring: the table to use, with the thread switched to C.UTF-8
 * (its old locale in *old) when the program's locale is not UTF-8. */
static enum table measure_begin(locale_t *old)
{
	if (ctype_is_utf8())
		return TABLE_PROGRAM;
	if (!c_utf8())
		return TABLE_NONE;
	*old = uselocale(c_utf8());
	return TABLE_C_UTF8;
}

static void measure_end(enum table t, locale_t old)
{
	if (t == TABLE_C_UTF8)
		uselocale(old);
}

/* The character at s (len >= 1 bytes): returns its length in bytes and puts
 * its columns in *cols. */
static size_t next_char(const char *s, size_t len, enum table t, int *cols)
{
	wchar_t wc;
	mbstate_t st;

	*cols = 1;
	if ((unsigned char)s[0] < 0x80) /* ASCII: the fast path for nearly all text */
		return 1;
	if (t == TABLE_NONE) {
		unsigned cp;
		return utf8_decode(s, len, &cp);
	}
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, s, len, &st);
	if (n == 0 || n == (size_t)-1 || n == (size_t)-2)
		return 1;
	int w = wcwidth(wc);
	*cols = w < 0 ? 1 : w;
	return n;
}

int cp_wcwidth(unsigned cp)
{
	locale_t old = (locale_t)0;
	enum table t = measure_begin(&old);
	int w;

	if (cp < 0x20 || cp == 0x7F)
		w = -1;
	else if (cp < 0x7F || t == TABLE_NONE)
		w = 1;
	else
		w = wcwidth((wchar_t)cp);
	measure_end(t, old);
	return w;
}

int cp_width(unsigned cp)
{
	int w = cp_wcwidth(cp);

	return w < 0 ? 1 : w;
}

int text_width_n(const char *s, size_t len)
{
	locale_t old = (locale_t)0;
	enum table t = measure_begin(&old);
	int w = 0, cw;

	for (size_t i = 0; i < len;) {
		i += next_char(s + i, len - i, t, &cw);
		w += cw;
	}
	measure_end(t, old);
	return w;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t text_fit(const char *s, int width)
{
	locale_t old = (locale_t)0;
	enum table t = measure_begin(&old);
	size_t len = strlen(s), i = 0;
	int w = 0, cw;

	while (i < len) {
		size_t n = next_char(s + i, len - i, t, &cw);
		if (w + cw > width)
			break;
		w += cw;
		i += n;
	}
	measure_end(t, old);
	return i;
}

size_t text_char_len(const char *s)
{
	locale_t old = (locale_t)0;
	enum table t = measure_begin(&old);
	size_t len = strlen(s), n = 0, more;
	int cw;

	if (len > 0)
		n = next_char(s, len, t, &cw);
	while (n < len && (more = next_char(s + n, len - n, t, &cw)) > 0 && cw == 0)
		n += more;
	measure_end(t, old);
	return n;
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
				cut = fit ? fit : text_char_len(s);
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
