#include "settings.h"

#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "exit_status.h"

#define SECONDS_RULE "is not whole seconds from 1 to 86400"

/* The one check of a time setting (idle timeout, session limit), whichever
 * source gave it. */
static int parse_seconds(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	/* Digits only: strtol would also take " 5" and "+5". */
	if (*text < '0' || *text > '9' || *end || v < 1 || v > 86400)
		return -1;
	*out = (int)v;
	return 0;
}

static enum run_mode mode_of(const struct cli *cli)
{
	if (cli->help)
		return MODE_HELP;
	if (cli->version)
		return MODE_VERSION;
	if (cli->check_content)
		return MODE_CHECK;
	if (cli->summary)
		return MODE_SUMMARY;
	if (cli->background)
		return MODE_BACKGROUND;
	if (cli->answers)
		return MODE_BATCH;
	return cli->plain ? MODE_PLAIN : MODE_WIZARD;
}

/* Times the file gives, in seconds; 0 where it gives none. */
struct file_times {
	int idle, session;
};

/* One of the file's time settings: 0 when absent or good, else -1 with the
 * problem (file, line, key) in d. */
static int file_seconds(const char *path, const char *key, const struct kiosk_value *v, int *out,
			struct diags *d)
{
	if (!v->text || parse_seconds(v->text, out) == 0)
		return 0;
	diag_add(d, path, v->line, key, "'%s' " SECONDS_RULE, v->text);
	return -1;
}

/* Reads kiosk.ini and checks its times, every problem into err. */
static int read_file(const char *path, struct kiosk_config *cfg, struct file_times *t,
		     struct strbuf *err)
{
	struct diags d = {0};

	*t = (struct file_times){0};
	if (!path)
		return 0;
	int rc = kiosk_config_load(path, cfg, &d);
	rc |= file_seconds(path, "kiosk/idle_timeout", &cfg->idle_timeout, &t->idle, &d);
	rc |= file_seconds(path, "kiosk/session_limit", &cfg->session_limit, &t->session, &d);
	if (cfg->workshop && !workshop_name_ok(cfg->workshop)) {
		diag_add(&d, path, 0, "kiosk/workshop",
			 "a workshop name is 1 to 40 letters, digits, spaces, '.', '_' or '-'");
		rc = -1;
	}
	if (rc) {
		char *text = diag_format(&d);
		sb_add(err, text);
		free(text);
	}
	diags_free(&d);
	return rc;
}

/* What the command line alone settles. */
static void take_options(const struct cli *cli, struct settings *s)
{
	s->mode = mode_of(cli);
	s->content_dir = cli->content_dir;
	s->log = cli->log;
	s->report = cli->report;
	s->prefill = cli->prefill;
	s->report_dir = cli->report_dir;
	s->workshop = cli->workshop;
	s->since = cli->since;
	s->full = cli->full;
	s->answers = cli->answers;
	s->output = cli->output;
	s->summary_files = (const char *const *)cli->summary_files;
	s->nsummary_files = (size_t)cli->nsummary_files;
	s->format = cli->format < 0 ? REPORT_TEXT : (enum report_format)cli->format;
	s->allow_partial = cli->allow_partial;
	s->print = cli->print;
}

/* Kiosk or not, and what the file adds to a kiosk run. */
static void merge_file(const struct cli *cli, const struct file_times *file,
		       const struct file_times *opt, const struct settings_sources *src,
		       struct settings *s)
{
	const struct kiosk_config *f = &s->file;
	int interactive = s->mode == MODE_WIZARD || s->mode == MODE_PLAIN;

	s->kiosk = cli->kiosk || (f->enabled && interactive);
	if (s->kiosk) {
		s->content_dir = s->content_dir ? s->content_dir : f->content;
		s->log = s->log ? s->log : f->log;
		s->report_dir = s->report_dir ? s->report_dir : f->report_dir;
		s->workshop = s->workshop ? s->workshop : f->workshop;
		s->idle_timeout = opt->idle ? opt->idle
				: file->idle ? file->idle : SETTINGS_IDLE_DEFAULT;
		s->session_limit = opt->session ? opt->session
				 : file->session ? file->session : SETTINGS_SESSION_DEFAULT;
	}
	if (!s->content_dir)
		s->content_dir = src->default_content;
}

/* One time option, by the same rule as the file's. */
static int option_seconds(const char *name, const char *text, int *seconds, struct strbuf *msg)
{
	if (!text || parse_seconds(text, seconds) == 0)
		return EXIT_OK;
	sb_addf(msg, "%s: ", name);
	return cli_bad(msg, "'%s' " SECONDS_RULE, text);
}

static int option_times(const struct cli *cli, struct file_times *t, struct strbuf *msg)
{
	int rc = option_seconds("--idle-timeout", cli->idle_timeout, &t->idle, msg);
	return rc ? rc : option_seconds("--session-limit", cli->session_limit, &t->session, msg);
}

int settings_make(int argc, char **argv, const struct settings_sources *src,
		  struct settings *s, struct strbuf *err)
{
	struct cli cli;
	struct strbuf msg = {0};
	struct file_times opt = {0}, file = {0};

	*s = (struct settings){0};
	int rc = cli_parse(argc, argv, &cli, &msg);
	if (rc == EXIT_OK) {
		take_options(&cli, s);
		if (s->mode == MODE_HELP || s->mode == MODE_VERSION)
			return EXIT_OK;
		rc = option_times(&cli, &opt, &msg);
	}
	if (rc) {
		sb_addf(err, "outsource-wizard: %s", sb_str(&msg));
		sb_free(&msg);
		return rc;
	}
	if (read_file(src->kiosk_ini, &s->file, &file, err))
		return EXIT_BAD_INPUT;
	merge_file(&cli, &file, &opt, src, s);
	/* Only now is it known whether this is a kiosk: kiosk.ini can make it one. */
	if (!s->kiosk && (cli.idle_timeout || cli.session_limit || cli.report_dir)) {
		cli_bad(&msg, "%s go with --kiosk", "--idle-timeout, --session-limit and --report-dir");
		sb_addf(err, "outsource-wizard: %s", sb_str(&msg));
		sb_free(&msg);
		settings_free(s);
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

void settings_free(struct settings *s)
{
	kiosk_config_free(&s->file);
	*s = (struct settings){0};
}
