/* The SQLite results store (issue 12): what goes in comes out as the CSV log
 * would count it, ids the content does not know are named, a session id is
 * stored once, and the store's schema is checked. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "resultlog.h"
#include "store.h"
#include "summary.h"
#include "testutil.h"

static struct content c;
static char dir[] = "/tmp/ow-store-XXXXXX";
static char db[64], csv[64];

static void setup(void)
{
	struct diags d = {0};
	cr_assert_eq(load_fixture("mini", -1, NULL, &c, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	cr_assert_not_null(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/room.db", dir);
	snprintf(csv, sizeof csv, "%s/room.csv", dir);
}

static void teardown(void)
{
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		cr_log_warn("could not remove %s", dir);
	content_free(&c);
}

TestSuite(store, .init = setup, .fini = teardown, .timeout = 30);

/* Appends an interview with the given choices (-1: unanswered) to both. */
static void add_both(const int *choice, const char *task)
{
	struct answers a;
	struct verdict v;
	struct strbuf err = {0};
	answers_init(&a, &c);
	for (size_t q = 0; q < a.n; q++)
		a.choice[q] = choice[q];
	answers_set_task(&a, task);
	engine_decide(&c, &a, &v);
	cr_assert_eq(store_append(db, &c, &a, &v, NULL, "batch", NULL, &err), 0, "%s", sb_str(&err));
	cr_assert_eq(resultlog_append(csv, &c, &a, &v, NULL, "batch", &err), 0, "%s", sb_str(&err));
	verdict_free(&v);
	answers_free(&a);
	sb_free(&err);
}

static char *summary_of(const char *path)
{
	struct strbuf out = {0}, err = {0};
	const char *paths[] = {path};
	cr_assert_eq(summary_run(paths, 1, &c, NULL, REPORT_JSON, &out, &err), 0, "%s", sb_str(&err));
	sb_free(&err);
	return sb_take(&out);
}

Test(store, the_store_counts_as_the_csv_log_does)
{
	static const int runs[][3] = {{0, 0, 0}, {2, 1, 2}, {1, -1, 0}, {0, 1, -1}};
	for (size_t i = 0; i < 4; i++)
		add_both(runs[i], i == 1 ? "Claims, night shift" : NULL);
	cr_assert(store_is_store(db));
	cr_assert_not(store_is_store(csv));
	char *from_db = summary_of(db), *from_csv = summary_of(csv);
	/* the same but for the file's name */
	char *a = strstr(from_db, "\"sessions\""), *b = strstr(from_csv, "\"sessions\"");
	cr_assert(a && b);
	char *ea = strstr(a, "\"files\""), *eb = strstr(b, "\"files\"");
	if (ea && eb) {
		*ea = '\0';
		*eb = '\0';
	}
	cr_assert_str_eq(a, b);
	free(from_db);
	free(from_csv);
}

Test(store, a_session_id_is_stored_once)
{
	struct answers a;
	struct verdict v;
	struct strbuf err = {0};
	answers_init(&a, &c);
	for (size_t q = 0; q < a.n; q++)
		a.choice[q] = 0;
	engine_decide(&c, &a, &v);
	cr_assert_eq(store_append(db, &c, &a, &v, "0123456789abcdef", "kiosk", NULL, &err), 0);
	cr_assert_neq(store_append(db, &c, &a, &v, "0123456789abcdef", "kiosk", NULL, &err), 0);
	cr_assert(strstr(sb_str(&err), "results not saved: "), "%s", sb_str(&err));
	struct summary_tally t;
	summary_tally_init(&t, &c);
	sb_reset(&err);
	cr_assert_eq(store_read(db, "room.db", &t, &err), 1, "%s", sb_str(&err));
	summary_tally_free(&t);
	verdict_free(&v);
	answers_free(&a);
	sb_free(&err);
}

Test(store, an_answer_the_content_does_not_know_is_named)
{
	static const int all[3] = {0, 0, 0};
	add_both(all, NULL);
	sqlite3 *h;
	cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "UPDATE answers SET question = 'speed' WHERE question = 'volume'",
				  NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	struct summary_tally t;
	struct strbuf err = {0};
	summary_tally_init(&t, &c);
	cr_assert_eq(store_read(db, "room.db", &t, &err), 1);
	cr_assert_eq(t.nunknown, 1);
	cr_assert_str_eq(t.unknown_columns[0], "answer.speed");
	summary_tally_free(&t);
	sb_free(&err);
}

Test(store, a_file_that_is_not_a_store_is_refused)
{
	FILE *f = fopen(db, "w");
	fputs("not a database at all, but long enough to be read\n", f);
	fclose(f);
	cr_assert_not(store_is_store(db), "a text file named .db is a CSV log to --log");
	sqlite3 *h;
	char other[80];
	snprintf(other, sizeof other, "%s/other.sqlite", dir);
	cr_assert_eq(sqlite3_open(other, &h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	struct summary_tally t;
	struct strbuf err = {0};
	summary_tally_init(&t, &c);
	cr_assert_eq(store_read(other, "other.sqlite", &t, &err), -1);
	cr_assert(strstr(sb_str(&err), "not an outsource-wizard results store"), "%s", sb_str(&err));
	summary_tally_free(&t);
	sb_free(&err);
}
