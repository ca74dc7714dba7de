/* The page layout: where a document goes and what part of it shows, for
 * drawing, scrolling and clicks alike. Checked at fixed sizes and as
 * properties over a sweep of terminal sizes and document shapes. */
#include <criterion/criterion.h>

#include "page.h"

TestSuite(page, .timeout = 30);

static struct page frame(int lines, int cols, int message, int doc_lines, int sticky, int top)
{
	struct page_in in = {PAGE_FRAME, lines, cols, 0, message, doc_lines, sticky, -1, -1, 0, 0};
	struct page p;
	page_layout(&in, top, &p);
	return p;
}

Test(page, frame_places_the_body_between_the_bars)
{
	struct page p = frame(24, 80, 0, 0, 0, 0);
	cr_assert_eq(p.y, 2);
	cr_assert_eq(p.x, 1);
	cr_assert_eq(p.width, 78);
	cr_assert_eq(p.room, 21);
	cr_assert_eq(p.height, 21);
	p = frame(24, 80, 1, 0, 0, 0);
	cr_assert_eq(p.room, 20, "the status line takes a row");
	p = frame(3, 80, 1, 0, 0, 0);
	cr_assert_eq(p.room, 1, "never less than a row");
}

Test(page, frame_width_capped_for_prose)
{
	struct page_in in = {PAGE_FRAME, 50, 200, 96, 0, 0, 0, -1, -1, 0, 0};
	struct page p;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.width, 96);
	in.term_cols = 80;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.width, 78);
}

/* The comparison at 80x24: 4 pinned header lines over 80 lines. The page
 * has 21 - 4 = 17 rows for the scrolling lines, not 21. */
Test(page, end_shows_the_last_line_below_pinned_lines)
{
	struct page p = frame(24, 80, 0, 84, 4, 0);
	cr_assert_eq(p.rows, 17);
	cr_assert_eq(p.lines, 80);
	cr_assert(p.more_below);
	cr_assert(!p.more_above);
	int end = page_moved(&p, PAGE_LAST);
	p = frame(24, 80, 0, 84, 4, end);
	cr_assert_eq(p.top + p.rows, p.lines, "the last line shows");
	cr_assert(!p.more_below);
	cr_assert(p.more_above);
	cr_assert_eq(page_line_at(&p, p.y + p.height - 1), 83, "the bottom row is the last line");
}

Test(page, top_clamped_both_ways)
{
	cr_assert_eq(frame(24, 80, 0, 30, 0, 1000).top, 9);
	cr_assert_eq(frame(24, 80, 0, 30, 0, -5).top, 0);
	cr_assert_eq(frame(24, 80, 0, 10, 0, 3).top, 0, "a short document never scrolls");
}

Test(page, moves)
{
	struct page p = frame(24, 80, 0, 100, 0, 10);
	cr_assert_eq(page_moved(&p, PAGE_LINE_UP), 9);
	cr_assert_eq(page_moved(&p, PAGE_LINE_DOWN), 11);
	cr_assert_eq(page_moved(&p, PAGE_DOWN), 30, "a page less one line");
	cr_assert_eq(page_moved(&p, PAGE_UP), 0);
	cr_assert_eq(page_moved(&p, PAGE_FIRST), 0);
	cr_assert_eq(page_moved(&p, PAGE_LAST), 79);
	p = frame(5, 80, 1, 100, 0, 10); /* one row: a page is a line */
	cr_assert_eq(p.rows, 1);
	cr_assert_eq(page_moved(&p, PAGE_DOWN), 11);
}

Test(page, focus_stays_in_view)
{
	struct page_in in = {PAGE_FRAME, 24, 80, 0, 0, 60, 2, 40, 42, 0, 0};
	struct page p;
	page_layout(&in, 0, &p);
	cr_assert_leq(p.top, 38);
	cr_assert_geq(p.top + p.rows, 41, "the focus's last line shows");
	in.focus_first = in.focus_last = 3;
	page_layout(&in, 30, &p);
	cr_assert_eq(p.top, 1, "moved up just enough");
	in.focus_first = 10;
	in.focus_last = 50; /* taller than the page: its start shows */
	page_layout(&in, 30, &p);
	cr_assert_eq(p.top, 8);
}

/* Home on a list brings back the heading above it, End the lines below it,
 * but never at the cost of the highlighted item. */
