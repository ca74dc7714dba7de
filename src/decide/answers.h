/* A manager's answers: for each question, the index of the chosen option. */
#ifndef OW_ANSWERS_H
#define OW_ANSWERS_H

#include <stddef.h>

#include "content.h"
#include "diag.h"

#define ANSWER_NONE (-1)

struct answers {
	int *choice; /* [nquestions]: option index or ANSWER_NONE */
	size_t n;
	char *task;  /* the task's name (task.h, cleaned), or NULL */
};

void answers_init(struct answers *a, const struct content *c);
void answers_free(struct answers *a);
size_t answers_count(const struct answers *a); /* how many are answered */
/* Sets the task's name, cleaned (task_clean); NULL or blank clears it. */
void answers_set_task(struct answers *a, const char *text);
/* The option index chosen for question q, or ANSWER_NONE when it is
 * unanswered or a is NULL or shorter than q. */
int answers_choice(const struct answers *a, size_t q);

/* More keys and section headers than this in an answers file (which has one
 * section and a key per question) is refused before parsing, with the count. */
#define ANSWERS_MAX_ENTRIES(nquestions) (4 * (size_t)(nquestions) + 100)

/* Reads "[answers]\nquestion_id = option_id" from a file (and an optional
 * "[task]\nname = ..." the task's name). Unknown questions or
 * options are errors naming file, line and id. A missing answer is an error
 * naming the questions, unless allow_partial, which answers them "Not sure"
 * (ANSWERS_NOT_SURE) or leaves them unanswered (ANSWERS_MAY_MISS: the wizard's
 * --prefill, where the user answers the rest).
 * Returns 0, or -1 with every problem in d. */
enum { ANSWERS_ALL = 0, ANSWERS_NOT_SURE = 1, ANSWERS_MAY_MISS = 2 };
int answers_load(const char *path, const struct content *c, int allow_partial,
		 struct answers *a, struct diags *d);
int answers_load_mem(const char *data, size_t len, const char *name, const struct content *c,
		     int allow_partial, struct answers *a, struct diags *d);
/* The INI form answers_load reads back; a malloc'd string. */
char *answers_to_ini(const struct answers *a, const struct content *c);

#endif
