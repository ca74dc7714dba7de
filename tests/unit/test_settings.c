/* The settled settings: how the command line and kiosk.ini merge. kiosk.ini
 * is a temporary file; the ownership check wants it owned by root, so the
 * tests that use one skip when not run as root. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exit_status.h"
#include "settings.h"

#define DEFAULT_CONTENT "/default/content"

static struct settings s;
static struct strbuf err;
static char ini[64];

static void setup(void)
{
	ini[0] = '\0';
}

static void teardown(void)
{
	settings_free(&s);
	sb_free(&err);
	if (ini[0])
		unlink(ini);
}

TestSuite(settings, .init = setup, .fini = teardown, .timeout = 10);

/* Writes text as the kiosk.ini of this test (mode 0644, ours). */
static void kiosk_ini(const char *text)
{
	if (geteuid() != 0)
		cr_skip_test("kiosk.ini must be owned by root: run as root");
	strcpy(ini, "/tmp/test_settings_XXXXXX");
	int fd = mkstemp(ini);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	cr_assert_eq(fchmod(fd, 0644), 0);
	close(fd);
}

/* Settles the options given (a NULL-terminated list) with this test's
 * kiosk.ini, if it wrote one. */
static int settle(const char *arg, ...)
{
	/* Static: the settings point into argv, as the real ones point into
	 * main's, so it must outlive this call (until the next one). */
	static char *argv[32];
	int argc = 1;

	memset(argv, 0, sizeof argv);
	argv[0] = "outsource-wizard";
	va_list ap;

	va_start(ap, arg);
	for (; arg && argc < 31; arg = va_arg(ap, const char *))
		argv[argc++] = (char *)arg;
	va_end(ap);
	struct settings_sources src = {ini[0] ? ini : NULL, DEFAULT_CONTENT};
	return settings_make(argc, argv, &src, &s, &err);
}

static int lines(const char *text)
{
	int n = 0;
	for (; *text; text++)
		n += *text == '\n';
	return n;
}

Test(settings, no_option_no_file_is_the_wizard_without_a_kiosk)
{
	cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.mode, MODE_WIZARD);
	cr_assert_not(s.kiosk);
	cr_assert_eq(s.idle_timeout, 0, "no idle timeout outside a kiosk");
	cr_assert_eq(s.session_limit, 0, "no session limit outside a kiosk");
	cr_assert_str_eq(s.content_dir, DEFAULT_CONTENT);
	cr_assert_null(s.log);
	cr_assert_null(s.report_dir);
	cr_assert_eq(s.format, REPORT_TEXT);
}

Test(settings, each_mode_from_its_option)
{
	cr_assert_eq(settle("--check-content", "-f", "json", NULL), EXIT_OK);
	cr_assert_eq(s.mode, MODE_CHECK);
	cr_assert_eq(s.format, REPORT_JSON);
	settings_free(&s);
	cr_assert_eq(settle("--answers", "a.ini", "--output", "r.md", "-f", "md", NULL), EXIT_OK);
	cr_assert_eq(s.mode, MODE_BATCH);
	cr_assert_str_eq(s.answers, "a.ini");
	cr_assert_str_eq(s.output, "r.md");
	cr_assert_eq(s.format, REPORT_MARKDOWN);
	settings_free(&s);
	cr_assert_eq(settle("--summary", "one.csv", "two.csv", NULL), EXIT_OK);
	cr_assert_eq(s.mode, MODE_SUMMARY);
	cr_assert_eq(s.nsummary_files, 2);
	cr_assert_str_eq(s.summary_files[1], "two.csv");
	settings_free(&s);
	cr_assert_eq(settle("--plain", NULL), EXIT_OK);
	cr_assert_eq(s.mode, MODE_PLAIN);
}

