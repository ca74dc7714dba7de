/* The save key in a kiosk, as a visitor meets it (issue 10): a burst of s
 * and Enter writes one report (per format), a session writes at most SAVEFILE_SESSION_MAX, a full
 * report folder takes no more, and each refusal is said on the screen. Key
 * scripts through the real wizard on a headless terminal (harness.h). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "savefile.h"
#include "strbuf.h"
#include "testutil.h"
#include "texts.h"

static struct content c;
static char dir[] = "/tmp/ow-save-XXXXXX";

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "content");
	diags_free(&d);
	cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[64];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
	content_free(&c);
}

TestSuite(save, .init = setup, .fini = teardown, .timeout = 60);

static int files_in(const char *d)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(dp);
	while ((e = readdir(dp)))
		n += e->d_name[0] != '.';
	closedir(dp);
	return n;
}

static void open_kiosk(struct session *s)
{
	struct ui_options o = {.kiosk = 1, .report_dir = dir};
	cr_assert_eq(session_open(s, &c, 80, 24, 1, &o), 0, "no headless terminal");
}

static void type(struct session *s, const char *keys)
{
	char err[256] = "";
	cr_assert_eq(session_script(s, keys, err, sizeof err), 0, "%s", err);
}

/* The screen's words with the line breaks of the status line gone. */
static int screen_says(const struct session *s, const char *text)
{
	char *shot = screen_dump(s->lines, s->cols, 0);
	struct strbuf flat = {0};
	for (const char *p = shot; *p; p++)
		if (*p != '\n')
			sb_addn(&flat, p, 1);
	int found = strstr(sb_str(&flat), text) != NULL;
	sb_free(&flat);
	free(shot);
	return found;
}

/* A pasted burst: s (the dialog), then Enter (save) or another s. */
static struct strbuf burst(int n)
{
	struct strbuf keys = {0};
	for (int i = 0; i < n; i++)
		sb_add(&keys, i % 3 == 2 ? "s " : "s <Enter> ");
	return keys;
}

Test(save, a_burst_of_s_writes_one_report)
{
	struct session s;
	struct strbuf keys = burst(2000);
	open_kiosk(&s);
	type(&s, "<Enter> 111111111111 <Enter>");
	type(&s, sb_str(&keys));
	cr_assert_eq(files_in(dir), 1, "2000 presses of s");
	cr_assert(screen_says(&s, "Nothing changed since outsource-wizard-report-"),
		  "the screen says nothing new was saved");
	cr_assert(screen_says(&s, " was saved."), "the whole line fits at 80 columns");
	/* a changed answer is a new report */
	type(&s, "<Left> <Left> 3 <Enter> s <Enter>");
	cr_assert_eq(files_in(dir), 2, "a changed answer saves again");
	type(&s, "s 4 <Enter>");
	cr_assert_eq(files_in(dir), 3, "the same answers in another format save again");
	session_close(&s);
	sb_free(&keys);
}

Test(save, a_kiosk_session_saves_at_most_its_cap)
{
	struct session s;
	char *full;
	open_kiosk(&s);
	for (int i = 0; i < SAVEFILE_SESSION_MAX + 5; i++)
		type(&s, "<Enter> 111111111111 <Enter> s <Enter> q q");
	cr_assert_eq(files_in(dir), SAVEFILE_SESSION_MAX);
	type(&s, "<Enter> 111111111111 <Enter> s");
	cr_assert_eq(files_in(dir), SAVEFILE_SESSION_MAX);
	full = text_fmt(&c, T_SAVE_SESSION_FULL, "count", "20", NULL);
	cr_assert(screen_says(&s, full), "the cap is said: %s", full);
	free(full);
	session_close(&s);
}

Test(save, a_full_report_folder_takes_no_more)
{
	struct session s;
	char path[PATH_MAX];
	for (int i = 0; i < SAVEFILE_DIR_MAX_ENTRIES; i++) {
		snprintf(path, sizeof path, "%s/earlier-%d.md", dir, i);
		FILE *f = fopen(path, "w");
		cr_assert_not_null(f);
		fclose(f);
	}
	open_kiosk(&s);
	type(&s, "<Enter> 111111111111 <Enter> s <Enter>");
	cr_assert_eq(files_in(dir), SAVEFILE_DIR_MAX_ENTRIES);
	cr_assert(screen_says(&s, text_get(&c, T_SAVE_DIR_FULL)), "the full folder is said");
	session_close(&s);
}

/* In a kiosk the name is the generated one: typing does not change it, and
 * digits pick the format. */
Test(save, a_kiosk_visitor_cannot_type_a_path)
{
	struct session s;
	open_kiosk(&s);
	type(&s, "<Enter> 111111111111 <Enter> s ../../etc/x 3 <Enter>");
	cr_assert_eq(files_in(dir), 1);
	DIR *dp = opendir(dir);
	struct dirent *e;
	int json = 0;
	while ((e = readdir(dp)))
		json += strncmp(e->d_name, "outsource-wizard-report-", 24) == 0 &&
			strstr(e->d_name, ".json") != NULL;
	closedir(dp);
	cr_assert_eq(json, 1, "3 picked JSON, the name is the made one");
	session_close(&s);
}
