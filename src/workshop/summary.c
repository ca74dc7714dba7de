/* The facilitator summary, reading side: parsing the logs (CSV, headers,
 * crc) and tallying them. summary_write.c turns the tallies into charts. */
#include "summary.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "resultlog.h"
#include "sanitize.h"
#include "store.h"
#include "xalloc.h"
#include "xio.h"

/* ---- counts ---- */

static void counts_add(struct summary_counts *c, const char *key, size_t n)
{
	long i = strindex_find(&c->index, c->key, key);

	if (i >= 0) {
		c->n[i] += n;
		return;
	}
	size_t cap = c->cap;
	c->key = xgrow(c->key, &cap, c->len + 1, sizeof *c->key);
	c->n = xgrow(c->n, &c->cap, c->len + 1, sizeof *c->n);
	c->key[c->len] = xstrdup(key);
	c->n[c->len] = n;
	strindex_add(&c->index, c->key, c->len++);
}

static void counts_free(struct summary_counts *c)
{
	for (size_t i = 0; i < c->len; i++)
		free(c->key[i]);
	free(c->key);
	free(c->n);
	strindex_free(&c->index);
	memset(c, 0, sizeof *c);
}

/* The id a split is counted under among the recommendations ("split"). */
static const char *split_id(const struct content *c)
{
	return outcome_id(c, (struct outcome){.model = -1, .strength = STRENGTH_SPLIT});
}

void summary_tally_init(struct summary_tally *t, const struct content *c)
{
	memset(t, 0, sizeof *t);
	t->c = c;
	for (size_t m = 0; m < c->nmodels; m++)
		counts_add(&t->models, c->models[m].id, 0);
	counts_add(&t->models, split_id(c), 0);
	for (int s = 0; s < STRENGTH_COUNT; s++)
		counts_add(&t->strengths, strength_name((enum strength)s), 0);
	t->questions = xcalloc(c->nquestions ? c->nquestions : 1, sizeof *t->questions);
	for (size_t q = 0; q < c->nquestions; q++)
		for (size_t o = 0; o < c->questions[q].noptions; o++)
			counts_add(&t->questions[q], c->questions[q].options[o].id, 0);
}

void summary_tally_free(struct summary_tally *t)
{
	counts_free(&t->models);
	counts_free(&t->strengths);
	counts_free(&t->modes);
	for (size_t q = 0; q < t->c->nquestions; q++)
		counts_free(&t->questions[q]);
	free(t->questions);
	for (size_t i = 0; i < t->nunknown; i++)
		free(t->unknown_columns[i]);
	free(t->unknown_columns);
	strindex_free(&t->unknown_index);
	for (size_t i = 0; i < t->nfiles; i++) {
		free(t->files[i].name);
		free(t->files[i].damaged);
	}
	free(t->files);
	free(t->first);
	free(t->last);
	memset(t, 0, sizeof *t);
}

/* ---- CSV ---- */

/* One record's fields, unquoted, stored NUL-separated in text. */
struct fields {
	struct strbuf text;
	size_t *off;
	size_t n, cap;
	size_t last_start; /* bytes from the record's start to its last field */
};

static void fields_reset(struct fields *f)
{
	sb_reset(&f->text);
	sb_addc(&f->text, '\0'); /* so text.buf exists even for empty fields */
	f->text.len = 0;
	f->n = 0;
}

static void fields_start(struct fields *f, size_t at)
{
	if (f->n)
		sb_addc(&f->text, '\0');
	f->off = xgrow(f->off, &f->cap, f->n + 1, sizeof *f->off);
	f->off[f->n++] = f->text.len;
	f->last_start = at;
}

static const char *field(const struct fields *f, size_t i)
{
	return f->text.buf + f->off[i];
}

/* At the end of a record: '\n', "\r\n" or the end of the data. */
static int at_eol(const char *p, const char *end)
{
	return p == end || *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] == '\n'));
}

/* A quoted field from just after its opening quote; p is left after the
 * closing quote. -1 when the data ends inside the quotes. */
static int quoted(const char **pp, const char *end, struct fields *f, size_t *newlines)
{
	for (const char *p = *pp; p < end; p++) {
		if (*p == '"') {
			if (p + 1 < end && p[1] == '"') {
				sb_addc(&f->text, '"');
				p++;
				continue;
			}
			*pp = p + 1;
			return 0;
		}
		if (*p == '\0')
			return -1;
		*newlines += *p == '\n';
		sb_addc(&f->text, *p);
	}
	return -1;
}

