/* Why a lint before iniparser: 4.1 cuts unquoted values at ';' or '#', accepts
 * a missing closing quote, keeps the last of two duplicate keys, merges
 * duplicate sections, lets a comment ending in '\' swallow the next line,
 * chokes on a BOM and calls a NUL byte "line too long". None of that can be
 * seen after parsing, so it is checked here, with line numbers. */
#include "ini_lint.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "sanitize.h"
#include "strbuf.h"
#include "xalloc.h"

/* An open-addressing set of names, so duplicate checks stay linear. */
struct nameset {
	char **name;
	size_t *hash; /* compared before the names, which are far apart in memory */
	int *line;
	size_t cap, n;
};

static size_t name_hash(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void nameset_grow(struct nameset *set);

/* Adds name; returns 0, or the line of the earlier copy. */
static int nameset_add(struct nameset *set, const char *name, int line)
{
	if (2 * (set->n + 1) > set->cap)
		nameset_grow(set);
	size_t h = name_hash(name), i = h & (set->cap - 1);
	while (set->name[i]) {
		if (set->hash[i] == h && !strcmp(set->name[i], name))
			return set->line[i];
		i = (i + 1) & (set->cap - 1);
	}
	set->name[i] = xstrdup(name);
	set->hash[i] = h;
	set->line[i] = line;
	set->n++;
	return 0;
}

static void nameset_grow(struct nameset *set)
{
	struct nameset big = {.cap = set->cap ? set->cap * 2 : 64};
	big.name = xcalloc(big.cap, sizeof *big.name);
	big.hash = xcalloc(big.cap, sizeof *big.hash);
	big.line = xcalloc(big.cap, sizeof *big.line);
	for (size_t i = 0; i < set->cap; i++) {
		if (!set->name[i])
			continue;
		size_t k = set->hash[i] & (big.cap - 1);
		while (big.name[k])
			k = (k + 1) & (big.cap - 1);
		big.name[k] = set->name[i];
		big.hash[k] = set->hash[i];
		big.line[k] = set->line[i];
		big.n++;
	}
	free(set->name);
	free(set->hash);
	free(set->line);
	*set = big;
}

static void nameset_free(struct nameset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->name[i]);
	free(set->name);
	free(set->hash);
	free(set->line);
}

struct lint {
	const char *name;
	struct diags *d;
	struct ini_marks *marks;
	struct nameset sections, keys;
	const char *section; /* current, lower case (owned by marks); NULL before the first */
	int problems;
};

#define LINT_PROBLEM(l, line, where, ...)                                                   \
	do {                                                                                \
		diag_add((l)->d, (l)->name, (line), (where), __VA_ARGS__);                 \
		(l)->problems++;                                                            \
	} while (0)

static char *lower_dup(const char *s, size_t n)
{
	char *r = xstrndup(s, n);
	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

static int name_char(int c)
{
	return isalnum(c) || c == '_' || c == '.' || c == '-';
}

static int check_name(struct lint *l, int line, const char *what, const char *s, size_t n)
{
	if (n == 0) {
		LINT_PROBLEM(l, line, NULL, "empty %s name", what);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (name_char(c))
			continue;
		if (c == ':')
			LINT_PROBLEM(l, line, NULL, "%s name '%.*s' contains ':', which iniparser reads as a section separator", what, (int)n, s);
		else
			LINT_PROBLEM(l, line, NULL, "%s name '%.*s' may hold only ASCII letters, digits, '_', '.' and '-'", what, (int)n, s);
		return -1;
	}
	return 0;
}

static void add_mark(struct lint *l, const char *key, int line, size_t offset)
{
	struct ini_marks *m = l->marks;
	m->items = xgrow(m->items, &m->cap, m->n + 1, sizeof *m->items);
	m->items[m->n++] = (struct ini_mark){
		.section = l->section,
		.key = key ? xstrdup(key) : NULL,
		.line = line,
		.offset = offset,
	};
}

static void lint_section(struct lint *l, const char *s, size_t n, int line, size_t offset)
{
	const char *close = memchr(s, ']', n);
	if (!close) {
		LINT_PROBLEM(l, line, NULL, "section header has no closing ']'");
		return;
	}
	for (const char *p = close + 1; p < s + n; p++) {
		if (*p != ' ' && *p != '\t') {
			LINT_PROBLEM(l, line, NULL, "text after the section header's ']' is not allowed");
			break;
		}
	}
	const char *name = s + 1;
	size_t len = (size_t)(close - name);
	while (len && (*name == ' ' || *name == '\t'))
		name++, len--;
	while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
		len--;
	if (check_name(l, line, "section", name, len))
		return;
	struct ini_marks *m = l->marks;
	m->names = xgrow(m->names, &m->names_cap, m->nnames + 1, sizeof *m->names);
	l->section = m->names[m->nnames++] = lower_dup(name, len);
	int first = nameset_add(&l->sections, l->section, line);
	if (first)
		LINT_PROBLEM(l, line, l->section, "duplicate section (first at line %d); iniparser would merge them", first);
	else
		add_mark(l, NULL, line, offset);
}

static void lint_value(struct lint *l, const char *where, const char *v, size_t n, int line)
{
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	if (n && (v[0] == '"' || v[0] == '\'')) {
		const char *end = memchr(v + 1, v[0], n - 1);
		if (!end)
			LINT_PROBLEM(l, line, where, "value starts with %c but has no closing quote", v[0]);
		else if (end != v + n - 1)
			LINT_PROBLEM(l, line, where, "text after the closing quote would be dropped (quotes cannot be escaped)");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i] == ';' || v[i] == '#') {
			LINT_PROBLEM(l, line, where, "unquoted '%c' would cut the value short; put the value in double quotes", v[i]);
			return;
		}
	}
}

