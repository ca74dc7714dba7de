#include "settings.h"

#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "exit_status.h"

#define IDLE_RULE "is not whole seconds from 1 to 86400"

/* The one check of an idle timeout, whichever source gave it. */
static int parse_seconds(const char *text, int *out)
{
	char *end;
	long v = strtol(text, &end, 10);

	if (end == text || *end || v < 1 || v > 86400)
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

/* Reads kiosk.ini and checks its idle timeout, every problem into err.
 * *seconds stays 0 when the file gives none. */
static int read_file(const char *path, struct kiosk_config *cfg, int *seconds, struct strbuf *err)
{
	struct diags d = {0};

	*seconds = 0;
	if (!path)
		return 0;
	int rc = kiosk_config_load(path, cfg, &d);
	if (cfg->idle_timeout && parse_seconds(cfg->idle_timeout, seconds)) {
		diag_add(&d, path, cfg->idle_timeout_line, "kiosk/idle_timeout", "'%s' " IDLE_RULE,
			 cfg->idle_timeout);
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
	s->report_dir = cli->report_dir;
	s->answers = cli->answers;
	s->output = cli->output;
	s->summary_files = (const char *const *)cli->summary_files;
	s->nsummary_files = (size_t)cli->nsummary_files;
	s->format = cli->format < 0 ? REPORT_TEXT : (enum report_format)cli->format;
	s->allow_partial = cli->allow_partial;
	s->print = cli->print;
}

/* Kiosk or not, and what the file adds to a kiosk run. */
static void merge_file(const struct cli *cli, int file_seconds, int cli_seconds,
		       const struct settings_sources *src, struct settings *s)
{
	const struct kiosk_config *f = &s->file;
	int interactive = s->mode == MODE_WIZARD || s->mode == MODE_PLAIN;

	s->kiosk = cli->kiosk || (f->enabled && interactive);
	if (s->kiosk) {
		s->content_dir = s->content_dir ? s->content_dir : f->content;
		s->log = s->log ? s->log : f->log;
		s->report_dir = s->report_dir ? s->report_dir : f->report_dir;
		s->idle_timeout = cli_seconds ? cli_seconds
				: file_seconds ? file_seconds : SETTINGS_IDLE_DEFAULT;
	}
	if (!s->content_dir)
		s->content_dir = src->default_content;
}

/* The option's idle timeout, by the same rule as the file's. */
static int option_seconds(const struct cli *cli, int *seconds, struct strbuf *msg)
{
	if (!cli->idle_timeout || parse_seconds(cli->idle_timeout, seconds) == 0)
		return EXIT_OK;
	return cli_bad(msg, "--idle-timeout: '%s' " IDLE_RULE, cli->idle_timeout);
}

int settings_make(int argc, char **argv, const struct settings_sources *src,
		  struct settings *s, struct strbuf *err)
{
	struct cli cli;
	struct strbuf msg = {0};
	int cli_seconds = 0, file_seconds = 0;

	*s = (struct settings){0};
	int rc = cli_parse(argc, argv, &cli, &msg);
	if (rc == EXIT_OK) {
		take_options(&cli, s);
		if (s->mode == MODE_HELP || s->mode == MODE_VERSION)
			return EXIT_OK;
		rc = option_seconds(&cli, &cli_seconds, &msg);
	}
	if (rc) {
		sb_addf(err, "outsource-wizard: %s", sb_str(&msg));
		sb_free(&msg);
		return rc;
	}
	if (read_file(src->kiosk_ini, &s->file, &file_seconds, err))
		return EXIT_BAD_INPUT;
	merge_file(&cli, file_seconds, cli_seconds, src, s);
	/* Only now is it known whether this is a kiosk: kiosk.ini can make it one. */
	if (!s->kiosk && (cli.idle_timeout || cli.report_dir)) {
		cli_bad(&msg, "%s go with --kiosk", "--idle-timeout and --report-dir");
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
