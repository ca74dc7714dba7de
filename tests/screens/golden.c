/* Golden screens: each key script in golden/screens.keys is typed into the
 * real wizard and the whole screen is compared with its golden file, in
 * UTF-8 and LANG=C. A difference prints a unified diff (expected, then what
 * the wizard drew). OW_UPDATE_GOLDEN=1 (tests/screens/update-golden.sh BUILD)
 * writes the golden files instead. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "testutil.h"
#include "strbuf.h"

#define MAX_SCRIPTS 64

struct script {
	char name[64];
	int cols, lines;
	int tmpdir;      /* @tmpdir: run in a fresh temporary directory */
	char keys[1024];
};

static struct content c;
static struct script scripts[MAX_SCRIPTS];
static int nscripts;

/* NAME SIZE [@OPTION...] KEYS... Returns 0, or -1 for a bad line. */
static int parse_line(char *line, struct script *sc)
{
	char size[32];
	int used = 0;

	memset(sc, 0, sizeof *sc);
	if (sscanf(line, "%63s %31s %n", sc->name, size, &used) < 2 ||
	    sscanf(size, "%dx%d", &sc->cols, &sc->lines) != 2)
		return -1;
	char *p = line + used;
	while (*p == '@') {
		size_t n = strcspn(p, " \t");
		if (n == 7 && !strncmp(p, "@tmpdir", 7))
			sc->tmpdir = 1;
		else
			return -1;
		p += n;
		p += strspn(p, " \t");
	}
	snprintf(sc->keys, sizeof sc->keys, "%s", p);
	return 0;
}

static void load_scripts(void)
{
	char *text = read_text(OW_GOLDEN_DIR "/screens.keys", NULL), *save = NULL;
	int lineno = 0;

	cr_assert_not_null(text, "cannot read %s/screens.keys", OW_GOLDEN_DIR);
	for (char *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		lineno++;
		if (l[strspn(l, " \t")] == '#' || l[strspn(l, " \t")] == '\0')
			continue;
		cr_assert_lt(nscripts, MAX_SCRIPTS, "too many scripts");
		cr_assert_eq(parse_line(l, &scripts[nscripts]), 0, "screens.keys: bad line: %s", l);
		nscripts++;
	}
	free(text);
}

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &c, &d), 0, "content: %s",
		     d.n ? d.items[0].what : "");
	diags_free(&d);
	load_scripts();
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(golden, .init = setup, .fini = teardown, .timeout = 60);

/* text with every from replaced by to (malloc'd). */
static char *replace_all(const char *text, const char *from, const char *to)
{
	struct strbuf sb = {0};
	size_t n = strlen(from);

	for (const char *p = text; *p;) {
		const char *hit = n ? strstr(p, from) : NULL;
		if (!hit) {
			sb_add(&sb, p);
			break;
		}
		sb_addn(&sb, p, (size_t)(hit - p));
		sb_add(&sb, to);
		p = hit + n;
	}
	return sb_take(&sb);
}

/* The report's time stamp (YYYYMMDD-HHMMSS after its prefix) becomes <stamp>. */
static char *without_stamp(const char *text)
{
	static const char prefix[] = "outsource-wizard-report-";
	struct strbuf sb = {0};
	const char *p = text, *hit;

	while ((hit = strstr(p, prefix))) {
		const char *s = hit + sizeof prefix - 1;
		int ok = strspn(s, "0123456789") == 8 && s[8] == '-' && strspn(s + 9, "0123456789") == 6;
		sb_addn(&sb, p, (size_t)(s - p));
		if (ok)
			sb_add(&sb, "<stamp>");
		p = ok ? s + 15 : s;
	}
	sb_add(&sb, p);
	return sb_take(&sb);
}

/* Removes the files a @tmpdir run left (the saved report) and the directory. */
static void remove_tmpdir(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;

	while (dp && (e = readdir(dp))) {
		char path[PATH_MAX];
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (dp)
		closedir(dp);
	rmdir(dir);
}

/* Types the script into a fresh wizard and returns the screen (malloc'd). */
static char *render(const struct script *sc, int utf8)
{
	struct session s;
	char err[256] = "", cwd[PATH_MAX], dir[] = "/tmp/owg-XXXXXX";

	if (sc->tmpdir) {
		cr_assert_not_null(getcwd(cwd, sizeof cwd));
		cr_assert_not_null(mkdtemp(dir));
		cr_assert_eq(chdir(dir), 0);
	}
	cr_assert_eq(session_open(&s, &c, sc->cols, sc->lines, utf8, NULL), 0, "no headless terminal");
	cr_assert_eq(session_script(&s, sc->keys, err, sizeof err), 0, "%s: %s", sc->name, err);
	char *shot = screen_dump(s.lines, s.cols, 1);
	session_close(&s);
	if (!sc->tmpdir)
		return shot;
	cr_assert_eq(chdir(cwd), 0);
	char *a = replace_all(shot, dir, "<tmp>"), *b = without_stamp(a);
	remove_tmpdir(dir);
	free(shot);
	free(a);
	return b;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f, "cannot write %s", path);
	fputs(text, f);
	cr_assert_eq(fclose(f), 0, "cannot write %s", path);
}

static void show_diff(const char *expected, const char *actual)
{
	char cmd[3 * PATH_MAX];
	snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' >&2", expected, actual);
	if (system(cmd) == -1)
		fprintf(stderr, "(no diff program: compare %s with %s)\n", expected, actual);
}

