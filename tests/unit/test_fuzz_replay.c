/* Replays the fuzz seeds and every saved input through the fuzz targets' own
 * entry points (tests/fuzz/fuzz_*.c, built into this test with their
 * LLVMFuzzer* functions renamed), in the ordinary and the sanitizer builds:
 * what a target calls a crash (its abort on a broken invariant, a sanitizer
 * report) fails here too, with no clang needed. A saved input's name starts
 * with its target (fuzz_content-, fuzz_answers-, fuzz_summary-): the files
 * libFuzzer left after a crash, and hand-made regression inputs for the edge
 * cases each loader has to survive (tests/fuzz/crashes/README). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define TARGET(t)                                                                   \
	int fuzz_##t##_init(int *argc, char ***argv);                                \
	int fuzz_##t##_one(const uint8_t *data, size_t size);
TARGET(content)
TARGET(answers)
TARGET(summary)

struct target {
	const char *name;  /* the file name prefix of its saved inputs */
	const char *seeds; /* its folder under seeds/ */
	int (*init)(int *argc, char ***argv);
	int (*one)(const uint8_t *data, size_t size);
};

static const struct target targets[] = {
	{"fuzz_content", "content", fuzz_content_init, fuzz_content_one},
	{"fuzz_answers", "answers", fuzz_answers_init, fuzz_answers_one},
	{"fuzz_summary", "summary", fuzz_summary_init, fuzz_summary_one},
};
#define NTARGETS (sizeof targets / sizeof targets[0])

/* Feeds every regular file in dir whose name starts with prefix (NULL: all)
 * to the target; returns how many. */
static int replay_dir(const char *dir, const char *prefix, const struct target *t)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(dp, "cannot open %s", dir);
	while ((e = readdir(dp))) {
		char path[1400];
		size_t len;
		if (e->d_name[0] == '.' || (prefix && strncmp(e->d_name, prefix, strlen(prefix))))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		char *data = read_text(path, &len);
		cr_assert_not_null(data, "cannot read %s", path);
		t->one((const uint8_t *)data, len);
		free(data);
		n++;
	}
	closedir(dp);
	return n;
}

/* Each target's start-up, once per test process, as libFuzzer does. */
static void setup(void)
{
	int argc = 0;
	char **argv = NULL;
	for (size_t i = 0; i < NTARGETS; i++)
		targets[i].init(&argc, &argv);
}

TestSuite(fuzz_replay, .init = setup);

Test(fuzz_replay, every_seed)
{
	for (size_t i = 0; i < NTARGETS; i++) {
		char dir[1024];
		snprintf(dir, sizeof dir, "%s/../fuzz/seeds/%s", OW_FIXTURES, targets[i].seeds);
		cr_expect_gt(replay_dir(dir, NULL, &targets[i]), 0, "no seeds for %s in %s",
			     targets[i].name, dir);
	}
}

Test(fuzz_replay, every_saved_input)
{
	const char *dir = OW_FIXTURES "/../fuzz/crashes";

	for (size_t i = 0; i < NTARGETS; i++) {
		char prefix[64];
		snprintf(prefix, sizeof prefix, "%s-", targets[i].name);
		cr_expect_gt(replay_dir(dir, prefix, &targets[i]), 0,
			     "no saved input for %s in %s: the crash replay would test nothing",
			     targets[i].name, dir);
	}
}
