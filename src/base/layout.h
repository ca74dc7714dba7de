/* Text measured and wrapped by display width (UTF-8, independent of the locale),
 * shared by the text reports and the screens. */
#ifndef OW_LAYOUT_H
#define OW_LAYOUT_H

#include <stddef.h>

struct wrapped {
	char **line; /* each malloc'd, without '\n' */
	size_t n;
};

/* Decodes one UTF-8 character at s (len bytes available). Returns its byte
 * length (>= 1); *cp gets the code point, or 0xFFFD for an invalid byte. */
size_t utf8_decode(const char *s, size_t len, unsigned *cp);
/* Display columns of one code point: 0 (combining), 1, or 2 (wide). */
int cp_width(unsigned cp);
/* Display columns of a UTF-8 string. */
int text_width(const char *s);
/* The longest prefix of s (in bytes) that fits in width columns. */
size_t text_fit(const char *s, int width);
/* Wraps text at spaces into lines of at most width columns (width >= 1). A
 * word longer than width is broken. '\n' in text starts a new line. */
void wrap_text(const char *text, int width, struct wrapped *out);
void wrapped_free(struct wrapped *w);

#endif
