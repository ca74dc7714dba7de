/* Reading what a screen shows, for the geometry sweep: only the drawn cells,
 * never the wizard's state. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geometry.h"
#include "texts.h"

static const char *const down_marks[] = {"\xe2\x86\x93 more", "v more"};
static const char *const up_marks[] = {"\xe2\x86\x91 more", "^ more"};

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && !strcmp(s + n - k, tail);
}

/* The footer's marker, cut off the row (with the blanks before it). */
static enum marker take_marker(char *footer)
{
	for (int i = 0; i < 2; i++) {
		const char *m = NULL;
		enum marker r = MARK_NONE;
		if (ends_with(footer, down_marks[i]))
			m = down_marks[i], r = MARK_DOWN;
		else if (ends_with(footer, up_marks[i]))
			m = up_marks[i], r = MARK_UP;
		if (!m)
			continue;
		size_t n = strlen(footer) - strlen(m);
		while (n > 0 && footer[n - 1] == ' ')
			n--;
		footer[n] = '\0';
		return r;
	}
	return MARK_NONE;
}

/* The frame: rows 0 .. first-1 and the last row stay, the rest may scroll. */
static void look_frame(const struct session *s, int first, struct look *l)
{
	struct strbuf chrome = {0};

	l->found = 1;
	l->n = s->lines - 1 - first;
	l->view = calloc((size_t)(l->n > 0 ? l->n : 1), sizeof *l->view);
	for (int i = 0; i < l->n; i++)
		l->view[i] = screen_row(first + i, s->cols);
	for (int y = 0; y < first; y++) {
		char *row = screen_row(y, s->cols);
		sb_addf(&chrome, "%s\n", row);
		free(row);
	}
	char *footer = screen_row(s->lines - 1, s->cols);
	l->marker = take_marker(footer);
	sb_add(&chrome, footer);
	free(footer);
	l->chrome = sb_take(&chrome);
}

struct box {
	int y0, y1, x0, x1; /* the corners */
};

/* The help box: its top border carries " Help " after the corner. */
static int find_box(const struct session *s, struct box *b)
{
	wchar_t tl = s->utf8 ? 0x250C : '+', tr = s->utf8 ? 0x2510 : '+';
	wchar_t bl = s->utf8 ? 0x2514 : '+', h = s->utf8 ? 0x2500 : '-';
	wchar_t *cells = calloc((size_t)s->cols + 1, sizeof *cells);
	int ok = 0;

	for (int y = 0; y < s->lines && !ok; y++) {
		screen_cells(y, s->cols, cells);
		for (int x = 0; x + 8 < s->cols && !ok; x++)
			if (cells[x] == tl && cells[x + 1] == h && !wmemcmp(cells + x + 2, L" Help ", 6)) {
				b->y0 = y, b->x0 = x, b->x1 = -1;
				for (int e = x + 8; e < s->cols && b->x1 < 0; e++)
					if (cells[e] == tr)
						b->x1 = e;
				ok = b->x1 > 0;
			}
	}
	for (b->y1 = ok ? b->y0 + 1 : s->lines; b->y1 < s->lines; b->y1++) {
		screen_cells(b->y1, s->cols, cells);
		if (cells[b->x0] == bl)
			break;
	}
	free(cells);
	return ok && b->y1 < s->lines;
}

