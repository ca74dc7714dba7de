/* The checks of a scrolling page at one size (result, comparison, help),
 * against the page's whole document as a window tall enough for all of it
 * shows it (struct reference). The rows at the top that never scroll (the
 * frame's blank row, the table's header) are found by the first Down. */
#include <stdlib.h>
#include <string.h>

#include "geometry.h"
#include "xalloc.h"

#define MAX_PAGES 2000

struct sweep_page {
	const struct reference *r;
	enum kind_type type;
	int n;           /* rows of the view at this size */
	int sticky;      /* of them, the rows at the top that never scroll */
	int vis;         /* and the rows that do */
	int maxtop;      /* the top line of the last page */
	char *chrome[3]; /* by marker: what must stay put */
	struct tally *t;
	int cols, lines;
	int rows;        /* the comparison's rows in the content */
};

static const char *ref_line(const struct sweep_page *p, int i)
{
	return i < p->r->n ? p->r->row[i] : "";
}

/* 1 when l shows the document from top line top of its scrolling part. */
static int shows(const struct sweep_page *p, const struct look *l, int top)
{
	if (l->n != p->n || top < 0 || top > p->maxtop)
		return 0;
	for (int i = 0; i < p->sticky; i++)
		if (strcmp(l->view[i], ref_line(p, i)))
			return 0;
	for (int i = 0; i < p->vis; i++)
		if (strcmp(l->view[p->sticky + i], ref_line(p, p->sticky + top + i)))
			return 0;
	return 1;
}

/* The top line l shows, from line from on; -1 when it shows no page. */
static int top_of(const struct sweep_page *p, const struct look *l, int from)
{
	for (int top = from < 0 ? 0 : from; top <= p->maxtop; top++)
		if (shows(p, l, top))
			return top;
	return -1;
}

static int views_equal(const struct look *a, const struct look *b)
{
	if (a->n != b->n)
		return 0;
	for (int i = 0; i < a->n; i++)
		if (strcmp(a->view[i], b->view[i]))
			return 0;
	return 1;
}

/* 1 when cur is prev scrolled by one line below k rows that stay. */
static int shifted(const struct look *prev, const struct look *cur, int k)
{
	for (int i = 0; i < k; i++)
		if (strcmp(prev->view[i], cur->view[i]))
			return 0;
	for (int i = k; i + 1 < cur->n; i++)
		if (strcmp(prev->view[i + 1], cur->view[i]))
			return 0;
	return 1;
}

static const char *marker_name(enum marker m)
{
	return m == MARK_DOWN ? "down" : m == MARK_UP ? "up" : "none";
}

/* Presses key and looks. On the result, whose questions are links, Up and
 * Down first move between the links in view (the text stays, only the
 * highlight moves): pressed again until the page scrolls or 40 times. */
static void key_and_look(struct session *s, struct sweep_page *p, int key, struct look *l)
{
	int links = p->type == KIND_RESULT && (key == KEY_DOWN || key == KEY_UP);
	struct look before;

	if (links)
		look_at(s, p->type, &before);
	session_key(s, key);
	look_at(s, p->type, l);
	for (int i = 0; links && i < 40 && look_same(l, &before); i++) {
		look_free(l);
		session_key(s, key);
		look_at(s, p->type, l);
	}
	if (links)
		look_free(&before);
}

/* The comparison's top bar says which rows show: from 1 at the top, to the
 * last at the end, of every row of the content. */
static void check_position(struct sweep_page *p, const struct look *l, int top)
{
	if (l->pos_count != p->rows || l->pos_first < 1 || l->pos_first > l->pos_last ||
	    l->pos_last > l->pos_count)
		tally_fail(p->t, P_POSITION, p->cols, p->lines,
			   "the top bar says rows %d-%d of %d (the content has %d)", l->pos_first,
			   l->pos_last, l->pos_count, p->rows);
	else if (top == 0 && l->pos_first != 1)
		tally_fail(p->t, P_POSITION, p->cols, p->lines, "at the top it says rows %d-%d",
			   l->pos_first, l->pos_last);
	else if (top == p->maxtop && l->pos_last != l->pos_count)
		tally_fail(p->t, P_POSITION, p->cols, p->lines, "at the end it says rows %d-%d of %d",
			   l->pos_first, l->pos_last, l->pos_count);
}

