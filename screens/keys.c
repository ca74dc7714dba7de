#include "keys.h"

#include <curses.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

/* Every key the wizard knows. name is how help shows the key; NULL keeps an
 * alias out of the help (it still works). */
struct binding {
	int key;
	enum action act;
	int arg;
	const char *name;
};

static const struct binding bindings[] = {
	{KEY_UP, ACT_UP, 0, "Up"},
	{'k', ACT_UP, 0, "k"},
	{KEY_DOWN, ACT_DOWN, 0, "Down"},
	{'j', ACT_DOWN, 0, "j"},
	{'1', ACT_CHOOSE, 0, "1-9"},
	{'2', ACT_CHOOSE, 1, NULL},
	{'3', ACT_CHOOSE, 2, NULL},
	{'4', ACT_CHOOSE, 3, NULL},
	{'5', ACT_CHOOSE, 4, NULL},
	{'6', ACT_CHOOSE, 5, NULL},
	{'7', ACT_CHOOSE, 6, NULL},
	{'8', ACT_CHOOSE, 7, NULL},
	{'9', ACT_CHOOSE, 8, NULL},
	{'\r', ACT_CONFIRM, 0, "Enter"},
	{'\n', ACT_CONFIRM, 0, NULL},
	{KEY_ENTER, ACT_CONFIRM, 0, NULL},
	{KEY_RIGHT, ACT_CONFIRM, 0, "Right"},
	{KEY_BACKSPACE, ACT_BACK, 0, "Backspace"},
	{127, ACT_BACK, 0, NULL},
	{CTRL('H'), ACT_BACK, 0, NULL},
	{KEY_LEFT, ACT_BACK, 0, "Left"},
	{'b', ACT_BACK, 0, "b"},
	{'\t', ACT_TOGGLE, 0, "Tab"},
	{'c', ACT_TOGGLE, 0, "c"},
	{KEY_PPAGE, ACT_PAGE_UP, 0, "PgUp"},
	{KEY_NPAGE, ACT_PAGE_DOWN, 0, "PgDn"},
	{KEY_HOME, ACT_HOME, 0, "Home"},
	{KEY_END, ACT_END, 0, "End"},
	{'?', ACT_HELP, 0, "?"},
	{KEY_F(1), ACT_HELP, 0, "F1"},
	{27, ACT_CLOSE, 0, "Esc"},
	{'s', ACT_SAVE, 0, "s"},
	{'r', ACT_RESTART, 0, "r"},
	{'q', ACT_QUIT, 0, "q"},
	{'y', ACT_YES, 0, NULL},
	{'Y', ACT_YES, 0, NULL},
	{'n', ACT_NO, 0, NULL},
	{'N', ACT_NO, 0, NULL},
	{CTRL('L'), ACT_REDRAW, 0, "Ctrl-L"},
	{CTRL('C'), ACT_INTERRUPT, 0, NULL},
	{KEY_MOUSE, ACT_MOUSE, 0, NULL},
	{KEY_RESIZE, ACT_RESIZE, 0, NULL},
};

/* What each action does, in the order help lists them, with its footer hint. */
static const struct {
	enum action act;
	const char *what;
	const char *hint_key; /* NULL: no footer hint */
	const char *hint_verb;
} docs[] = {
	{ACT_UP, "move up (or scroll)", "Up/Down", "move"},
	{ACT_DOWN, "move down (or scroll)", NULL, NULL},
	{ACT_CHOOSE, "choose that option and go on", "1-9", "choose"},
	{ACT_CONFIRM, "confirm and go on", "Enter", "next"},
	{ACT_BACK, "go back one step", "Left", "back"},
	{ACT_TOGGLE, "switch result and comparison", "Tab", "switch"},
	{ACT_PAGE_UP, "scroll a page up", NULL, NULL},
	{ACT_PAGE_DOWN, "scroll a page down", "PgDn", "scroll"},
	{ACT_HOME, "go to the top", NULL, NULL},
	{ACT_END, "go to the bottom", NULL, NULL},
	{ACT_HELP, "this help", "?", "help"},
	{ACT_CLOSE, "close help or a question", "Esc", "close"},
	{ACT_SAVE, "save the report (markdown)", "s", "save"},
	{ACT_RESTART, "start over (asks first)", "r", "restart"},
	{ACT_QUIT, "quit (asks first)", "q", "quit"},
	{ACT_REDRAW, "redraw the screen", NULL, NULL},
};

enum action keys_lookup(int key, int *arg)
{
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].key == key) {
			*arg = bindings[i].arg;
			return bindings[i].act;
		}
	*arg = 0;
	return ACT_NONE;
}

int keys_help(struct key_help *out, int max)
{
	static char names[sizeof docs / sizeof docs[0]][64];
	int n = 0;

	for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++) {
		char *s = names[d];
		s[0] = '\0';
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
			if (bindings[i].act != docs[d].act || !bindings[i].name)
				continue;
			if (s[0])
				strcat(s, ", ");
			strcat(s, bindings[i].name);
		}
		if (n < max) {
			out[n].keys = s;
			out[n].what = docs[d].what;
		}
		n++;
	}
	return n;
}

int keys_hint(enum action a, const char **key, const char **verb)
{
	for (size_t d = 0; d < sizeof docs / sizeof docs[0]; d++)
		if (docs[d].act == a && docs[d].hint_key) {
			*key = docs[d].hint_key;
			*verb = docs[d].hint_verb;
			return 1;
		}
	return 0;
}
