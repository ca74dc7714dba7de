/* Every action the wizard knows, defined once in KEYS_ACTIONS (in the style
 * of tig's request table): its name, what the help says it does, its footer
 * hint and its keys. The enum, the key look-up, the help overlay and the
 * footer hints are all made from it, so what the wizard says about its keys
 * is always what it does. */
#ifndef OW_KEYS_H
#define OW_KEYS_H

#include <curses.h>

#include "text_ids.h"

struct content;
struct doc;

#define KEYS_CTRL(c) ((c) & 0x1f)

/* Where the table names a text, KEYS_NO_TEXT means none, and a key's name
 * KEYS_AS_TYPED is the character the key types ("q", "?"): a name that must
 * match the key it names stays with the key's code. Every other word is a
 * text id of content/texts.ini ([keys] and [confirm]), so a translation can
 * rename the keys and reword the help without a C change. */
#define KEYS_NO_TEXT (-1)
#define KEYS_AS_TYPED (-2)

/* X(name, help line, hint key, hint verb, keys): KEYS_NO_TEXT as the help
 * line keeps the action out of the help, as the hint key out of the footers.
 * Each key is K(code, argument, name in the help); KEYS_NO_TEXT as the name
 * keeps an alias out of the help (it still works). A hint key KEYS_AS_TYPED
 * is the action's first key. Help lists the actions in this order. */
#define KEYS_ACTIONS(X, K)                                                                        \
	X(UP, T_KEYS_HELP_UP, T_KEYS_NAME_UPDOWN, T_KEYS_HINT_MOVE,                                \
	  K(KEY_UP, 0, T_KEYS_NAME_UP) K('k', 0, KEYS_AS_TYPED))                                   \
	X(DOWN, T_KEYS_HELP_DOWN, KEYS_NO_TEXT, KEYS_NO_TEXT,                                      \
	  K(KEY_DOWN, 0, T_KEYS_NAME_DOWN) K('j', 0, KEYS_AS_TYPED))                               \
	X(CHOOSE, T_KEYS_HELP_CHOOSE, T_KEYS_NAME_CHOOSE, T_KEYS_HINT_CHOOSE,                      \
	  K('1', 0, T_KEYS_NAME_CHOOSE) K('2', 1, KEYS_NO_TEXT) K('3', 2, KEYS_NO_TEXT)            \
	  K('4', 3, KEYS_NO_TEXT) K('5', 4, KEYS_NO_TEXT) K('6', 5, KEYS_NO_TEXT)                  \
	  K('7', 6, KEYS_NO_TEXT) K('8', 7, KEYS_NO_TEXT) K('9', 8, KEYS_NO_TEXT))                 \
	X(CONFIRM, T_KEYS_HELP_CONFIRM, T_KEYS_NAME_ENTER, T_KEYS_HINT_CONFIRM,                    \
	  K('\r', 0, T_KEYS_NAME_ENTER) K('\n', 0, KEYS_NO_TEXT) K(KEY_ENTER, 0, KEYS_NO_TEXT)     \
	  K(' ', 0, T_KEYS_NAME_SPACE))                                                            \
	/* Right never answers: on a question nobody answered it says why */                     \
	X(NEXT, T_KEYS_HELP_NEXT, KEYS_NO_TEXT, KEYS_NO_TEXT,                                      \
	  K(KEY_RIGHT, 0, T_KEYS_NAME_RIGHT) K('l', 0, KEYS_AS_TYPED))                             \
	X(BACK, T_KEYS_HELP_BACK, T_KEYS_NAME_LEFT, T_KEYS_HINT_BACK,                              \
	  K(KEY_BACKSPACE, 0, T_KEYS_NAME_BACKSPACE) K(127, 0, KEYS_NO_TEXT)                       \
	  K(KEYS_CTRL('H'), 0, KEYS_NO_TEXT) K(KEY_LEFT, 0, T_KEYS_NAME_LEFT)                      \
	  K('h', 0, KEYS_AS_TYPED) K('b', 0, KEYS_AS_TYPED))                                       \
	X(TOGGLE, T_KEYS_HELP_TOGGLE, T_KEYS_NAME_TAB, T_KEYS_HINT_TOGGLE,                         \
	  K('\t', 0, T_KEYS_NAME_TAB) K('c', 0, KEYS_AS_TYPED))                                    \
	X(PAGE_UP, T_KEYS_HELP_PAGE_UP, KEYS_NO_TEXT, KEYS_NO_TEXT,                                \
	  K(KEY_PPAGE, 0, T_KEYS_NAME_PGUP))                                                       \
	X(PAGE_DOWN, T_KEYS_HELP_PAGE_DOWN, T_KEYS_NAME_PGDN, T_KEYS_HINT_SCROLL,                  \
	  K(KEY_NPAGE, 0, T_KEYS_NAME_PGDN))                                                       \
	X(HOME, T_KEYS_HELP_HOME, KEYS_NO_TEXT, KEYS_NO_TEXT, K(KEY_HOME, 0, T_KEYS_NAME_HOME))    \
	X(END, T_KEYS_HELP_END, KEYS_NO_TEXT, KEYS_NO_TEXT, K(KEY_END, 0, T_KEYS_NAME_END))        \
	X(HELP, T_KEYS_HELP_HELP, KEYS_AS_TYPED, T_KEYS_HINT_HELP,                                 \
	  K('?', 0, KEYS_AS_TYPED) K(KEY_F(1), 0, T_KEYS_NAME_F1))                                 \
	X(CLOSE, T_KEYS_HELP_CLOSE, T_KEYS_NAME_ESC, T_KEYS_HINT_CLOSE,                            \
	  K(27, 0, T_KEYS_NAME_ESC))                                                               \
	X(SAVE, T_KEYS_HELP_SAVE, KEYS_AS_TYPED, T_KEYS_HINT_SAVE, K('s', 0, KEYS_AS_TYPED))       \
	X(RESTART, T_KEYS_HELP_RESTART, KEYS_AS_TYPED, T_KEYS_HINT_RESTART,                        \
	  K('r', 0, KEYS_AS_TYPED))                                                                \
	X(QUIT, T_KEYS_HELP_QUIT, KEYS_AS_TYPED, T_KEYS_HINT_QUIT,                                 \
	  K('q', 0, KEYS_AS_TYPED) K(KEY_F(10), 0, T_KEYS_NAME_F10))                               \
	X(REDRAW, T_KEYS_HELP_REDRAW, KEYS_NO_TEXT, KEYS_NO_TEXT,                                  \
	  K(KEYS_CTRL('L'), 0, T_KEYS_NAME_REDRAW))                                                \
	X(YES, KEYS_NO_TEXT, KEYS_AS_TYPED, T_CONFIRM_YES,                                         \
	  K('y', 0, KEYS_NO_TEXT) K('Y', 0, KEYS_NO_TEXT))                                         \
	X(NO, KEYS_NO_TEXT, KEYS_AS_TYPED, T_CONFIRM_NO,                                           \
	  K('n', 0, KEYS_NO_TEXT) K('N', 0, KEYS_NO_TEXT))                                         \
	/* Ctrl-C in raw mode: leave at once */                                                   \
	X(INTERRUPT, KEYS_NO_TEXT, KEYS_NO_TEXT, KEYS_NO_TEXT, K(KEYS_CTRL('C'), 0, KEYS_NO_TEXT)) \
	X(MOUSE, KEYS_NO_TEXT, KEYS_NO_TEXT, KEYS_NO_TEXT, K(KEY_MOUSE, 0, KEYS_NO_TEXT))          \
	X(RESIZE, KEYS_NO_TEXT, KEYS_NO_TEXT, KEYS_NO_TEXT, K(KEY_RESIZE, 0, KEYS_NO_TEXT))        \
	X(BACKGROUND, T_KEYS_HELP_BACKGROUND, KEYS_AS_TYPED, T_KEYS_HINT_BACKGROUND,               \
	  K('i', 0, KEYS_AS_TYPED))                                                                \
	X(TASK, T_KEYS_HELP_TASK, KEYS_AS_TYPED, T_KEYS_HINT_TASK, K('t', 0, KEYS_AS_TYPED))       \
	/* The comparison's own (keys_screen_only): find a word, the next match */                \
	/* (n is also NO: the comparison offers FIND_NEXT, so it is that there), */               \
	/* only the rows your answers touch */                                                     \
	X(FIND, T_KEYS_HELP_FIND, KEYS_AS_TYPED, T_KEYS_HINT_FIND, K('/', 0, KEYS_AS_TYPED))       \
	X(FIND_NEXT, T_KEYS_HELP_FIND_NEXT, KEYS_AS_TYPED, T_KEYS_HINT_FIND_NEXT,                  \
	  K('n', 0, KEYS_AS_TYPED))                                                                \
	X(FILTER, T_KEYS_HELP_FILTER, KEYS_AS_TYPED, T_KEYS_HINT_FILTER, K('f', 0, KEYS_AS_TYPED))

