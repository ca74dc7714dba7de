/* One pass over each file's sections and keys, in file order. Every problem is
 * reported with file, line and section/key; parsing goes on after a problem so
 * that a trainer sees them all at once. */
#include "content_parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "strbuf.h"
#include "xalloc.h"

void parse_problem(struct parse_ctx *p, int line, const char *sec, const char *key,
		   const char *fmt, ...)
{
	struct strbuf where = {0}, what = {0};
	va_list ap;

	if (sec)
		sb_addf(&where, key ? "%s/%s" : "%s", sec, key);
	va_start(ap, fmt);
	sb_vaddf(&what, fmt, ap);
	va_end(ap);
	diag_add(p->d, p->file, line, sec ? sb_str(&where) : NULL, "%s", sb_str(&what));
	sb_free(&where);
	sb_free(&what);
}

/* "prefix.rest" -> rest, or NULL. */
static const char *after_prefix(const char *key, const char *prefix)
{
	size_t n = strlen(prefix);
	if (strncmp(key, prefix, n) || key[n] != '.' || key[n + 1] == '\0')
		return NULL;
	return key + n + 1;
}

static int parse_number(struct parse_ctx *p, const struct ini_section *s,
			const struct ini_entry *e, double *out)
{
	/* '.' in every locale: the shipped files are the same for everyone. */
	if (number_parse(e->value, out) == 0)
		return 0;
	PROBLEM(p, e->line, s->name, e->key,
		strchr(e->value, ',') ? "'%s' is not a number (write a point, not a comma: 0.5)"
				      : "'%s' is not a number", e->value);
	return -1;
}

