#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "content_parse.h"
#include "ini.h"
#include "strbuf.h"
#include "xalloc.h"

#define NFILES CONTENT_NFILES

const char *const content_files[] = {"wizard.ini", "models.ini", "questions.ini",
				     "comparison.ini", "advisories.ini", "texts.ini", NULL};

typedef void (*file_parser)(struct parse_ctx *, const struct ini_doc *);
static const file_parser parsers[NFILES] = {parse_wizard, parse_models, parse_questions,
					    parse_rows, parse_advisories, parse_texts};

/* Parses the documents in order; a file that failed to read is skipped, and
 * files that depend on it (models before questions and rows) are not
 * validated against it, so one broken file does not bury its own errors. */
static int build(struct ini_doc docs[NFILES], const int ok[NFILES], char *const names[NFILES],
		 struct content *c, struct diags *d)
{
	size_t before = d->n;
	for (int i = 0; i < NFILES; i++) {
		if (!ok[i] || (i >= 2 && i <= 4 && (!ok[1] || (i >= 3 && !ok[2]))))
			continue;
		struct parse_ctx p = {.c = c, .d = d, .file = names[i]};
		parsers[i](&p, &docs[i]);
	}
	return d->n == before ? 0 : -1;
}

static int finish(struct ini_doc docs[NFILES], int ok[NFILES], char *names[NFILES],
		  struct content *c, struct diags *d, size_t before)
{
	int rc = build(docs, ok, names, c, d);
	for (int i = 0; i < NFILES; i++) {
		ini_doc_free(&docs[i]);
		free(names[i]);
	}
	if (rc || d->n != before) {
		content_free(c);
		return -1;
	}
	return 0;
}

int content_load(const char *dir, struct content *c, struct diags *d)
{
	struct ini_doc docs[NFILES] = {{0}};
	int ok[NFILES];
	char *names[NFILES];
	size_t before = d->n;

	*c = (struct content){.dir = xstrdup(dir)};
	for (int i = 0; i < NFILES; i++) {
		struct strbuf path = {0};
		sb_addf(&path, "%s/%s", dir, content_files[i]);
		names[i] = sb_take(&path);
		ok[i] = ini_read_file(names[i], names[i], &docs[i], d) == 0;
	}
	return finish(docs, ok, names, c, d, before);
}

int content_load_mem(const char *const data[], const size_t len[], const char *label,
		     struct content *c, struct diags *d)
{
	struct ini_doc docs[NFILES] = {{0}};
	int ok[NFILES];
	char *names[NFILES];
	size_t before = d->n;

	*c = (struct content){.dir = xstrdup(label)};
	for (int i = 0; i < NFILES; i++) {
		struct strbuf name = {0};
		sb_addf(&name, "%s/%s", label, content_files[i]);
		names[i] = sb_take(&name);
		ok[i] = ini_read_mem(data[i], len[i], names[i], &docs[i], d) == 0;
	}
	return finish(docs, ok, names, c, d, before);
}

static void textlist_free(struct textlist *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->ids[i]);
		free(l->texts[i]);
	}
	free(l->ids);
	free(l->texts);
}

static void model_free(struct model *m)
{
	free(m->id);
	free(m->name);
	free(m->full_name);
	free(m->summary);
	free(m->description);
	free(m->split_part);
	textlist_free(&m->services);
	textlist_free(&m->types);
	textlist_free(&m->benefits);
	textlist_free(&m->risks);
	textlist_free(&m->mitigations);
}

static void question_free(struct question *q)
{
	for (size_t i = 0; i < q->noptions; i++) {
		struct qoption *o = &q->options[i];
		free(o->id);
		free(o->label);
		free(o->weaken_why);
		free(o->points);
		for (size_t t = 0; t < o->ntags; t++)
			free(o->tags[t]);
		free(o->tags);
	}
	free(q->options);
	free(q->id);
	free(q->title);
	free(q->text);
	free(q->help);
}

static void row_free(struct row *r, size_t nmodels)
{
	for (size_t m = 0; m < nmodels && r->cells; m++)
		free(r->cells[m]);
	free(r->cells);
	free(r->id);
	free(r->dimension);
}

