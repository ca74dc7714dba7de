#include "keys.h"

#include <stdio.h>

#include "doc.h"
#include "texts.h"

struct binding {
	int key;
	int arg;
	int name; /* a text id, KEYS_AS_TYPED, or KEYS_NO_TEXT: not in the help */
};

struct action_row {
	const char *name;
	int what;
	int hint_key, hint_verb;
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

/* A key's name: c's text, or the character the key types (into typed). */
static const char *shown_name(const struct content *c, int name, int code, char typed[2])
{
	if (name != KEYS_AS_TYPED)
		return text_get(c, (enum text_id)name);
	typed[0] = code > ' ' && code < 0x7f ? (char)code : '?';
	typed[1] = '\0';
	return typed;
}

int keys_help_row(const struct content *c, enum action a, struct key_help *out)
{
	static char names[ACT_COUNT][160];
	const struct action_row *r = row(a);

	if (!r || r->what == KEYS_NO_TEXT)
		return 0;
	size_t n = 0;
	names[a][0] = '\0';
	for (size_t k = 0; k < r->nkeys && n < sizeof names[a]; k++) {
		char typed[2];
		if (r->keys[k].name == KEYS_NO_TEXT)
			continue;
		n += (size_t)snprintf(names[a] + n, sizeof names[a] - n, "%s%s", n ? ", " : "",
				      shown_name(c, r->keys[k].name, r->keys[k].key, typed));
	}
	out->act = a;
	out->keys = names[a];
	out->what = text_get(c, (enum text_id)r->what);
	return 1;
}

int keys_hint(const struct content *c, enum action a, const char **key, const char **verb)
{
	static char typed[ACT_COUNT][2];
	const struct action_row *r = row(a);

	if (!r || r->hint_key == KEYS_NO_TEXT)
		return 0;
	*key = shown_name(c, r->hint_key, r->keys[0].key, typed[a]);
	*verb = text_get(c, (enum text_id)r->hint_verb);
	return 1;
}

void keys_hint_rows(struct doc *d, const struct content *c, int width, const enum action *acts)
{
	int x = 0;

	doc_line(d, -1);
	for (const enum action *h = acts; *h != ACT_NONE; h++) {
		const char *key, *verb;
		if (!keys_hint(c, *h, &key, &verb))
			continue;
		int kw = doc_width(d, key);
		int need = kw + 1 + doc_width(d, verb);
		if (x > 0 && x + need > width) {
			doc_line(d, -1);
			x = 0;
		}
		doc_put(d, x, ROLE_KEY, key);
		doc_put(d, x + kw + 1, ROLE_NORMAL, verb);
		x += need + 3;
	}
}

enum action keys_lookup_for(int key, const enum action *offered, int *arg)
{
	for (const enum action *o = offered; o && *o != ACT_NONE; o++) {
		const struct action_row *r = row(*o);
		for (size_t k = 0; r && k < r->nkeys; k++)
			if (r->keys[k].key == key) {
				*arg = r->keys[k].arg;
				return *o;
			}
	}
	return keys_lookup(key, arg);
}

int keys_screen_only(enum action a)
{
	return a == ACT_FIND || a == ACT_FIND_NEXT || a == ACT_FILTER;
}