/* Presses key and looks; checks the chrome and, when the look is a page of
 * the document, the marker. Returns the top line shown, or -1. */
static int press(struct session *s, struct sweep_page *p, int key, struct look *l, int from)
{
	key_and_look(s, p, key, l);
	char **want = &p->chrome[l->marker];
	if (!*want) {
		*want = xstrdup(l->chrome);
		check_footer(p->t, l, p->cols, p->lines);
	} else if (strcmp(*want, l->chrome))
		tally_fail(p->t, P_CHROME, p->cols, p->lines,
			   "the rows around the body changed:\n%s\n  to\n%s", *want, l->chrome);
	int top = top_of(p, l, from);
	enum marker m = top < 0 ? l->marker
		: top < p->maxtop ? MARK_DOWN
		: top > 0 && p->type != KIND_HELP ? MARK_UP : MARK_NONE; /* help: no up marker */
	if (m != l->marker)
		tally_fail(p->t, P_MARKER, p->cols, p->lines,
			   "at top line %d (the last page starts at %d) the marker is %s, not %s", top,
			   p->maxtop, marker_name(l->marker), marker_name(m));
	if (p->type == KIND_COMPARE && top >= 0)
		check_position(p, l, top);
	return top;
}

/* Home shows the first line and Up there changes nothing; the first Down
 * scrolls by one line, which tells the rows that stay. Returns 0, or -1 when
 * the rest cannot be judged. */
static int check_home(struct session *s, struct sweep_page *p)
{
	struct look home, l;
	int rc = 0;

	if (press(s, p, KEY_HOME, &home, 0) != 0)
		tally_fail(p->t, P_HOME, p->cols, p->lines, "Home does not show the first line");
	if (press(s, p, KEY_UP, &l, 0) != 0 || !views_equal(&l, &home))
		tally_fail(p->t, P_HOME, p->cols, p->lines, "Up at Home moved the page");
	look_free(&l);
	key_and_look(s, p, KEY_DOWN, &l);
	if (p->maxtop == 0) {
		if (!views_equal(&l, &home))
			tally_fail(p->t, P_DOWN_STEP, p->cols, p->lines,
				   "Down moved a page that shows all of the document");
	} else {
		for (p->sticky = 0; p->sticky < p->n && !shifted(&home, &l, p->sticky); p->sticky++)
			;
		p->vis = p->n - p->sticky;
		if (p->vis < 1 || !shows(p, &l, 1)) {
			tally_fail(p->t, P_DOWN_STEP, p->cols, p->lines,
				   "Down from Home did not scroll by one line");
			rc = -1;
		}
	}
	look_free(&l);
	look_free(&home);
	return rc;
}

/* End shows the last page; Up and Down there move by one line, and Down
 * then goes no further. */
static void check_end(struct session *s, struct sweep_page *p)
{
	struct look l;
	int top = press(s, p, KEY_END, &l, 0);

	if (top != p->maxtop)
		tally_fail(p->t, P_END, p->cols, p->lines,
			   "End shows %s %d, but the last line is on the page from top line %d",
			   top < 0 ? "no page of the document, the last line is" : "top line", top,
			   p->maxtop);
	look_free(&l);
	if (top != p->maxtop || p->maxtop == 0)
		return;
	if ((top = press(s, p, KEY_UP, &l, 0)) != p->maxtop - 1)
		tally_fail(p->t, P_DOWN_STEP, p->cols, p->lines,
			   "Up on the last page (top line %d) went to %d", p->maxtop, top);
	look_free(&l);
	if ((top = press(s, p, KEY_DOWN, &l, 0)) != p->maxtop)
		tally_fail(p->t, P_DOWN_STEP, p->cols, p->lines,
			   "Down from top line %d went to %d", p->maxtop - 1, top);
	look_free(&l);
	if ((top = press(s, p, KEY_DOWN, &l, 0)) != p->maxtop)
		tally_fail(p->t, P_END, p->cols, p->lines, "Down on the last page went on to %d", top);
	look_free(&l);
}

