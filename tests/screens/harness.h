/* The screen-test harness, in the style of tig's test suite: a session is the
 * real wizard (app_init, app_key, app_draw) on a headless terminal; a key
 * script is what a user types; the screen is read back as text. Tests drive
 * it only through keys and resizes, never by setting app fields, so what they
 * check is what a user would see.
 *
 * A key script is whitespace-separated words:
 *   abc              the characters a, b, c, typed one by one
 *   <Enter> <Esc> <Tab> <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home>
 *   <End> <Backspace> <F1> <Space>           one special key
 *   <Down>*12        a special key 12 times
 *   <Resize:30x10>   the terminal becomes 30 columns x 10 lines (a SIGWINCH:
 *                    curses resizes, then the wizard gets KEY_RESIZE)
 */
#ifndef OW_TEST_HARNESS_H
#define OW_TEST_HARNESS_H

#include <stddef.h>
#include <wchar.h>

#include "frame.h"
#include "input.h"
#include "screen.h"
#include "terminal.h"

struct session {
	const struct content *c;
	struct answers ans;
	struct ui_options opts;
	struct terminal t;
	struct app a;
	int utf8;
	int lines, cols;
	int quit;      /* a key asked to quit (R_QUIT): later keys are not fed */
};

/* Opens the wizard headless at cols x lines in UTF-8 or LANG=C (the locale is
 * set to match) and draws its first frame. o may be NULL. Returns 0, or -1
 * when there is no terminal (the message in err). */
int session_open(struct session *s, const struct content *c, int cols, int lines, int utf8,
		 const struct ui_options *o);
void session_close(struct session *s);

/* One key through app_key, then a frame when the wizard asks for one, as the
 * main loop does. Returns the reaction. */
enum reaction session_key(struct session *s, int key);
/* The terminal becomes cols x lines, and the wizard is told (KEY_RESIZE). */
void session_resize(struct session *s, int cols, int lines);
/* Feeds a key script. Returns 0, or -1 with what was wrong in err. */
int session_script(struct session *s, const char *script, char *err, size_t errsize);

/* One screen row as display cells: cells[x] is the character in column x (a
 * wide character's second column holds 0), as ncurses laid the row out. */
void screen_cells(int y, int cols, wchar_t *cells);
/* One screen row as UTF-8, trailing blanks removed (malloc'd). */
char *screen_row(int y, int cols);
/* Columns [from, to) of a row as UTF-8, trailing blanks removed (malloc'd). */
char *screen_span(int y, int from, int to);
/* The whole screen: one line per row; with attrs, then a line per row that has
 * reverse or bold cells: "NN| mask" with r (reverse), b (bold), R (both). */
char *screen_dump(int lines, int cols, int attrs);

#endif