static void look_help(const struct session *s, struct look *l)
{
	struct strbuf chrome = {0};
	struct box b;

	if (!find_box(s, &b)) {
		l->chrome = screen_joined(s->lines, s->cols);
		return;
	}
	l->found = 1;
	l->n = b.y1 - b.y0 - 1;
	l->view = calloc((size_t)(l->n > 0 ? l->n : 1), sizeof *l->view);
	for (int i = 0; i < l->n; i++)
		l->view[i] = screen_span(b.y0 + 1 + i, b.x0 + 1, b.x1);
	char *top = screen_row(b.y0, s->cols), *bottom = screen_row(b.y1, s->cols);
	char *more = strstr(bottom, "  Down: more");
	l->marker = more ? MARK_DOWN : MARK_NONE;
	if (more) /* the border runs on where the words were */
		memmove(more, more + 12, strlen(more + 12) + 1);
	char *first = screen_row(0, s->cols), *last = screen_row(s->lines - 1, s->cols);
	sb_addf(&chrome, "%s\n%s\n%s\n%s", first, top, bottom, last);
	free(top), free(bottom), free(first), free(last);
	l->chrome = sb_take(&chrome);
}

/* The comparison's "Comparison: rows 5-11 of 27" (the words of the
 * content's status_compare, status_compare_yours or their short forms
 * before {first}), read off the chrome's first line, the top bar, and cut
 * from it. */
static void take_position(const struct session *s, struct look *l)
{
	static const enum text_id ids[] = {T_SCREEN_STATUS_COMPARE, T_SCREEN_STATUS_COMPARE_SHORT,
					   T_SCREEN_STATUS_COMPARE_YOURS,
					   T_SCREEN_STATUS_COMPARE_YOURS_SHORT};
	char *bar_end = strchr(l->chrome, '\n');

	if (bar_end)
		*bar_end = '\0';
	for (size_t i = 0; i < 4 && !l->pos_count; i++) {
		const char *words = text_get(s->c, ids[i]);
		size_t n = strcspn(words, "{");
		char *at = NULL;
		for (char *p = strstr(l->chrome, "  "); p; p = strstr(p + 1, "  "))
			if (!strncmp(p + 2 + strspn(p + 2, " "), words, n))
				at = p + 2 + strspn(p + 2, " ");
		if (at && sscanf(at + n, "%d-%d", &l->pos_first, &l->pos_last) == 2) {
			const char *of = strrchr(at, ' ');
			l->pos_count = of ? atoi(of + 1) : 0;
			memset(at, ' ', strlen(at));
		}
	}
	if (bar_end)
		*bar_end = '\n';
}

void look_at(const struct session *s, enum kind_type type, struct look *l)
{
	memset(l, 0, sizeof *l);
	l->footer = screen_row(s->lines - 1, s->cols);
	if (type == KIND_HELP)
		look_help(s, l);
	else
		look_frame(s, type == KIND_QUESTION ? 2 : 1, l);
	if (type == KIND_COMPARE && l->chrome)
		take_position(s, l);
}

void look_free(struct look *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->view[i]);
	free(l->view);
	free(l->chrome);
	free(l->footer);
	memset(l, 0, sizeof *l);
}

int look_same(const struct look *a, const struct look *b)
{
	if (a->n != b->n || a->marker != b->marker || strcmp(a->chrome, b->chrome))
		return 0;
	for (int i = 0; i < a->n; i++)
		if (strcmp(a->view[i], b->view[i]))
			return 0;
	return 1;
}

void check_footer(struct tally *t, const struct look *l, int cols, int lines)
{
	if (!strstr(l->footer, "? help") || !strstr(l->footer, "q quit"))
		tally_fail(t, P_FOOTER, cols, lines, "the footer is \"%s\"", l->footer);
}

int look_has(const struct look *l, const char *text)
{
	for (int i = 0; i < l->n; i++)
		if (strstr(l->view[i], text))
			return 1;
	return 0;
}

char *screen_joined(int lines, int cols)
{
	struct strbuf sb = {0};

	for (int y = 0; y < lines; y++) {
		char *row = screen_row(y, cols);
		for (const char *p = row; *p; p++)
			if (*p != ' ' || (sb.len && sb_str(&sb)[sb.len - 1] != ' '))
				sb_addc(&sb, *p);
		if (sb.len && sb_str(&sb)[sb.len - 1] != ' ')
			sb_addc(&sb, ' ');
		free(row);
	}
	return sb_take(&sb);
}
