/* The checks of a pick list at one size (question, review): the highlight
 * moves and the body follows it, so the properties are about what can be
 * seen: Home shows the first line, the last item shows the last line, the
 * markers say what is out of sight, and the frame stays put. */
#include <stdlib.h>
#include <string.h>

#include "geometry.h"
#include "sanitize.h"
#include "xalloc.h"

struct list {
	struct tally *t;
	int cols, lines;
	char **last;        /* the words of the document's last line */
	char *first;        /* the document's first line */
	char *first_item;   /* review: item 1's title, below the pinned heading */
	int first_row;      /* the view row right under the top bar (screen row 2) */
	char *chrome[3];    /* by marker */
};

static void list_chrome(struct list *li, const struct look *l)
{
	char **want = &li->chrome[l->marker];
	if (!*want) {
		*want = xstrdup(l->chrome);
		check_footer(li->t, l, li->cols, li->lines);
	} else if (strcmp(*want, l->chrome))
		tally_fail(li->t, P_CHROME, li->cols, li->lines,
			   "the rows around the body changed:\n%s\n  to\n%s", *want, l->chrome);
}

/* The first line of the document is right under the top bar (a wrapped
 * title shows its start). */
static int first_shown(const struct list *li, const struct look *l)
{
	if (li->first_row >= l->n)
		return 0;
	const char *row = l->view[li->first_row];
	row += strspn(row, " ");
	size_t n = strlen(row), m = strlen(li->first);
	return n && !strncmp(row, li->first, n < m ? n : m);
}

static int last_shown(const struct list *li, const struct look *l)
{
	for (int i = 0; i < l->n; i++)
		if (expect_match(l->view[i], li->last))
			return 1;
	return 0;
}

/* The review pins its heading: what scrolls away above is its first item. */
static int top_shown(const struct list *li, const struct look *l)
{
	if (!li->first_item)
		return first_shown(li, l);
	for (int i = 0; i < l->n; i++)
		if (strstr(l->view[i], li->first_item))
			return 1;
	return 0;
}

/* "↓ more" when the last line is out of sight, else "↑ more" when the first is. */
static void list_marker(struct list *li, const struct look *l, const char *where)
{
	enum marker want = !last_shown(li, l) ? MARK_DOWN : !top_shown(li, l) ? MARK_UP : MARK_NONE;
	static const char *const name[] = {"none", "down", "up"};

	if (l->marker != want)
		tally_fail(li->t, P_MARKER, li->cols, li->lines, "%s: the marker is %s, not %s", where,
			   name[l->marker], name[want]);
}

/* Home shows the first line, and Up there changes nothing. */
static void list_home(struct session *s, const struct kind *k, struct list *li, struct look *home)
{
	struct look l;

	session_key(s, KEY_HOME);
	look_at(s, k->type, home);
	list_chrome(li, home);
	list_marker(li, home, "Home");
	if (!first_shown(li, home))
		tally_fail(li->t, P_HOME, li->cols, li->lines,
			   "Home does not show the first line (\"%s\")", li->first);
	session_key(s, KEY_UP);
	look_at(s, k->type, &l);
	if (!look_same(&l, home))
		tally_fail(li->t, P_HOME, li->cols, li->lines, "Up at Home changed the screen");
	look_free(&l);
}

/* Down through every item; returns the look at the last one. */
static void list_walk(struct session *s, const struct kind *k, struct list *li, struct look *end)
{
	int items = k->type == KIND_REVIEW ? (int)k->c->nquestions + 1
					   : (int)k->c->questions[0].noptions;
	char where[64];

	session_key(s, KEY_HOME);
	for (int i = 0; i < items; i++) {
		if (i > 0)
			session_key(s, KEY_DOWN);
		look_at(s, k->type, end);
		list_chrome(li, end);
		snprintf(where, sizeof where, "item %d of %d highlighted", i + 1, items);
		list_marker(li, end, where);
		if (i + 1 < items)
			look_free(end);
	}
	if (!last_shown(li, end))
		tally_fail(li->t, P_END, li->cols, li->lines,
			   "with the last item highlighted the last line (\"%s\"%s) is not shown, and no key shows it",
			   li->last[0], li->last[1] ? " or the like" : "");
}

void check_list(struct session *s, const struct kind *k, struct tally *t)
{
	struct list li = {.t = t, .cols = s->cols, .lines = s->lines};
	struct look home, end, l;

	li.last = expect_last(s, k->type);
	li.first = expect_first(s, k->type);
	if (k->type == KIND_REVIEW)
		li.first_item = text_for_terminal(k->c->questions[0].title, !s->utf8, 0);
	li.first_row = k->type == KIND_QUESTION ? 0 : 1;
	list_home(s, k, &li, &home);
	list_walk(s, k, &li, &end);
	const struct {
		int key;
		const struct look *want;
		enum prop p;
		const char *what;
	} keys[] = {
		{KEY_END, &end, P_END, "End does not show what Down to the last item shows"},
		{KEY_DOWN, &end, P_END, "Down on the last item changed the screen"},
		{KEY_HOME, &home, P_HOME, "Home after End does not show what Home showed before"},
		{KEY_NPAGE, &end, P_PAGES, "PgDn from Home does not go to the last item"},
		{KEY_PPAGE, &home, P_PGUP, "PgDn then PgUp does not come back to what Home showed"},
	};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		session_key(s, keys[i].key);
		look_at(s, k->type, &l);
		if (!look_same(&l, keys[i].want))
			tally_fail(t, keys[i].p, s->cols, s->lines, "%s", keys[i].what);
		if (keys[i].key == KEY_HOME && !first_shown(&li, &l))
			tally_fail(t, P_HOME, s->cols, s->lines,
				   "Home after End does not show the first line (\"%s\")", li.first);
		look_free(&l);
	}
	look_free(&home);
	look_free(&end);
	expect_free(li.last);
	free(li.first);
	free(li.first_item);
	for (int m = 0; m < 3; m++)
		free(li.chrome[m]);
}
