/* Wide characters on the screen (issue 11): a content copy whose table,
 * model names, an option and a help text hold CJK (two columns each), emoji
 * (one with the variation selector U+FE0F, which the terminal policy
 * drops), combining accents and the like (tests/fixtures/wide). Typed
 * through the real wizard on a headless terminal and read back cell by cell
 * as ncurses laid the rows out (screen_cells): every border of the
 * comparison table, the result's headline box and the help box lands in the
 * same column on every row, with the blank beside it still blank, so no text
 * ran into it. At 80x24, 60x20 and 40x12, in UTF-8 and LANG=C. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static struct content c;

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_FIXTURES "/wide", &c, &d), 0, "content: %s",
		     d.n ? d.items[0].what : "");
	diags_free(&d);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(wide, .init = setup, .fini = teardown, .timeout = 60);

static const int sizes[][2] = {{80, 24}, {60, 20}, {40, 12}};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static void open_at(struct session *s, int cols, int lines, int utf8, const char *keys)
{
	char err[256] = "";

	cr_assert_eq(session_open(s, &c, cols, lines, utf8, NULL), 0, "no headless terminal");
	cr_assert_eq(session_script(s, keys, err, sizeof err), 0, "%s", err);
}

/* The glyphs in this character set. */
struct glyphs {
	wchar_t vline, cross, hline, tl, tr, bl, br;
};

static struct glyphs glyphs_for(int utf8)
{
	if (utf8)
		return (struct glyphs){0x2502, 0x253C, 0x2500, 0x250C, 0x2510, 0x2514, 0x2518};
	return (struct glyphs){'|', '+', '-', '+', '+', '+', '+'};
}

/* The columns of row y holding a table border (a vertical line or a cross),
 * as a string of 'x' and '.' (malloc'd); NULL when the row has none. */
static char *border_columns(const struct session *s, int y, const struct glyphs *g)
{
	wchar_t *cells = calloc((size_t)s->cols, sizeof *cells);
	char *cols = calloc((size_t)s->cols + 1, 1);
	int any = 0;

	screen_cells(y, s->cols, cells);
	for (int x = 0; x < s->cols; x++) {
		int border = cells[x] == g->vline || cells[x] == g->cross;
		cols[x] = border ? 'x' : '.';
		any |= border;
		/* Beside a vertical line, the blank of " | " is still blank. */
		if (cells[x] == g->vline) {
			cr_expect(x > 0 && cells[x - 1] == L' ', "%dx%d row %d: text against the border at %d",
				  s->cols, s->lines, y, x);
			cr_expect(x + 1 == s->cols || cells[x + 1] == L' ',
				  "%dx%d row %d: no blank after the border at %d", s->cols, s->lines, y, x);
		}
	}
	free(cells);
	if (!any) {
		free(cols);
		return NULL;
	}
	return cols;
}

/* Every table row on the screen has its borders in the same columns as the
 * first; returns how many rows had borders. */
static int check_table_page(const struct session *s, const struct glyphs *g, char **first)
{
	int rows = 0;

	for (int y = 1; y < s->lines - 1; y++) {
		char *cols = border_columns(s, y, g);
		if (!cols)
			continue;
		rows++;
		if (!*first)
			*first = cols;
		else {
			cr_expect_str_eq(cols, *first, "%dx%d %s row %d: the borders moved", s->cols,
					 s->lines, s->utf8 ? "UTF-8" : "C", y);
			free(cols);
		}
	}
	return rows;
}

/* The table, page by page from the top to the end. */
Test(wide, comparison_borders_line_up_on_every_row)
{
	for (size_t i = 0; i < NSIZES; i++)
		for (int utf8 = 1; utf8 >= 0; utf8--) {
			struct session s;
			struct glyphs g = glyphs_for(utf8);
			char *first = NULL;
			int rows = 0;
			open_at(&s, sizes[i][0], sizes[i][1], utf8, "<Enter> 111 <Enter> <Tab>");
			for (int page = 0; page < 8; page++) {
				rows += check_table_page(&s, &g, &first);
				session_key(&s, KEY_NPAGE);
			}
			if (sizes[i][0] >= 60) /* a table; below 60 columns it is stacked */
				cr_expect_geq(rows, 8, "%dx%d: only %d table rows", sizes[i][0], sizes[i][1],
					      rows);
			else
				cr_expect_eq(rows, 0, "40 columns: the table is stacked, no borders");
			free(first);
			session_close(&s);
		}
}

struct box {
	int y0, y1, x0, x1; /* the corners */
};

/* The first box on the screen: its top-left corner, the top-right one on
 * that row and the bottom-left one below. Returns 0 when there is none. */
