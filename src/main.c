/* outsource-wizard: the entry point. Parses the command line, loads the
 * content, then runs one of: the content check, the batch mode, the plain
 * interview, or the curses wizard. */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "cli.h"
#include "content.h"
#include "engine.h"
#include "paths.h"
#include "plain.h"
#include "report.h"
#include "strbuf.h"
#include "ui.h"

enum { EXIT_OK = 0, EXIT_INTERNAL = 1, EXIT_BAD_INPUT = 2 };

static void print_diags(struct diags *d)
{
	char *text = diag_format(d);
	fputs(text, stderr);
	free(text);
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes text to path (or stdout when path is NULL). */
static int emit(const char *path, const struct strbuf *text)
{
	if (!path) {
		if (write_all(STDOUT_FILENO, sb_str(text), text->len) == 0)
			return EXIT_OK;
		fprintf(stderr, "outsource-wizard: cannot write the report: %s\n", strerror(errno));
		return EXIT_INTERNAL;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write_all(fd, sb_str(text), text->len) || close(fd)) {
		struct strbuf safe = {0};
		sb_add_safe(&safe, path, 0);
		fprintf(stderr, "outsource-wizard: cannot write %s: %s\n", sb_str(&safe), strerror(errno));
		sb_free(&safe);
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

static int report_answers(const struct content *c, const struct answers *a, int format,
			  const char *path)
{
	struct verdict v;
	struct strbuf out = {0};

	engine_decide(c, a, &v);
	report_write(format < 0 ? REPORT_TEXT : (enum report_format)format, c, a, &v, &out);
	int rc = emit(path, &out);
	sb_free(&out);
	verdict_free(&v);
	return rc;
}

static int check_content(const struct content *c, int format)
{
	struct strbuf out = {0};
	if (format == REPORT_JSON) {
		report_content_json(c, &out);
	} else {
		sb_add(&out, "content OK: ");
		sb_add_safe(&out, c->dir, 0);
		sb_addf(&out, ": %zu questions, %zu models, %zu comparison rows, %zu advisories\n",
			c->nquestions, c->nmodels, c->nrows, c->nadvisories);
	}
	int rc = emit(NULL, &out);
	sb_free(&out);
	return rc;
}

static int batch(const struct content *c, const struct cli *cli)
{
	struct answers a;
	struct diags d = {0};
	int rc;

	if (answers_load(cli->answers, c, cli->allow_partial, &a, &d)) {
		print_diags(&d);
		rc = EXIT_BAD_INPUT;
	} else {
		rc = report_answers(c, &a, cli->format, cli->output);
	}
	diags_free(&d);
	answers_free(&a);
	return rc;
}

static int interview(const struct content *c, const struct cli *cli)
{
	struct answers a;
	int rc, done = 0;

	answers_init(&a, c);
	if (cli->plain) {
		rc = plain_run(c, stdin, stdout, &a);
		done = rc == 0;
		fflush(stdout);
	} else {
		struct ui_options o = {.report_path = cli->report};
		rc = ui_run(c, &o, &a, &done);
	}
	if (done && (cli->plain || cli->print))
		rc = report_answers(c, &a, cli->format, NULL);
	answers_free(&a);
	return rc;
}

static int run(const struct cli *cli)
{
	struct content c;
	struct diags d = {0};
	const char *dir = cli->content_dir ? cli->content_dir : default_content_dir();

	if (content_load(dir, &c, &d)) {
		print_diags(&d);
		fprintf(stderr, "outsource-wizard: %zu problem%s in the content; nothing was run\n",
			d.n, d.n == 1 ? "" : "s");
		diags_free(&d);
		return EXIT_BAD_INPUT;
	}
	int rc;
	if (cli->check_content)
		rc = check_content(&c, cli->format);
	else if (cli->answers)
		rc = batch(&c, cli);
	else
		rc = interview(&c, cli);
	content_free(&c);
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct strbuf msg = {0};

	setlocale(LC_ALL, "");
	int rc = cli_parse(argc, argv, &cli, &msg);
	if (rc) {
		fprintf(stderr, "outsource-wizard: %s", sb_str(&msg));
	} else if (cli.help) {
		cli_usage(&msg);
		fputs(sb_str(&msg), stdout);
	} else if (cli.version) {
		printf("outsource-wizard %s\n", OW_VERSION);
	} else {
		rc = run(&cli);
	}
	sb_free(&msg);
	return rc;
}
