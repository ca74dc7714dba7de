/* Text measured and wrapped by display width (UTF-8 text, the C library's
 * widths), shared by the text reports and the screens. */
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
/* Display columns as the C library's wcwidth gives them, in the program's
 * locale when it is UTF-8 (what ncursesw draws by), else in C.UTF-8: text
 * is UTF-8 in every locale (layout.c says more). */
/* wcwidth of one code point: 0 (combining), 1, 2 (wide), or -1 for one it
 * does not print (a control, an unassigned code point). */
int cp_wcwidth(unsigned cp);
/* The columns one code point takes on screen: as cp_wcwidth, but 1 for one
 * it does not print (the terminal sanitiser shows '?' instead). */
int cp_width(unsigned cp);
/* Display columns of a UTF-8 string, and of its first len bytes. An invalid
 * byte is one column. */
int text_width(const char *s);
int text_width_n(const char *s, size_t len);
/* The longest prefix of s (in bytes) that fits in width columns: never half
 * a character, and a combining mark stays with the letter before it. */
size_t text_fit(const char *s, int width);
/* The bytes of the first character of s with the ones after it that take
 * no column (its accents, a variation selector): what no line may split.
 * 0 for "". */
size_t text_char_len(const char *s);
/* Wraps text at spaces into lines of at most width columns (width >= 1). A
 * word longer than width is broken. '\n' in text starts a new line. */
void wrap_text(const char *text, int width, struct wrapped *out);
void wrapped_free(struct wrapped *w);

#endif