/* Parses the RFC 4180 record at p (quoted fields may hold newlines). On
 * success *next is the start of the following record and *newlines the line
 * breaks inside quotes. -1 for a malformed record. */
static int csv_record(const char *p, const char *end, struct fields *f, const char **next,
		      size_t *newlines)
{
	const char *start = p;

	fields_reset(f);
	*newlines = 0;
	for (;;) {
		fields_start(f, (size_t)(p - start));
		if (p < end && *p == '"') {
			p++;
			if (quoted(&p, end, f, newlines) < 0)
				return -1;
		} else {
			for (; !at_eol(p, end) && *p != ','; p++) {
				if (*p == '"' || *p == '\0')
					return -1;
				sb_addc(&f->text, *p);
			}
		}
		if (at_eol(p, end))
			break;
		if (*p != ',')
			return -1; /* text after a closing quote */
		p++;
	}
	sb_addc(&f->text, '\0');
	p += p < end && *p == '\r';
	*next = p + (p < end);
	return 0;
}

/* ---- headers ---- */

enum col_kind {
	COL_OTHER, COL_TIME, COL_MODE, COL_ANSWER, COL_RECOMMENDATION, COL_STRENGTH, COL_SESSION,
	COL_TASK
};

/* A header line of one file, and what each of its columns means for this
 * content. Records name their header by its crc32 (the "columns" field). */
struct header {
	uint32_t crc;
	size_t nfields;
	enum col_kind *kind;
	int *question; /* for COL_ANSWER: the content's question index */
};

struct parse {
	struct summary_tally *t;
	struct summary_file *file;
	struct header *hdr;
	size_t nhdr, cap;
	char **hdr_crc; /* [nhdr]: each header's crc as 8 hex digits, indexed */
	size_t crc_cap;
	struct strindex hdr_index;
	struct fields f;
};

static void note_unknown(struct summary_tally *t, const char *name)
{
	if (strindex_find(&t->unknown_index, t->unknown_columns, name) >= 0)
		return;
	t->unknown_columns = xgrow(t->unknown_columns, &t->unknown_cap, t->nunknown + 1,
				   sizeof *t->unknown_columns);
	t->unknown_columns[t->nunknown] = xstrdup(name);
	strindex_add(&t->unknown_index, t->unknown_columns, t->nunknown++);
}

static int is_header(const struct fields *f)
{
	return f->n >= 5 && strcmp(field(f, 0), "time") == 0 &&
	       strcmp(field(f, 1), "session") == 0 && strcmp(field(f, 2), "mode") == 0 &&
	       strcmp(field(f, 3), "columns") == 0 && strcmp(field(f, f->n - 1), "crc32") == 0;
}

static enum col_kind column_kind(struct summary_tally *t, const char *name, int *question)
{
	static const char *const fixed[] = {"columns", "crc32"};

	*question = -1;
	if (strcmp(name, "time") == 0)
		return COL_TIME;
	if (strcmp(name, "mode") == 0)
		return COL_MODE;
	if (strcmp(name, "recommendation") == 0)
		return COL_RECOMMENDATION;
	if (strcmp(name, "strength") == 0)
		return COL_STRENGTH;
	if (strcmp(name, "session") == 0)
		return COL_SESSION;
	if (strcmp(name, "task") == 0)
		return COL_TASK;
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		if (strcmp(name, fixed[i]) == 0)
			return COL_OTHER;
	if (strncmp(name, "answer.", 7) == 0 &&
	    (*question = content_question_index(t->c, name + 7)) >= 0)
		return COL_ANSWER;
	/* Scores are in the log for spreadsheets; the summary does not use them. */
	if (strncmp(name, "score.", 6) == 0 && content_model_index(t->c, name + 6) >= 0)
		return COL_OTHER;
	note_unknown(t, name);
	return COL_OTHER;
}

