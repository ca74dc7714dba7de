/* Saving a report: the name asked for or one made from the time, the kiosk's
 * directory, never an overwrite, and no partial file after a failed write.
 * Each test works in a fresh directory (criterion runs each in its own
 * process, so chdir and rlimits stay there). */
#include <criterion/criterion.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "savefile.h"

#define NOW ((time_t)1700000000) /* 2023-11-14 22:13:20 UTC */
#define STAMP "20231114-221320"
static const char text[] = "# A report\n\nWith two lines.\n";

static char dir[PATH_MAX];

static void setup(void)
{
	snprintf(dir, sizeof dir, "%s/ow-savefile-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	cr_assert_not_null(mkdtemp(dir));
	cr_assert_eq(chdir(dir), 0);
	setenv("TZ", "UTC", 1);
	tzset();
}

static void teardown(void)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (chdir("/") == 0 && system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
}

TestSuite(savefile, .init = setup, .fini = teardown, .timeout = 10);

static char *slurp(const char *path)
{
	static char buf[4096];
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int save(const struct save_place *p, char *name)
{
	return savefile_write(p, NOW, text, strlen(text), name, PATH_MAX);
}

static void touch(const char *path)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f, "%s", path);
	fputs("old", f);
	fclose(f);
}

Test(savefile, writes_the_file_asked_for)
{
	struct save_place p = {.path = "mine.md", .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	umask(002); /* a shared-group umask: the file follows it, as any new file */
	cr_assert_eq(save(&p, name), 0, "%s", strerror(errno));
	cr_assert_str_eq(name, "mine.md");
	cr_assert_str_eq(slurp("mine.md"), text);
	struct stat st;
	cr_assert_eq(stat("mine.md", &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0664, "mode %o", st.st_mode & 0777);
	umask(077);
	cr_assert_eq(save(&(struct save_place){.path = "private.md", .dir = NULL, .kiosk = 0}, name), 0);
	cr_assert_eq(stat("private.md", &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
}

/* A visitor's report is for the trainer: 0600 whatever the umask. */
Test(savefile, a_kiosk_report_is_private)
{
	struct save_place p = {.path = NULL, .dir = "reports", .kiosk = 1};
	char name[PATH_MAX];
	struct stat st;
	umask(0);
	cr_assert_eq(mkdir("reports", 0700), 0);
	cr_assert_eq(save(&p, name), 0, "%s", strerror(errno));
	cr_assert_eq(stat(name, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600, "mode %o", st.st_mode & 0777);
}

static void fill_dir(const char *d, int files)
{
	char path[PATH_MAX];
	for (int i = 0; i < files; i++) {
		snprintf(path, sizeof path, "%s/f%d", d, i);
		touch(path);
	}
}

Test(savefile, a_kiosk_directory_full_of_files_takes_no_more)
{
	struct save_place p = {.path = NULL, .dir = "reports", .kiosk = 1};
	char name[PATH_MAX];
	cr_assert_eq(mkdir("reports", 0700), 0);
	fill_dir("reports", SAVEFILE_DIR_MAX_ENTRIES - 1);
	cr_assert_eq(savefile_dir_full("reports"), 0);
	cr_assert_eq(save(&p, name), 0, "one below the cap still saves: %s", strerror(errno));
	cr_assert_eq(savefile_dir_full("reports"), 1);
	errno = 0;
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EDQUOT);
}

Test(savefile, a_kiosk_directory_full_of_bytes_takes_no_more)
{
	struct save_place p = {.path = NULL, .dir = "reports", .kiosk = 1};
	char name[PATH_MAX];
	cr_assert_eq(mkdir("reports", 0700), 0);
	FILE *f = fopen("reports/big", "w"); /* sparse: the size counts, not the blocks */
	cr_assert_not_null(f);
	cr_assert_eq(ftruncate(fileno(f), (off_t)SAVEFILE_DIR_MAX_BYTES - 10), 0);
	fclose(f);
	cr_assert_eq(save(&p, name), 0, "%s", strerror(errno));
	errno = 0;
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EDQUOT);
	/* outside a kiosk the directory is the user's own: no cap */
	cr_assert_eq(chdir("reports"), 0);
	cr_assert_eq(save(&(struct save_place){.path = NULL, .dir = NULL, .kiosk = 0}, name), 0);
}

Test(savefile, never_overwrites_the_file_asked_for)
{
	struct save_place p = {.path = "mine.md", .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	touch("mine.md");
	errno = 0;
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EEXIST);
	cr_assert_str_eq(name, "mine.md");
	cr_assert_str_eq(slurp("mine.md"), "old");
}

/* A name that does not fit is refused, never cut into another file's name. */
Test(savefile, a_name_too_long_is_refused)
{
	char longpath[64];
	memset(longpath, 'x', sizeof longpath - 1);
	longpath[sizeof longpath - 1] = '\0';
	struct save_place p = {.path = longpath, .dir = NULL, .kiosk = 0};
	char name[32];
	errno = 0;
	cr_assert_eq(savefile_write(&p, 0, text, sizeof text - 1, name, sizeof name), -1);
	cr_assert_eq(errno, ENAMETOOLONG);
	struct save_place k = {.path = NULL, .dir = longpath, .kiosk = 1};
	errno = 0;
	cr_assert_eq(savefile_write(&k, 0, text, sizeof text - 1, name, sizeof name), -1);
	cr_assert_eq(errno, ENAMETOOLONG);
}

Test(savefile, never_follows_a_symlink)
{
	struct save_place p = {.path = "link.md", .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	cr_assert_eq(symlink("target.md", "link.md"), 0);
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EEXIST);
	cr_assert_eq(access("target.md", F_OK), -1, "the link's target was created");
}

Test(savefile, a_directory_that_is_not_there)
{
	struct save_place p = {.path = "no/such/dir/r.md", .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, ENOENT);
	cr_assert_str_eq(name, "no/such/dir/r.md");
}

Test(savefile, an_unwritable_directory)
{
	struct save_place p = {.path = "ro/r.md", .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	cr_assert_eq(mkdir("ro", 0500), 0);
	if (geteuid() == 0) { /* root writes anywhere: a file in the way instead */
		touch("file");
		p.path = "file/r.md";
	}
	cr_assert_eq(save(&p, name), -1);
	cr_assert(errno == EACCES || errno == ENOTDIR, "%s", strerror(errno));
}

Test(savefile, makes_a_dated_name_in_the_current_directory)
{
	struct save_place p = {.path = NULL, .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	cr_assert_eq(save(&p, name), 0, "%s", strerror(errno));
	cr_assert_str_eq(name, "outsource-wizard-report-" STAMP ".md");
	cr_assert_str_eq(slurp(name), text);
}

Test(savefile, a_taken_name_gets_the_next_number)
{
	struct save_place p = {.path = NULL, .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	cr_assert_eq(save(&p, name), 0);
	cr_assert_eq(save(&p, name), 0);
	cr_assert_str_eq(name, "outsource-wizard-report-" STAMP "-2.md");
	touch("outsource-wizard-report-" STAMP "-3.md");
	cr_assert_eq(save(&p, name), 0);
	cr_assert_str_eq(name, "outsource-wizard-report-" STAMP "-4.md");
	cr_assert_str_eq(slurp("outsource-wizard-report-" STAMP "-3.md"), "old");
}

Test(savefile, gives_up_when_every_name_is_taken)
{
	struct save_place p = {.path = NULL, .dir = NULL, .kiosk = 0};
	char name[PATH_MAX];
	touch("outsource-wizard-report-" STAMP ".md");
	for (int i = 2; i <= 99; i++) {
		snprintf(name, sizeof name, "outsource-wizard-report-" STAMP "-%d.md", i);
		touch(name);
	}
	errno = 0;
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EEXIST);
	cr_assert_eq(access("outsource-wizard-report-" STAMP "-100.md", F_OK), -1);
}

Test(savefile, a_kiosk_saves_in_its_directory_and_ignores_a_path)
{
	struct save_place p = {.path = "chosen.md", .dir = "reports", .kiosk = 1};
	char name[PATH_MAX];
	cr_assert_eq(mkdir("reports", 0700), 0);
	cr_assert_eq(save(&p, name), 0, "%s", strerror(errno));
	cr_assert_str_eq(name, "reports/outsource-wizard-report-" STAMP ".md");
	cr_assert_str_eq(slurp(name), text);
	cr_assert_eq(access("chosen.md", F_OK), -1, "a kiosk wrote where the user chose");
}

Test(savefile, a_kiosk_without_a_directory_saves_nothing)
{
	struct save_place p = {.path = NULL, .dir = NULL, .kiosk = 1};
	char name[PATH_MAX];
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EPERM);
	cr_assert_eq(access("outsource-wizard-report-" STAMP ".md", F_OK), -1);
}

Test(savefile, a_kiosk_directory_that_is_not_there)
{
	struct save_place p = {.path = NULL, .dir = "gone", .kiosk = 1};
	char name[PATH_MAX];
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, ENOENT);
	cr_assert_str_eq(name, "gone/outsource-wizard-report-" STAMP ".md");
}

/* A file size limit makes the write fail half way (EFBIG): the partial file
 * must go, so a half report is never mistaken for a whole one. */
Test(savefile, a_failed_write_removes_the_partial_file)
{
	struct save_place p = {.path = "big.md", .dir = NULL, .kiosk = 0};
	struct rlimit rl = {8, 8};
	char name[PATH_MAX];
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	errno = 0;
	cr_assert_eq(save(&p, name), -1);
	cr_assert_eq(errno, EFBIG, "%s", strerror(errno));
	cr_assert_eq(access("big.md", F_OK), -1, "the partial file is still there");
}

Test(savefile, each_format_has_its_extension_and_made_name)
{
	struct save_place p = {.format = SAVE_JSON};
	char name[PATH_MAX];
	cr_assert_str_eq(savefile_extension(SAVE_MARKDOWN), ".md");
	cr_assert_str_eq(savefile_extension(SAVE_ANSWERS), ".ini");
	cr_assert_eq(savefile_suggest(&p, NOW, name, sizeof name), 0);
	cr_assert_str_eq(name, "outsource-wizard-report-" STAMP ".json");
	touch(name);
	cr_assert_eq(savefile_suggest(&p, NOW, name, sizeof name), 0);
	cr_assert_str_eq(name, "outsource-wizard-report-" STAMP "-2.json", "the next free one");
	cr_assert_eq(access(name, F_OK), -1, "a suggestion creates nothing");
	p.path = "asked.md";
	cr_assert_eq(savefile_suggest(&p, NOW, name, sizeof name), 0);
	cr_assert_str_eq(name, "asked.md");
}

/* Replacing only when asked, and never in a kiosk. */
Test(savefile, overwrite_replaces_only_when_asked)
{
	char name[PATH_MAX];
	touch("mine.md");
	struct save_place p = {.path = "mine.md", .overwrite = 1};
	cr_assert_eq(save(&p, name), 0, "%s", strerror(errno));
	cr_assert_str_eq(slurp("mine.md"), text);
	cr_assert_eq(mkdir("reports", 0700), 0);
	touch("reports/outsource-wizard-report-" STAMP ".md");
	struct save_place k = {.path = "mine.md", .dir = "reports", .kiosk = 1, .overwrite = 1};
	cr_assert_eq(save(&k, name), 0);
	cr_assert_str_eq(name, "reports/outsource-wizard-report-" STAMP "-2.md", "a kiosk never replaces");
	cr_assert_str_eq(slurp("reports/outsource-wizard-report-" STAMP ".md"), "old");
}
