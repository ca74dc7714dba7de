/* Where a screen's document goes on the terminal and which part of it shows.
 * One pure function computes it from the terminal size and the document's
 * shape, and drawing, scrolling and clicks all read its answer, so the page
 * they measure is always the page on the screen. No curses here. */
#ifndef OW_PAGE_H
#define OW_PAGE_H

/* How a document is placed. */
enum page_kind {
	PAGE_FRAME, /* the body between the top bar (2 rows) and the footer */
	PAGE_BOX,   /* a bordered box centred over the screen beneath */
	PAGE_ALONE, /* the whole terminal, centred vertically, nothing around it */
};

/* What the layout is computed from. Before the document is built, leave its
 * shape at zero (focus at -1): width and room do not depend on it. */
struct page_in {
	enum page_kind kind;
	int term_lines, term_cols;
	int max_width;   /* the body's width at most; 0: as wide as there is */
	int message;     /* PAGE_FRAME: a status line shows above the footer */
	int doc_lines;   /* the document's lines */
	int sticky;      /* its first lines stay on top when it scrolls */
	int focus_first; /* lines to keep in view (a highlighted item), or -1 */
	int focus_last;
	/* The focus is the list's first (last) item: show the document from its
	 * start (to its end) as long as the focus stays in view, so Home and End
	 * also bring back the heading above a list and the lines below it. */
	int focus_is_first, focus_is_last;
};

struct page {
	int y, x;        /* the body's first row and column on the terminal */
	int width;       /* columns for the document (a box's border is outside) */
	int room;        /* rows a document may fill: the height it is built for */
	int height;      /* rows it takes (a box shrinks to its document) */
	int sticky;      /* pinned lines */
	int rows;        /* rows for the lines that scroll (at least 1) */
	int lines;       /* lines that scroll: the document's lines after the pinned */
	int top;         /* the first scrolling line shown */
	int max_top;     /* top at the end: the last line shows */
	int more_above;  /* lines are scrolled away above */
	int more_below;  /* lines are left below */
};

/* Lays the document out. top is the first scrolling line wanted (the last
 * frame's, moved by a key); it comes back in out->top, moved as little as
 * needed to keep the focus in view and clamped to [0, max_top]. */
void page_layout(const struct page_in *in, int top, struct page *out);

enum page_move {
	PAGE_LINE_UP,
	PAGE_LINE_DOWN,
	PAGE_UP,    /* a page less one line, so a line of context stays */
	PAGE_DOWN,
	PAGE_FIRST,
	PAGE_LAST,
};

/* The top after a move, clamped like page_layout does. */
int page_moved(const struct page *p, enum page_move m);

/* The document line shown on terminal row y, or -1 (a row outside the body,
 * or below the document's end). */
int page_line_at(const struct page *p, int y);

#endif