static void add_header(struct parse *ps, const char *line, size_t len)
{
	uint32_t crc = resultlog_crc32(line, len);
	char text[9];

	snprintf(text, sizeof text, "%08x", (unsigned)crc);
	if (strindex_find(&ps->hdr_index, ps->hdr_crc, text) >= 0)
		return;
	ps->hdr_crc = xgrow(ps->hdr_crc, &ps->crc_cap, ps->nhdr + 1, sizeof *ps->hdr_crc);
	ps->hdr_crc[ps->nhdr] = xstrdup(text);
	strindex_add(&ps->hdr_index, ps->hdr_crc, ps->nhdr);
	ps->hdr = xgrow(ps->hdr, &ps->cap, ps->nhdr + 1, sizeof *ps->hdr);
	struct header *h = &ps->hdr[ps->nhdr++];
	h->crc = crc;
	h->nfields = ps->f.n;
	h->kind = xcalloc(h->nfields, sizeof *h->kind);
	h->question = xcalloc(h->nfields, sizeof *h->question);
	for (size_t i = 0; i < h->nfields; i++)
		h->kind[i] = column_kind(ps->t, field(&ps->f, i), &h->question[i]);
}

/* ---- records ---- */

/* 8 lowercase hex digits, as the writer prints a crc32. */
static int parse_crc(const char *s, uint32_t *out)
{
	uint32_t x = 0;

	for (int i = 0; i < 8; i++) {
		const char *d = strchr("0123456789abcdef", s[i]);
		if (!s[i] || !d)
			return -1;
		x = x << 4 | (uint32_t)(d - "0123456789abcdef");
	}
	*out = x;
	return s[8] ? -1 : 0;
}

/* The header a record names; a valid crc text is exactly how add_header
 * wrote it, so it is looked up as it is. */
static const struct header *find_header(const struct parse *ps, const char *crc_text)
{
	uint32_t crc;

	if (parse_crc(crc_text, &crc) < 0)
		return NULL;
	long i = strindex_find(&ps->hdr_index, ps->hdr_crc, crc_text);
	return i >= 0 ? &ps->hdr[i] : NULL;
}

/* A cell as it was meant: the writer's leading ' (formula guard) removed. */
static const char *unguard(const char *s)
{
	return s[0] == '\'' ? s + 1 : s;
}

static void keep_time(char **slot, const char *s, int earliest)
{
	if (!*s)
		return;
	if (!*slot || (earliest ? strcmp(s, *slot) < 0 : strcmp(s, *slot) > 0)) {
		free(*slot);
		*slot = xstrdup(s);
	}
}

/* A record's outcome. The strength by today's name: "close", the old name of
 * split, counts as split. A split is a recommendation of its own, whatever
 * model the record names: an old close call read "split the work" too. */
static void tally_outcome(struct summary_tally *t, const char *rec, const char *strength)
{
	int s = strength ? strength_from_name(strength) : -1;

	if (strength)
		counts_add(&t->strengths, s >= 0 ? strength_name((enum strength)s) : strength, 1);
	if (rec)
		counts_add(&t->models, s == STRENGTH_SPLIT && *rec ? split_id(t->c) : rec, 1);
}

/* The outcome a record names, split by its own name ("close" too). */
static const char *outcome_of(const struct summary_tally *t, const char *rec, const char *strength)
{
	int s = strength ? strength_from_name(strength) : -1;
	return s == STRENGTH_SPLIT && rec && *rec ? split_id(t->c) : rec ? rec : "";
}

/* A CSV record as an export row. */
static void export_record(const struct summary_tally *t, const struct header *h,
			  const struct fields *f)
{
	const char **answer = xcalloc(t->c->nquestions ? t->c->nquestions : 1, sizeof *answer);
	struct summary_row r = {"", "", "", "", "", "", "", answer};
	const char *rec = NULL;

	for (size_t q = 0; q < t->c->nquestions; q++)
		answer[q] = "";
	for (size_t i = 0; i < h->nfields; i++) {
		const char *v = unguard(field(f, i));
		switch (h->kind[i]) {
		case COL_TIME: r.time = v; break;
		case COL_SESSION: r.session = v; break;
		case COL_TASK: r.task = v; break;
		case COL_MODE: r.mode = v; break;
		case COL_ANSWER: answer[h->question[i]] = v; break;
		case COL_RECOMMENDATION: rec = v; break;
		case COL_STRENGTH: r.strength = v; break;
		case COL_OTHER: break;
		}
	}
	r.result = outcome_of(t, rec, r.strength);
	summary_row_write(t, &r);
	free(answer);
}

