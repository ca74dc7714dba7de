#include "prompt_line.h"

#include <curses.h>
#include <string.h>

#include "keys.h"

void prompt_line_open(struct prompt_line *p, int owner, unsigned gen, enum text_id label,
		      enum text_id keys)
{
	memset(p, 0, sizeof *p);
	p->open = 1;
	p->owner = owner;
	p->gen = gen;
	p->label = label;
	p->keys = keys;
	p->edit.limit = PROMPT_LINE_MAX;
}

void prompt_line_close(struct prompt_line *p)
{
	memset(p, 0, sizeof *p);
}

int prompt_line_is_open(const struct prompt_line *p, int owner, unsigned gen)
{
	return p->open && p->owner == owner && p->gen == gen;
}

enum prompt_key prompt_line_key(struct prompt_line *p, int ch)
{
	switch (ch) {
	case '\r':
	case '\n':
	case KEY_ENTER:
		return PROMPT_ENTER;
	case 27:
		return PROMPT_CANCEL;
	case KEY_BACKSPACE:
	case 127:
	case KEYS_CTRL('H'):
		return lineedit_backspace(&p->edit) ? PROMPT_TYPED : PROMPT_OTHER;
	case KEYS_CTRL('U'):
		lineedit_kill_start(&p->edit);
		return PROMPT_TYPED;
	case KEYS_CTRL('W'):
		return lineedit_kill_word(&p->edit) ? PROMPT_TYPED : PROMPT_OTHER;
	default:
		break;
	}
	/* A printable ASCII character or a byte of a UTF-8 one, typed at the end
	 * (the cursor stays there); no control character, no special key. What
	 * is shown is sanitised when drawn. */
	if (ch < ' ' || ch == 127 || ch > 0xFF)
		return PROMPT_OTHER;
	lineedit_insert(&p->edit, (unsigned char)ch);
	return PROMPT_TYPED;
}
