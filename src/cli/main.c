/* outsource-wizard: the entry point. Settles what this run does (settings.c),
 * then dispatches to one of: the content check, the batch mode, the room
 * summary, the background page, the plain interview, or the curses wizard
 * (kiosk or not). */
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "cli.h"
#include "content.h"
#include "exit_status.h"
#include "paths.h"
#include "run.h"
#include "sanitize.h"
#include "settings.h"
#include "strbuf.h"
#include "wizard.h"

static int show_help(void)
{
	struct strbuf msg = {0};

	cli_usage(&msg);
	fputs(sb_str(&msg), stdout);
	sb_free(&msg);
	return EXIT_OK;
}

static int run_mode(const struct settings *s, const struct content *c)
{
	switch (s->mode) {
	case MODE_CHECK: return run_check(s, c);
	case MODE_SUMMARY: return run_summary(s, c);
	case MODE_BACKGROUND: return run_background(s, c);
	case MODE_BATCH: return run_batch(s, c);
	case MODE_PLAIN: return run_plain(s, c);
	case MODE_WIZARD: return run_wizard(s, c);
	case MODE_HELP: case MODE_VERSION: break;
	}
	return EXIT_FAILED;
}

static int dispatch(const struct settings *s)
{
	struct content c;

	if (s->mode == MODE_HELP)
		return show_help();
	if (s->mode == MODE_VERSION) {
		printf("outsource-wizard %s\n", OW_VERSION);
		return EXIT_OK;
	}
	int rc = s->kiosk ? run_enter_kiosk() : EXIT_OK;
	if (rc == EXIT_OK)
		rc = run_load_content(s, &c);
	if (rc == EXIT_OK) {
		rc = run_mode(s, &c);
		content_free(&c);
	}
	return rc;
}

int main(int argc, char **argv)
{
	const struct settings_sources src = {OW_KIOSK_CONFIG, default_content_dir()};
	struct settings s;
	struct strbuf msg = {0};

	/* A full disk or a file-size limit must give EFBIG, not kill the process
	 * in the middle of a results record. */
	signal(SIGXFSZ, SIG_IGN);
	/* A closed pipe (`| head`) must give EPIPE, not kill a batch run before
	 * its results record is written. */
	signal(SIGPIPE, SIG_IGN);
	locale_setup(); /* the user's locale, but LC_NUMERIC "C": numbers with a '.' */
	int rc = settings_make(argc, argv, &src, &s, &msg);
	fputs(sb_str(&msg), stderr);
	if (rc == EXIT_OK)
		rc = dispatch(&s);
	settings_free(&s);
	sb_free(&msg);
	return rc;
}
