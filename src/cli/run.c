#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "exit_status.h"
#include "ini.h"
#include "kiosk.h"
#include "layout.h"
#include "plain.h"
#include "report.h"
#include "resultlog.h"
#include "sanitize.h"
#include "store.h"
#include "summary.h"
#include "texts.h"
#include "xio.h"

void run_print_diags(struct diags *d)
{
	char *text = diag_format(d);
	fputs(text, stderr);
	free(text);
}

static void say_cannot_write(const char *what, int err)
{
	struct strbuf safe = {0};

	sb_add_safe(&safe, what, 0);
	if (err == EPIPE) /* `| head`: the reader left; the log is still written */
		fprintf(stderr, "outsource-wizard: cannot write %s: the reader of the output went away (broken pipe)\n",
			sb_str(&safe));
	else
		fprintf(stderr, "outsource-wizard: cannot write %s: %s\n", sb_str(&safe), strerror(err));
	sb_free(&safe);
}

/* Writes text to path (or stdout when path is NULL); a file is replaced
 * whole or left as it was. */
static int emit(const char *path, const struct strbuf *text)
{
	int rc = path ? write_file_replacing(path, sb_str(text), text->len)
		      : write_all(STDOUT_FILENO, sb_str(text), text->len);
	if (rc == 0)
		return EXIT_OK;
	say_cannot_write(path ? path : "the report", errno);
	return EXIT_FAILED;
}

int run_print_report(const struct settings *s, const struct content *c,
		     const struct answers *a, const struct verdict *v, const char *path)
{
	struct strbuf out = {0};

	report_write(s->format, c, a, v, &out);
	int rc = emit(path, &out);
	sb_free(&out);
	return rc;
}

int run_log(const struct settings *s, const struct content *c, const struct answers *a,
	    const struct verdict *v, const char *mode, struct strbuf *msg)
{
	if (!s->log)
		return 0;
	if (store_is_store(s->log))
		return store_append(s->log, c, a, v, NULL, mode, s->workshop, msg) ? -1 : 0;
	return resultlog_append(s->log, c, a, v, NULL, mode, msg) ? -1 : 0;
}

/* The end of a batch or plain interview: the verdict, made once, goes to the
 * report and the log. A log that cannot be written is reported after the
 * report: the manager's report matters more than the room's tally. */
static int report_and_log(const struct settings *s, const struct content *c,
			  const struct answers *a, const char *mode, const char *path)
{
	struct verdict v;
	struct strbuf msg = {0};

	engine_decide(c, a, &v);
	int rc = run_print_report(s, c, a, &v, path);
	if (run_log(s, c, a, &v, mode, &msg)) {
		fprintf(stderr, "outsource-wizard: %s\n", sb_str(&msg));
		rc = EXIT_FAILED;
	}
	sb_free(&msg);
	verdict_free(&v);
	return rc;
}

