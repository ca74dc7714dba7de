/* Geometry properties of every scrolling screen, swept over the sizes from
 * 30x10 to 300x100, black-box: the wizard is driven only by keys and resizes
 * and judged only by what it draws.
 *
 * The sizes: every width from 30 to 300, each at a height of 10 or 11, one of
 * 12-24 and one of 25-100 (rotating with the width, so every height comes up
 * in both bands), and every height from 10 to 100 at 80 columns; in LANG=C
 * every tenth width. Below 40x12 every screen must be the please-enlarge
 * screen.
 *
 * A page (result, comparison, the help overlay) is first read whole, in a
 * window tall enough to show all of it at that width. At each size then: Home
 * shows its first rows and Up there changes nothing; the first Down scrolls
 * by exactly one line (which tells the rows that never scroll, like the
 * table's header); End shows the last page, Up and Down there move one line
 * and Down goes no further; PgDn from Home walks every page to the end, each
 * starting at most one line below the last one shown, and PgUp undoes it; the
 * document ends with what the content puts last; at every stop the "more"
 * marker is lit exactly when there is more of the document that way; and the
 * title and footer (or the help box's borders) never change under a scroll.
 * A pick list (question, review) moves a highlight, the body following it:
 * Home shows the first line, the last item shows the last line, the marker
 * says what is out of sight, PgDn and PgUp go to the last and first item.
 *
 * Each screen kind is a test of its own; every failing property is counted
 * with the first sizes it fails at, so one run tells what breaks where. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geometry.h"

static struct content c;

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "content: %s",
		     d.n ? d.items[0].what : "");
	diags_free(&d);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(geometry, .init = setup, .fini = teardown, .timeout = 120);

/* Below 40x12 the wizard asks for a larger window, naming the size. */
static void check_enlarge(struct session *s, struct tally *t)
{
	char want[128];
	char *all = screen_joined(s->lines, s->cols);

	snprintf(want, sizeof want, "Please enlarge the window to at least 40x12 (now %dx%d)", s->cols,
		 s->lines);
	if (!strstr(all, want))
		tally_fail(t, P_ENLARGE, s->cols, s->lines, "the screen shows: %.80s", all);
	free(all);
}

void check_size(struct session *s, const struct kind *k, const struct reference *r,
		struct tally *t, int cols, int lines)
{
	session_resize(s, cols, lines);
	t->sizes[t->utf8]++;
	if (cols < 40 || lines < 12)
		check_enlarge(s, t);
	else if (!r)
		check_list(s, k, t);
	else
		check_page(s, k, r, t);
}

static int is_page(const struct kind *k)
{
	return k->type != KIND_REVIEW && k->type != KIND_QUESTION;
}

/* Every width from 30 to 300 (step) at three heights: 10 or 11 (too small),
 * one of 12-24 and one of 25-100, rotating with the width so that every
 * height comes up in each band; and with every_height, every height from 10
 * to 100 at width 80. */
static void sweep(struct session *s, const struct kind *k, struct tally *t, int step,
		  int every_height)
{
	for (int w = 30; w <= 300; w += step) {
		struct reference r = {0};
		int hs[] = {10 + w % 2, 12 + w % 13, 25 + (w * 7) % 76};
		if (w >= 40 && is_page(k) && reference_read(s, k, w, &r))
			tally_fail(t, P_END, w, 1600, "1600 lines do not show the whole document");
		for (size_t i = 0; i < sizeof hs / sizeof hs[0]; i++)
			check_size(s, k, is_page(k) ? &r : NULL, t, w, hs[i]);
		for (int h = 10; every_height && w == 80 && h <= 100; h++)
			check_size(s, k, is_page(k) ? &r : NULL, t, w, h);
		reference_free(&r);
	}
}

/* OW_GEOMETRY_STEP=N checks every Nth width only (the sanitizer build does,
 * to keep its time: it looks for memory errors, not for more sizes). */
static int width_step(void)
{
	const char *e = getenv("OW_GEOMETRY_STEP");
	int n = e ? atoi(e) : 1;
	return n > 0 ? n : 1;
}

/* The whole sweep in UTF-8, and every tenth width again in LANG=C (the
 * ASCII markers "v more" and "^ more", the ASCII box). */
static void run_kind(const struct kind *k)
{
	struct tally t;

	tally_init(&t, k->name);
	for (int utf8 = 1; utf8 >= 0; utf8--) {
		struct session s;
		char err[256] = "";
		cr_assert_eq(session_open(&s, &c, 80, 24, utf8, NULL), 0, "no headless terminal");
		cr_assert_eq(session_script(&s, k->keys, err, sizeof err), 0, "%s: %s", k->name, err);
		t.utf8 = utf8;
		sweep(&s, k, &t, utf8 ? width_step() : 10 * width_step(), utf8);
		session_close(&s);
	}
	char *report = tally_report(&t);
	int failed = t.failed;
	fprintf(stderr, "%s", report);
	free(report); /* before the verdict: a failed assertion leaves the test at once */
	tally_free(&t);
	cr_assert_eq(failed, 0, "%s: %d failures at the sizes above", k->name, failed);
}

/* A small window: the welcome scrolls like the result (it once could not). */
Test(geometry, welcome)
{
	run_kind(&(struct kind){"welcome", "", KIND_WELCOME, &c});
}

Test(geometry, result)
{
	run_kind(&(struct kind){"result", "<Enter> 313131313131 <Enter>", KIND_RESULT, &c});
}

Test(geometry, comparison)
{
	run_kind(&(struct kind){"comparison", "<Enter> 313131313131 <Enter> <Tab>", KIND_COMPARE, &c});
}

Test(geometry, help_overlay)
{
	run_kind(&(struct kind){"help", "<Enter> ?", KIND_HELP, &c});
}

Test(geometry, review)
{
	run_kind(&(struct kind){"review", "<Enter> 313131313131", KIND_REVIEW, &c});
}

Test(geometry, question)
{
	run_kind(&(struct kind){"question", "<Enter>", KIND_QUESTION, &c});
}
