/* A screen's body as a list of lines made of positioned, already-wrapped
 * pieces of text with a role each. Screens build one from the state; the
 * frame draws the visible part, clipping every piece to the window by display
 * width, so no text ever runs into the next row or off the edge. Text going
 * in is made safe (controls become '?') and, on ASCII terminals, ASCII. */
#ifndef OW_DOC_H
#define OW_DOC_H

#include <curses.h>

#include "terminal.h"

struct seg {
	int x;
	enum role role;
	char *text;
};

struct dline {
	struct seg *seg;
	int nseg, cap;
	int tag;          /* what a click on this line picks, or -1 */
	enum role fill;   /* ROLE_NORMAL, or a role the whole line is painted in */
};

/* A part of a line that can be picked, like a link in lynx: Up and Down
 * move between them, Enter follows one (the result's questions). */
struct doc_link {
	int line, x, width;
	int target;       /* what following it opens (a question index) */
};

struct doc {
	struct dline *line;
	int n;
	size_t cap;
	int ascii;        /* ASCII-only drawing */
	int sticky;       /* the first lines stay on top when scrolling */
	int focus_first;  /* lines to keep visible, or -1 */
	int focus_last;
	int focus_is_first, focus_is_last; /* the focus is a list's first / last item */
	struct doc_link *links;
	int nlinks;
	size_t links_cap;
};

enum glyph {
	G_HLINE, G_VLINE, G_TL, G_TR, G_BL, G_BR, G_FULL, G_EMPTY, G_ON, G_OFF,
	G_MARK, G_ARROW, G_BULLET, G_UP, G_DOWN, G_DOT, G_CROSS, G_POINTER,
	G_ZONE, G_BALL, /* the balance bar's split zone and marker (sides: G_HLINE) */
	G_COUNT
};

void doc_init(struct doc *d, int ascii);
void doc_free(struct doc *d);
/* Starts a new (empty) line; returns its index. */
int doc_line(struct doc *d, int tag);
/* Adds text at column x of the last line (starting one if there is none). */
void doc_put(struct doc *d, int x, enum role r, const char *text);
/* Adds text at column x of line i (0 <= i < d->n). */
void doc_put_at(struct doc *d, int i, int x, enum role r, const char *text);
/* Wraps text to width columns into new lines at column x (a label put before
 * it on the first line makes a hanging indent). Returns the lines added. */
int doc_wrap(struct doc *d, int x, int width, enum role r, const char *text, int tag);
/* Like doc_wrap, but the first line goes on the current last line. */
int doc_wrap_on(struct doc *d, int x, int width, enum role r, const char *text, int tag);
void doc_blank(struct doc *d);
/* A one-line text field on a new line: "> " and text from where the cursor
 * (a byte offset) stays in view of width columns, the character under the
 * cursor in reverse (a blank at the end). */
void doc_field(struct doc *d, const char *text, size_t cursor, int width);
/* Marks columns [x, x + width) of line as a link to target. */
void doc_link(struct doc *d, int line, int x, int width, int target);
/* The glyph in this doc's character set. */
const char *doc_glyph(const struct doc *d, enum glyph g);
/* A string of n copies of a glyph (malloc'd). */
char *doc_repeat(const struct doc *d, enum glyph g, int n);
/* Safe text for this doc's character set (malloc'd). */
char *doc_text(const struct doc *d, const char *s);
/* The display width of s as doc_put shows it (the character set can change
 * it: an arrow becomes "->"). */
int doc_width(const struct doc *d, const char *s);

/* Draws lines [top, top + h) (after the sticky lines) at window row y, columns
 * x .. x + width - 1. */
void doc_render(WINDOW *w, const struct doc *d, int y, int x, int width, int h, int top);
/* Draws text at (y, x) clipped to width columns. Returns columns used. */
int draw_text(WINDOW *w, int y, int x, int width, enum role r, const char *s);

#endif
