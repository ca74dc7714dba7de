#include "keys.h"

#include <stdio.h>

#include "doc.h"
#include "layout.h"

struct binding {
	int key;
	int arg;
	const char *name; /* as the help shows it, or NULL */
};

struct action_row {
	const char *name;
	const char *what;
	const char *hint_key, *hint_verb;
	const struct binding *keys;
	size_t nkeys;
};

#define KEYS_BINDING(code, arg, name) {code, arg, name},
#define KEYS_BINDINGS(name, what, hint_key, hint_verb, keys)                                  \
	static const struct binding keys_##name[] = {keys};
KEYS_ACTIONS(KEYS_BINDINGS, KEYS_BINDING)

#define KEYS_ROW(name, what, hint_key, hint_verb, keys)                                       \
	[ACT_##name] = {#name, what, hint_key, hint_verb, keys_##name,                         \
			sizeof keys_##name / sizeof keys_##name[0]},
static const struct action_row rows[ACT_COUNT] = {KEYS_ACTIONS(KEYS_ROW, )};

static const struct action_row *row(enum action a)
{
	return a > ACT_NONE && a < ACT_COUNT ? &rows[a] : NULL;
}

enum action keys_lookup(int key, int *arg)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		for (size_t k = 0; k < rows[a].nkeys; k++)
			if (rows[a].keys[k].key == key) {
				*arg = rows[a].keys[k].arg;
				return (enum action)a;
			}
	*arg = 0;
	return ACT_NONE;
}

const char *keys_name(enum action a)
{
	return row(a) ? row(a)->name : "NONE";
}

int keys_help_row(enum action a, struct key_help *out)
{
	static char names[ACT_COUNT][64];
	const struct action_row *r = row(a);

	if (!r || !r->what)
		return 0;
	size_t n = 0;
	names[a][0] = '\0';
	for (size_t k = 0; k < r->nkeys && n < sizeof names[a]; k++)
		if (r->keys[k].name)
			n += (size_t)snprintf(names[a] + n, sizeof names[a] - n, "%s%s", n ? ", " : "",
					      r->keys[k].name);
	out->act = a;
	out->keys = names[a];
	out->what = r->what;
	return 1;
}

int keys_hint(enum action a, const char **key, const char **verb)
{
	const struct action_row *r = row(a);

	if (!r || !r->hint_key)
		return 0;
	*key = r->hint_key;
	*verb = r->hint_verb;
	return 1;
}

void keys_hint_rows(struct doc *d, int width, const enum action *acts)
{
	int x = 0;

	doc_line(d, -1);
	for (const enum action *h = acts; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (!keys_hint(*h, &key, &verb))
			continue;
		int need = text_width(key) + 1 + text_width(verb);
		if (x > 0 && x + need > width) {
			doc_line(d, -1);
			x = 0;
		}
		doc_put(d, x, ROLE_KEY, key);
		doc_put(d, x + text_width(key) + 1, ROLE_NORMAL, verb);
		x += need + 3;
	}
}
