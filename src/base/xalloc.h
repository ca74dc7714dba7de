/* Allocation that cannot fail quietly. Out of memory aborts: every caller would
 * otherwise carry an error path that no user could act on, and a half-built
 * wizard is worse than none. abort() also restores the terminal through the
 * fatal-signal handler of the curses layer. */
#ifndef OW_XALLOC_H
#define OW_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array of count elements of size bytes to at least need elements. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
