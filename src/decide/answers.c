#include "answers.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ini.h"
#include "strbuf.h"
#include "task.h"
#include "xalloc.h"

void answers_init(struct answers *a, const struct content *c)
{
	a->n = c->nquestions;
	a->choice = xmalloc(a->n * sizeof *a->choice);
	for (size_t i = 0; i < a->n; i++)
		a->choice[i] = ANSWER_NONE;
	a->task = NULL;
}

void answers_free(struct answers *a)
{
	free(a->choice);
	free(a->task);
	a->choice = NULL;
	a->task = NULL;
	a->n = 0;
}

void answers_set_task(struct answers *a, const char *text)
{
	free(a->task);
	a->task = task_clean(text);
}

/* [task] name = ...: the only key there. */
static void take_task(const struct ini_section *s, const char *name, struct answers *a,
		      struct diags *d)
{
	for (size_t k = 0; k < s->n; k++) {
		const struct ini_entry *e = &s->entries[k];
		if (strcmp(e->key, "name") == 0)
			answers_set_task(a, e->value);
		else
			diag_add(d, name, e->line, s->name, "unknown key '%s'; [task] has name = ...",
				 e->key);
	}
}

size_t answers_count(const struct answers *a)
{
	size_t n = 0;
	for (size_t i = 0; i < a->n; i++)
		n += a->choice[i] != ANSWER_NONE;
	return n;
}

int answers_choice(const struct answers *a, size_t q)
{
	return a && q < a->n ? a->choice[q] : ANSWER_NONE;
}

static void take_answer(const struct ini_section *s, const struct ini_entry *e,
			const struct content *c, const char *name, struct answers *a,
			struct diags *d)
{
	struct strbuf where = {0};
	int q = content_question_index(c, e->key);
	int o;

	sb_addf(&where, "%s/%s", s->name, e->key);
	if (q < 0)
		diag_add(d, name, e->line, sb_str(&where), "unknown question '%s'", e->key);
	else if ((o = content_option_index(&c->questions[q], e->value)) < 0)
		diag_add(d, name, e->line, sb_str(&where), "unknown option '%s' for question '%s'",
			 e->value, e->key);
	else
		a->choice[q] = o;
	sb_free(&where);
}

static void check_missing(const struct content *c, const char *name, int allow_partial,
			  struct answers *a, struct diags *d)
{
	struct strbuf missing = {0};
	for (size_t q = 0; q < a->n; q++) {
		if (a->choice[q] != ANSWER_NONE || allow_partial == ANSWERS_MAY_MISS)
			continue;
		if (allow_partial)
			a->choice[q] = (int)c->questions[q].noptions - 1; /* "Not sure" */
		else
			sb_addf(&missing, "%s%s", missing.len ? ", " : "", c->questions[q].id);
	}
	if (missing.len)
		diag_add(d, name, 0, NULL, "no answer for %s (answer them, or use --allow-partial)",
			 sb_str(&missing));
	sb_free(&missing);
}

static int answers_from_doc(const struct ini_doc *doc, const char *name, const struct content *c,
			    int allow_partial, struct answers *a, struct diags *d)
{
	size_t before = d->n;
	int seen = 0;

	for (size_t i = 0; i < doc->n; i++) {
		const struct ini_section *s = &doc->sections[i];
		if (strcmp(s->name, "task") == 0) {
			take_task(s, name, a, d);
			continue;
		}
		if (strcmp(s->name, "answers")) {
			diag_add(d, name, s->line, s->name,
				 "unknown section; answers go in [answers] (and a name in [task])");
			continue;
		}
		seen = 1;
		for (size_t k = 0; k < s->n; k++)
			take_answer(s, &s->entries[k], c, name, a, d);
	}
	if (!seen)
		diag_add(d, name, 0, NULL, "no [answers] section");
	else if (d->n == before)
		check_missing(c, name, allow_partial, a, d);
	return d->n == before ? 0 : -1;
}

/* The lines of data that would be keys or section headers: not blank, not a
 * comment. One cheap pass, before iniparser sees the bytes. */
static size_t count_entries(const char *data, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len;) {
		while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'))
			i++;
		n += i < len && !strchr("\n;#", data[i]);
		const char *nl = memchr(data + i, '\n', len - i);
		i = nl ? (size_t)(nl - data) + 1 : len;
	}
	return n;
}

/* An answers file has one section and a key per question. iniparser 4.1
 * inserts the keys of a section one by one, each insert scanning the ones
 * before, so a file of 100k keys took seconds and a 4 MiB one minutes: far
 * more lines than that is refused before it is parsed. A few more are still
 * parsed, so a stray or misspelt key gets its own message. */
static int too_many_entries(const char *data, size_t len, const char *name,
			    const struct content *c, struct diags *d)
{
	size_t n = count_entries(data, len), limit = ANSWERS_MAX_ENTRIES(c->nquestions);

	if (n <= limit)
		return 0;
	diag_add(d, name, 0, NULL,
		 "%zu keys and sections, but an answers file has [answers] and one key per question "
		 "(%zu here; more than %zu is refused): not an answers file, nothing was read",
		 n, c->nquestions, limit);
	return 1;
}

int answers_load_mem(const char *data, size_t len, const char *name, const struct content *c,
		     int allow_partial, struct answers *a, struct diags *d)
{
	struct ini_doc doc;
	answers_init(a, c);
	if (too_many_entries(data, len, name, c, d) || ini_read_mem(data, len, name, &doc, d))
		return -1;
	int rc = answers_from_doc(&doc, name, c, allow_partial, a, d);
	ini_doc_free(&doc);
	return rc;
}

/* The whole of a regular file of at most INI_MAX_BYTES, or NULL: then
 * ini_read_file, which refuses the same files, says why. O_NONBLOCK: a FIFO
 * cannot hang us. */
static char *read_small_file(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	struct stat st;
	char *buf = NULL;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size <= INI_MAX_BYTES) {
		size_t n = (size_t)st.st_size, got = 0;
		ssize_t r = 1;
		buf = xmalloc(n + 1);
		while (got < n && (r = read(fd, buf + got, n - got)) != 0)
			if (r > 0)
				got += (size_t)r;
			else if (errno != EINTR)
				break;
		buf[got] = '\0';
		*len = got;
		if (got < n) {
			free(buf);
			buf = NULL;
		}
	}
	close(fd);
	return buf;
}

int answers_load(const char *path, const struct content *c, int allow_partial,
		 struct answers *a, struct diags *d)
{
	size_t len;
	char *data = read_small_file(path, &len);

	if (data) {
		int rc = answers_load_mem(data, len, path, c, allow_partial, a, d);
		free(data);
		return rc;
	}
	struct ini_doc doc;
	answers_init(a, c);
	if (ini_read_file(path, path, &doc, d)) /* the reason it cannot be read */
		return -1;
	int rc = answers_from_doc(&doc, path, c, allow_partial, a, d);
	ini_doc_free(&doc);
	return rc;
}

char *answers_to_ini(const struct answers *a, const struct content *c)
{
	struct strbuf sb = {0};
	if (a->task) /* cleaned: one line, no '"'; quoted, so ';' and '#' stay */
		sb_addf(&sb, "[task]\nname = \"%s\"\n\n", a->task);
	sb_add(&sb, "[answers]\n");
	for (size_t q = 0; q < a->n; q++)
		if (a->choice[q] != ANSWER_NONE)
			sb_addf(&sb, "%s = %s\n", c->questions[q].id,
				c->questions[q].options[a->choice[q]].id);
	return sb_take(&sb);
}
