/* A hash index over the strings of a caller's array: finds the position of a
 * string in expected constant time, so counting n values, however many are
 * distinct, stays linear. The array keeps the order (first seen first); the
 * index only maps a string to its position in it. The hash is seeded per
 * process, so a crafted file cannot line its values up in one chain. */
#ifndef OW_STRINDEX_H
#define OW_STRINDEX_H

#include <stddef.h>

struct strindex {
	size_t *slot; /* position + 1; 0 is an empty slot */
	size_t cap;   /* 0 or a power of two */
	size_t n;
};

/* The position i with strcmp(keys[i], key) == 0, or -1. */
long strindex_find(const struct strindex *ix, char *const *keys, const char *key);
/* Indexes keys[pos], which the caller has just stored (and which is not in
 * the index yet). keys must hold every position indexed so far. */
void strindex_add(struct strindex *ix, char *const *keys, size_t pos);
void strindex_free(struct strindex *ix);

#endif