static void lint_key(struct lint *l, const char *s, size_t n, int line, size_t offset)
{
	const char *eq = memchr(s, '=', n);
	if (!eq) {
		LINT_PROBLEM(l, line, NULL, "expected '[section]', 'key = value' or a comment");
		return;
	}
	size_t klen = (size_t)(eq - s);
	while (klen && (s[klen - 1] == ' ' || s[klen - 1] == '\t'))
		klen--;
	if (check_name(l, line, "key", s, klen))
		return;
	/* names fit: the line is at most INI_MAX_LINE characters */
	char key[4 * INI_MAX_LINE + 1], where[8 * INI_MAX_LINE + 2];
	for (size_t i = 0; i < klen; i++)
		key[i] = (char)tolower((unsigned char)s[i]);
	key[klen] = '\0';
	if (!l->section) {
		LINT_PROBLEM(l, line, key, "key before the first [section]");
		return;
	}
	snprintf(where, sizeof where, "%s/%s", l->section, key);
	const char *v = eq + 1;
	size_t vlen = n - (size_t)(v - s);
	while (vlen && (*v == ' ' || *v == '\t'))
		v++, vlen--;
	lint_value(l, where, v, vlen, line);
	int first = nameset_add(&l->keys, where, line);
	if (first)
		LINT_PROBLEM(l, line, where, "duplicate key (first at line %d); iniparser would keep only the last", first);
	else
		add_mark(l, key, line, offset);
}

/* Beyond the sanitiser's rule (sanitize.h), which every output already
 * applies: the marks that change text direction without embedding (LRM, RLM,
 * ALM). No content needs them, and they can make a report lie about itself
 * (the "Trojan Source" trick), so content may not hold them either. */
static int is_direction_mark(unsigned cp)
{
	return cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* One character the sanitiser calls dangerous, or a direction mark: the
 * message for it, or NULL when it may stay. */
static const char *character_problem(unsigned cp, enum danger d)
{
	if (cp == '\t')
		return NULL;
	switch (d) {
	case DANGER_CONTROL:
	case DANGER_BIDI:
		return "control character";
	case DANGER_LINE_SEP:
		return "line or paragraph separator";
	case DANGER_INVALID:
		return "invalid UTF-8";
	case DANGER_NONE:
		break;
	}
	return is_direction_mark(cp) ? "control character" : NULL;
}

/* Byte-level checks of one line; returns -1 when the line must not be parsed. */
static int lint_bytes(struct lint *l, const char *s, size_t n, int line)
{
	int width = 0;
	for (size_t i = 0; i < n; width++) {
		unsigned cp;
		enum danger d;
		size_t plain = sanitize_plain_run(s + i, n - i);
		if (plain) { /* printable ASCII needs no closer look */
			i += plain;
			width += (int)plain - 1; /* and one more as the loop goes on */
			continue;
		}
		if (s[i] == '\0') {
			LINT_PROBLEM(l, line, NULL, "NUL byte at column %d", width + 1);
			return -1;
		}
		size_t k = sanitize_next(s + i, n - i, &cp, &d);
		const char *what = character_problem(cp, d);
		if (what && d == DANGER_INVALID)
			LINT_PROBLEM(l, line, NULL, "invalid UTF-8 at column %d; save the file as UTF-8", width + 1);
		else if (what && cp < 0x80)
			LINT_PROBLEM(l, line, NULL, "%s 0x%02X at column %d", what, cp, width + 1);
		else if (what)
			LINT_PROBLEM(l, line, NULL, "%s U+%04X at column %d", what, cp, width + 1);
		if (what)
			return -1;
		i += k;
	}
	if (width > INI_MAX_LINE) {
		LINT_PROBLEM(l, line, NULL, "line is %d characters long; the limit is %d", width, INI_MAX_LINE);
		return -1;
	}
	if (n && s[n - 1] == '\\') {
		LINT_PROBLEM(l, line, NULL, "line ends with '\\'; continuation lines are not supported");
		return -1;
	}
	return 0;
}

static void lint_line(struct lint *l, const char *s, size_t n, int line, size_t offset)
{
	if (n && s[n - 1] == '\r')
		n--;
	if (lint_bytes(l, s, n, line))
		return;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	if (n == 0 || *s == ';' || *s == '#')
		return;
	if (*s == '[')
		lint_section(l, s, n, line, offset);
	else
		lint_key(l, s, n, line, offset);
}

int ini_lint_marks(const char *data, size_t len, const char *name, struct diags *d,
		   struct ini_marks *marks)
{
	struct lint l = {.name = name, .d = d, .marks = marks};
	size_t pos = 0;
	int line = 1;

	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		LINT_PROBLEM(&l, 1, NULL, "file starts with a byte-order mark; save it as UTF-8 without BOM");
		pos = 3;
	}
	while (pos < len) {
		const char *nl = memchr(data + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
		lint_line(&l, data + pos, n, line, pos);
		pos += n + 1;
		line++;
	}
	nameset_free(&l.sections);
	nameset_free(&l.keys);
	return l.problems;
}

int ini_lint(const char *data, size_t len, const char *name, struct diags *d)
{
	struct ini_marks m = {0};
	int n = ini_lint_marks(data, len, name, d, &m);
	ini_marks_free(&m);
	return n;
}

void ini_marks_free(struct ini_marks *m)
{
	for (size_t i = 0; i < m->n; i++)
		free(m->items[i].key);
	for (size_t i = 0; i < m->nnames; i++)
		free(m->names[i]);
	free(m->items);
	free(m->names);
	*m = (struct ini_marks){0};
}
