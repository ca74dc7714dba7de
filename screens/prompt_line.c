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
}

void prompt_line_close(struct prompt_line *p)
{
	memset(p, 0, sizeof *p);
}

int prompt_line_is_open(const struct prompt_line *p, int owner, unsigned gen)
{
	return p->open && p->owner == owner && p->gen == gen;
}

/* Erases the last character: its continuation bytes, then its first byte. */
static void erase_last(struct prompt_line *p)
{
	while (p->len > 0 && ((unsigned char)p->text[p->len - 1] & 0xC0) == 0x80)
		p->len--;
	if (p->len > 0)
		p->len--;
	p->text[p->len] = '\0';
}

/* The bytes of the UTF-8 character that b starts (1 for any other byte). */
static size_t utf8_length(unsigned char b)
{
	return b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 1;
}

/* Types one byte; a character that would not fit whole is left out, with
 * the bytes that follow its first. */
static enum prompt_key type_byte(struct prompt_line *p, unsigned char b)
{
	int continuation = (b & 0xC0) == 0x80;

	if (continuation && p->dropping > 0) {
		p->dropping--;
		return PROMPT_OTHER;
	}
	p->dropping = 0;
	size_t need = continuation ? 1 : utf8_length(b);
	if (p->len + need > PROMPT_LINE_MAX) {
		p->dropping = (int)need - 1;
		return PROMPT_OTHER;
	}
	p->text[p->len++] = (char)b;
	p->text[p->len] = '\0';
	return PROMPT_TYPED;
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
		if (p->len == 0)
			return PROMPT_OTHER;
		erase_last(p);
		return PROMPT_TYPED;
	case KEYS_CTRL('U'):
		p->len = 0;
		p->text[0] = '\0';
		return PROMPT_TYPED;
	default:
		break;
	}
	/* A printable ASCII character or a byte of a UTF-8 one; no control
	 * character, no special key. What is shown is sanitised when drawn. */
	if (ch < ' ' || ch == 127 || ch > 0xFF)
		return PROMPT_OTHER;
	return type_byte(p, (unsigned char)ch);
}
