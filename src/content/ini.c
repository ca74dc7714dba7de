/* Reading INI files: a safe open, the lint, then iniparser.
 *
 * iniparser 4.1 can only load a path, and its dictionary insert scans every
 * entry already stored, so one big file loads in quadratic time. We therefore
 * hand it the file in chunks of whole sections through one memfd, which keeps
 * every dictionary small and the whole load linear. */
#include "ini.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser/iniparser.h>

#include "ini_lint.h"
#include "strbuf.h"
#include "xalloc.h"

#define CHUNK_MARKS 128

/* iniparser reports through one global callback with no user pointer; the
 * messages are collected here while a load runs (loading is single-threaded). */
static struct strbuf parser_errors;

static int collect_parser_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(&parser_errors, fmt, ap);
	va_end(ap);
	return 0;
}

static struct ini_section *add_section(struct ini_doc *doc, const char *name, int line)
{
	doc->sections = xgrow(doc->sections, &doc->cap, doc->n + 1, sizeof *doc->sections);
	struct ini_section *s = &doc->sections[doc->n++];
	*s = (struct ini_section){.name = xstrdup(name), .line = line};
	return s;
}

static void add_entry(struct ini_section *s, const char *key, const char *value, int line)
{
	s->entries = xgrow(s->entries, &s->cap, s->n + 1, sizeof *s->entries);
	s->entries[s->n++] = (struct ini_entry){
		.key = xstrdup(key), .value = xstrdup(value), .line = line};
}

/* The line of the k-th dictionary entry: the lint saw the same entries in the
 * same order (it rejects duplicates, the only thing that reorders them). */
static int mark_line(const struct ini_mark *m, const char *sec, const char *key)
{
	if (!m || strcmp(m->section, sec) || (key ? !m->key || strcmp(m->key, key) : !!m->key))
		return 0;
	return m->line;
}

/* Copies one parsed dictionary into doc. */
static int take_dictionary(const dictionary *dict, const struct ini_mark *marks, size_t nmarks,
			   const char *name, struct ini_doc *doc, struct diags *d)
{
	size_t k = 0;
	int bad = 0;

	for (ssize_t i = 0; i < dict->size; i++) {
		const char *full = dict->key[i];
		if (!full)
			continue;
		const struct ini_mark *m = k < nmarks ? &marks[k] : NULL;
		k++;
		const char *colon = strchr(full, ':');
		if (!colon) {
			add_section(doc, full, mark_line(m, full, NULL));
			continue;
		}
		if (!dict->val[i] || doc->n == 0) {
			diag_add(d, name, m ? m->line : 0, full, "not a key of a section");
			bad = 1;
			continue;
		}
		char *sec = xstrndup(full, (size_t)(colon - full));
		struct ini_section *s = &doc->sections[doc->n - 1];
		add_entry(s, colon + 1, dict->val[i], mark_line(m, sec, colon + 1));
		free(sec);
	}
	return bad ? -1 : 0;
}

