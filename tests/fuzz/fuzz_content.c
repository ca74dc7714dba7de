/* libFuzzer target: bytes into the content loader (raw-file lint, iniparser,
 * validation). The first byte picks which of the six files the rest replaces
 * in the shipped content, so validation of a file runs against valid
 * neighbours: 0-4 the first five, 6 texts.ini (added later: the seeds keep
 * their meaning), and 5 splits the rest into every file at "\n====\n". */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "engine.h"
#include "report.h"
#include "strbuf.h"

#define NFILES 6

static char *shipped[NFILES];
static size_t shipped_len[NFILES];

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	if (!f)
		abort();
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = malloc(*len + 1);
	if (!buf || fread(buf, 1, *len, f) != *len)
		abort();
	fclose(f);
	return buf;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	for (int i = 0; i < NFILES; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", OW_CONTENT_SOURCE, content_files[i]);
		shipped[i] = read_file(path, &shipped_len[i]);
	}
	return 0;
}

static void check_invariants(int rc, const struct content *c, const struct diags *d)
{
	if (rc) {
		if (d->n == 0)
			abort(); /* a failure always says why */
		for (size_t i = 0; i < d->n; i++)
			if (!d->items[i].what[0])
				abort();
		return;
	}
	for (size_t q = 0; q < c->nquestions; q++) {
		const struct question *qu = &c->questions[q];
		if (qu->noptions < 3 || !qu->options[qu->noptions - 1].unsure || !isfinite(qu->weight))
			abort();
		for (size_t o = 0; o < qu->noptions; o++)
			for (size_t m = 0; m < c->nmodels; m++)
				if (!isfinite(qu->options[o].points[m]))
					abort();
	}
}

/* Content that loads must also decide and report: every answer set below
 * (each question's first option, its last real one, all Not sure) goes
 * through the engine and every report format. */
static void decide_and_report(const struct content *c)
{
	struct answers a;

	answers_init(&a, c);
	for (int pick = 0; pick < 3; pick++) {
		for (size_t q = 0; q < c->nquestions; q++) {
			size_t n = c->questions[q].noptions;
			a.choice[q] = pick == 0 ? 0 : pick == 1 ? (int)(n >= 2 ? n - 2 : 0) : (int)(n - 1);
		}
		struct verdict v;
		engine_decide(c, &a, &v);
		if (v.winner < 0 || (size_t)v.winner >= c->nmodels || !(v.balance >= -1 && v.balance <= 1))
			abort();
		for (int f = REPORT_TEXT; f <= REPORT_JSON; f++) {
			struct strbuf out = {0};
			report_write((enum report_format)f, c, &a, &v, &out);
			sb_free(&out);
		}
		verdict_free(&v);
	}
	answers_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *files[NFILES];
	size_t len[NFILES];
	struct content c;
	struct diags d = {0};

	if (size < 1)
		return 0;
	int which = data[0] % 7;
	if (which == 5)
		which = NFILES; /* split the rest into every file */
	else if (which == 6)
		which = 5; /* texts.ini */
	const char *rest = (const char *)data + 1;
	size_t n = size - 1;
	for (int i = 0; i < NFILES; i++) {
		files[i] = shipped[i];
		len[i] = shipped_len[i];
	}
	if (which < NFILES) {
		files[which] = rest;
		len[which] = n;
	} else {
		for (int i = 0; i < NFILES; i++) {
			const char *sep = memmem(rest, n, "\n====\n", 6);
			files[i] = rest;
			len[i] = sep ? (size_t)(sep - rest) : n;
			if (sep) {
				n -= len[i] + 6;
				rest = sep + 6;
			} else {
				rest += n;
				n = 0;
			}
		}
	}
	int rc = content_load_mem(files, len, "fuzz", &c, &d);
	check_invariants(rc, &c, &d);
	char *text = diag_format(&d);
	free(text);
	if (rc == 0) {
		decide_and_report(&c);
		content_free(&c);
	}
	diags_free(&d);
	return 0;
}