Test(page, first_and_last_items_show_the_ends)
{
	struct page_in in = {PAGE_FRAME, 24, 80, 0, 0, 60, 0, 5, 6, 1, 0};
	struct page p;
	page_layout(&in, 20, &p);
	cr_assert_eq(p.top, 0, "the heading above the first item shows");
	in.focus_first = in.focus_last = 30; /* too far down: the focus wins */
	page_layout(&in, 20, &p);
	cr_assert_geq(p.top, 30 - p.rows + 1);
	in = (struct page_in){PAGE_FRAME, 24, 80, 0, 0, 60, 0, 55, 56, 0, 1};
	page_layout(&in, 0, &p);
	cr_assert_eq(p.top, p.max_top, "the lines below the last item show");
	in.focus_first = in.focus_last = 20; /* too far up: the focus wins */
	page_layout(&in, 0, &p);
	cr_assert_leq(p.top, 20);
	cr_assert_geq(p.top + p.rows, 21);
}

Test(page, box_centres_over_the_screen_and_shrinks_to_its_document)
{
	struct page_in in = {PAGE_BOX, 24, 80, 76, 0, 0, 0, -1, -1, 0, 0};
	struct page p;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.width, 72);
	cr_assert_eq(p.room, 20);
	in.doc_lines = 6;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.height, 6);
	cr_assert_eq(p.y, (24 - 8) / 2 + 1);
	cr_assert_eq(p.x, 2 + 2);
	in.doc_lines = 40;
	page_layout(&in, 100, &p);
	cr_assert_eq(p.height, 20);
	cr_assert_eq(p.y, 2, "a row of margin and the border above");
	cr_assert_eq(p.top, 20);
	in.term_cols = 40;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.width, 32);
	cr_assert_eq(p.x, 4);
}

Test(page, alone_centres_vertically)
{
	struct page_in in = {PAGE_ALONE, 10, 30, 0, 0, 4, 0, -1, -1, 0, 0};
	struct page p;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.y, 3);
	cr_assert_eq(p.x, 1);
	cr_assert_eq(p.width, 28);
	in.doc_lines = 20;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.y, 0);
	cr_assert_eq(p.height, 10);
	in.term_cols = 2;
	page_layout(&in, 0, &p);
	cr_assert_eq(p.x, 0);
	cr_assert_eq(p.width, 2);
}

Test(page, line_at_maps_rows_to_lines)
{
	struct page p = frame(24, 80, 0, 50, 3, 10);
	cr_assert_eq(page_line_at(&p, 0), -1, "the top bar");
	cr_assert_eq(page_line_at(&p, 2), 0, "a pinned line");
	cr_assert_eq(page_line_at(&p, 4), 2);
	cr_assert_eq(page_line_at(&p, 5), 13, "then the scrolled lines");
	cr_assert_eq(page_line_at(&p, 23), -1, "the footer");
	p = frame(24, 80, 0, 5, 0, 0);
	cr_assert_eq(page_line_at(&p, 7), -1, "below the document");
}

/* The properties a user relies on, at every size from 10 to 100 lines and
 * every document from empty to five pages, with and without pinned lines. */
static void check_properties(int lines, int message, int n, int sticky)
{
	struct page p = frame(lines, 80, message, n, sticky, 0);
	struct page e = frame(lines, 80, message, n, sticky, page_moved(&p, PAGE_LAST));
	int rows = p.rows;

	cr_assert_eq(p.top, 0);
	cr_assert_eq(p.more_above, 0);
	cr_assert_eq(p.more_below, p.lines > rows, "lines=%d sticky=%d n=%d", lines, sticky, n);
	if (n > sticky) {
		int r = n - 1 - e.top;
		cr_assert_lt(r, e.height, "End shows the last line: %d lines, %d pinned, %d in all",
			     lines, sticky, n);
		cr_assert_eq(page_line_at(&e, e.y + r), n - 1);
	}
	cr_assert(!e.more_below, "nothing left below at the end");
	cr_assert_eq(e.more_above, e.lines > rows);
	/* PgDn pages overlap or touch, never skip, and PgUp undoes PgDn. */
	struct page q = p;
	while (q.top < q.max_top) {
		int next = page_moved(&q, PAGE_DOWN);
		cr_assert_gt(next, q.top);
		cr_assert_leq(next, q.top + rows, "a line skipped");
		struct page r = frame(lines, 80, message, n, sticky, next);
		if (next < q.max_top)
			cr_assert_eq(page_moved(&r, PAGE_UP), q.top, "PgUp after PgDn");
		q = r;
	}
}

Test(page, properties_over_a_sweep)
{
	for (int lines = 10; lines <= 100; lines++)
		for (int message = 0; message < 2; message++)
			for (int sticky = 0; sticky <= 5; sticky += 5)
				for (int n = 0; n <= 5 * lines; n += 1 + n / 7)
					check_properties(lines, message, n, n < sticky ? n : sticky);
}
