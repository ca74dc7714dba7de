#include "sanitize.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include "layout.h"

/* ---- the rule ---- */

size_t sanitize_next(const char *s, size_t len, unsigned *cp, enum danger *d)
{
	size_t n = utf8_decode(s, len, cp);
	unsigned c = *cp;

	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
		*d = DANGER_CONTROL;
	else if (c == 0x2028 || c == 0x2029)
		*d = DANGER_LINE_SEP;
	else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
		*d = DANGER_BIDI;
	else if (c == 0xFFFD && n == 1)
		*d = DANGER_INVALID;
	else
		*d = DANGER_NONE;
	return n;
}

size_t sanitize_plain_run(const char *s, size_t len)
{
	size_t n = 0;

	while (n < len && (unsigned char)s[n] >= 0x20 && (unsigned char)s[n] < 0x7F)
		n++;
	return n;
}

/* ---- terminal ---- */

/* ASCII look-alikes for the few typographic characters content uses. */
static const char *ascii_for(unsigned cp)
{
	switch (cp) {
	case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F:
		return " ";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return "-";
	case 0x2014: case 0x2015:
		return "--";
	case 0x2018: case 0x2019: case 0x201A: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2026:
		return "...";
	case 0x2022: case 0x00B7: case 0x2023: case 0x25CF: case 0x25AA:
		return "*";
	case 0x2713: case 0x2714: case 0x2705:
		return "v";
	case 0x2192: case 0x2794: case 0x27A1:
		return "->";
	case 0x2190:
		return "<-";
	case 0x00D7:
		return "x";
	case 0x00E9: case 0x00E8: case 0x00EA: case 0x00EB:
		return "e";
	case 0x00E0: case 0x00E1: case 0x00E2: case 0x00E4:
		return "a";
	case 0x00F6: case 0x00F3: case 0x00F4:
		return "o";
	case 0x00FC: case 0x00FA:
		return "u";
	case 0x00DF:
		return "ss";
	case 0x20AC:
		return "EUR";
	case 0x00A3:
		return "GBP";
	default:
		return NULL;
	}
}

/* The emoji variation selector: after a character such as U+2764 it asks
 * for the emoji picture, which some terminals draw two columns wide and
 * others one, while wcwidth (and so ncursesw) gives the pair one column, so
 * a table border after it moves on some terminals. Without it every terminal
 * draws the character as wide as wcwidth says. */
#define VS16 0xFE0F

static void add_terminal(struct strbuf *out, const char *s, size_t len, unsigned flags)
{
	unsigned cp;
	enum danger d;

	for (size_t i = 0; i < len;) {
		size_t plain = sanitize_plain_run(s + i, len - i);
		if (plain) { /* most text: copied as it is, in one go */
			sb_addn(out, s + i, plain);
			i += plain;
			continue;
		}
		size_t n = sanitize_next(s + i, len - i, &cp, &d);
		if (cp == '\n' && (flags & SANITIZE_KEEP_NEWLINES))
			sb_addc(out, '\n');
		else if (cp == '\t')
			sb_addc(out, ' ');
		else if (d != DANGER_NONE)
			sb_addc(out, '?');
		else if (cp == VS16)
			; /* dropped: see above */
		else if (cp >= 0x80 && cp_wcwidth(cp) < 0)
			sb_addc(out, '?'); /* the C library does not print it */
		else if (cp < 0x80 || !(flags & SANITIZE_ASCII))
			sb_addn(out, s + i, n);
		else if (cp_width(cp) == 0)
			; /* a combining mark: drop it, keep the base letter */
		else {
			const char *a = ascii_for(cp);
			sb_add(out, a ? a : "?");
		}
		i += n;
	}
}

/* ---- markdown ---- */

/* Characters that change meaning anywhere in a line of markdown. */
static int md_special(unsigned cp)
{
	return cp && cp < 0x80 && strchr("\\`*_[]<>|", (int)cp) != NULL;
}

/* Characters that start a block (heading, list, quote, rule) only at the
 * beginning of a line. */
static int md_line_start_special(char ch)
{
	return ch && strchr("#+-=~", ch) != NULL;
}

/* At the start of a line, "12." or "3)" would begin a numbered list: returns
 * the length of the digits when they are followed by such a marker. */
static size_t md_list_number(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n > 0 && (s[n] == '.' || s[n] == ')') ? n : 0;
}

/* At the start of a line: the digits of a list number, then a '\' before
 * what would start a block. Returns how many bytes of s it wrote. */
static size_t md_line_start(struct strbuf *out, const char *s)
{
	size_t digits = md_list_number(s);

	sb_addn(out, s, digits);
	if (digits || md_line_start_special(s[digits]))
		sb_addc(out, '\\');
	return digits;
}

