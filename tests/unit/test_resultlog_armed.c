/* The record a crash writes (resultlog_armed.h): what resultlog_append would
 * have written, after a header only when the file needs one, after a '\n'
 * when its tail is torn, never into a file that is not a results log, once. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "resultlog.h"
#include "resultlog_armed.h"
#include "testutil.h"

static struct content c;
static struct answers a;
static struct verdict v;
static struct resultlog_armed armed;
static char dir[] = "/tmp/ow-armed-XXXXXX", path[128];

static void setup(void)
{
	struct diags d = {0};

	cr_assert_eq(load_fixture("mini", -1, NULL, &c, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	answers_from(&c, "routine=same volume=high data=plain", &a);
	engine_decide(&c, &a, &v);
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/results.csv", dir);
}

static void teardown(void)
{
	resultlog_disarm(&armed);
	unlink(path);
	rmdir(dir);
	verdict_free(&v);
	answers_free(&a);
	content_free(&c);
}

TestSuite(armed, .init = setup, .fini = teardown);

static void put(const char *text)
{
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

static char *header(void)
{
	struct strbuf h = {0};
	resultlog_header(&c, &h);
	return sb_take(&h);
}

/* The number of lines in the log that start with prefix. */
static int lines_starting(const char *text, const char *prefix)
{
	int n = 0;
	size_t len = strlen(prefix);
	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		n += strncmp(p, prefix, len) == 0;
	return n;
}

Test(armed, new_file_gets_header_and_record_once)
{
	resultlog_arm(&armed, path, &c, &a, &v, "kiosk");
	cr_assert_eq(resultlog_write_armed(&armed), 0);
	cr_assert_eq(resultlog_write_armed(&armed), -1, "written once only");
	char *log = read_text(path, NULL), *h = header();
	cr_assert(strncmp(log, h, strlen(h)) == 0, "starts with the header: %s", log);
	cr_assert_eq(lines_starting(log, "time,"), 1);
	cr_assert_eq(lines_starting(log, "20"), 1, "one record: %s", log);
	cr_assert_not_null(strstr(log, ",kiosk,"));
	free(log);
	free(h);
}

Test(armed, same_header_is_not_repeated_and_torn_tail_is_closed)
{
	char *h = header();
	char text[4096];
	snprintf(text, sizeof text, "%s2026-01-01T00:00:00Z,torn", h);
	put(text);
	resultlog_arm(&armed, path, &c, &a, &v, "curses");
	cr_assert_eq(resultlog_write_armed(&armed), 0);
	char *log = read_text(path, NULL);
	cr_assert_eq(lines_starting(log, "time,"), 1, "%s", log);
	cr_assert_not_null(strstr(log, "torn\n20"), "the torn line ends before the record: %s", log);
	free(log);
	free(h);
}

Test(armed, other_question_set_gets_its_own_header)
{
	put("time,session,mode,columns,answer.other,recommendation,strength,crc32\n");
	resultlog_arm(&armed, path, &c, &a, &v, "curses");
	cr_assert_eq(resultlog_write_armed(&armed), 0);
	char *log = read_text(path, NULL);
	cr_assert_eq(lines_starting(log, "time,"), 2, "%s", log);
	free(log);
}

Test(armed, refuses_a_file_that_is_not_a_log)
{
	put("# My report\nnot a log\n");
	resultlog_arm(&armed, path, &c, &a, &v, "curses");
	cr_assert_eq(resultlog_write_armed(&armed), -1);
	char *log = read_text(path, NULL);
	cr_assert_str_eq(log, "# My report\nnot a log\n");
	free(log);
}

Test(armed, disarmed_writes_nothing)
{
	resultlog_arm(&armed, path, &c, &a, &v, "curses");
	resultlog_disarm(&armed);
	cr_assert_eq(resultlog_write_armed(&armed), -1);
	cr_assert_neq(access(path, F_OK), 0, "no file made");
}

Test(armed, the_record_is_what_append_writes)
{
	struct strbuf err = {0};
	resultlog_arm(&armed, path, &c, &a, &v, "batch");
	cr_assert_eq(resultlog_write_armed(&armed), 0);
	cr_assert_eq(resultlog_append(path, &c, &a, &v, NULL, "batch", &err), 0, "%s", sb_str(&err));
	char *log = read_text(path, NULL);
	/* Same fields apart from time and session: compare from the mode on. */
	char *r1 = strstr(log, ",batch,"), *r2 = r1 ? strstr(r1 + 1, ",batch,") : NULL;
	cr_assert(r1 && r2, "%s", log);
	size_t n1 = strcspn(r1, "\n"), n2 = strcspn(r2, "\n");
	char *crc1 = r1 + n1 - 9, *crc2 = r2 + n2 - 9; /* ",xxxxxxxx" */
	cr_assert_eq(crc1 - r1, crc2 - r2);
	cr_assert(memcmp(r1, r2, (size_t)(crc1 - r1)) == 0, "%s", log);
	sb_free(&err);
	free(log);
}
