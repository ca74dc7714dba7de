#include "lineedit.h"

#include <string.h>

static int continuation(unsigned char b)
{
	return (b & 0xc0) == 0x80;
}

/* The start of the character before byte offset at. */
static size_t char_before(const struct lineedit *e, size_t at)
{
	while (at > 0 && continuation((unsigned char)e->text[--at]))
		;
	return at;
}

static size_t char_after(const struct lineedit *e, size_t at)
{
	if (at < e->len)
		at++;
	while (at < e->len && continuation((unsigned char)e->text[at]))
		at++;
	return at;
}

/* Removes bytes [from, to) and leaves the cursor at from. */
static int cut(struct lineedit *e, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	memmove(e->text + from, e->text + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	return 1;
}

static size_t limit_of(const struct lineedit *e)
{
	return e->limit && e->limit < LINEEDIT_MAX ? e->limit : LINEEDIT_MAX - 1;
}

void lineedit_set(struct lineedit *e, const char *text)
{
	size_t n = strlen(text), max = limit_of(e);

	if (n > max) /* cut on a character boundary */
		for (n = max; n > 0 && continuation((unsigned char)text[n]); n--)
			;
	memcpy(e->text, text, n);
	e->text[n] = '\0';
	e->len = e->cursor = n;
	e->dropping = 0;
}

/* The bytes of the UTF-8 character that b starts (1 for any other byte). */
static size_t utf8_length(unsigned char b)
{
	return b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
}

int lineedit_insert(struct lineedit *e, unsigned char byte)
{
	int cont = continuation(byte);

	if (cont && e->dropping > 0) {
		e->dropping--;
		return 0;
	}
	e->dropping = 0;
	size_t need = cont ? 1 : utf8_length(byte);
	if (byte < 0x20 || byte == 0x7f)
		return 0;
	if (e->len + need > limit_of(e)) {
		e->dropping = (int)need - 1;
		return 0;
	}
	memmove(e->text + e->cursor + 1, e->text + e->cursor, e->len - e->cursor + 1);
	e->text[e->cursor++] = (char)byte;
	e->len++;
	return 1;
}

int lineedit_backspace(struct lineedit *e)
{
	return cut(e, char_before(e, e->cursor), e->cursor);
}

int lineedit_delete(struct lineedit *e)
{
	size_t at = e->cursor;
	return cut(e, at, char_after(e, at)) ? (e->cursor = at, 1) : 0;
}

int lineedit_left(struct lineedit *e)
{
	size_t to = char_before(e, e->cursor);
	int moved = to != e->cursor;
	e->cursor = to;
	return moved;
}

int lineedit_right(struct lineedit *e)
{
	size_t to = char_after(e, e->cursor);
	int moved = to != e->cursor;
	e->cursor = to;
	return moved;
}

int lineedit_home(struct lineedit *e)
{
	int moved = e->cursor != 0;
	e->cursor = 0;
	return moved;
}

int lineedit_end(struct lineedit *e)
{
	int moved = e->cursor != e->len;
	e->cursor = e->len;
	return moved;
}

int lineedit_kill_start(struct lineedit *e)
{
	return cut(e, 0, e->cursor);
}

/* The blanks before the cursor, then the word before them (as readline's
 * Ctrl-W: a word ends at a blank or a '/'). */
int lineedit_kill_word(struct lineedit *e)
{
	size_t at = e->cursor;

	while (at > 0 && (e->text[at - 1] == ' ' || e->text[at - 1] == '/'))
		at--;
	while (at > 0 && e->text[at - 1] != ' ' && e->text[at - 1] != '/')
		at--;
	return cut(e, at, e->cursor);
}
