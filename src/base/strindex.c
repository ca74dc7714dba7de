#include "strindex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

static uint64_t seed(void)
{
	static uint64_t s;

	if (!s) {
		if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s)
			s = (uint64_t)time(NULL) * 0x9E3779B97F4A7C15u ^ (uint64_t)getpid();
		s |= 1;
	}
	return s;
}

/* FNV-1a from a random start, then a 64-bit finaliser so the low bits
 * (which pick the slot) depend on every byte. */
static size_t hash(const char *s)
{
	uint64_t h = seed();

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001B3u;
	}
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDu;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53u;
	h ^= h >> 33;
	return (size_t)h;
}

long strindex_find(const struct strindex *ix, char *const *keys, const char *key)
{
	if (!ix->cap)
		return -1;
	for (size_t i = hash(key) & (ix->cap - 1);; i = (i + 1) & (ix->cap - 1)) {
		size_t p = ix->slot[i];
		if (!p)
			return -1;
		if (strcmp(keys[p - 1], key) == 0)
			return (long)(p - 1);
	}
}

static void put(size_t *slot, size_t cap, const char *key, size_t pos)
{
	size_t i = hash(key) & (cap - 1);

	while (slot[i])
		i = (i + 1) & (cap - 1);
	slot[i] = pos + 1;
}

/* Kept at most half full, so a probe is short. */
static void grow(struct strindex *ix, char *const *keys)
{
	size_t cap = ix->cap ? ix->cap * 2 : 16;
	size_t *slot = xcalloc(cap, sizeof *slot);

	for (size_t i = 0; i < ix->cap; i++)
		if (ix->slot[i])
			put(slot, cap, keys[ix->slot[i] - 1], ix->slot[i] - 1);
	free(ix->slot);
	ix->slot = slot;
	ix->cap = cap;
}

void strindex_add(struct strindex *ix, char *const *keys, size_t pos)
{
	if (2 * (ix->n + 1) > ix->cap)
		grow(ix, keys);
	put(ix->slot, ix->cap, keys[pos], pos);
	ix->n++;
}

void strindex_free(struct strindex *ix)
{
	free(ix->slot);
	memset(ix, 0, sizeof *ix);
}
