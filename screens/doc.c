#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "sanitize.h"
#include "xalloc.h"

static const char *const glyphs[G_COUNT][2] = {
	[G_HLINE] = {"\xe2\x94\x80", "-"},  [G_VLINE] = {"\xe2\x94\x82", "|"},
	[G_TL] = {"\xe2\x94\x8c", "+"},     [G_TR] = {"\xe2\x94\x90", "+"},
	[G_BL] = {"\xe2\x94\x94", "+"},     [G_BR] = {"\xe2\x94\x98", "+"},
	[G_FULL] = {"\xe2\x96\x88", "#"},   [G_EMPTY] = {"\xe2\x96\x91", "."},
	[G_ON] = {"(\xe2\x97\x8f)", "(*)"}, [G_OFF] = {"( )", "( )"},
	[G_MARK] = {"\xe2\x9c\x94", "*"},   [G_ARROW] = {"\xe2\x86\x92", "->"},
	[G_BULLET] = {"\xe2\x80\xa2", "*"}, [G_UP] = {"\xe2\x86\x91", "^"},
	[G_DOWN] = {"\xe2\x86\x93", "v"},   [G_DOT] = {"\xc2\xb7", "-"},
	[G_CROSS] = {"\xe2\x94\xbc", "+"},     [G_POINTER] = {"\xe2\x96\xb6", ">"},
	/* The balance bar; in ASCII the same characters as bar.h's report_balance. */
	[G_ZONE] = {"\xe2\x95\x90", "="},    [G_BALL] = {"\xe2\x97\x8f", "O"},
};

void doc_init(struct doc *d, int ascii)
{
	memset(d, 0, sizeof *d);
	d->ascii = ascii;
	d->focus_first = d->focus_last = -1;
}

void doc_free(struct doc *d)
{
	for (int i = 0; i < d->n; i++) {
		for (int s = 0; s < d->line[i].nseg; s++)
			free(d->line[i].seg[s].text);
		free(d->line[i].seg);
	}
	free(d->line);
	free(d->links);
	memset(d, 0, sizeof *d);
}

void doc_link(struct doc *d, int line, int x, int width, int target)
{
	d->links = xgrow(d->links, &d->links_cap, (size_t)d->nlinks + 1, sizeof *d->links);
	d->links[d->nlinks++] = (struct doc_link){line, x, width, target};
}

const char *doc_glyph(const struct doc *d, enum glyph g)
{
	return glyphs[g][d->ascii ? 1 : 0];
}

char *doc_repeat(const struct doc *d, enum glyph g, int n)
{
	const char *s = doc_glyph(d, g);
	size_t len = strlen(s);
	char *out = xmalloc(len * (size_t)(n > 0 ? n : 0) + 1);

	for (int i = 0; i < n; i++)
		memcpy(out + (size_t)i * len, s, len);
	out[len * (size_t)(n > 0 ? n : 0)] = '\0';
	return out;
}

char *doc_text(const struct doc *d, const char *s)
{
	return text_for_terminal(s ? s : "", d->ascii, 1);
}

int doc_width(const struct doc *d, const char *s)
{
	char *t = text_for_terminal(s ? s : "", d->ascii, 0);
	int w = text_width(t);

	free(t);
	return w;
}

int doc_line(struct doc *d, int tag)
{
	d->line = xgrow(d->line, &d->cap, (size_t)d->n + 1, sizeof *d->line);
	memset(&d->line[d->n], 0, sizeof d->line[d->n]);
	d->line[d->n].tag = tag;
	d->line[d->n].fill = ROLE_NORMAL;
	return d->n++;
}

static void add_seg(struct dline *l, int x, enum role r, char *owned)
{
	if (l->nseg == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 2;
		l->seg = xrealloc(l->seg, (size_t)l->cap * sizeof *l->seg);
	}
	l->seg[l->nseg].x = x;
	l->seg[l->nseg].role = r;
	l->seg[l->nseg].text = owned;
	l->nseg++;
}

void doc_put(struct doc *d, int x, enum role r, const char *text)
{
	char *t = text_for_terminal(text ? text : "", d->ascii, 0);

	if (d->n == 0)
		doc_line(d, -1);
	add_seg(&d->line[d->n - 1], x, r, t);
}