static void tally_record(struct summary_tally *t, const struct header *h, const struct fields *f)
{
	const char *rec = NULL, *strength = NULL;

	t->sessions++;
	if (t->rows)
		export_record(t, h, f);
	for (size_t i = 0; i < h->nfields; i++) {
		const char *v = unguard(field(f, i));
		switch (h->kind[i]) {
		case COL_TIME:
			keep_time(&t->first, v, 1);
			keep_time(&t->last, v, 0);
			break;
		case COL_MODE:
			counts_add(&t->modes, v, 1);
			break;
		case COL_ANSWER:
			counts_add(&t->questions[h->question[i]], v, 1);
			break;
		case COL_RECOMMENDATION:
			rec = v;
			break;
		case COL_STRENGTH:
			strength = v;
			break;
		case COL_SESSION:
		case COL_TASK:
		case COL_OTHER:
			break;
		}
	}
	tally_outcome(t, rec, strength);
}

void summary_row_header(const struct content *c, struct strbuf *out)
{
	sb_add(out, "time,session,workshop,task,mode,result,strength");
	for (size_t q = 0; q < c->nquestions; q++)
		sb_addf(out, ",%s", c->questions[q].id); /* ids are [A-Za-z0-9_.-] */
	sb_add(out, "\r\n");
}

void summary_row_write(const struct summary_tally *t, const struct summary_row *r)
{
	const char *cells[] = {r->time, r->session, r->workshop, r->task, r->mode, r->result,
			       r->strength};

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (i)
			sb_addc(t->rows, ',');
		sanitize_add(t->rows, cells[i] ? cells[i] : "", SANITIZE_CSV, 0);
	}
	for (size_t q = 0; q < t->c->nquestions; q++) {
		sb_addc(t->rows, ',');
		sanitize_add(t->rows, r->answer[q] ? r->answer[q] : "", SANITIZE_CSV, 0);
	}
	sb_add(t->rows, "\r\n"); /* RFC 4180 */
}

void summary_tally_session(struct summary_tally *t, const char *time, const char *mode,
			   const char *rec, const char *strength, size_t n)
{
	keep_time(&t->first, time ? time : "", 1);
	keep_time(&t->last, time ? time : "", 0);
	if (n == 0)
		return;
	t->sessions += n;
	counts_add(&t->modes, mode ? mode : "", n);
	int s = strength ? strength_from_name(strength) : -1;
	counts_add(&t->strengths, s >= 0 ? strength_name((enum strength)s) : strength ? strength : "", n);
	counts_add(&t->models, outcome_of(t, rec ? rec : "", strength), n);
}

void summary_tally_answers(struct summary_tally *t, const char *question, const char *option,
			   size_t n)
{
	int q = content_question_index(t->c, question);

	if (q < 0) {
		struct strbuf col = {0};
		sb_addf(&col, "answer.%s", question);
		note_unknown(t, sb_str(&col));
		sb_free(&col);
		return;
	}
	counts_add(&t->questions[q], option, n);
}

/* A CSV record has no workshop tag, and its time is the time column's. */
static int csv_filtered_out(const struct summary_tally *t, const struct header *h,
			    const struct fields *f)
{
	if (t->filter.workshop)
		return 1;
	if (!t->filter.since[0])
		return 0;
	for (size_t i = 0; i < h->nfields; i++)
		if (h->kind[i] == COL_TIME)
			return strcmp(field(f, i), t->filter.since) < 0;
	return 1;
}

int summary_since(const char *since, char out[24])
{
	struct tm tm = {0};
	time_t now = time(NULL);
	char end;

	if (!strcmp(since, "today")) {
		localtime_r(&now, &tm);
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	} else if (sscanf(since, "%4d-%2d-%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &end) == 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
	} else {
		return -1;
	}
	tm.tm_isdst = -1;
	time_t midnight = mktime(&tm);
	struct tm utc;
	gmtime_r(&midnight, &utc);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &utc);
	return 0;
}

/* Checks a parsed record (field count against its header, crc32 over its
 * bytes before the last field) and counts it. -1 when it is damaged. */