static int find_box(const struct session *s, const struct glyphs *g, struct box *b)
{
	wchar_t *cells = calloc((size_t)s->cols, sizeof *cells);
	int found = 0;

	memset(b, 0, sizeof *b);
	for (int y = 0; y < s->lines && !found; y++) {
		screen_cells(y, s->cols, cells);
		for (int x = 0; x + 2 < s->cols && !found; x++)
			if (cells[x] == g->tl && cells[x + 1] == g->hline) {
				b->y0 = y, b->x0 = x, b->x1 = -1;
				for (int e = x + 1; e < s->cols && b->x1 < 0; e++)
					if (cells[e] == g->tr)
						b->x1 = e;
				found = b->x1 > 0;
			}
	}
	for (b->y1 = b->y0 + 1; found && b->y1 < s->lines; b->y1++) {
		screen_cells(b->y1, s->cols, cells);
		if (cells[b->x0] == g->bl)
			break;
	}
	free(cells);
	return found && b->y1 < s->lines;
}

/* The box's right border is in one column from its top to its bottom, with
 * the blank inside it blank: no line of its text ran over. */
static void check_box(const struct session *s, const char *what)
{
	struct glyphs g = glyphs_for(s->utf8);
	wchar_t *cells = calloc((size_t)s->cols, sizeof *cells);
	struct box b = {0, 0, 0, 0};

	cr_assert(find_box(s, &g, &b), "%dx%d %s: no %s box", s->cols, s->lines,
		  s->utf8 ? "UTF-8" : "C", what);
	cr_expect_gt(b.y1, b.y0 + 1, "%s: an empty box", what);
	for (int y = b.y0 + 1; y <= b.y1; y++) {
		screen_cells(y, s->cols, cells);
		wchar_t want = y == b.y1 ? g.br : g.vline;
		cr_expect_eq(cells[b.x1], want, "%dx%d %s %s box row %d: the right border moved "
			     "from column %d", s->cols, s->lines, s->utf8 ? "UTF-8" : "C", what, y, b.x1);
		if (y < b.y1)
			cr_expect_eq(cells[b.x1 - 1], L' ', "%dx%d %s box row %d: text ran into the border",
				     s->cols, s->lines, what, y);
	}
	free(cells);
}

/* The headline "We recommend ALPHA 甲 👍" in its box. */
Test(wide, result_headline_box_lines_up)
{
	for (size_t i = 0; i < NSIZES; i++)
		for (int utf8 = 1; utf8 >= 0; utf8--) {
			struct session s;
			open_at(&s, sizes[i][0], sizes[i][1], utf8, "<Enter> 111 <Enter>");
			check_box(&s, "headline");
			session_close(&s);
		}
}

/* The help box over the first question, scrolled to its end, where the
 * question's help (CJK, emoji, accents) is. */
Test(wide, help_box_lines_up)
{
	for (size_t i = 0; i < NSIZES; i++)
		for (int utf8 = 1; utf8 >= 0; utf8--) {
			struct session s;
			open_at(&s, sizes[i][0], sizes[i][1], utf8, "<Enter> ?");
			check_box(&s, "help");
			session_key(&s, KEY_END);
			check_box(&s, "help");
			session_close(&s);
		}
}

/* The screen's text with its blanks collapsed (malloc'd). */
static char *flat_screen(const struct session *s)
{
	char *shot = screen_dump(s->lines, s->cols, 0), *w = shot;

	for (char *r = shot; *r; r++) {
		char ch = *r == '\n' ? ' ' : *r;
		if (ch != ' ' || (w > shot && w[-1] != ' '))
			*w++ = ch;
	}
	*w = '\0';
	return shot;
}

/* A wide option label shows whole, wrapped only at its spaces. */
Test(wide, options_show_whole)
{
	for (size_t i = 0; i < NSIZES; i++) {
		struct session s;
		open_at(&s, sizes[i][0], sizes[i][1], 1, "<Enter>");
		char *all = flat_screen(&s);
		cr_expect(strstr(all, "Same steps every time \xf0\x9f\x91\x8d \xe6\xaf\x8e\xe5\x9b\x9e"
				      "\xe5\x90\x8c\xe3\x81\x98"),
			  "%dx%d: the first option is not whole in: %s", sizes[i][0], sizes[i][1], all);
		cr_expect(strstr(all, "Partly routine, caf\xc3\xa9 \xe2\x9d\xa4 "),
			  "%dx%d: the second option (its selector dropped) in: %s", sizes[i][0],
			  sizes[i][1], all);
		free(all);
		session_close(&s);
	}
}