static void add_markdown(struct strbuf *out, const char *s, size_t len, unsigned flags)
{
	int keep = (flags & SANITIZE_KEEP_NEWLINES) != 0;
	int line_start = 1;
	unsigned cp;
	enum danger d;

	for (size_t i = 0; i < len;) {
		if (line_start && s[i] != '\n' && s[i] != '\r') {
			i += md_line_start(out, s + i);
			line_start = 0;
		}
		size_t n = sanitize_next(s + i, len - i, &cp, &d);
		if (cp == '\n' || cp == '\r') {
			sb_addc(out, keep && cp == '\n' ? '\n' : ' ');
			line_start = keep && cp == '\n';
		} else if (cp == '\t') {
			sb_addc(out, ' ');
		} else if (d != DANGER_NONE) {
			sb_addc(out, '?');
		} else {
			if (md_special(cp))
				sb_addc(out, '\\');
			sb_addn(out, s + i, n);
		}
		i += n;
	}
}

/* ---- JSON ---- */

static void add_json(struct strbuf *out, const char *s, size_t len)
{
	unsigned cp;
	enum danger d;

	sb_addc(out, '"');
	for (size_t i = 0; i < len;) {
		size_t n = sanitize_next(s + i, len - i, &cp, &d);
		if (cp == '"' || cp == '\\') {
			sb_addc(out, '\\');
			sb_addc(out, (char)cp);
		} else if (d != DANGER_NONE) {
			/* Below 0x20 JSON requires it; everywhere else it keeps a viewer
			 * from being driven by the text, and a consumer still gets the
			 * character back. cp is U+FFFD for an invalid byte. */
			sb_addf(out, "\\u%04x", cp);
		} else {
			sb_addn(out, s + i, n);
		}
		i += n;
	}
	sb_addc(out, '"');
}

/* ---- CSV ---- */

/* A record stays one line of valid UTF-8 that cannot drive a terminal when
 * someone cats the file. */
static void add_csv_clean(struct strbuf *out, const char *s, size_t len)
{
	unsigned cp;
	enum danger d;

	for (size_t i = 0; i < len;) {
		size_t n = sanitize_next(s + i, len - i, &cp, &d);
		if (d == DANGER_INVALID)
			sb_add(out, "\xEF\xBF\xBD");
		else if (d == DANGER_NONE)
			sb_addn(out, s + i, n);
		i += n;
	}
}

static void add_csv(struct strbuf *out, const char *s, size_t len)
{
	struct strbuf cell = {0};

	/* Cleaned first: removing controls can uncover a formula ("\t=1"). A
	 * leading ' is doubled too, so a reader can always strip exactly one. */
	add_csv_clean(&cell, s, len);
	int prefix = cell.len && strchr("=+-@'", cell.buf[0]);
	int quote = strpbrk(sb_str(&cell), ",\"") != NULL;
	if (quote)
		sb_addc(out, '"');
	if (prefix)
		sb_addc(out, '\'');
	for (const char *t = sb_str(&cell); *t; t++) {
		if (*t == '"')
			sb_addc(out, '"');
		sb_addc(out, *t);
	}
	if (quote)
		sb_addc(out, '"');
	sb_free(&cell);
}

/* ---- the policies ---- */

void sanitize_add(struct strbuf *out, const char *s, enum sanitize_policy p, unsigned flags)
{
	if (!s)
		s = "";
	size_t len = strlen(s);

	switch (p) {
	case SANITIZE_MARKDOWN:
		add_markdown(out, s, len, flags);
		break;
	case SANITIZE_JSON:
		add_json(out, s, len);
		break;
	case SANITIZE_CSV:
		add_csv(out, s, len);
		break;
	case SANITIZE_TERMINAL:
	default:
		add_terminal(out, s, len, flags);
		break;
	}
}

char *sanitize_dup(const char *s, enum sanitize_policy p, unsigned flags)
{
	struct strbuf sb = {0};

	sanitize_add(&sb, s, p, flags);
	return sb_take(&sb);
}

char *text_for_terminal(const char *s, int ascii, int keep_newlines)
{
	return sanitize_dup(s, SANITIZE_TERMINAL,
			    (ascii ? SANITIZE_ASCII : 0) | (keep_newlines ? SANITIZE_KEEP_NEWLINES : 0));
}

void sb_add_safe(struct strbuf *sb, const char *s, int keep_newlines)
{
	sanitize_add(sb, s, SANITIZE_TERMINAL, keep_newlines ? SANITIZE_KEEP_NEWLINES : 0);
}

int locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

void locale_setup(void)
{
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
}