/* From top line top PgDn went to next: PgUp comes back, PgDn goes there again. */
static void check_back(struct session *s, struct sweep_page *p, int top, int next)
{
	struct look l;
	int got = press(s, p, KEY_PPAGE, &l, 0);

	if (got != top)
		tally_fail(p->t, P_PGUP, p->cols, p->lines,
			   "PgDn from top line %d went to %d, then PgUp to %d", top, next, got);
	look_free(&l);
	got = press(s, p, KEY_NPAGE, &l, 0);
	if (got != next)
		tally_fail(p->t, P_PGUP, p->cols, p->lines, "PgDn, PgUp, PgDn from top line %d: %d, not %d",
			   top, got, next);
	look_free(&l);
}

/* PgDn from Home to the end: each page starts at most one line below the last
 * one shown, and PgUp undoes it. */
static void check_pages(struct session *s, struct sweep_page *p)
{
	struct look l;
	int top = 0;

	session_key(s, KEY_HOME);
	for (int i = 0; i < MAX_PAGES; i++) {
		int next = press(s, p, KEY_NPAGE, &l, top);
		look_free(&l);
		if (next < 0) {
			tally_fail(p->t, P_PAGES, p->cols, p->lines,
				   "PgDn from top line %d shows no page of the document", top);
			return;
		}
		if (next == top) {
			if (top != p->maxtop)
				tally_fail(p->t, P_PAGES, p->cols, p->lines,
					   "PgDn stops at top line %d; the last page starts at %d", top,
					   p->maxtop);
			return;
		}
		if (next > top + p->vis)
			tally_fail(p->t, P_PAGES, p->cols, p->lines,
				   "PgDn from top line %d to %d skips lines %d-%d (%d rows scroll)", top,
				   next, top + p->vis, next - 1, p->vis);
		/* PgUp back from the first page and from the last full one (the
		 * end clamps the last PgDn, so PgUp need not undo that one). */
		if (top == 0 || (next < p->maxtop && next + p->vis >= p->maxtop))
			check_back(s, p, top, next);
		top = next;
	}
}

/* The document ends with what the content puts last. */
static void check_reference(struct sweep_page *p, char *const *words)
{
	const char *last = p->r->n ? p->r->row[p->r->n - 1] : "";

	if (!expect_match(last, words))
		tally_fail(p->t, P_END, p->cols, p->lines,
			   "the whole document (a window tall enough for it) ends with \"%s\", not with \"%s\"",
			   last, words[0]);
}

void check_page(struct session *s, const struct kind *k, const struct reference *r,
		struct tally *t)
{
	struct sweep_page p = {.r = r, .type = k->type, .t = t, .cols = s->cols, .lines = s->lines,
			       .rows = (int)k->c->nrows};
	struct look l;
	char **words = expect_last(s, k->type);

	check_reference(&p, words);
	expect_free(words);
	look_at(s, k->type, &l);
	p.n = l.n;
	p.vis = l.n;
	p.maxtop = r->n > l.n ? r->n - l.n : 0;
	int found = l.found;
	look_free(&l);
	if (!found)
		tally_fail(t, P_CHROME, s->cols, s->lines, "the help box is not on the screen");
	else if (check_home(s, &p) == 0) {
		check_end(s, &p);
		check_pages(s, &p);
	}
	for (int m = 0; m < 3; m++)
		free(p.chrome[m]);
}

int reference_read(struct session *s, const struct kind *k, int cols, struct reference *r)
{
	struct look l;

	memset(r, 0, sizeof *r);
	r->cols = cols;
	for (int tall = 200; tall <= 1600; tall *= 2) {
		session_resize(s, cols, tall);
		session_key(s, KEY_HOME);
		look_at(s, k->type, &l);
		if (l.found && l.marker == MARK_NONE) {
			r->n = l.n;
			while (r->n > 0 && !l.view[r->n - 1][0])
				r->n--;
			r->row = xcalloc((size_t)(r->n ? r->n : 1), sizeof *r->row);
			for (int i = 0; i < r->n; i++)
				r->row[i] = xstrdup(l.view[i]);
			look_free(&l);
			return 0;
		}
		look_free(&l);
	}
	return -1;
}

void reference_free(struct reference *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->row[i]);
	free(r->row);
	memset(r, 0, sizeof *r);
}
