/* Keys become actions through one table (keys.c). The same table feeds the
 * help overlay and the footer hints, so what the wizard says about its keys
 * is always what it does. */
#ifndef OW_KEYS_H
#define OW_KEYS_H

enum action {
	ACT_NONE,
	ACT_UP,
	ACT_DOWN,
	ACT_PAGE_UP,
	ACT_PAGE_DOWN,
	ACT_HOME,
	ACT_END,
	ACT_CHOOSE,    /* arg: 0-based option */
	ACT_CONFIRM,
	ACT_BACK,
	ACT_TOGGLE,
	ACT_HELP,
	ACT_CLOSE,
	ACT_SAVE,
	ACT_RESTART,
	ACT_QUIT,
	ACT_YES,
	ACT_NO,
	ACT_REDRAW,
	ACT_INTERRUPT, /* Ctrl-C in raw mode: leave at once */
	ACT_MOUSE,
	ACT_RESIZE,
	ACT_COUNT
};

/* The action for a key from getch, and its argument (ACT_CHOOSE's option). */
enum action keys_lookup(int key, int *arg);

/* What the help overlay shows: for each documented action in table order, its
 * keys ("Up, k") and what it does. Returns the number of rows; fills at most
 * max of them. The strings are static. */
struct key_help {
	const char *keys;
	const char *what;
};
int keys_help(struct key_help *out, int max);

/* A footer hint for an action: the key to show ("Enter") and a verb ("next").
 * Returns 0 when the action has no hint. */
int keys_hint(enum action a, const char **key, const char **verb);

#endif
