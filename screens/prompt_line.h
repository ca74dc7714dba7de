/* A one-line prompt on the footer row (the comparison's find, as less and
 * tig ask for a word at the bottom): what is typed, with basic line editing,
 * and which screen asked. The frame draws it in place of the footer's hints;
 * while it is open, input.c gives it the keys. No curses drawing here. */
#ifndef OW_PROMPT_LINE_H
#define OW_PROMPT_LINE_H

#include <stddef.h>

#include "lineedit.h"
#include "text_ids.h"

#define PROMPT_LINE_MAX 60 /* bytes that can be typed */

struct prompt_line {
	int open;
	int owner;        /* the screen that asked (enum screen_id) */
	unsigned gen;     /* the answers' generation it was opened in */
	enum text_id label;  /* before what is typed ("Find:") */
	enum text_id keys;   /* at the right: what Enter and Esc do ({enter}, {esc}) */
	struct lineedit edit; /* what is typed, at most PROMPT_LINE_MAX bytes */
};

/* Opens p, empty, for screen owner in the answers' generation gen. */
void prompt_line_open(struct prompt_line *p, int owner, unsigned gen, enum text_id label,
		      enum text_id keys);
void prompt_line_close(struct prompt_line *p);
/* 1 when p is open for screen owner, and the answers have not changed (a
 * start over, a kiosk's idle timeout) since it was opened. */
int prompt_line_is_open(const struct prompt_line *p, int owner, unsigned gen);

enum prompt_key {
	PROMPT_TYPED,  /* the text changed */
	PROMPT_ENTER,  /* Enter: the text is done */
	PROMPT_CANCEL, /* Esc */
	PROMPT_OTHER,  /* a key that does nothing here */
};
/* One key from getch: a printable character (UTF-8 comes a byte at a time)
 * is typed at the end, Backspace erases the last character, Ctrl-U all of
 * the text; Enter and Esc end it (the caller closes p). */
enum prompt_key prompt_line_key(struct prompt_line *p, int ch);

#endif
