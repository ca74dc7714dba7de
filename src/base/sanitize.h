/* Text made safe for where it goes. Content, answers files and results logs
 * come from people, and what they wrote ends up on a terminal, in a markdown
 * handout, in JSON for other programs and in a CSV log someone may open in a
 * spreadsheet or cat. One rule says which characters are dangerous in all of
 * them (sanitize_next); each policy says only what such a character becomes
 * there and adds the escaping its format needs. */
#ifndef OW_SANITIZE_H
#define OW_SANITIZE_H

#include <stddef.h>

#include "strbuf.h"

/* Why a character must not reach an output as it is. */
enum danger {
	DANGER_NONE,
	DANGER_CONTROL,  /* C0 (tab and newline too), DEL, C1: drive a terminal */
	DANGER_LINE_SEP, /* U+2028, U+2029: a line break to some viewers, not to others */
	DANGER_BIDI,     /* U+202A-202E, U+2066-2069: reorder text on screen */
	DANGER_INVALID,  /* a byte that is not UTF-8 (a real U+FFFD is fine) */
};

/* How many bytes at s are printable ASCII, which no policy changes: the
 * fast path of every loop over text. */
size_t sanitize_plain_run(const char *s, size_t len);
/* Decodes the character at s (len >= 1 bytes left): returns its length in
 * bytes, sets *cp (U+FFFD for an invalid byte) and *d. */
size_t sanitize_next(const char *s, size_t len, unsigned *cp, enum danger *d);

enum sanitize_policy {
	/* '?' for a dangerous character and for one the C library does not
	 * print (wcwidth -1), a space for a tab, the emoji variation selector
	 * U+FE0F dropped (terminals disagree on its width); with SANITIZE_ASCII
	 * the ASCII look-alikes of typographic characters and '?' for any other
	 * non-ASCII one, combining marks dropped. */
	SANITIZE_TERMINAL,
	/* '?' for a dangerous character, a space for a tab, what markdown would
	 * interpret escaped with '\'; '\r' is a space, and so is '\n' unless
	 * kept. */
	SANITIZE_MARKDOWN,
	/* A quoted JSON string: '"' and '\' escaped, a dangerous character as
	 * \uXXXX, an invalid byte as \ufffd. */
	SANITIZE_JSON,
	/* One CSV cell: a dangerous character dropped, an invalid byte U+FFFD; a
	 * leading = + - @ ' gets a ' (no formula), quoted when it holds , or ". */
	SANITIZE_CSV,
};

#define SANITIZE_KEEP_NEWLINES 1u /* terminal, markdown: '\n' stays a line break */
#define SANITIZE_ASCII 2u         /* terminal: ASCII only, for a locale that is not UTF-8 */

/* Appends s (NULL as "") to out as policy p writes it. */
void sanitize_add(struct strbuf *out, const char *s, enum sanitize_policy p, unsigned flags);
/* The same as a malloc'd string. */
char *sanitize_dup(const char *s, enum sanitize_policy p, unsigned flags);

/* Shorthands for the terminal policy, the one most call sites want. */
char *text_for_terminal(const char *s, int ascii, int keep_newlines);
void sb_add_safe(struct strbuf *sb, const char *s, int keep_newlines);

/* setlocale(LC_ALL, "") for the user's characters and words, then LC_NUMERIC
 * back to "C": every number the program writes (reports, JSON, the results
 * log, the summary) and reads must use '.', whatever the locale, or a German
 * facilitator's JSON would hold "0,35" and other programs could not read it.
 * Every entry point calls this instead of setlocale. */
void locale_setup(void);

/* 1 when LC_CTYPE's codeset is UTF-8 (the caller has called setlocale):
 * otherwise terminal text wants SANITIZE_ASCII. */
int locale_is_utf8(void);

#endif
