/* outsource-wizard: the entry point. Parses the command line, loads the
 * content, then runs one of: the content check, the batch mode, the room
 * summary, the plain interview, or the curses wizard (kiosk or not). */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "cli.h"
#include "content.h"
#include "engine.h"
#include "kiosk.h"
#include "paths.h"
#include "plain.h"
#include "report.h"
#include "resultlog.h"
#include "sanitize.h"
#include "strbuf.h"
#include "summary.h"
#include "ui.h"
#include "xio.h"

#define DEFAULT_IDLE_TIMEOUT 300

/* What this run does, from the command line and (for a kiosk) the root-owned
 * config file. */
struct settings {
	const struct cli *cli;
	const char *content_dir;
	const char *log;
	const char *report_dir;
	int kiosk;
	int idle_timeout;
};

enum { EXIT_OK = 0, EXIT_INTERNAL = 1, EXIT_BAD_INPUT = 2 };

static void print_diags(struct diags *d)
{
	char *text = diag_format(d);
	fputs(text, stderr);
	free(text);
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
	int bad = fd < 0 || write_all(fd, sb_str(text), text->len);
	if (fd >= 0 && close(fd))
		bad = 1;
	if (bad) {
		struct strbuf safe = {0};
		sb_add_safe(&safe, path, 0);
		fprintf(stderr, "outsource-wizard: cannot write %s: %s\n", sb_str(&safe), strerror(errno));
		sb_free(&safe);
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

/* Appends the finished interview to the results log, if there is one. A log
 * that cannot be written is reported and the run goes on: the manager's
 * report matters more than the room's tally. */
static int log_result(const struct settings *s, const struct content *c, const struct answers *a,
		      const struct verdict *v, const char *mode)
{
	struct strbuf err = {0};
	if (!s->log || resultlog_append(s->log, c, a, v, NULL, mode, &err) == 0)
		return 0;
	fprintf(stderr, "outsource-wizard: %s\n", sb_str(&err));
	sb_free(&err);
	return -1;
}

/* Prints the report of one verdict (to path, or stdout) and, with a mode,
 * logs it: the verdict is made once per interview and handed here. */
static int report_verdict(const struct settings *s, const struct content *c,
			  const struct answers *a, const struct verdict *v, const char *mode,
			  const char *path)
{
	struct strbuf out = {0};
	int format = s->cli->format;

	report_write(format < 0 ? REPORT_TEXT : (enum report_format)format, c, a, v, &out);
	int rc = emit(path, &out);
	if (mode && log_result(s, c, a, v, mode) && rc == EXIT_OK)
		rc = EXIT_BAD_INPUT;
	sb_free(&out);
	return rc;
}

static int report_answers(const struct settings *s, const struct content *c,
			  const struct answers *a, const char *mode, const char *path)
{
	struct verdict v;

	engine_decide(c, a, &v);
	int rc = report_verdict(s, c, a, &v, mode, path);
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

static int batch(const struct settings *s, const struct content *c)
{
	const struct cli *cli = s->cli;
	struct answers a;
	struct diags d = {0};
	int rc;

	if (answers_load(cli->answers, c, cli->allow_partial, &a, &d)) {
		print_diags(&d);
		rc = EXIT_BAD_INPUT;
	} else {
		rc = report_answers(s, c, &a, "batch", cli->output);
	}
	diags_free(&d);
	answers_free(&a);
	return rc;
}

static int summary(const struct settings *s, const struct content *c)
{
	struct strbuf out = {0}, err = {0};
	const struct cli *cli = s->cli;
	int format = cli->format < 0 ? REPORT_TEXT : cli->format;

	int rc = summary_run((const char *const *)cli->summary_files, (size_t)cli->nsummary_files,
			     c, (enum report_format)format, &out, &err);
	fputs(sb_str(&err), stderr);
	if (emit(NULL, &out))
		rc = EXIT_INTERNAL;
	sb_free(&out);
	sb_free(&err);
	return rc;
}

struct finish_ctx {
	const struct settings *s;
	const struct content *c;
};

/* The curses wizard calls this as each interview that reached a result ends. */
static int log_finished(void *ctx, const struct answers *a, const struct verdict *v,
			struct strbuf *msg)
{
	const struct finish_ctx *f = ctx;

	if (!f->s->log)
		return 0;
	return resultlog_append(f->s->log, f->c, a, v, NULL, f->s->kiosk ? "kiosk" : "curses", msg)
		       ? -1 : 0;
}

static int interview(const struct settings *s, const struct content *c)
{
	const struct cli *cli = s->cli;
	struct answers a;
	int rc, done = 0;

	answers_init(&a, c);
	if (cli->plain) {
		rc = plain_run(c, stdin, stdout, &a);
		done = rc == 0;
		fflush(stdout);
	} else {
		struct finish_ctx f = {s, c};
		struct ui_options o = {
			.report_path = cli->report,
			.kiosk = s->kiosk,
			.idle_timeout = s->idle_timeout,
			.report_dir = s->report_dir,
			.on_finish = log_finished,
			.ctx = &f,
		};
		struct verdict v;
		rc = ui_run(c, &o, &a, &v, &done);
		if (done && cli->print) /* logged already, by log_finished */
			rc = report_verdict(s, c, &a, &v, NULL, NULL) ? EXIT_INTERNAL : rc;
		if (done)
			verdict_free(&v);
	}
	if (done && cli->plain) {
		int r = report_answers(s, c, &a, "plain", NULL);
		rc = rc ? rc : r;
	}
	answers_free(&a);
	return rc;
}

static int run(const struct settings *s)
{
	struct content c;
	struct diags d = {0};
	const struct cli *cli = s->cli;
	const char *dir = s->content_dir ? s->content_dir : default_content_dir();

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
	else if (cli->summary)
		rc = summary(s, &c);
	else if (cli->answers)
		rc = batch(s, &c);
	else
		rc = interview(s, &c);
	content_free(&c);
	return rc;
}

/* Before curses, in kiosk mode: nothing from the client's environment
 * survives, there must be a terminal, and no program can ever be started. */
static int enter_kiosk(void)
{
	struct strbuf note = {0};

	kiosk_sanitize_env(&note);
	setlocale(LC_ALL, "");
	/* Ctrl-Z must not suspend a kiosk: ignored before curses starts, so
	 * ncurses leaves it alone (it only takes signals still at SIG_DFL). */
	signal(SIGTSTP, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("outsource-wizard: this kiosk needs an interactive terminal (ssh -t)\n", stderr);
		sb_free(&note);
		return EXIT_BAD_INPUT;
	}
	fputs(sb_str(&note), stderr);
	sb_free(&note);
	if (kiosk_forbid_exec())
		fprintf(stderr, "outsource-wizard: note: exec guard unavailable: %s\n", strerror(errno));
	return EXIT_OK;
}

static int start(const struct cli *cli)
{
	struct kiosk_config cfg;
	struct diags d = {0};
	int rc;

	if (kiosk_config_load(OW_KIOSK_CONFIG, &cfg, &d)) {
		print_diags(&d);
		diags_free(&d);
		return EXIT_BAD_INPUT;
	}
	int kiosk = cli->kiosk || (cfg.enabled && !cli->check_content && !cli->summary && !cli->answers);
	struct settings s = {
		.cli = cli,
		.kiosk = kiosk,
		.content_dir = cli->content_dir ? cli->content_dir : kiosk ? cfg.content : NULL,
		.log = cli->log ? cli->log : kiosk ? cfg.log : NULL,
		.report_dir = cli->report_dir ? cli->report_dir : kiosk ? cfg.report_dir : NULL,
		.idle_timeout = cli->idle_timeout > 0 ? cli->idle_timeout
			      : cfg.idle_timeout > 0 ? cfg.idle_timeout : kiosk ? DEFAULT_IDLE_TIMEOUT : 0,
	};
	rc = kiosk ? enter_kiosk() : EXIT_OK;
	if (rc == EXIT_OK)
		rc = run(&s);
	kiosk_config_free(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	struct cli cli;
	struct strbuf msg = {0};

	/* A full disk or a file-size limit must give EFBIG, not kill the process
	 * in the middle of a results record. */
	signal(SIGXFSZ, SIG_IGN);
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
		rc = start(&cli);
	}
	sb_free(&msg);
	return rc;
}
