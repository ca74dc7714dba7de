/* The geometry sweep's parts (geometry.c runs them): what a screen shows
 * (look), what the document must end with (expect), the checks of a page and
 * of a pick list at one size, and the tally of what failed where. */
#ifndef OW_TEST_GEOMETRY_H
#define OW_TEST_GEOMETRY_H

#include "harness.h"
#include "strbuf.h"

enum kind_type {
	KIND_RESULT,   /* the frame's body scrolls */
	KIND_WELCOME,  /* the same, on the first screen */
	KIND_COMPARE,  /* the same, under header rows that stay */
	KIND_HELP,     /* the help overlay's box scrolls */
	KIND_REVIEW,   /* a pick list: the highlight moves, the body follows */
	KIND_QUESTION, /* the same, under the progress bar */
};

struct kind {
	const char *name;
	const char *keys;      /* the key script that opens it at 80x24 */
	enum kind_type type;
	const struct content *c;
};

enum prop {
	P_ENLARGE,
	P_DOWN_STEP,
	P_END,
	P_HOME,
	P_PAGES,
	P_PGUP,
	P_MARKER,
	P_CHROME,
	P_FOOTER,
	P_POSITION,
	P_COUNT
};

struct tally {
	const char *name;
	int utf8;
	int sizes[2];               /* checked: [LANG=C, UTF-8] */
	int failed;
	int count[P_COUNT];         /* sizes it failed at */
	int last_cols[P_COUNT], last_lines[P_COUNT], last_utf8[P_COUNT];
	struct strbuf where[P_COUNT]; /* the first few, with what was wrong */
};

void tally_init(struct tally *t, const char *name);
/* Property p fails at this size (counted once per size). */
void tally_fail(struct tally *t, enum prop p, int cols, int lines, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Every property with its sizes (malloc'd). */
char *tally_report(const struct tally *t);
void tally_free(struct tally *t);

enum marker { MARK_NONE, MARK_DOWN, MARK_UP };

/* What the screen shows: the rows that may scroll (view), everything that
 * must stay put (chrome: the title and footer, or the help box's borders,
 * without the marker) and the "more" marker. */
struct look {
	int n;
	char **view;
	char *chrome;
	enum marker marker;
	int found;           /* 0: the help box is not on the screen */
	char *footer;        /* the screen's last row, as drawn */
	/* The comparison's position on the top bar ("Rows 5-11 of 27"), taken
	 * out of the chrome (it changes with the scroll); 0 when not found. */
	int pos_first, pos_last, pos_count;
};

void look_at(const struct session *s, enum kind_type type, struct look *l);
void look_free(struct look *l);
int look_same(const struct look *a, const struct look *b);
/* The footer keeps "? help" and "q quit" whatever else must go. */
void check_footer(struct tally *t, const struct look *l, int cols, int lines);
/* 1 when some row of the view contains text. */
int look_has(const struct look *l, const char *text);
/* The whole screen as one line, blanks collapsed (malloc'd). */
char *screen_joined(int lines, int cols);

/* What the document's last line must contain (one of them), as this
 * character set draws it; NULL-terminated, malloc'd (expect_free). */
char **expect_last(const struct session *s, enum kind_type type);
/* The first line of a pick list (or the start of it, wrapped); malloc'd. */
char *expect_first(const struct session *s, enum kind_type type);
void expect_free(char **words);
/* 1 when text contains one of words. */
int expect_match(const char *text, char *const *words);

/* A page's whole document at one width: the rows between the title and the
 * footer (or inside the help box) of a window tall enough to show it all,
 * trailing blank rows left out. */
struct reference {
	int n;
	char **row;
	int cols;
};

/* Reads the document at width cols (the session becomes a tall window).
 * Returns 0, or -1 when even 1600 lines do not show it all. */
int reference_read(struct session *s, const struct kind *k, int cols, struct reference *r);
void reference_free(struct reference *r);

void check_page(struct session *s, const struct kind *k, const struct reference *r,
		struct tally *t);
void check_list(struct session *s, const struct kind *k, struct tally *t);
/* Resizes to cols x lines and runs the checks for that size (r: the page's
 * document at cols, or NULL for a pick list). */
void check_size(struct session *s, const struct kind *k, const struct reference *r,
		struct tally *t, int cols, int lines);

#endif