void doc_put_at(struct doc *d, int i, int x, enum role r, const char *text)
{
	if (i < 0 || i >= d->n)
		return;
	add_seg(&d->line[i], x, r, text_for_terminal(text ? text : "", d->ascii, 0));
}

static int wrap_into(struct doc *d, int x, int width, enum role r, const char *text, int tag,
		     int on_last)
{
	char *t = doc_text(d, text);
	struct wrapped w;

	wrap_text(t, width < 1 ? 1 : width, &w);
	for (size_t i = 0; i < w.n; i++) {
		if (i > 0 || !on_last || d->n == 0)
			doc_line(d, tag);
		add_seg(&d->line[d->n - 1], x, r, w.line[i]);
		w.line[i] = NULL;
	}
	int added = (int)w.n - (on_last && w.n > 0 ? 1 : 0);
	wrapped_free(&w);
	free(t);
	return added;
}

int doc_wrap(struct doc *d, int x, int width, enum role r, const char *text, int tag)
{
	return wrap_into(d, x, width, r, text, tag, 0);
}

int doc_wrap_on(struct doc *d, int x, int width, enum role r, const char *text, int tag)
{
	return wrap_into(d, x, width, r, text, tag, 1);
}

void doc_blank(struct doc *d)
{
	doc_line(d, -1);
}

int draw_text(WINDOW *w, int y, int x, int width, enum role r, const char *s)
{
	int maxy, maxx;

	getmaxyx(w, maxy, maxx);
	if (y < 0 || y >= maxy || x < 0 || x >= maxx || width <= 0)
		return 0;
	if (x + width > maxx)
		width = maxx - x;
	size_t n = text_fit(s, width);
	if (n == 0)
		return 0;
	wattrset(w, term_attr(r));
	mvwaddnstr(w, y, x, s, (int)n);
	wattrset(w, A_NORMAL);
	return text_width_n(s, n);
}

void doc_render(WINDOW *w, const struct doc *d, int y, int x, int width, int h, int top)
{
	int row = 0;

	for (int i = 0; i < d->n && row < h; i++) {
		if (i >= d->sticky && i < d->sticky + top)
			continue; /* scrolled away */
		const struct dline *l = &d->line[i];
		if (l->fill != ROLE_NORMAL) {
			wattrset(w, term_attr(l->fill));
			mvwhline(w, y + row, x, ' ', width);
			wattrset(w, A_NORMAL);
		}
		for (int s = 0; s < l->nseg; s++) {
			const struct seg *g = &l->seg[s];
			if (g->x >= width)
				continue;
			enum role r = l->fill != ROLE_NORMAL ? l->fill : g->role;
			draw_text(w, y + row, x + g->x, width - g->x, r, g->text);
		}
		row++;
	}
}

/* The byte where the shown part of the field starts, so that the cursor
 * stays in view of width columns. */
static size_t view_start(const char *text, size_t cursor, int width)
{
	size_t start = 0;

	for (;;) {
		char *before = xstrndup(text + start, cursor - start);
		int w = text_width(before);
		free(before);
		if (w < width || start >= cursor)
			return start;
		start++;
		while (start < cursor && ((unsigned char)text[start] & 0xc0) == 0x80)
			start++;
	}
}

/* The field: the text from its view, the character under the cursor in
 * reverse (a blank at the end). */
void doc_field(struct doc *d, const char *text, size_t cursor, int width)
{
	size_t len = strlen(text);
	size_t start = view_start(text, cursor, width - 2);
	size_t at = cursor, next = at < len ? at + 1 : at;
	while (next < len && ((unsigned char)text[next] & 0xc0) == 0x80)
		next++;
	char *before = xstrndup(text + start, at - start);
	char *under = at < len ? xstrndup(text + at, next - at) : xstrdup(" ");
	doc_line(d, -1);
	doc_put(d, 0, ROLE_KEY, ">");
	doc_put(d, 2, ROLE_NORMAL, before);
	int x = 2 + doc_width(d, before);
	doc_put(d, x, ROLE_SELECTED, under);
	if (next < len && x + 1 < width)
		doc_put(d, x + doc_width(d, under), ROLE_NORMAL, text + next);
	free(before);
	free(under);
}

