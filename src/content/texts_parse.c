/* texts.ini against text_ids.def: every key there, no other, none empty,
 * and each text using exactly the {placeholders} its key takes, so a
 * reworded or translated text can neither drop a value nor ask for one the
 * program does not have. */
#include <stdlib.h>
#include <string.h>

#include "content_parse.h"
#include "strbuf.h"
#include "texts.h"
#include "xalloc.h"

static int find_text(const char *section, const char *key, int *section_known)
{
	*section_known = 0;
	for (int id = 0; id < T_COUNT; id++) {
		if (strcmp(text_section((enum text_id)id), section))
			continue;
		*section_known = 1;
		if (!strcmp(text_key((enum text_id)id), key))
			return id;
	}
	return -1;
}

/* 1 when the space-separated list has the name of length len, required or
 * optional ("name?"). */
static int listed(const char *list, const char *name, size_t len)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, " ");
		if (n && p[n - 1] == '?')
			n--;
		if (n == len && !strncmp(p, name, len))
			return 1;
		p += strcspn(p, " ");
		p += strspn(p, " ");
	}
	return 0;
}

/* The placeholders of id as a message shows them: "model (optional)" for
 * "model?", "none" for none. */
static void describe_placeholders(struct strbuf *out, enum text_id id)
{
	const char *p = text_placeholders(id);

	if (!*p)
		sb_add(out, "none");
	while (*p) {
		size_t n = strcspn(p, " ");
		int optional = n && p[n - 1] == '?';
		sb_addn(out, p, optional ? n - 1 : n);
		if (optional)
			sb_add(out, " (optional)");
		p += n;
		p += strspn(p, " ");
		if (*p)
			sb_addc(out, ' ');
	}
}

/* Placeholders the value uses that the key does not take, and a "{" that is
 * never closed. */
static void check_used(struct parse_ctx *p, const struct ini_section *s, const struct ini_entry *e,
		       enum text_id id)
{
	for (const char *q = e->value; (q = strchr(q, '{'));) {
		if (q[1] == '{') {
			q += 2;
			continue;
		}
		size_t len = strcspn(q + 1, "{}");
		if (q[1 + len] != '}') {
			PROBLEM(p, e->line, s->name, e->key, "'{' is not closed (write {{ for a brace)");
			return;
		}
		if (!listed(text_placeholders(id), q + 1, len)) {
			struct strbuf takes = {0};
			describe_placeholders(&takes, id);
			PROBLEM(p, e->line, s->name, e->key, "unknown placeholder {%.*s}; this text takes: %s",
				(int)len, q + 1, sb_str(&takes));
			sb_free(&takes);
		}
		q += len + 2;
	}
}

/* 1 when value has the placeholder {name} (len bytes), read as text_expand
 * reads it: "{{name}" is a brace and the word, not the placeholder. */
static int uses(const char *value, const char *name, size_t len)
{
	for (const char *q = value; (q = strchr(q, '{'));) {
		if (q[1] == '{') {
			q += 2;
			continue;
		}
		size_t n = strcspn(q + 1, "{}");
		if (q[1 + n] != '}')
			return 0;
		if (n == len && !strncmp(q + 1, name, len))
			return 1;
		q += n + 2;
	}
	return 0;
}

/* Placeholders the key needs (not marked optional) that the value leaves out. */
static void check_needed(struct parse_ctx *p, const struct ini_section *s,
			 const struct ini_entry *e, enum text_id id)
{
	for (const char *n = text_placeholders(id); *n;) {
		size_t len = strcspn(n, " ");
		if (len && n[len - 1] != '?' && !uses(e->value, n, len))
			PROBLEM(p, e->line, s->name, e->key, "must use {%.*s}", (int)len, n);
		n += len;
		n += strspn(n, " ");
	}
}

static void take_entry(struct parse_ctx *p, const struct ini_section *s, const struct ini_entry *e)
{
	int section_known;
	int id = find_text(s->name, e->key, &section_known);

	if (id < 0) {
		if (section_known)
			PROBLEM(p, e->line, s->name, e->key, "unknown key");
		return; /* an unknown section is reported once, below */
	}
	if (!e->value[0])
		PROBLEM(p, e->line, s->name, e->key, "is empty");
	check_used(p, s, e, (enum text_id)id);
	check_needed(p, s, e, (enum text_id)id);
	free(p->c->texts[id]);
	p->c->texts[id] = xstrdup(e->value);
}

void parse_texts(struct parse_ctx *p, const struct ini_doc *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		const struct ini_section *s = &doc->sections[i];
		int section_known;
		find_text(s->name, "", &section_known);
		if (!section_known)
			PROBLEM(p, s->line, s->name, NULL, "unknown section");
		for (size_t k = 0; k < s->n; k++)
			take_entry(p, s, &s->entries[k]);
	}
	for (int id = 0; id < T_COUNT; id++)
		if (!p->c->texts[id]) {
			PROBLEM(p, 0, text_section((enum text_id)id), text_key((enum text_id)id), "missing");
			p->c->texts[id] = xstrdup("");
		}
}
