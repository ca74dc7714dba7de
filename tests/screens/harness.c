#include "harness.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

int session_open(struct session *s, const struct content *c, int cols, int lines, int utf8,
		 const struct ui_options *o)
{
	memset(s, 0, sizeof *s);
	s->c = c;
	s->utf8 = utf8;
	if (o)
		s->opts = *o;
	if (!setlocale(LC_ALL, utf8 ? "C.UTF-8" : "C"))
		return -1;
	if (term_open_headless(&s->t, lines, cols, utf8, 1) != 0)
		return -1;
	s->lines = lines;
	s->cols = cols;
	answers_init(&s->ans, c);
	app_init(&s->a, c, &s->opts, &s->ans, !utf8);
	app_draw(stdscr, &s->a);
	return 0;
}

void session_close(struct session *s)
{
	app_free(&s->a);
	answers_free(&s->ans);
	term_close(&s->t);
}

enum reaction session_key(struct session *s, int key)
{
	if (s->quit)
		return R_QUIT;
	enum reaction r = app_key(&s->a, key);
	if (r == R_QUIT || r == R_INTERRUPT)
		s->quit = 1;
	else if (r == R_REDRAW)
		app_draw(stdscr, &s->a);
	return r;
}

void session_resize(struct session *s, int cols, int lines)
{
	resizeterm(lines, cols);
	s->lines = lines;
	s->cols = cols;
	session_key(s, KEY_RESIZE);
}

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{"Enter", '\r'},       {"Esc", 27},           {"Tab", '\t'},
	{"Up", KEY_UP},        {"Down", KEY_DOWN},    {"Left", KEY_LEFT},
	{"Right", KEY_RIGHT},  {"PgUp", KEY_PPAGE},   {"PgDn", KEY_NPAGE},
	{"Home", KEY_HOME},    {"End", KEY_END},      {"Backspace", KEY_BACKSPACE},
	{"F1", KEY_F(1)},      {"Space", ' '},
};

/* <Name>, <Name>*N or <Resize:CxL> (the word without its brackets). */
static int special(struct session *s, const char *w, size_t n, char *err, size_t errsize)
{
	int times = 1, cols, lines;
	const char *star = memchr(w, '*', n);
	size_t len = star ? (size_t)(star - w) : n;

	if (n > 7 && !strncmp(w, "Resize:", 7)) {
		if (sscanf(w + 7, "%dx%d", &cols, &lines) != 2 || cols < 1 || lines < 1) {
			snprintf(err, errsize, "bad size in <%.*s>", (int)n, w);
			return -1;
		}
		session_resize(s, cols, lines);
		return 0;
	}
	if (star && (sscanf(star + 1, "%d", &times) != 1 || times < 1)) {
		snprintf(err, errsize, "bad count in <%.*s>", (int)n, w);
		return -1;
	}
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (strlen(key_names[i].name) == len && !strncmp(w, key_names[i].name, len)) {
			while (times-- > 0)
				session_key(s, key_names[i].key);
			return 0;
		}
	snprintf(err, errsize, "unknown key <%.*s>", (int)len, w);
	return -1;
}

int session_script(struct session *s, const char *script, char *err, size_t errsize)
{
	const char *p = script;

	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t n = strcspn(p, " \t\n");
		if (n == 0)
			break;
		if (p[0] == '<' && n > 2 && p[n - 1] == '>') {
			if (special(s, p + 1, n - 2, err, errsize))
				return -1;
		} else {
			for (size_t i = 0; i < n; i++)
				session_key(s, (unsigned char)p[i]);
		}
		p += n;
	}
	return 0;
}

void screen_cells(int y, int cols, wchar_t *cells)
{
	static cchar_t *row; /* reused: the sweep reads rows by the hundred thousand */
	static int cap;
	int x = 0;

	if (cols + 1 > cap) {
		cap = cols + 1;
		row = realloc(row, (size_t)cap * sizeof *row);
	}
	/* ncurses gives a row as its characters: a wide character once, though
	 * it fills two cells, and a 0 after the last. It lays them out by
	 * wcwidth, so that is how they are put back in their columns here (and
	 * not by the wizard's layout.c, which is what the tests check). */
	int n = mvwin_wchnstr(stdscr, y, 0, row, cols) == ERR ? 0 : cols;
	for (int i = 0; i < n && x < cols && row[i].chars[0]; i++) {
		/* ncurses' cchar_t: the spacing character first (getcchar would copy
		 * and count for every cell, which the sweep cannot afford). */
		wchar_t ch = row[i].chars[0];
		cells[x++] = ch;
		if (ch >= 0x1100 && wcwidth(ch) == 2 && x < cols) /* nothing below U+1100 is wide */
			cells[x++] = 0;
	}
	while (x < cols)
		cells[x++] = L' ';
}

/* Writes cp as UTF-8 at out; returns the bytes written. */
static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

char *screen_span(int y, int from, int to)
{
	wchar_t *cells = calloc((size_t)(to > 0 ? to : 1), sizeof *cells);
	char *out = malloc((size_t)(to > from ? to - from : 0) * 4 + 1);
	size_t len = 0, keep = 0;

	screen_cells(y, to, cells);
	for (int x = from; x < to; x++) {
		if (cells[x] == 0)
			continue; /* the second column of a wide character */
		len += put_utf8(out + len, (unsigned)cells[x]);
		if (cells[x] != L' ')
			keep = len;
	}
	free(cells);
	out[keep] = '\0';
	return out;
}

char *screen_row(int y, int cols)
{
	return screen_span(y, 0, cols);
}

/* The attribute mask of a row, or NULL when it has no reverse or bold cell. */
static char *attr_mask(int y, int cols)
{
	char *mask = calloc((size_t)cols + 1, 1);
	int any = 0, keep = 0;

	for (int x = 0; x < cols; x++) {
		attr_t a = mvwinch(stdscr, y, x) & A_ATTRIBUTES;
		int rev = (a & A_REVERSE) != 0, bold = (a & A_BOLD) != 0;
		mask[x] = rev && bold ? 'R' : rev ? 'r' : bold ? 'b' : ' ';
		if (rev || bold)
			any = 1, keep = x + 1;
	}
	mask[keep] = '\0';
	if (!any) {
		free(mask);
		return NULL;
	}
	return mask;
}

char *screen_dump(int lines, int cols, int attrs)
{
	struct strbuf sb = {0};

	for (int y = 0; y < lines; y++) {
		char *row = screen_row(y, cols);
		sb_addf(&sb, "%s\n", row);
		free(row);
	}
	if (!attrs)
		return sb_take(&sb);
	sb_add(&sb, "-- attributes: r reverse, b bold, R both --\n");
	for (int y = 0; y < lines; y++) {
		char *mask = attr_mask(y, cols);
		if (mask)
			sb_addf(&sb, "%02d|%s\n", y, mask);
		free(mask);
	}
	return sb_take(&sb);
}