Test(settings, kiosk_option_defaults_to_300_seconds)
{
	cr_assert_eq(settle("--kiosk", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert(s.kiosk);
	cr_assert_eq(s.idle_timeout, SETTINGS_IDLE_DEFAULT);
	cr_assert_eq(SETTINGS_IDLE_DEFAULT, 300);
	cr_assert_null(s.report_dir, "a kiosk saves nothing unless told where");
}

Test(settings, file_applies_to_a_kiosk_run)
{
	kiosk_ini("[kiosk]\ncontent = /k/content\nlog = /k/log.csv\nreport_dir = /k/reports\n"
		  "idle_timeout = 60\n");
	cr_assert_eq(settle("--kiosk", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_str_eq(s.content_dir, "/k/content");
	cr_assert_str_eq(s.log, "/k/log.csv");
	cr_assert_str_eq(s.report_dir, "/k/reports");
	cr_assert_eq(s.idle_timeout, 60);
}

Test(settings, file_does_not_apply_outside_a_kiosk)
{
	kiosk_ini("[kiosk]\ncontent = /k/content\nlog = /k/log.csv\nidle_timeout = 60\n");
	cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_not(s.kiosk);
	cr_assert_str_eq(s.content_dir, DEFAULT_CONTENT);
	cr_assert_null(s.log);
	cr_assert_eq(s.idle_timeout, 0);
}

Test(settings, option_beats_file)
{
	kiosk_ini("[kiosk]\ncontent = /k/content\nlog = /k/log.csv\nreport_dir = /k/reports\n"
		  "idle_timeout = 60\n");
	cr_assert_eq(settle("--kiosk", "--content", "/o/c", "--log", "/o/l.csv", "--report-dir",
			    "/o/r", "--idle-timeout", "5", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_str_eq(s.content_dir, "/o/c");
	cr_assert_str_eq(s.log, "/o/l.csv");
	cr_assert_str_eq(s.report_dir, "/o/r");
	cr_assert_eq(s.idle_timeout, 5);
}

Test(settings, enabled_makes_interactive_runs_kiosk_runs)
{
	kiosk_ini("; the kiosk machine\n[kiosk]\nenabled = yes\nlog = /k/log.csv\n");
	cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert(s.kiosk);
	cr_assert_str_eq(s.log, "/k/log.csv");
	cr_assert_eq(s.idle_timeout, 300);
	settings_free(&s);
	cr_assert_eq(settle("--plain", NULL), EXIT_OK);
	cr_assert(s.kiosk, "--plain is interactive too");
	cr_assert_eq(s.mode, MODE_PLAIN);
	settings_free(&s);
	/* A kiosk made by the file takes the kiosk options like one made by --kiosk. */
	cr_assert_eq(settle("--report-dir", "/k/reports", "--idle-timeout", "60", NULL), EXIT_OK, "%s",
		     sb_str(&err));
	cr_assert_str_eq(s.report_dir, "/k/reports");
	cr_assert_eq(s.idle_timeout, 60);
}

Test(settings, kiosk_options_need_a_kiosk)
{
	cr_assert_eq(settle("--report-dir", "/r", NULL), EXIT_BAD_INPUT);
	cr_assert(strstr(sb_str(&err), "go with --kiosk"), "%s", sb_str(&err));
}

Test(settings, enabled_leaves_the_other_runs_alone)
{
	kiosk_ini("[kiosk]\nenabled = yes\ncontent = /k/content\nlog = /k/log.csv\n");
	cr_assert_eq(settle("--check-content", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_not(s.kiosk);
	cr_assert_str_eq(s.content_dir, DEFAULT_CONTENT);
	settings_free(&s);
	cr_assert_eq(settle("--answers", "a.ini", NULL), EXIT_OK);
	cr_assert_not(s.kiosk);
	cr_assert_null(s.log, "the kiosk's log is not the batch mode's");
	settings_free(&s);
	cr_assert_eq(settle("--summary", "x.csv", NULL), EXIT_OK);
	cr_assert_not(s.kiosk);
}

Test(settings, enabled_takes_yes_true_or_1)
{
	const char *yes[] = {"yes", "true", "1"};
	for (size_t i = 0; i < 3; i++) {
		char text[64];
		snprintf(text, sizeof text, "[kiosk]\nenabled = %s\n", yes[i]);
		kiosk_ini(text);
		cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
		cr_assert(s.kiosk, "enabled = %s", yes[i]);
		settings_free(&s);
		unlink(ini);
	}
	kiosk_ini("[kiosk]\nenabled = no\n");
	cr_assert_eq(settle(NULL), EXIT_OK);
	cr_assert_not(s.kiosk);
}

Test(settings, idle_timeout_bounds_from_the_option)
{
	const char *good[] = {"1", "86400"};
	const char *bad[] = {"0", "86401", "-5", "5s", "", "1e3"};

	for (size_t i = 0; i < 2; i++) {
		cr_assert_eq(settle("--kiosk", "--idle-timeout", good[i], NULL), EXIT_OK, "%s", good[i]);
		cr_assert_eq(s.idle_timeout, atoi(good[i]));
		settings_free(&s);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		sb_free(&err);
		cr_assert_eq(settle("--kiosk", "--idle-timeout", bad[i], NULL), EXIT_BAD_INPUT, "%s", bad[i]);
		settings_free(&s);
	}
}

Test(settings, bad_idle_timeout_option_is_one_message_naming_the_option)
{
	cr_assert_eq(settle("--kiosk", "--idle-timeout", "soon", NULL), EXIT_BAD_INPUT);
	cr_assert_str_eq(sb_str(&err), "outsource-wizard: --idle-timeout: 'soon' is not whole seconds "
				       "from 1 to 86400\nTry 'outsource-wizard --help'.\n");
}

Test(settings, bad_idle_timeout_in_the_file_names_file_and_line)
{
	kiosk_ini("[kiosk]\nenabled = yes\nidle_timeout = soon\n");
	cr_assert_eq(settle(NULL), EXIT_BAD_INPUT);
	char want[160];
	snprintf(want, sizeof want, "%s:3: kiosk/idle_timeout: 'soon' is not whole seconds from 1 to 86400\n",
		 ini);
	cr_assert_str_eq(sb_str(&err), want);
}

Test(settings, bad_file_value_counts_even_when_the_option_wins)
{
	kiosk_ini("[kiosk]\nidle_timeout = 0\n");
	cr_assert_eq(settle("--kiosk", "--idle-timeout", "30", NULL), EXIT_BAD_INPUT);
	cr_assert(strstr(sb_str(&err), ":2: kiosk/idle_timeout: '0' is not whole seconds"), "%s",
		  sb_str(&err));
}

Test(settings, every_file_problem_at_once)
{
	kiosk_ini("[kiosk]\ncolour = red\nidle_timeout = 9999999\n[other]\nx = 1\n");
	cr_assert_eq(settle("--check-content", NULL), EXIT_BAD_INPUT);
	const char *e = sb_str(&err);
	cr_assert(strstr(e, ":2: kiosk: unknown key 'colour'"), "%s", e);
	cr_assert(strstr(e, ":3: kiosk/idle_timeout: '9999999' is not whole seconds"), "%s", e);
	cr_assert(strstr(e, ":4: other: unknown section; settings go in [kiosk]"), "%s", e);
	cr_assert_eq(lines(e), 3, "%s", e);
}

Test(settings, a_file_others_can_write_is_refused)
{
	kiosk_ini("[kiosk]\nenabled = yes\n");
	cr_assert_eq(chmod(ini, 0664), 0);
	cr_assert_eq(settle(NULL), EXIT_BAD_INPUT);
	cr_assert(strstr(sb_str(&err), "refused: the kiosk config must be a regular file owned by root"),
		  "%s", sb_str(&err));
}

Test(settings, a_missing_file_is_no_file)
{
	strcpy(ini, "/nonexistent/outsource-wizard/kiosk.ini");
	cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_not(s.kiosk);
	ini[0] = '\0';
}

Test(settings, help_and_version_read_no_file)
{
	kiosk_ini("[kiosk]\nbroken\n");
	cr_assert_eq(settle(NULL), EXIT_BAD_INPUT, "the file is broken");
	settings_free(&s);
	sb_free(&err);
	cr_assert_eq(settle("--help", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.mode, MODE_HELP);
	settings_free(&s);
	cr_assert_eq(settle("--version", NULL), EXIT_OK);
	cr_assert_eq(s.mode, MODE_VERSION);
	cr_assert_str_eq(sb_str(&err), "");
}

Test(settings, bad_options_are_bad_input_with_the_help_hint)
{
	cr_assert_eq(settle("--frobnicate", NULL), EXIT_BAD_INPUT);
	cr_assert_str_eq(sb_str(&err), "outsource-wizard: unknown option '--frobnicate'\n"
				       "Try 'outsource-wizard --help'.\n");
	settings_free(&s);
	sb_free(&err);
	cr_assert_eq(settle("--idle-timeout", "30", NULL), EXIT_BAD_INPUT);
	cr_assert(strstr(sb_str(&err), "--idle-timeout, --session-limit and --report-dir go with --kiosk"), "%s",
		  sb_str(&err));
}

/* ---- the session limit (issue 10): a kiosk session ends after it, idle or
 * not, so connections kept alive cannot hold a room's places for ever. */

Test(settings, a_kiosk_session_lasts_an_hour_by_default)
{
	cr_assert_eq(settle("--kiosk", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.session_limit, SETTINGS_SESSION_DEFAULT);
	cr_assert_eq(SETTINGS_SESSION_DEFAULT, 3600);
	settings_free(&s);
	kiosk_ini("[kiosk]\nenabled = yes\n");
	cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.session_limit, 3600, "a kiosk made by the file too");
}

Test(settings, session_limit_from_the_option_and_the_file)
{
	cr_assert_eq(settle("--kiosk", "--session-limit", "4", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.session_limit, 4);
	cr_assert_eq(s.idle_timeout, 300, "the idle timeout is its own setting");
	settings_free(&s);
	kiosk_ini("[kiosk]\nsession_limit = 1800\nidle_timeout = 120\n");
	cr_assert_eq(settle("--kiosk", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.session_limit, 1800);
	cr_assert_eq(s.idle_timeout, 120);
	settings_free(&s);
	cr_assert_eq(settle("--kiosk", "--session-limit", "600", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.session_limit, 600, "the option beats the file");
	settings_free(&s);
	cr_assert_eq(settle(NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.session_limit, 0, "the file alone does not make a kiosk");
}

Test(settings, session_limit_bounds_from_the_option)
{
	const char *good[] = {"1", "86400"};
	const char *bad[] = {"0", "86401", "-5", "60m", "", "1e3", " 5"};

	for (size_t i = 0; i < 2; i++) {
		cr_assert_eq(settle("--kiosk", "--session-limit", good[i], NULL), EXIT_OK, "%s", good[i]);
		cr_assert_eq(s.session_limit, atoi(good[i]));
		settings_free(&s);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		sb_free(&err);
		cr_assert_eq(settle("--kiosk", "--session-limit", bad[i], NULL), EXIT_BAD_INPUT, "%s", bad[i]);
		settings_free(&s);
	}
	cr_assert_str_eq(sb_str(&err), "outsource-wizard: --session-limit: ' 5' is not whole seconds "
				       "from 1 to 86400\nTry 'outsource-wizard --help'.\n");
}

Test(settings, bad_session_limit_in_the_file_names_file_and_line)
{
	kiosk_ini("[kiosk]\nenabled = yes\nidle_timeout = 0\nsession_limit = 1h\n");
	cr_assert_eq(settle(NULL), EXIT_BAD_INPUT);
	char want[300];
	snprintf(want, sizeof want,
		 "%s:3: kiosk/idle_timeout: '0' is not whole seconds from 1 to 86400\n"
		 "%s:4: kiosk/session_limit: '1h' is not whole seconds from 1 to 86400\n", ini, ini);
	cr_assert_str_eq(sb_str(&err), want);
}

Test(settings, session_limit_needs_a_kiosk)
{
	cr_assert_eq(settle("--session-limit", "60", NULL), EXIT_BAD_INPUT);
	cr_assert(strstr(sb_str(&err), "go with --kiosk"), "%s", sb_str(&err));
}

/* The shipped example is a valid kiosk.ini and says what the defaults are. */
Test(settings, the_shipped_example_settles)
{
	char path[512], text[8192];
	snprintf(path, sizeof path, "%s/../src/kiosk/deploy/kiosk.ini.example", OW_CONTENT_SOURCE);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f, "%s", path);
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	kiosk_ini(text);
	cr_assert_eq(settle("--kiosk", NULL), EXIT_OK, "%s", sb_str(&err));
	cr_assert_eq(s.idle_timeout, SETTINGS_IDLE_DEFAULT);
	cr_assert_eq(s.session_limit, SETTINGS_SESSION_DEFAULT);
}