/* 0 when the screen matches golden/FILE (or was written to it). */
static int check_golden(const char *file, const char *actual)
{
	char path[PATH_MAX], out[PATH_MAX];
	const char *update = getenv("OW_UPDATE_GOLDEN");
	char *expected;

	snprintf(path, sizeof path, "%s/%s", OW_GOLDEN_DIR, file);
	expected = read_text(path, NULL);
	if (update && *update) {
		if (!expected || strcmp(expected, actual)) {
			write_file(path, actual);
			fprintf(stderr, "updated %s\n", path);
		}
		free(expected);
		return 0;
	}
	int same = expected && !strcmp(expected, actual);
	if (!same) {
		mkdir(OW_GOLDEN_OUT, 0755);
		snprintf(out, sizeof out, "%s/%s", OW_GOLDEN_OUT, file);
		write_file(out, actual);
		if (expected)
			show_diff(path, out);
		else
			fprintf(stderr, "%s: no golden file (the screen is in %s)\n", path, out);
	}
	free(expected);
	return same ? 0 : -1;
}

Test(golden, every_screen_matches_its_golden_file)
{
	int bad = 0;

	for (int i = 0; i < nscripts; i++)
		for (int utf8 = 1; utf8 >= 0; utf8--) {
			char file[128];
			snprintf(file, sizeof file, "%.63s-%s.txt", scripts[i].name, utf8 ? "utf8" : "C");
			char *shot = render(&scripts[i], utf8);
			bad += check_golden(file, shot) != 0;
			free(shot);
		}
	cr_assert_eq(bad, 0,
		     "%d of %d golden screens differ (diffs above). If the change is intended: "
		     "tests/screens/update-golden.sh BUILD_DIR",
		     bad, 2 * nscripts);
}

static const struct script *script_named(const char *name)
{
	for (int i = 0; i < nscripts; i++)
		if (!strcmp(scripts[i].name, name))
			return &scripts[i];
	return NULL;
}

Test(golden, every_kind_of_screen_has_a_script)
{
	static const char *const kinds[] = {
		"welcome",      "question",    "help",        "review",        "result-clear",
		"result-leaning", "result-split", "compare-top", "compare-end", "compare-split",
		"save",         "quit",        "enlarge",
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		cr_expect_not_null(script_named(kinds[i]), "no golden script for %s", kinds[i]);
	const struct script *e = script_named("enlarge");
	cr_assert_not_null(e);
	cr_expect(strstr(e->keys, "<Resize:30x10>"), "the enlarge screen is shown at 30x10");
}

Test(golden, every_golden_file_has_a_script)
{
	DIR *dp = opendir(OW_GOLDEN_DIR);
	struct dirent *e;

	cr_assert_not_null(dp);
	while ((e = readdir(dp))) {
		char name[256];
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".txt"))
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
		char *dash = strrchr(name, '-');
		int known = dash && (!strcmp(dash, "-utf8") || !strcmp(dash, "-C"));
		if (known)
			*dash = '\0';
		cr_expect(known && script_named(name), "%s: no script in screens.keys makes it",
			  e->d_name);
	}
	closedir(dp);
}

/* The result scripts still give the strength they are named after. */
Test(golden, result_scripts_give_each_strength)
{
	static const char *const names[STRENGTH_COUNT] = {"result-clear", "result-leaning",
							  "result-split"};
	for (int k = 0; k < STRENGTH_COUNT; k++) {
		const struct script *sc = script_named(names[k]);
		struct session s;
		struct verdict v;
		char err[256];
		cr_assert_not_null(sc, "no script %s", names[k]);
		cr_assert_eq(session_open(&s, &c, sc->cols, sc->lines, 1, NULL), 0);
		cr_assert_eq(session_script(&s, sc->keys, err, sizeof err), 0, "%s", err);
		engine_decide(&c, &s.ans, &v);
		cr_expect_eq(v.strength, (enum strength)k, "%s gives strength %d", names[k], v.strength);
		verdict_free(&v);
		session_close(&s);
	}
}

/* The split's golden screens answer as tests/fixtures/answers/mixed.ini, the
 * mixed task every report is checked with: when the content's options move,
 * this says the digits in screens.keys need updating. */
Test(golden, split_script_answers_as_the_mixed_fixture)
{
	const struct script *sc = script_named("result-split");
	struct answers mixed;
	struct diags d = {0};
	struct session s;
	char err[256];

	cr_assert_not_null(sc);
	cr_assert_eq(answers_load(OW_FIXTURES "/answers/mixed.ini", &c, 0, &mixed, &d), 0);
	cr_assert_eq(session_open(&s, &c, sc->cols, sc->lines, 1, NULL), 0);
	cr_assert_eq(session_script(&s, sc->keys, err, sizeof err), 0, "%s", err);
	for (size_t q = 0; q < c.nquestions; q++)
		cr_expect_eq(answers_choice(&s.ans, q), answers_choice(&mixed, q),
			     "result-split answers %s with option %d, mixed.ini with %d",
			     c.questions[q].id, answers_choice(&s.ans, q) + 1,
			     answers_choice(&mixed, q) + 1);
	session_close(&s);
	answers_free(&mixed);
	diags_free(&d);
}