static int take_record(struct parse *ps, const char *start)
{
	const struct fields *f = &ps->f;

	if (f->n < 5)
		return -1;
	const struct header *h = find_header(ps, field(f, 3));
	uint32_t crc;
	if (!h || h->nfields != f->n || parse_crc(field(f, f->n - 1), &crc) < 0 ||
	    resultlog_crc32(start, f->last_start) != crc)
		return -1;
	if (csv_filtered_out(ps->t, h, f))
		ps->t->filtered++;
	else
		tally_record(ps->t, h, f);
	ps->file->records++;
	return 0;
}

static void note_damaged(struct parse *ps, size_t line)
{
	struct summary_file *sf = ps->file;

	sf->damaged = xgrow(sf->damaged, &sf->cap, sf->ndamaged + 1, sizeof *sf->damaged);
	sf->damaged[sf->ndamaged++] = line;
	ps->t->damaged++;
}

static struct summary_file *add_file(struct summary_tally *t, const char *name)
{
	t->files = xgrow(t->files, &t->files_cap, t->nfiles + 1, sizeof *t->files);
	struct summary_file *sf = &t->files[t->nfiles++];
	memset(sf, 0, sizeof *sf);
	sf->name = xstrdup(name ? name : "(log)");
	return sf;
}

void summary_tally_source(struct summary_tally *t, const char *name, size_t records)
{
	add_file(t, name)->records = records;
}

/* One line (or one multi-line quoted record) at p: 0 if it was taken or
 * blank, -1 if damaged. *next and *lines say where the next one starts. */
static int take_one(struct parse *ps, const char *p, const char *end, const char **next,
		    size_t *lines)
{
	size_t newlines;

	if (at_eol(p, end)) { /* blank line */
		p += *p == '\r';
		*next = p < end ? p + 1 : end;
		*lines = 1;
		return 0;
	}
	if (csv_record(p, end, &ps->f, next, &newlines) == 0) {
		*lines = 1 + newlines;
		if (is_header(&ps->f) && newlines == 0) {
			size_t len = (size_t)(*next - p);
			while (len && (p[len - 1] == '\n' || p[len - 1] == '\r'))
				len--;
			add_header(ps, p, len);
			return 0;
		}
		if (take_record(ps, p) == 0)
			return 0;
	}
	/* Damaged: only this physical line is given up; reading resumes on the
	 * next, so an open quote cannot swallow the records after it. */
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*next = nl ? nl + 1 : end;
	*lines = 1;
	return -1;
}

size_t summary_parse_buffer(struct summary_tally *t, const char *data, size_t len,
			    const char *name)
{
	struct parse ps = {.t = t, .file = add_file(t, name)};
	const char *p = data, *end = data + len;
	size_t line = 1;

	while (p < end) {
		const char *next;
		size_t lines;
		if (take_one(&ps, p, end, &next, &lines) < 0)
			note_damaged(&ps, line);
		line += lines;
		p = next;
	}
	for (size_t i = 0; i < ps.nhdr; i++) {
		free(ps.hdr[i].kind);
		free(ps.hdr[i].question);
		free(ps.hdr_crc[i]);
	}
	free(ps.hdr);
	free(ps.hdr_crc);
	strindex_free(&ps.hdr_index);
	free(ps.f.off);
	sb_free(&ps.f.text);
	return ps.file->records;
}

/* ---- reading the logs ---- */

static int read_fail(struct strbuf *err, const char *path, const char *what, int e)
{
	sb_add_safe(err, path, 0);
	sb_add(err, ": ");
	sb_add(err, what);
	if (e) {
		sb_add(err, ": ");
		sb_add(err, strerror(e));
	}
	sb_addc(err, '\n');
	return -1;
}

/* The logs already read, by device and inode: the same file named twice
 * (x and ./x, a symlink, a hard link) counts once. */
struct seen {
	char **id;    /* "device:inode" */
	char **path;  /* as it was first named */
	size_t n, cap, path_cap;
	struct strindex index;
};

