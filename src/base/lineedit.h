/* A one-line text field, as readline's basic keys edit it: insert at the
 * cursor, Backspace and Delete, Left and Right by character, Home and End,
 * kill to the start (Ctrl-U) and the word before the cursor (Ctrl-W). The
 * text is UTF-8 and bytes arrive one by one (wgetch): the cursor moves and
 * deletes whole characters, never half of one. No curses here. */
#ifndef OW_LINEEDIT_H
#define OW_LINEEDIT_H

#include <stddef.h>

#define LINEEDIT_MAX 1024 /* bytes, the ending NUL included */

struct lineedit {
	char text[LINEEDIT_MAX]; /* always NUL-terminated */
	size_t len;
	size_t cursor; /* a byte offset on a character boundary (or inside a
			* character still being typed) */
	size_t limit;  /* bytes it holds at most; 0: LINEEDIT_MAX - 1 */
	int dropping;  /* bytes still to come of a character that did not fit */
};

/* A field starts zeroed (= {0}, or in a zeroed struct), and limit may be
 * set then. Sets the text (cut on a character boundary to fit), the cursor
 * at its end; the limit is kept. */
void lineedit_set(struct lineedit *e, const char *text);
/* One byte typed: a control byte (< 0x20, 0x7f) is refused, and so is a
 * character that would not fit whole (its first byte and the bytes that
 * follow it). Returns 1 when taken, 0 when refused. */
int lineedit_insert(struct lineedit *e, unsigned char byte);
int lineedit_backspace(struct lineedit *e);
int lineedit_delete(struct lineedit *e);
int lineedit_left(struct lineedit *e);
int lineedit_right(struct lineedit *e);
int lineedit_home(struct lineedit *e);
int lineedit_end(struct lineedit *e);
int lineedit_kill_start(struct lineedit *e);
int lineedit_kill_word(struct lineedit *e);

#endif