static void advisory_free(struct advisory *a)
{
	free(a->id);
	free(a->title);
	free(a->text);
	free(a->when_any);
	free(a->when_all);
	free(a->unless_any);
	free(a->when_tag);
}

void content_free(struct content *c)
{
	for (size_t i = 0; i < c->nmodels; i++)
		model_free(&c->models[i]);
	for (size_t i = 0; i < c->nquestions; i++)
		question_free(&c->questions[i]);
	for (size_t i = 0; i < c->nrows; i++)
		row_free(&c->rows[i], c->nmodels);
	for (size_t i = 0; i < c->nadvisories; i++)
		advisory_free(&c->advisories[i]);
	free(c->models);
	free(c->questions);
	free(c->rows);
	free(c->advisories);
	free(c->dir);
	free(c->title);
	free(c->tagline);
	free(c->welcome);
	free(c->duration);
	free(c->not_sure);
	free(c->background.title);
	free(c->background.intro);
	textlist_free(&c->background.facts);
	for (int t = 0; t < T_COUNT; t++)
		free(c->texts[t]);
	*c = (struct content){0};
}

int content_question_index(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->nquestions; i++)
		if (!strcmp(c->questions[i].id, id))
			return (int)i;
	return -1;
}

int content_option_index(const struct question *q, const char *id)
{
	for (size_t i = 0; i < q->noptions; i++)
		if (!strcmp(q->options[i].id, id))
			return (int)i;
	return -1;
}

int content_model_index(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->nmodels; i++)
		if (!strcmp(c->models[i].id, id))
			return (int)i;
	return -1;
}

const char *strength_name(enum strength s)
{
	static const char *const names[] = {"clear", "leaning", "split"};
	return s >= 0 && s < STRENGTH_COUNT ? names[s] : "unknown";
}

int strength_from_name(const char *name)
{
	for (int s = 0; s < STRENGTH_COUNT; s++)
		if (!strcmp(name, strength_name((enum strength)s)))
			return s;
	return strcmp(name, "close") ? -1 : STRENGTH_SPLIT;
}

/* ---- look-ups ---- */

const struct qoption *content_unsure_option(const struct question *q)
{
	if (q->noptions == 0)
		return NULL;
	for (size_t i = 0; i < q->noptions; i++)
		if (q->options[i].unsure)
			return &q->options[i];
	return &q->options[q->noptions - 1];
}

const struct qoption *content_chosen_option(const struct question *q, int choice)
{
	if (choice < 0 || (size_t)choice >= q->noptions)
		return content_unsure_option(q);
	return &q->options[choice];
}

const char *content_option_label(const struct content *c, const struct qoption *o)
{
	if (!o)
		return c->not_sure ? c->not_sure : "";
	if (o->unsure && c->not_sure)
		return c->not_sure;
	return o->label ? o->label : (o->id ? o->id : "");
}

const char *content_option_label_at(const struct content *c, int qi, int oi)
{
	if (qi < 0 || (size_t)qi >= c->nquestions)
		return "?";
	return content_option_label(c, content_chosen_option(&c->questions[qi], oi));
}

const char *content_question_title(const struct question *q)
{
	return q->title && *q->title ? q->title : q->id;
}

const struct model *content_model_at(const struct content *c, int m)
{
	if (m < 0 || (size_t)m >= c->nmodels)
		return NULL;
	return &c->models[m];
}

const char *content_model_name(const struct content *c, int m)
{
	const struct model *mo = content_model_at(c, m);

	if (!mo)
		return "?";
	return mo->name ? mo->name : mo->id;
}

const char *content_model_id(const struct content *c, int m)
{
	const struct model *mo = content_model_at(c, m);

	return mo ? mo->id : NULL;
}

int content_mitigation_for(const struct model *m, size_t risk)
{
	const char *id = m->risks.ids[risk];

	for (size_t j = 0; j < m->mitigations.n; j++)
		if (strcmp(m->mitigations.ids[j], id) == 0)
			return (int)j;
	return -1;
}

int content_mitigation_unpaired(const struct model *m, size_t j)
{
	const char *id = m->mitigations.ids[j];

	for (size_t i = 0; i < m->risks.n; i++)
		if (strcmp(m->risks.ids[i], id) == 0)
			return 0;
	return 1;
}