static void file_id(const struct stat *st, char id[64])
{
	snprintf(id, 64, "%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
}

/* 1, and a line in err, when st is a file already counted. */
static int seen_before(const struct seen *sn, const char *path, const struct stat *st,
		       struct strbuf *err)
{
	char id[64];

	file_id(st, id);
	long i = strindex_find(&sn->index, sn->id, id);
	if (i < 0)
		return 0;
	sb_add_safe(err, path, 0);
	sb_add(err, ": the same file as ");
	sb_add_safe(err, sn->path[i], 0);
	sb_add(err, "; counted once\n");
	return 1;
}

static void seen_add(struct seen *sn, const char *path, const struct stat *st)
{
	char id[64];

	file_id(st, id);
	sn->id = xgrow(sn->id, &sn->cap, sn->n + 1, sizeof *sn->id);
	sn->path = xgrow(sn->path, &sn->path_cap, sn->n + 1, sizeof *sn->path);
	sn->id[sn->n] = xstrdup(id);
	sn->path[sn->n] = xstrdup(path);
	strindex_add(&sn->index, sn->id, sn->n++);
}

static void seen_free(struct seen *sn)
{
	for (size_t i = 0; i < sn->n; i++) {
		free(sn->id[i]);
		free(sn->path[i]);
	}
	free(sn->id);
	free(sn->path);
	strindex_free(&sn->index);
}

/* What the messages and the summary call a log: "-" is standard input. */
static const char *log_name(const char *path)
{
	return strcmp(path, "-") == 0 ? SUMMARY_STDIN_NAME : path;
}

/* The log at path, read under a shared lock so no writer is half-way
 * through a record. O_NONBLOCK: a FIFO given by mistake cannot hang us.
 * "-" is standard input, which may be a pipe: it is read to its end, with
 * the same cap, and locked only when it is a file.
 * 0 when read, 1 when it is a file read before, -1 when it cannot be. */
static int read_log(const char *path, struct seen *sn, struct strbuf *data,
		    struct strbuf *err)
{
	int from_stdin = strcmp(path, "-") == 0;
	const char *name = log_name(path);
	int fd = from_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;

	if (fd < 0)
		return read_fail(err, name, "cannot open", errno);
	int rc = -1;
	if (fstat(fd, &st) < 0 || (!S_ISREG(st.st_mode) && !from_stdin))
		read_fail(err, name, "not a regular file", 0);
	else if (S_ISREG(st.st_mode) && st.st_size > (off_t)SUMMARY_MAX_LOG_BYTES)
		read_fail(err, name, "larger than 64 MiB; split it or check it is a results log", 0);
	else if (seen_before(sn, name, &st, err))
		rc = 1;
	else if (S_ISREG(st.st_mode) && resultlog_lock(fd, LOCK_SH, RESULTLOG_LOCK_TIMEOUT_MS) < 0)
		read_fail(err, name, "cannot lock (a writer holds it)", errno);
	else if (read_all_capped(fd, SUMMARY_MAX_LOG_BYTES, data) < 0)
		read_fail(err, name, errno == EFBIG ? "larger than 64 MiB; split it or check it is a results log"
						    : "cannot read", errno == EFBIG ? 0 : errno);
	else
		rc = 0;
	if (rc == 0)
		seen_add(sn, name, &st);
	if (!from_stdin)
		close(fd);
	return rc;
}

int summary_run(const char *const *paths, size_t n, const struct content *c,
		const struct summary_filter *filter,
		enum report_format f, struct strbuf *out, struct strbuf *err)
{
	struct summary_tally t;
	struct seen sn = {0};
	size_t read_ok = 0;

	summary_tally_init(&t, c);
	if (filter)
		t.filter = *filter;
	if (f == REPORT_CSV) { /* the rows go straight to out */
		t.rows = out;
		summary_row_header(c, out);
	}
	for (size_t i = 0; i < n; i++) {
		struct strbuf data = {0};
		if (strcmp(paths[i], "-") && store_is_store(paths[i])) { /* SQLite (store.h) */
			read_ok += store_read(paths[i], log_name(paths[i]), &t, err) >= 0;
			continue;
		}
		if (read_log(paths[i], &sn, &data, err) == 0) {
			summary_parse_buffer(&t, sb_str(&data), data.len, log_name(paths[i]));
			read_ok++;
		}
		sb_free(&data);
	}
	if (!read_ok)
		sb_reset(out);
	else if (f != REPORT_CSV)
		summary_write(&t, f, out);
	summary_tally_free(&t);
	seen_free(&sn);
	return read_ok ? 0 : 2;
}
