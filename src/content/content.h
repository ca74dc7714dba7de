/* The wizard's content: questions, models, comparison rows, advisories and the
 * words around them (texts.ini, read through texts.h), loaded from the content directory and validated. Nothing here
 * knows what BPO or KPO is: a model is an id with texts. After content_load
 * the struct is read-only. See README.md, "Writing content". */
#ifndef OW_CONTENT_H
#define OW_CONTENT_H

#include <stddef.h>

#include "diag.h"
#include "text_ids.h"

/* A list of texts from keys "<prefix>.<id> = text", in file order. */
struct textlist {
	char **ids;
	char **texts;
	size_t n;
};

struct model {
	char *id;
	char *name;       /* short: "BPO" */
	char *full_name;  /* "Business Process Outsourcing" */
	char *summary;    /* one line */
	char *description;
	char *split_part; /* "the routine, rule-based part": used in close calls */
	struct textlist services, types, benefits, risks, mitigations;
};

struct qoption {
	char *id;
	char *label;
	double *points;  /* [nmodels], before the question weight */
	char **tags;     /* words advisories can count, e.g. "mixed" */
	size_t ntags;
	int weaken;      /* steps this answer lowers the strength by */
	char *weaken_why; /* why, as the strength line says it: "the data is regulated" */
	int unsure;      /* the "Not sure" option, added by the loader */
	int line;
};

struct question {
	char *id;
	char *title; /* short */
	char *text;  /* the question in a manager's words */
	char *help;  /* why it matters */
	double weight;
	struct qoption *options; /* the last one is "Not sure" */
	size_t noptions;
	int line;
};

struct row {
	char *id;
	char *dimension;
	char **cells; /* [nmodels] */
	int question; /* index of the linked question, or -1 */
};

/* A condition "question=option" resolved to indexes. */
struct choice_ref {
	int question;
	int option;
};

/* How firmly the answers point one way. Split is an outcome of its own: the
 * task has a routine part and a judgment part, and no model is recommended. */
enum strength { STRENGTH_CLEAR, STRENGTH_LEANING, STRENGTH_SPLIT, STRENGTH_COUNT };

/* Where an advisory is shown: with the other advice, or in "where to source it". */
enum advisory_part { PART_ADVICE, PART_WHERE };

struct advisory {
	char *id;
	char *title;
	char *text;
	struct choice_ref *when_any; /* shown if any of these is chosen */
	size_t nwhen_any;
	struct choice_ref *when_all; /* ... or all of these */
	size_t nwhen_all;
	char *when_tag;              /* ... or at least when_tag_count answers carry this tag */
	int when_tag_count;
	int when_strength;           /* ... or the strength is this (enum strength), -1 if unset */
	struct choice_ref *unless_any; /* never shown if any of these is chosen */
	size_t nunless_any;
	enum advisory_part part;
};

struct scoring {
	double clear;       /* margin at or above: clear */
	double leaning;     /* margin at or above: leaning; below: close */
	int unsure_per_step; /* this many "Not sure" answers weaken by one step; 0 = never */
	double mixed_step;  /* each two-part (tag mixed) answer takes this off the lead */
};

/* wizard.ini [background]: market facts for a workshop, each stated as a
 * source's claim. Optional: with no section, title is NULL and facts empty. */
struct background {
	char *title;
	char *intro;
	struct textlist facts; /* fact.<id> = text, in file order */
};

struct content {
	char *dir;
	struct model *models;
	size_t nmodels;
	struct question *questions;
	size_t nquestions;
	struct row *rows;
	size_t nrows;
	struct advisory *advisories;
	size_t nadvisories;
	struct scoring scoring;
	/* wizard.ini [wizard] */
	char *title, *tagline, *welcome, *duration, *not_sure;
	struct background background; /* wizard.ini [background] */
	char *texts[T_COUNT]; /* texts.ini: the string table (texts.h), headlines too */
};

/* The files content_load reads from dir, in this order (NULL-terminated). */
#define CONTENT_NFILES 6
extern const char *const content_files[];

/* Loads and validates dir. Returns 0, or -1 with every problem in d. */
int content_load(const char *dir, struct content *c, struct diags *d);
/* The same from in-memory files, data[i] for content_files[i] (fuzzing, tests). */
int content_load_mem(const char *const data[], const size_t len[], const char *label,
		     struct content *c, struct diags *d);
void content_free(struct content *c);

int content_question_index(const struct content *c, const char *id);
int content_option_index(const struct question *q, const char *id);
int content_model_index(const struct content *c, const char *id);
const char *strength_name(enum strength s); /* "clear", "leaning", "split" */
/* The strength a name gives ("close" is the old name of split), or -1. */
int strength_from_name(const char *name);

/* ---- look-ups for what the reports, the summary and the screens show ---- */

/* The "Not sure" option of q (flagged unsure by the loader; the last one if
 * none is flagged), or NULL for a question without options. */
const struct qoption *content_unsure_option(const struct question *q);
/* Option choice of q; a negative (ANSWER_NONE) or out-of-range index counts
 * as the unsure option. */
const struct qoption *content_chosen_option(const struct question *q, int choice);
/* How an option is shown: the content's not-sure wording for the unsure one,
 * otherwise its label. Never NULL. */
const char *content_option_label(const struct content *c, const struct qoption *o);
/* The label of option oi of question qi, tolerant of bad indexes. */
const char *content_option_label_at(const struct content *c, int qi, int oi);
/* The question's short title, as the result and the reports name it, or its
 * id if it has none. */
const char *content_question_title(const struct question *q);
/* Model m, or NULL for an index outside the content (a verdict's -1). */
const struct model *content_model_at(const struct content *c, int m);
/* A model's short name, or "?" for an index outside the content. */
const char *content_model_name(const struct content *c, int m);
/* A model's id, or NULL for an index outside the content. */
const char *content_model_id(const struct content *c, int m);

/* Risks and mitigations are paired by id, so their order in the content can
 * differ. Index in m->mitigations of the mitigation paired with risk i, or -1
 * if that risk has none. */
int content_mitigation_for(const struct model *m, size_t risk);
/* Whether mitigation j is paired with no risk (shown on its own, not lost). */
int content_mitigation_unpaired(const struct model *m, size_t j);

#endif