#define KEYS_ENUM(name, what, hint_key, hint_verb, keys) ACT_##name,
enum action { ACT_NONE, KEYS_ACTIONS(KEYS_ENUM, ) ACT_COUNT };
#undef KEYS_ENUM

/* The action for a key from getch, and its argument (ACT_CHOOSE's option). */
enum action keys_lookup(int key, int *arg);

/* The action's name in the table ("PAGE_DOWN"), for tests and traces. */
const char *keys_name(enum action a);

/* One row of the help: an action's named keys ("Up, k") and what it does,
 * in c's words. */
struct key_help {
	enum action act;
	const char *keys;
	const char *what;
};
/* The row for an action; 0 when the help leaves it out. The strings are
 * static or c's, until the next call for the same action. */
int keys_help_row(const struct content *c, enum action a, struct key_help *out);

/* A footer hint for an action in c's words: the key to show ("Enter") and a
 * verb ("next"). Returns 0 when the action has no hint. */
int keys_hint(const struct content *c, enum action a, const char **key, const char **verb);

/* Adds the hints of acts (ending with ACT_NONE) to d as "key verb" pairs on
 * a new line, wrapping to more lines at width. */
void keys_hint_rows(struct doc *d, const struct content *c, int width, const enum action *acts);

/* The action for a key on a screen that offers the actions in offered (its
 * hints, ending with ACT_NONE): a key bound to two actions ("n": no, and the
 * comparison's next match) is the one the screen offers; any other key as
 * keys_lookup finds it. offered may be NULL. */
enum action keys_lookup_for(int key, const enum action *offered, int *arg);
/* 1 for an action that works on one screen only (the comparison's find and
 * filter): the help lists it only over a screen that offers it. */
int keys_screen_only(enum action a);

#endif
