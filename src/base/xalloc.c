#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void (*before_message)(void);

void xalloc_set_fail_hook(void (*hook)(void))
{
	before_message = hook;
}

/* Only write(2) and no allocation: the heap is what just ran out. */
static void out_of_memory(size_t n)
{
	char digits[24], line[96];
	size_t d = sizeof digits, len = 0;
	static const char head[] = "outsource-wizard: out of memory (allocating ";
	static const char tail[] = " bytes)\n";

	do
		digits[--d] = (char)('0' + n % 10);
	while ((n /= 10) && d > 0);
	memcpy(line, head, sizeof head - 1);
	len = sizeof head - 1;
	memcpy(line + len, digits + d, sizeof digits - d);
	len += sizeof digits - d;
	memcpy(line + len, tail, sizeof tail - 1);
	len += sizeof tail - 1;
	if (before_message)
		before_message();
	ssize_t r = write(STDERR_FILENO, line, len);
	(void)r;
	abort();
}

static void *check(void *p, size_t n)
{
	if (!p)
		out_of_memory(n);
	return p;
}

void *xmalloc(size_t n)
{
	return check(malloc(n ? n : 1), n);
}

void *xcalloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	return check(calloc(count ? count : 1, size ? size : 1), count * size);
}

void *xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1), n);
}

void *xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	if (n > SIZE_MAX / size)
		out_of_memory(SIZE_MAX);
	*cap = n;
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		out_of_memory(strlen(s) + 1);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);
	if (!p)
		out_of_memory(strnlen(s, n) + 1);
	return p;
}
