#include "shorten.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "strbuf.h"
#include "xalloc.h"

/* The byte length of the UTF-8 character at s. */
static size_t char_len(const char *s)
{
	size_t n = 1;
	while (s[n] && ((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	return n;
}

static int width_of(const char *s, size_t n)
{
	char *piece = xstrndup(s, n);
	int w = text_width(piece);
	free(piece);
	return w;
}

char *text_middle_ellipsis(const char *s, int width, int ascii)
{
	const char *dots = ascii ? "..." : "\xe2\x80\xa6";
	int dw = ascii ? 3 : 1;

	if (text_width(s) <= width)
		return xstrdup(s);
	if (width <= dw)
		return xstrdup(width >= dw ? dots : "");
	int head_room = (width - dw) / 2, tail_room = width - dw - head_room;
	size_t len = strlen(s), head = 0, tail = len;
	int used = 0;
	while (head < len) {
		size_t n = char_len(s + head);
		int w = width_of(s + head, n);
		if (used + w > head_room)
			break;
		used += w;
		head += n;
	}
	used = 0;
	while (tail > head) {
		size_t start = tail - 1;
		while (start > head && ((unsigned char)s[start] & 0xc0) == 0x80)
			start--;
		int w = width_of(s + start, tail - start);
		if (used + w > tail_room)
			break;
		used += w;
		tail = start;
	}
	struct strbuf sb = {0};
	sb_addn(&sb, s, head);
	sb_add(&sb, dots);
	sb_add(&sb, s + tail);
	return sb_take(&sb);
}
