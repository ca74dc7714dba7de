/* Allocation that cannot fail quietly. Out of memory prints one line
 * ("outsource-wizard: out of memory (allocating N bytes)") and aborts: every
 * caller would otherwise carry an error path that no user could act on, and a
 * half-built wizard is worse than none. abort() then runs the fatal-signal
 * handler of the curses layer (the crash record of a finished interview). */
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
/* Called (async-signal-safe context: no allocation) before the line is
 * written, so the curses layer can put the terminal back first and the line
 * lands on the main screen, not the alternate one. NULL: none. */
void xalloc_set_fail_hook(void (*hook)(void));

#endif
