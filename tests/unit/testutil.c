#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "strbuf.h"
#include "xalloc.h"

char *read_text(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = {0};
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&sb, buf, n);
	fclose(f);
	if (len)
		*len = sb.len;
	return sb_take(&sb);
}

static int load_variant(const char *set, int which, const char *text, int append,
			struct content *c, struct diags *d)
{
	char *data[CONTENT_NFILES];
	size_t len[CONTENT_NFILES];

	for (int i = 0; i < CONTENT_NFILES; i++) {
		char path[512];
		snprintf(path, sizeof path, "%s/%s/%s", OW_FIXTURES, set, content_files[i]);
		data[i] = read_text(path, &len[i]);
		if (!data[i])
			abort();
		if (i == which && text) {
			struct strbuf sb = {0};
			if (append)
				sb_add(&sb, data[i]);
			sb_add(&sb, text);
			free(data[i]);
			len[i] = sb.len;
			data[i] = sb_take(&sb);
		}
	}
	int rc = content_load_mem((const char *const *)data, len, "fx", c, d);
	for (int i = 0; i < CONTENT_NFILES; i++)
		free(data[i]);
	return rc;
}

int load_fixture(const char *set, int which, const char *text, struct content *c,
		 struct diags *d)
{
	return load_variant(set, which, text, 0, c, d);
}

int load_fixture_plus(const char *set, int which, const char *extra, struct content *c,
		      struct diags *d)
{
	return load_variant(set, which, extra, 1, c, d);
}

int has_diag(const struct diags *d, int line, const char *what)
{
	for (size_t i = 0; i < d->n; i++)
		if ((line == 0 || d->items[i].line == line) && strstr(d->items[i].what, what))
			return 1;
	return 0;
}

const char *diag_text(const struct diags *d)
{
	static char buf[4096];
	char *s = diag_format(d);
	snprintf(buf, sizeof buf, "%s", s);
	free(s);
	return buf;
}

void answers_from(const struct content *c, const char *spec, struct answers *a)
{
	char *copy = xstrdup(spec), *save = NULL;
	answers_init(a, c);
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(w, '=');
		*eq = '\0';
		int q = content_question_index(c, w);
		if (q < 0 || (a->choice[q] = content_option_index(&c->questions[q], eq + 1)) < 0)
			abort();
	}
	free(copy);
}
