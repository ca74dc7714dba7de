/* A growable, always NUL-terminated byte string. The owner calls sb_free. */
#ifndef OW_STRBUF_H
#define OW_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf; /* NUL-terminated; NULL until the first append */
	size_t len;
	size_t cap;
};

void sb_add(struct strbuf *sb, const char *s);
void sb_addn(struct strbuf *sb, const char *s, size_t n);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
/* The contents, or "" when empty; never NULL. */
const char *sb_str(const struct strbuf *sb);
/* Hands the buffer to the caller (who frees it) and resets sb. Never NULL. */
char *sb_take(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
void sb_free(struct strbuf *sb);

#endif