static void report_parser_errors(const char *name, struct diags *d)
{
	if (parser_errors.len == 0)
		return;
	for (char *p = parser_errors.buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
	diag_add(d, name, 0, NULL, "the INI parser rejected the file: %s", sb_str(&parser_errors));
	sb_reset(&parser_errors);
}

/* Parses data[from, to) with iniparser through the memfd fd. */
static int parse_chunk(int fd, const char *data, size_t from, size_t to,
		       const struct ini_mark *marks, size_t nmarks, const char *name,
		       struct ini_doc *doc, struct diags *d)
{
	char path[64];
	size_t len = to - from;

	errno = 0;
	if (ftruncate(fd, 0) || pwrite(fd, data + from, len, 0) != (ssize_t)len) {
		/* the memfd counts against RLIMIT_FSIZE: a short write means that */
		diag_add(d, name, 0, NULL, "cannot buffer the file for parsing: %s",
			 errno && errno != EFBIG ? strerror(errno)
						 : "the file size limit (ulimit -f) is too low");
		return -1;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	sb_reset(&parser_errors);
	iniparser_set_error_callback(collect_parser_error);
	dictionary *dict = iniparser_load(path);
	int load_errno = errno;
	iniparser_set_error_callback(NULL);
	if (!dict)
		diag_note_open_errno(d, load_errno); /* its fopen of the memfd */
	if (!dict || parser_errors.len) {
		if (!parser_errors.len)
			sb_add(&parser_errors, "no dictionary");
		report_parser_errors(name, d);
		iniparser_freedict(dict);
		return -1;
	}
	int rc = take_dictionary(dict, marks, nmarks, name, doc, d);
	iniparser_freedict(dict);
	return rc;
}

static int parse_marked(const char *data, size_t len, const struct ini_marks *marks,
			const char *name, struct ini_doc *doc, struct diags *d)
{
	int fd = memfd_create("ow-ini", MFD_CLOEXEC);
	if (fd < 0) {
		diag_note_open_errno(d, errno);
		diag_add(d, name, 0, NULL, "cannot create a buffer for parsing: %s", strerror(errno));
		return -1;
	}
	int rc = 0;
	size_t first = 0;
	while (first < marks->n && rc == 0) {
		size_t end = first + 1;
		while (end < marks->n && (end - first < CHUNK_MARKS || marks->items[end].key))
			end++;
		size_t from = marks->items[first].offset;
		size_t to = end < marks->n ? marks->items[end].offset : len;
		rc = parse_chunk(fd, data, from, to, marks->items + first, end - first, name, doc, d);
		first = end;
	}
	close(fd);
	sb_free(&parser_errors);
	return rc;
}

int ini_read_mem(const char *data, size_t len, const char *name, struct ini_doc *out,
		 struct diags *d)
{
	struct ini_marks marks = {0};
	int rc = -1;

	*out = (struct ini_doc){0};
	if (ini_lint_marks(data, len, name, d, &marks) == 0)
		rc = parse_marked(data, len, &marks, name, out, d);
	ini_marks_free(&marks);
	if (rc)
		ini_doc_free(out);
	return rc;
}

/* Reads a whole regular file; FIFOs, devices and directories are refused
 * before any read (iniparser would hang on /dev/zero). */
static char *slurp(const char *path, const char *name, size_t *len, struct diags *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st = {0};
	char *buf = NULL;

	if (fd < 0) {
		diag_note_open_errno(d, errno);
		diag_add(d, name, 0, NULL, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		diag_add(d, name, 0, NULL, S_ISDIR(st.st_mode) ? "is a directory, not a file" : "not a regular file");
	} else if ((unsigned long long)st.st_size > INI_MAX_BYTES) {
		diag_add(d, name, 0, NULL, "larger than %u MiB", INI_MAX_BYTES >> 20);
	} else {
		size_t n = (size_t)st.st_size, got = 0;
		buf = xmalloc(n + 1);
		while (got < n) {
			ssize_t r = read(fd, buf + got, n - got);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				diag_add(d, name, 0, NULL, "cannot read: %s", r ? strerror(errno) : "file shrank while reading");
				free(buf);
				buf = NULL;
				break;
			}
			got += (size_t)r;
		}
		if (buf) {
			buf[n] = '\0';
			*len = n;
		}
	}
	close(fd);
	return buf;
}

int ini_read_file(const char *path, const char *name, struct ini_doc *out, struct diags *d)
{
	size_t len = 0;
	char *data = slurp(path, name, &len, d);

	*out = (struct ini_doc){0};
	if (!data)
		return -1;
	int rc = ini_read_mem(data, len, name, out, d);
	free(data);
	return rc;
}

void ini_doc_free(struct ini_doc *doc)
{
	for (size_t i = 0; i < doc->n; i++) {
		struct ini_section *s = &doc->sections[i];
		for (size_t k = 0; k < s->n; k++) {
			free(s->entries[k].key);
			free(s->entries[k].value);
		}
		free(s->entries);
		free(s->name);
	}
	free(doc->sections);
	*doc = (struct ini_doc){0};
}

const struct ini_entry *ini_get(const struct ini_section *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->entries[i].key, key))
			return &s->entries[i];
	return NULL;
}