static int parse_count(struct parse_ctx *p, const struct ini_section *s,
		       const struct ini_entry *e, const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (end == text || *end || v < 0 || v > 1000) {
		PROBLEM(p, e->line, s->name, e->key, "'%s' is not a whole number from 0 to 1000", text);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* A required, non-empty text key. */
static char *need_text(struct parse_ctx *p, const struct ini_section *s, const char *key)
{
	const struct ini_entry *e = ini_get(s, key);
	if (!e) {
		PROBLEM(p, s->line, s->name, key, "missing");
		return xstrdup("");
	}
	if (!e->value[0])
		PROBLEM(p, e->line, s->name, key, "is empty");
	return xstrdup(e->value);
}

static void unknown_key(struct parse_ctx *p, const struct ini_section *s, const struct ini_entry *e)
{
	PROBLEM(p, e->line, s->name, e->key, "unknown key");
}

static int is_one_of(const char *key, const char *const *names)
{
	for (; *names; names++)
		if (!strcmp(key, *names))
			return 1;
	return 0;
}

static void check_keys(struct parse_ctx *p, const struct ini_section *s, const char *const *known)
{
	for (size_t i = 0; i < s->n; i++)
		if (!is_one_of(s->entries[i].key, known))
			unknown_key(p, s, &s->entries[i]);
}

static const struct ini_section *need_section(struct parse_ctx *p, const struct ini_doc *doc,
					      const char *name)
{
	for (size_t i = 0; i < doc->n; i++)
		if (!strcmp(doc->sections[i].name, name))
			return &doc->sections[i];
	PROBLEM(p, 0, name, NULL, "section [%s] is missing", name);
	return NULL;
}

/* ---- wizard.ini ---- */

static void parse_scoring(struct parse_ctx *p, const struct ini_section *s)
{
	static const char *const known[] = {"clear", "leaning", "unsure_per_step", "mixed_step", NULL};
	struct scoring *sc = &p->c->scoring;
	const struct ini_entry *e;
	char n1[NUMBER_TEXT], n2[NUMBER_TEXT];

	check_keys(p, s, known);
	sc->clear = 0.35, sc->leaning = 0.15, sc->unsure_per_step = 0, sc->mixed_step = 0;
	if ((e = ini_get(s, "clear")))
		parse_number(p, s, e, &sc->clear);
	if ((e = ini_get(s, "leaning")))
		parse_number(p, s, e, &sc->leaning);
	if ((e = ini_get(s, "unsure_per_step")))
		parse_count(p, s, e, e->value, &sc->unsure_per_step);
	if ((e = ini_get(s, "mixed_step")) && parse_number(p, s, e, &sc->mixed_step) == 0 &&
	    !(sc->mixed_step >= 0 && sc->mixed_step < sc->clear))
		PROBLEM(p, e->line, s->name, e->key, "must be at least 0 and below clear (%s)",
			number_format(sc->clear, n1));
	if (!(sc->leaning > 0 && sc->leaning < sc->clear && sc->clear <= 1))
		PROBLEM(p, s->line, s->name, NULL,
			"thresholds must satisfy 0 < leaning < clear <= 1 (leaning %s, clear %s)",
			number_format(sc->leaning, n1), number_format(sc->clear, n2));
}

static void textlist_add(struct textlist *l, const char *id, const char *text);

/* [background]: title, intro and at least one fact.<id>. The section is
 * optional (a content set need not have a workshop page), but once there it
 * must be whole: the page would otherwise show a bare title. */
static void parse_background(struct parse_ctx *p, const struct ini_section *s)
{
	struct background *b = &p->c->background;
	const char *id;

	b->title = need_text(p, s, "title");
	b->intro = need_text(p, s, "intro");
	for (size_t k = 0; k < s->n; k++) {
		const struct ini_entry *e = &s->entries[k];
		if ((id = after_prefix(e->key, "fact"))) {
			if (!e->value[0])
				PROBLEM(p, e->line, s->name, e->key, "is empty");
			textlist_add(&b->facts, id, e->value);
		} else if (strcmp(e->key, "title") && strcmp(e->key, "intro")) {
			unknown_key(p, s, e);
		}
	}
	if (b->facts.n == 0)
		PROBLEM(p, s->line, s->name, NULL, "has no fact.<id> = text line");
}

void parse_wizard(struct parse_ctx *p, const struct ini_doc *doc)
{
	static const char *const wizard_keys[] = {"title", "tagline", "welcome", "duration",
						  "not_sure", NULL};
	static const char *const sections[] = {"wizard", "scoring", "background", NULL};
	struct content *c = p->c;
	const struct ini_section *s;

	for (size_t i = 0; i < doc->n; i++) {
		s = &doc->sections[i];
		if (!strcmp(s->name, "wording"))
			PROBLEM(p, s->line, s->name, NULL,
				"has moved to texts.ini: [result] headline_clear, headline_leaning, "
				"headline_split and split_detail");
		else if (!is_one_of(s->name, sections))
			PROBLEM(p, s->line, s->name, NULL, "unknown section");
	}
	if ((s = need_section(p, doc, "wizard"))) {
		check_keys(p, s, wizard_keys);
		c->title = need_text(p, s, "title");
		c->tagline = need_text(p, s, "tagline");
		c->welcome = need_text(p, s, "welcome");
		c->duration = need_text(p, s, "duration");
		c->not_sure = need_text(p, s, "not_sure");
	}
	if ((s = need_section(p, doc, "scoring")))
		parse_scoring(p, s);
	for (size_t i = 0; i < doc->n; i++)
		if (!strcmp(doc->sections[i].name, "background"))
			parse_background(p, &doc->sections[i]);
}

/* ---- models.ini ---- */

static void textlist_add(struct textlist *l, const char *id, const char *text)
{
	l->ids = xrealloc(l->ids, (l->n + 1) * sizeof *l->ids);
	l->texts = xrealloc(l->texts, (l->n + 1) * sizeof *l->texts);
	l->ids[l->n] = xstrdup(id);
	l->texts[l->n] = xstrdup(text);
	l->n++;
}

static int model_list_key(struct parse_ctx *p, struct model *m, const struct ini_section *s,
			  const struct ini_entry *e)
{
	static const char *const prefixes[] = {"service", "type", "benefit", "risk", "mitigation"};
	struct textlist *lists[] = {&m->services, &m->types, &m->benefits, &m->risks,
				    &m->mitigations};
	for (size_t i = 0; i < 5; i++) {
		const char *id = after_prefix(e->key, prefixes[i]);
		if (!id)
			continue;
		if (!e->value[0])
			PROBLEM(p, e->line, s->name, e->key, "is empty");
		textlist_add(lists[i], id, e->value);
		return 1;
	}
	return 0;
}

static void check_mitigations(struct parse_ctx *p, const struct model *m, const struct ini_section *s)
{
	for (size_t i = 0; i < m->mitigations.n; i++) {
		size_t k = 0;
		while (k < m->risks.n && strcmp(m->risks.ids[k], m->mitigations.ids[i]))
			k++;
		if (k == m->risks.n)
			PROBLEM(p, s->line, s->name, NULL, "mitigation.%s has no risk.%s",
				m->mitigations.ids[i], m->mitigations.ids[i]);
	}
}

void parse_models(struct parse_ctx *p, const struct ini_doc *doc)
{
	static const char *const texts[] = {"name", "full_name", "summary", "description",
					    "split_part", NULL};
	struct content *c = p->c;

	c->models = xcalloc(doc->n, sizeof *c->models);
	for (size_t i = 0; i < doc->n; i++) {
		const struct ini_section *s = &doc->sections[i];
		struct model *m = &c->models[c->nmodels++];
		m->id = xstrdup(s->name);
		m->name = need_text(p, s, "name");
		m->full_name = need_text(p, s, "full_name");
		m->summary = need_text(p, s, "summary");
		m->description = need_text(p, s, "description");
		m->split_part = need_text(p, s, "split_part");
		for (size_t k = 0; k < s->n; k++)
			if (!is_one_of(s->entries[k].key, texts) && !model_list_key(p, m, s, &s->entries[k]))
				unknown_key(p, s, &s->entries[k]);
		check_mitigations(p, m, s);
	}
	if (c->nmodels < 2)
		PROBLEM(p, 0, NULL, NULL, "%zu model%s defined; the wizard needs at least 2 to compare",
			c->nmodels, c->nmodels == 1 ? "" : "s");
}

/* ---- questions.ini ---- */

static struct qoption *find_option(struct question *q, const char *id)
{
	for (size_t i = 0; i < q->noptions; i++)
		if (!strcmp(q->options[i].id, id))
			return &q->options[i];
	return NULL;
}

static void add_option(struct question *q, size_t nmodels, const char *id, const char *label,
		       int line)
{
	q->options = xrealloc(q->options, (q->noptions + 1) * sizeof *q->options);
	q->options[q->noptions++] = (struct qoption){
		.id = xstrdup(id),
		.label = xstrdup(label),
		.points = xcalloc(nmodels, sizeof(double)),
		.line = line,
	};
}

static void option_points(struct parse_ctx *p, struct question *q, const struct ini_section *s,
			  const struct ini_entry *e, const char *rest)
{
	const char *dot = strrchr(rest, '.');
	if (!dot || dot == rest || !dot[1]) {
		PROBLEM(p, e->line, s->name, e->key, "expected points.<option>.<model>");
		return;
	}
	char *oid = xstrndup(rest, (size_t)(dot - rest));
	struct qoption *o = find_option(q, oid);
	int m = content_model_index(p->c, dot + 1);
	double v;
	if (!o)
		PROBLEM(p, e->line, s->name, e->key, "points for option '%s', which has no option.%s label", oid, oid);
	else if (m < 0)
		PROBLEM(p, e->line, s->name, e->key, "unknown model '%s'", dot + 1);
	else if (parse_number(p, s, e, &v) == 0)
		o->points[m] = v;
	free(oid);
}

static void option_tags(struct qoption *o, const char *value)
{
	char *copy = xstrdup(value), *save = NULL;
	for (char *w = strtok_r(copy, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
		o->tags = xrealloc(o->tags, (o->ntags + 1) * sizeof *o->tags);
		o->tags[o->ntags++] = xstrdup(w);
	}
	free(copy);
}

/* tag.<option>, weaken.<option>, weaken_why.<option> and points.<option>.<model> */
static int option_attribute(struct parse_ctx *p, struct question *q, const struct ini_section *s,
			    const struct ini_entry *e)
{
	enum { TAG, WEAKEN, WHY } kind;
	const char *rest;
	struct qoption *o;

	if ((rest = after_prefix(e->key, "points"))) {
		option_points(p, q, s, e, rest);
		return 1;
	}
	if ((rest = after_prefix(e->key, "tag")))
		kind = TAG;
	else if ((rest = after_prefix(e->key, "weaken")))
		kind = WEAKEN;
	else if ((rest = after_prefix(e->key, "weaken_why")))
		kind = WHY;
	else
		return 0;
	if (!(o = find_option(q, rest)))
		PROBLEM(p, e->line, s->name, e->key, "option '%s' has no option.%s label", rest, rest);
	else if (kind == TAG)
		option_tags(o, e->value);
	else if (kind == WEAKEN)
		parse_count(p, s, e, e->value, &o->weaken);
	else if (!e->value[0])
		PROBLEM(p, e->line, s->name, e->key, "is empty: say why this answer lowers the strength");
	else
		o->weaken_why = xstrdup(e->value);
	return 1;
}

/* The strength line names why it was lowered, so a weakening answer says why. */
static void check_weaken_why(struct parse_ctx *p, const struct question *q, const struct ini_section *s)
{
	for (size_t k = 0; k < q->noptions; k++)
		if (q->options[k].weaken > 0 && !q->options[k].weaken_why)
			PROBLEM(p, q->options[k].line, s->name, NULL,
				"weaken.%s needs weaken_why.%s: the words the strength line gives as the reason",
				q->options[k].id, q->options[k].id);
}

static void parse_question(struct parse_ctx *p, struct question *q, const struct ini_section *s)
{
	static const char *const texts[] = {"title", "text", "help", "weight", NULL};
	const struct ini_entry *e;
	const char *oid;

	q->id = xstrdup(s->name);
	q->line = s->line;
	q->title = need_text(p, s, "title");
	q->text = need_text(p, s, "text");
	q->help = need_text(p, s, "help");
	q->weight = 1;
	if (!(e = ini_get(s, "weight")))
		PROBLEM(p, s->line, s->name, "weight", "missing");
	else if (parse_number(p, s, e, &q->weight) == 0 && q->weight < 0)
		PROBLEM(p, e->line, s->name, e->key, "must not be negative");
	for (size_t k = 0; k < s->n; k++) {
		e = &s->entries[k];
		if (!(oid = after_prefix(e->key, "option")))
			continue;
		if (!strcmp(oid, "not_sure"))
			PROBLEM(p, e->line, s->name, e->key, "'not_sure' is added by the wizard itself; remove it");
		else if (!e->value[0])
			PROBLEM(p, e->line, s->name, e->key, "option '%s' has no label", oid);
		else
			add_option(q, p->c->nmodels, oid, e->value, e->line);
	}
	for (size_t k = 0; k < s->n; k++) {
		e = &s->entries[k];
		if (!is_one_of(e->key, texts) && !after_prefix(e->key, "option") &&
		    !option_attribute(p, q, s, e))
			unknown_key(p, s, e);
	}
	if (q->noptions < 2)
		PROBLEM(p, s->line, s->name, NULL, "has %zu option%s; a question needs at least 2",
			q->noptions, q->noptions == 1 ? "" : "s");
	check_weaken_why(p, q, s);
	add_option(q, p->c->nmodels, "not_sure", p->c->not_sure ? p->c->not_sure : "Not sure", s->line);
	q->options[q->noptions - 1].unsure = 1;
}

void parse_questions(struct parse_ctx *p, const struct ini_doc *doc)
{
	struct content *c = p->c;

	c->questions = xcalloc(doc->n, sizeof *c->questions);
	for (size_t i = 0; i < doc->n; i++)
		parse_question(p, &c->questions[c->nquestions++], &doc->sections[i]);
	if (c->nquestions == 0)
		PROBLEM(p, 0, NULL, NULL, "no questions defined");
}

/* ---- comparison.ini ---- */

static void parse_row(struct parse_ctx *p, struct row *r, const struct ini_section *s)
{
	const struct content *c = p->c;
	const struct ini_entry *e;

	r->id = xstrdup(s->name);
	r->dimension = need_text(p, s, "dimension");
	r->question = -1;
	r->cells = xcalloc(c->nmodels, sizeof *r->cells);
	if ((e = ini_get(s, "question")) && (r->question = content_question_index(c, e->value)) < 0)
		PROBLEM(p, e->line, s->name, e->key, "link to unknown question '%s'", e->value);
	for (size_t m = 0; m < c->nmodels; m++) {
		e = ini_get(s, c->models[m].id);
		if (!e || !e->value[0])
			PROBLEM(p, e ? e->line : s->line, s->name, NULL, "missing the cell for model '%s'",
				c->models[m].id);
		r->cells[m] = xstrdup(e ? e->value : "");
	}
	for (size_t k = 0; k < s->n; k++) {
		e = &s->entries[k];
		if (strcmp(e->key, "dimension") && strcmp(e->key, "question") &&
		    content_model_index(c, e->key) < 0)
			PROBLEM(p, e->line, s->name, e->key, "unknown key (not 'dimension', 'question' or a model id)");
	}
}

void parse_rows(struct parse_ctx *p, const struct ini_doc *doc)
{
	struct content *c = p->c;

	c->rows = xcalloc(doc->n, sizeof *c->rows);
	for (size_t i = 0; i < doc->n; i++)
		parse_row(p, &c->rows[c->nrows++], &doc->sections[i]);
}

/* ---- advisories.ini ---- */

/* "q=o q=o ..." into refs. */
static void parse_refs(struct parse_ctx *p, const struct ini_section *s, const struct ini_entry *e,
		       struct choice_ref **out, size_t *n)
{
	char *copy = xstrdup(e->value), *save = NULL;

	for (char *w = strtok_r(copy, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
		char *eq = strchr(w, '=');
		int q = -1, o = -1;
		if (eq) {
			*eq = '\0';
			q = content_question_index(p->c, w);
		}
		if (!eq)
			PROBLEM(p, e->line, s->name, e->key, "'%s' is not question=option", w);
		else if (q < 0)
			PROBLEM(p, e->line, s->name, e->key, "unknown question '%s'", w);
		else if ((o = content_option_index(&p->c->questions[q], eq + 1)) < 0)
			PROBLEM(p, e->line, s->name, e->key, "question '%s' has no option '%s'", w, eq + 1);
		else {
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = (struct choice_ref){q, o};
		}
	}
	free(copy);
}

static void parse_when_tag(struct parse_ctx *p, struct advisory *a, const struct ini_section *s,
			   const struct ini_entry *e)
{
	char tag[128];
	int used = 0;
	if (sscanf(e->value, "%127s %n", tag, &used) != 1 || !e->value[used]) {
		PROBLEM(p, e->line, s->name, e->key, "expected '<tag> <count>', e.g. 'mixed 2'");
		return;
	}
	a->when_tag = xstrdup(tag);
	if (parse_count(p, s, e, e->value + used, &a->when_tag_count) == 0 && a->when_tag_count < 1)
		PROBLEM(p, e->line, s->name, e->key, "count must be at least 1");
}

static void parse_part(struct parse_ctx *p, struct advisory *a, const struct ini_section *s,
		       const struct ini_entry *e)
{
	if (!strcmp(e->value, "where"))
		a->part = PART_WHERE;
	else if (strcmp(e->value, "advice"))
		PROBLEM(p, e->line, s->name, e->key, "'%s' is not advice or where", e->value);
}

static void parse_advisory(struct parse_ctx *p, struct advisory *a, const struct ini_section *s)
{
	a->id = xstrdup(s->name);
	a->title = need_text(p, s, "title");
	a->text = need_text(p, s, "text");
	a->when_strength = -1;
	for (size_t k = 0; k < s->n; k++) {
		const struct ini_entry *e = &s->entries[k];
		if (!strcmp(e->key, "when_any"))
			parse_refs(p, s, e, &a->when_any, &a->nwhen_any);
		else if (!strcmp(e->key, "when_all"))
			parse_refs(p, s, e, &a->when_all, &a->nwhen_all);
		else if (!strcmp(e->key, "unless_any"))
			parse_refs(p, s, e, &a->unless_any, &a->nunless_any);
		else if (!strcmp(e->key, "part"))
			parse_part(p, a, s, e);
		else if (!strcmp(e->key, "when_tag"))
			parse_when_tag(p, a, s, e);
		else if (!strcmp(e->key, "when_strength")) {
			if ((a->when_strength = strength_from_name(e->value)) < 0)
				PROBLEM(p, e->line, s->name, e->key, "'%s' is not clear, leaning or split", e->value);
		} else if (strcmp(e->key, "title") && strcmp(e->key, "text"))
			unknown_key(p, s, e);
	}
	if (!a->nwhen_any && !a->nwhen_all && !a->when_tag && a->when_strength < 0)
		PROBLEM(p, s->line, s->name, NULL, "no condition: add when_any, when_all, when_tag or when_strength");
}

void parse_advisories(struct parse_ctx *p, const struct ini_doc *doc)
{
	struct content *c = p->c;

	c->advisories = xcalloc(doc->n, sizeof *c->advisories);
	for (size_t i = 0; i < doc->n; i++)
		parse_advisory(p, &c->advisories[c->nadvisories++], &doc->sections[i]);
}