int run_check(const struct settings *s, const struct content *c)
{
	struct strbuf out = {0};

	if (s->format == REPORT_JSON) {
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

/* What messages call the answers file "-". */
#define STDIN_NAME "standard input"

static int is_dash(const char *path)
{
	return path && strcmp(path, "-") == 0;
}

/* The answers on standard input (-a -): read whole, with the cap a file
 * has, then parsed as a file's bytes are. */
static int load_stdin_answers(const struct settings *s, const struct content *c,
			      struct answers *a, struct diags *d)
{
	struct strbuf data = {0};

	if (read_all_capped(STDIN_FILENO, INI_MAX_BYTES, &data) < 0) {
		if (errno == EFBIG)
			diag_add(d, STDIN_NAME, 0, NULL, "larger than %u MiB", INI_MAX_BYTES >> 20);
		else
			diag_add(d, STDIN_NAME, 0, NULL, "cannot read: %s", strerror(errno));
		sb_free(&data);
		answers_init(a, c);
		return -1;
	}
	int rc = answers_load_mem(sb_str(&data), data.len, STDIN_NAME, c, s->allow_partial, a, d);
	sb_free(&data);
	return rc;
}

int run_batch(const struct settings *s, const struct content *c)
{
	struct answers a;
	struct diags d = {0};
	int rc;

	if (is_dash(s->answers) ? load_stdin_answers(s, c, &a, &d)
				 : answers_load(s->answers, c, s->allow_partial, &a, &d)) {
		run_print_diags(&d);
		rc = EXIT_BAD_INPUT;
	} else { /* -o - is standard output, as no -o is */
		rc = report_and_log(s, c, &a, "batch", is_dash(s->output) ? NULL : s->output);
	}
	diags_free(&d);
	answers_free(&a);
	return rc;
}

int run_summary(const struct settings *s, const struct content *c)
{
	struct strbuf out = {0}, err = {0};
	struct summary_filter filter = {.workshop = s->workshop, .full = s->full};

	if (s->since)
		summary_since(s->since, filter.since); /* checked by cli.c */
	int rc = summary_run(s->summary_files, s->nsummary_files, c, &filter, s->format, &out, &err);
	fputs(sb_str(&err), stderr);
	if (emit(NULL, &out))
		rc = EXIT_FAILED;
	sb_free(&out);
	sb_free(&err);
	return rc;
}

/* text wrapped to BACKGROUND_WIDTH after lead ("- "), spaces under the lead
 * on the lines that follow. */
#define BACKGROUND_WIDTH 78
static void put_wrapped(struct strbuf *out, const char *lead, const char *text)
{
	struct wrapped w;
	char *safe = text_for_terminal(text, !locale_is_utf8(), 0);
	int hang = text_width(lead);

	wrap_text(safe, BACKGROUND_WIDTH - hang, &w);
	for (size_t i = 0; i < w.n; i++) {
		sb_addf(out, "%-*s", hang, i == 0 ? lead : "");
		sb_add(out, w.line[i]);
		sb_addc(out, '\n');
	}
	wrapped_free(&w);
	free(safe);
}

int run_background(const struct settings *s, const struct content *c)
{
	const struct background *b = &c->background;
	struct strbuf out = {0};
	(void)s;

	if (!b->title) {
		fprintf(stderr, "outsource-wizard: %s\n", text_get(c, T_BACKGROUND_NONE));
		return EXIT_BAD_INPUT;
	}
	put_wrapped(&out, "", b->title);
	for (int i = text_width(b->title); i > 0; i--)
		sb_addc(&out, '=');
	sb_add(&out, "\n\n");
	put_wrapped(&out, "", b->intro);
	for (size_t i = 0; i < b->facts.n; i++) {
		sb_addc(&out, '\n');
		put_wrapped(&out, "- ", b->facts.texts[i]);
	}
	int rc = emit(NULL, &out);
	sb_free(&out);
	return rc;
}

int run_plain(const struct settings *s, const struct content *c)
{
	const struct plain_options o = {s->log != NULL, s->report, s->kiosk, s->report_dir};
	struct answers a;
	struct verdict v;
	struct strbuf msg = {0};

	answers_init(&a, c);
	int rc = plain_run(c, stdin, stdout, &a, &o); /* the report included */
	if (rc == EXIT_FAILED)
		say_cannot_write("the report", errno);
	if (rc != EXIT_BAD_INPUT) { /* the result was reached: the room's tally counts it */
		engine_decide(c, &a, &v);
		if (run_log(s, c, &a, &v, "plain", &msg)) {
			fprintf(stderr, "outsource-wizard: %s\n", sb_str(&msg));
			rc = EXIT_FAILED;
		}
		verdict_free(&v);
	}
	sb_free(&msg);
	answers_free(&a);
	return rc;
}

int run_load_content(const struct settings *s, struct content *c)
{
	struct diags d = {0};

	if (content_load(s->content_dir, c, &d) == 0)
		return EXIT_OK;
	if (d.out_of_fds) {
		/* Nothing is wrong with the content; listing every file would say so. */
		struct rlimit rl = {0};
		getrlimit(RLIMIT_NOFILE, &rl);
		fprintf(stderr, "outsource-wizard: cannot open files: too many open files "
				"(the limit is %llu, ulimit -n); nothing was run\n",
			(unsigned long long)rl.rlim_cur);
		diags_free(&d);
		return EXIT_FAILED;
	}
	run_print_diags(&d);
	fprintf(stderr, "outsource-wizard: %zu problem%s in the content; nothing was run\n",
		d.n, d.n == 1 ? "" : "s");
	diags_free(&d);
	return EXIT_BAD_INPUT;
}

int run_enter_kiosk(void)
{
	struct strbuf note = {0};

	kiosk_sanitize_env(&note);
	locale_setup(); /* the user's locale, but LC_NUMERIC "C": numbers with a '.' */
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
