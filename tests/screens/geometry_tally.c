/* Which property failed at which sizes, for the sweep's report. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "geometry.h"

#define SHOWN 6 /* sizes listed per property; the rest are counted */

static const char *const names[P_COUNT] = {
	[P_ENLARGE] = "below 40x12 the please-enlarge screen is shown",
	[P_DOWN_STEP] = "Down from Home scrolls one line at a time",
	[P_END] = "End shows the last line of the document",
	[P_HOME] = "Home shows the first line",
	[P_PAGES] = "consecutive PgDn pages overlap or touch, never skip, and reach the end",
	[P_PGUP] = "PgDn then PgUp returns to the same top line",
	[P_MARKER] = "the \"more\" marker is lit exactly when there is more",
	[P_CHROME] = "the title and the footer never move or overlap the body",
	[P_FOOTER] = "the footer keeps \"? help\" and \"q quit\"",
	[P_POSITION] = "the comparison's top bar names the rows shown, 1 at the top, the last at the end",
};

void tally_init(struct tally *t, const char *name)
{
	memset(t, 0, sizeof *t);
	t->name = name;
	for (int p = 0; p < P_COUNT; p++)
		t->last_cols[p] = -1;
}

void tally_fail(struct tally *t, enum prop p, int cols, int lines, const char *fmt, ...)
{
	va_list ap;

	if (t->last_cols[p] == cols && t->last_lines[p] == lines && t->last_utf8[p] == t->utf8)
		return; /* once per size */
	t->last_cols[p] = cols, t->last_lines[p] = lines, t->last_utf8[p] = t->utf8;
	t->failed++;
	if (t->count[p]++ >= SHOWN)
		return;
	sb_addf(&t->where[p], "\n      %dx%d%s: ", cols, lines, t->utf8 ? "" : " LANG=C");
	va_start(ap, fmt);
	sb_vaddf(&t->where[p], fmt, ap);
	va_end(ap);
}

char *tally_report(const struct tally *t)
{
	struct strbuf sb = {0};

	sb_addf(&sb, "geometry of the %s: %d sizes in UTF-8, %d in LANG=C\n", t->name, t->sizes[1],
		t->sizes[0]);
	for (int p = 0; p < P_COUNT; p++) {
		if (!t->count[p]) {
			sb_addf(&sb, "  ok   %s\n", names[p]);
			continue;
		}
		sb_addf(&sb, "  FAIL %s: at %d sizes, first%s", names[p], t->count[p], sb_str(&t->where[p]));
		sb_addf(&sb, "%s\n", t->count[p] > SHOWN ? "\n      ..." : "");
	}
	return sb_take(&sb);
}

void tally_free(struct tally *t)
{
	for (int p = 0; p < P_COUNT; p++)
		sb_free(&t->where[p]);
}
