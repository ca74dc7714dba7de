/* Every action the wizard knows, defined once in KEYS_ACTIONS (in the style
 * of tig's request table): its name, what the help says it does, its footer
 * hint and its keys. The enum, the key look-up, the help overlay and the
 * footer hints are all made from it, so what the wizard says about its keys
 * is always what it does. */
#ifndef OW_KEYS_H
#define OW_KEYS_H

#include <curses.h>

struct doc;

#define KEYS_CTRL(c) ((c) & 0x1f)

/* X(name, help line, hint key, hint verb, keys): a NULL help line keeps the
 * action out of the help, a NULL hint out of the footers. Each key is
 * K(code, argument, name in the help); a NULL name keeps an alias out of the
 * help (it still works). Help lists the actions in this order. */
#define KEYS_ACTIONS(X, K)                                                                   \
	X(UP, "move up (or scroll)", "Up/Down", "move", K(KEY_UP, 0, "Up") K('k', 0, "k"))    \
	X(DOWN, "move down (or scroll)", NULL, NULL,                                         \
	  K(KEY_DOWN, 0, "Down") K('j', 0, "j"))                                             \
	X(CHOOSE, "choose that option and go on", "1-9", "choose",                           \
	  K('1', 0, "1-9") K('2', 1, NULL) K('3', 2, NULL) K('4', 3, NULL) K('5', 4, NULL)   \
	  K('6', 5, NULL) K('7', 6, NULL) K('8', 7, NULL) K('9', 8, NULL))                   \
	X(CONFIRM, "confirm and go on", "Enter", "next",                                     \
	  K('\r', 0, "Enter") K('\n', 0, NULL) K(KEY_ENTER, 0, NULL) K(KEY_RIGHT, 0, "Right")) \
	X(BACK, "go back one step", "Left", "back",                                          \
	  K(KEY_BACKSPACE, 0, "Backspace") K(127, 0, NULL) K(KEYS_CTRL('H'), 0, NULL)        \
	  K(KEY_LEFT, 0, "Left") K('b', 0, "b"))                                             \
	X(TOGGLE, "switch result and comparison", "Tab", "switch",                           \
	  K('\t', 0, "Tab") K('c', 0, "c"))                                                  \
	X(PAGE_UP, "scroll a page up", NULL, NULL, K(KEY_PPAGE, 0, "PgUp"))                  \
	X(PAGE_DOWN, "scroll a page down", "PgDn", "scroll", K(KEY_NPAGE, 0, "PgDn"))        \
	X(HOME, "go to the top", NULL, NULL, K(KEY_HOME, 0, "Home"))                         \
	X(END, "go to the bottom", NULL, NULL, K(KEY_END, 0, "End"))                         \
	X(HELP, "this help", "?", "help", K('?', 0, "?") K(KEY_F(1), 0, "F1"))               \
	X(CLOSE, "close help or a question", "Esc", "close", K(27, 0, "Esc"))                \
	X(SAVE, "save the report (markdown)", "s", "save", K('s', 0, "s"))                   \
	X(RESTART, "start over (asks first)", "r", "restart", K('r', 0, "r"))                \
	X(QUIT, "quit (asks first)", "q", "quit", K('q', 0, "q"))                            \
	X(REDRAW, "redraw the screen", NULL, NULL, K(KEYS_CTRL('L'), 0, "Ctrl-L"))           \
	X(YES, NULL, "y", "yes", K('y', 0, NULL) K('Y', 0, NULL))                            \
	X(NO, NULL, "n", "no", K('n', 0, NULL) K('N', 0, NULL))                              \
	/* Ctrl-C in raw mode: leave at once */                                              \
	X(INTERRUPT, NULL, NULL, NULL, K(KEYS_CTRL('C'), 0, NULL))                           \
	X(MOUSE, NULL, NULL, NULL, K(KEY_MOUSE, 0, NULL))                                    \
	X(RESIZE, NULL, NULL, NULL, K(KEY_RESIZE, 0, NULL))

#define KEYS_ENUM(name, what, hint_key, hint_verb, keys) ACT_##name,
enum action { ACT_NONE, KEYS_ACTIONS(KEYS_ENUM, ) ACT_COUNT };
#undef KEYS_ENUM

/* The action for a key from getch, and its argument (ACT_CHOOSE's option). */
enum action keys_lookup(int key, int *arg);

/* The action's name in the table ("PAGE_DOWN"), for tests and traces. */
const char *keys_name(enum action a);

/* One row of the help: an action's named keys ("Up, k") and what it does. */
struct key_help {
	enum action act;
	const char *keys;
	const char *what;
};
/* The row for an action; 0 when the help leaves it out. The strings are
 * static. */
int keys_help_row(enum action a, struct key_help *out);

/* A footer hint for an action: the key to show ("Enter") and a verb ("next").
 * Returns 0 when the action has no hint. */
int keys_hint(enum action a, const char **key, const char **verb);

/* Adds the hints of acts (ending with ACT_NONE) to d as "key verb" pairs on
 * a new line, wrapping to more lines at width. */
void keys_hint_rows(struct doc *d, int width, const enum action *acts);

#endif
