/* Replays the fuzz seeds and every saved crash input through the fuzz
 * targets' entry points, in the ordinary (and sanitizer) builds. A crash input
 * file's name starts with its target: fuzz_content-, fuzz_answers-,
 * fuzz_summary-. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "content.h"
#include "summary.h"
#include "testutil.h"

static struct content shipped;

static void replay_content(const char *data, size_t len)
{
	struct content c;
	struct diags d = {0};
	const char *files[CONTENT_NFILES];
	size_t lens[CONTENT_NFILES];
	for (int i = 0; i < CONTENT_NFILES; i++)
		files[i] = data, lens[i] = len;
	if (content_load_mem(files, lens, "replay", &c, &d) == 0)
		content_free(&c);
	else
		cr_assert_gt(d.n, 0, "a failed load must say why");
	diags_free(&d);
}

static void replay_answers(const char *data, size_t len)
{
	struct answers a;
	struct diags d = {0};
	answers_load_mem(data, len, "replay", &shipped, 1, &a, &d);
	answers_free(&a);
	diags_free(&d);
}

static void replay_summary(const char *data, size_t len)
{
	struct summary_tally t;
	struct strbuf out = {0};
	summary_tally_init(&t, &shipped);
	summary_parse_buffer(&t, data, len, "replay");
	summary_write(&t, REPORT_TEXT, &out);
	sb_free(&out);
	summary_tally_free(&t);
}

/* Feeds every regular file in dir to fn (prefix: only names starting so). */
static int replay_dir(const char *dir, const char *prefix, void (*fn)(const char *, size_t))
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (!dp)
		return 0;
	while ((e = readdir(dp))) {
		char path[1400];
		size_t len;
		if (e->d_name[0] == '.' || (prefix && strncmp(e->d_name, prefix, strlen(prefix))))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		char *data = read_text(path, &len);
		if (!data)
			continue;
		fn(data, len);
		free(data);
		n++;
	}
	closedir(dp);
	return n;
}

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(content_load(OW_CONTENT_SOURCE, &shipped, &d), 0);
	diags_free(&d);
}

static void teardown(void)
{
	content_free(&shipped);
}

TestSuite(fuzz_replay, .init = setup, .fini = teardown);

Test(fuzz_replay, seeds_and_crashes)
{
	const char *fz = OW_FIXTURES "/../fuzz";
	char seeds[1024], crashes[1024];
	snprintf(crashes, sizeof crashes, "%s/crashes", fz);
	snprintf(seeds, sizeof seeds, "%s/seeds/content", fz);
	int n = replay_dir(seeds, NULL, replay_content);
	snprintf(seeds, sizeof seeds, "%s/seeds/answers", fz);
	n += replay_dir(seeds, NULL, replay_answers);
	snprintf(seeds, sizeof seeds, "%s/seeds/summary", fz);
	n += replay_dir(seeds, NULL, replay_summary);
	cr_assert_gt(n, 5, "the seeds were not found");
	replay_dir(crashes, "fuzz_content-", replay_content);
	replay_dir(crashes, "fuzz_answers-", replay_answers);
	replay_dir(crashes, "fuzz_summary-", replay_summary);
}
