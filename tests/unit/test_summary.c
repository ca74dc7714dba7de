/* The facilitator summary: counts from real logs written by resultlog, damaged
 * lines counted with their numbers, logs of another question set, the three
 * output formats, files that cannot be read, and random bytes. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "engine.h"
#include "layout.h"
#include "resultlog.h"
#include "summary.h"
#include "testutil.h"

struct fx {
	struct content c;
	char dir[64];
	char path[128];
};

static void fx_setup(struct fx *f)
{
	struct diags d = {0};

	memset(f, 0, sizeof *f);
	cr_assert_eq(load_fixture("mini", -1, NULL, &f->c, &d), 0, "%s", diag_text(&d));
	diags_free(&d);
	strcpy(f->dir, "/tmp/ow-sum-XXXXXX");
	cr_assert_not_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/room1.csv", f->dir);
}

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(p);
}

static void fx_teardown(struct fx *f)
{
	nftw(f->dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	content_free(&f->c);
}

/* Appends one session with these answers; returns the recommended model. */
static int session(struct fx *f, const char *path, const char *spec, const char *mode)
{
	struct answers a;
	struct verdict v;
	struct strbuf err = {0};

	answers_from(&f->c, spec, &a);
	engine_decide(&f->c, &a, &v);
	cr_assert_eq(resultlog_append(path, &f->c, &a, &v, NULL, mode, &err), 0, "%s",
		     sb_str(&err));
	int winner = v.winner;
	verdict_free(&v);
	answers_free(&a);
	sb_free(&err);
	return winner;
}

static void append_raw(const char *path, const char *text)
{
	FILE *fp = fopen(path, "a");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* A record line for a hand-written header: body (which must end in ',') and
 * its crc32, as the writer would end it. */
static void add_line(struct strbuf *out, const char *body)
{
	sb_add(out, body);
	sb_addf(out, "%08x\n", (unsigned)resultlog_crc32(body, strlen(body)));
}

static size_t count_of(const struct summary_counts *c, const char *key)
{
	for (size_t i = 0; i < c->len; i++)
		if (strcmp(c->key[i], key) == 0)
			return c->n[i];
	return (size_t)-1;
}

/* The full summary (--full): every chart, which these tests read. */
static int run(struct fx *f, const char *const *paths, size_t n, enum report_format fmt,
	       struct strbuf *out, struct strbuf *err)
{
	const struct summary_filter full = {.full = 1};
	return summary_run(paths, n, &f->c, &full, fmt, out, err);
}

static void tally_file(struct fx *f, const char *path, struct summary_tally *t)
{
	size_t len;
	char *data = read_text(path, &len);

	cr_assert_not_null(data);
	summary_tally_init(t, &f->c);
	summary_parse_buffer(t, data, len, "room1.csv");
	free(data);
}

static const char *const specs[] = {
	"routine=same volume=high data=plain",
	"routine=same volume=low data=plain",
	"routine=varied volume=low data=regulated",
	"routine=mixed volume=low",
};
#define NSPECS (sizeof specs / sizeof *specs)

/* Writes the four sessions; wins[m] gets the recommendations per model. */
static void four_sessions(struct fx *f, size_t wins[2])
{
	wins[0] = wins[1] = 0;
	for (size_t i = 0; i < NSPECS; i++)
		wins[session(f, f->path, specs[i], i ? "kiosk" : "batch")]++;
}

Test(summary, counts_sessions_models_strengths_answers)
{
	struct fx f;
	struct summary_tally t;
	size_t wins[2];

	fx_setup(&f);
	four_sessions(&f, wins);
	tally_file(&f, f.path, &t);
	cr_assert_eq(t.sessions, 4);
	cr_assert_eq(t.damaged, 0);
	cr_assert_eq(count_of(&t.models, "alpha"), wins[0]);
	cr_assert_eq(count_of(&t.models, "beta"), wins[1]);
	cr_assert_eq(count_of(&t.strengths, "clear") + count_of(&t.strengths, "leaning") +
			     count_of(&t.strengths, "split"),
		     4);
	cr_assert_eq(count_of(&t.questions[0], "same"), 2);
	cr_assert_eq(count_of(&t.questions[0], "mixed"), 1);
	cr_assert_eq(count_of(&t.questions[0], "varied"), 1);
	cr_assert_eq(count_of(&t.questions[0], "not_sure"), 0);
	cr_assert_eq(count_of(&t.questions[1], "low"), 3);
	cr_assert_eq(count_of(&t.questions[2], "plain"), 2);
	cr_assert_eq(count_of(&t.questions[2], ""), 1, "unanswered");
	cr_assert_eq(count_of(&t.modes, "kiosk"), 3);
	cr_assert_not_null(t.first);
	cr_assert_eq(strlen(t.first), 20);
	summary_tally_free(&t);
	fx_teardown(&f);
}

Test(summary, damaged_lines_counted_with_numbers)
{
	struct fx f;
	struct strbuf out = {0}, err = {0}, bad = {0};
	size_t wins[2];

	fx_setup(&f);
	four_sessions(&f, wins); /* lines 1-5: header and 4 records */
	append_raw(f.path, "hello world\n");                   /* 6: not a record */
	char *data = read_text(f.path, NULL);
	char *second = strchr(data, '\n') + 1;                 /* record 1 */
	char *end = strchr(second, '\n');
	sb_addn(&bad, second, (size_t)(end - second));
	bad.buf[bad.len - 1] ^= 1;                            /* 7: crc off by a bit */
	sb_add(&bad, "\n2026-01-01T00:00:00Z,s,kiosk,673def3e,same,12345678\n"); /* 8: short */
	sb_add(&bad, "2026-01-01T00:00:00Z,\"open quote\n");  /* 9: torn, open quote */
	append_raw(f.path, sb_str(&bad));
	session(&f, f.path, specs[0], "kiosk");                /* 10: whole again */
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_TEXT, &out, &err), 0);
	cr_assert_str_empty(sb_str(&err));
	cr_assert(strstr(sb_str(&out), "Mini Wizard: 5 sessions"), "%s", sb_str(&out));
	char want[256];
	snprintf(want, sizeof want, "4 damaged records skipped: %s lines 6, 7, 8, 9\n", f.path);
	cr_assert(strstr(sb_str(&out), want), "want %s in\n%s", want, sb_str(&out));
	free(data);
	sb_free(&out);
	sb_free(&err);
	sb_free(&bad);
	fx_teardown(&f);
}

Test(summary, multiline_quoted_record_and_crlf_accepted)
{
	struct fx f;
	struct summary_tally t;
	struct strbuf log = {0};
	const char *hdr = "time,session,mode,columns,answer.routine,recommendation,strength,crc32";
	char body[256];

	fx_setup(&f);
	unsigned h = (unsigned)resultlog_crc32(hdr, strlen(hdr));
	sb_addf(&log, "%s\r\n", hdr);
	snprintf(body, sizeof body, "2026-01-01T00:00:00Z,a,\"two\nlines\",%08x,same,alpha,clear,", h);
	add_line(&log, body); /* lines 2-3 */
	sb_add(&log, "x\n");  /* line 4: damaged */
	snprintf(body, sizeof body, "2026-01-01T00:00:01Z,b,kiosk,%08x,varied,beta,close,", h);
	add_line(&log, body);
	log.buf[log.len - 1] = '\r';
	sb_addc(&log, '\n');
	summary_tally_init(&t, &f.c);
	cr_assert_eq(summary_parse_buffer(&t, log.buf, log.len, "x.csv"), 2);
	cr_assert_eq(t.files[0].ndamaged, 1);
	cr_assert_eq(t.files[0].damaged[0], 4);
	cr_assert_eq(count_of(&t.modes, "two\nlines"), 1);
	/* an old log's close call is a split, whatever model it named */
	cr_assert_eq(count_of(&t.strengths, "split"), 1);
	cr_assert_eq(count_of(&t.strengths, "close"), (size_t)-1);
	cr_assert_eq(count_of(&t.models, "split"), 1);
	cr_assert_eq(count_of(&t.models, "beta"), 0);
	cr_assert_eq(count_of(&t.models, "alpha"), 1);
	summary_tally_free(&t);
	sb_free(&log);
	fx_teardown(&f);
}

/* A split is recorded as split and counted as a recommendation of its own,
 * in every format, worded from [summary] split. */
Test(summary, split_is_a_recommendation_of_its_own)
{
	struct fx f;
	struct summary_tally t;
	struct strbuf out = {0}, err = {0};

	fx_setup(&f);
	session(&f, f.path, "routine=mixed volume=low data=plain", "kiosk");
	session(&f, f.path, "routine=mixed", "kiosk"); /* level: a split */
	session(&f, f.path, "routine=same volume=high data=plain", "kiosk");
	tally_file(&f, f.path, &t);
	cr_assert_eq(count_of(&t.models, "split"), 1);
	cr_assert_eq(count_of(&t.strengths, "split"), 1);
	cr_assert_eq(count_of(&t.models, "alpha") + count_of(&t.models, "beta"), 2);
	summary_tally_free(&t);
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_TEXT, &out, &err), 0);
	cr_assert(strstr(sb_str(&out), "      1  #######.............  33%  Split the work\n"), "%s",
		  sb_str(&out));
	sb_reset(&out);
	cr_assert_eq(run(&f, paths, 1, REPORT_MARKDOWN, &out, &err), 0);
	cr_assert(strstr(sb_str(&out), "| Split the work | 1 | 33% |\n"), "%s", sb_str(&out));
	sb_reset(&out);
	cr_assert_eq(run(&f, paths, 1, REPORT_JSON, &out, &err), 0);
	cr_assert(strstr(sb_str(&out), "\"id\": \"split\",\n      \"label\": \"Split the work\",\n"
				       "      \"count\": 1,"), "%s", sb_str(&out));
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

/* A log from content with another question set: answer.extra and score.gamma
 * are not in the mini content, "weird" is no option of routine, and "gamma"
 * is no model. Two such files name the unknown columns once. */
static void old_log(const char *path, const char *sid)
{
	struct strbuf log = {0};
	const char *hdr = "time,session,mode,columns,answer.routine,answer.extra,score.gamma,"
			  "recommendation,strength,crc32";
	char body[256];
	unsigned h = (unsigned)resultlog_crc32(hdr, strlen(hdr));

	sb_addf(&log, "%s\n", hdr);
	snprintf(body, sizeof body, "2026-01-01T00:00:00Z,%s,kiosk,%08x,weird,yes,3,gamma,clear,",
		 sid, h);
	add_line(&log, body);
	snprintf(body, sizeof body, "2026-01-01T00:00:00Z,%s2,kiosk,%08x,same,no,1,alpha,clear,",
		 sid, h);
	add_line(&log, body);
	append_raw(path, sb_str(&log));
	sb_free(&log);
}

Test(summary, other_question_set_matched_by_column_name)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};
	char p2[160];

	fx_setup(&f);
	snprintf(p2, sizeof p2, "%s/room2.csv", f.dir);
	old_log(f.path, "a");
	old_log(p2, "b");
	session(&f, f.path, specs[0], "kiosk"); /* the current content after the old */
	const char *paths[] = {f.path, p2};
	cr_assert_eq(run(&f, paths, 2, REPORT_JSON, &out, &err), 0);
	const char *o = sb_str(&out);
	cr_assert(strstr(o, "\"sessions\": 5"), "%s", o);
	cr_assert(strstr(o, "\"unknown_columns\": [\n    \"answer.extra\",\n    \"score.gamma\"\n  ]"),
		  "%s", o);
	cr_assert(strstr(o, "\"id\": \"weird\",\n          \"label\": \"weird\",\n"
			    "          \"count\": 2"), "%s", o);
	cr_assert(strstr(o, "\"id\": \"gamma\",\n      \"label\": \"gamma\",\n      \"count\": 2"),
		  "%s", o);
	cr_assert(strstr(o, "\"id\": \"same\",\n          \"label\": \"Same steps every time\",\n"
			    "          \"count\": 3"), "%s", o);
	cr_assert(strstr(o, "\"damaged\": 0"), "%s", o);
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

Test(summary, text_fits_80_columns_ascii)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};
	size_t wins[2];

	fx_setup(&f);
	four_sessions(&f, wins);
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_TEXT, &out, &err), 0);
	char *text = sb_take(&out), *save = NULL;
	cr_assert(strstr(text, "Routine: How routine is it?"), "%s", text);
	cr_assert(strstr(text, "      2  ##########..........  50%  Same steps every time"), "%s", text);
	for (const char *p = text; *p; p++)
		cr_assert(((unsigned char)*p < 0x80 && (*p >= 0x20 || *p == '\n')), "non-ASCII");
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		cr_assert_leq(text_width(line), 80, "too wide: %s", line);
	free(text);
	sb_free(&err);
	fx_teardown(&f);
}

Test(summary, markdown_tables)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};
	size_t wins[2];
	char row[64];

	fx_setup(&f);
	four_sessions(&f, wins);
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_MARKDOWN, &out, &err), 0);
	const char *o = sb_str(&out);
	cr_assert(strstr(o, "# Mini Wizard: 4 sessions\n"), "%s", o);
	cr_assert(strstr(o, "## Recommendations\n\n| Answer | Sessions | Share |\n|---|---:|---:|\n"),
		  "%s", o);
	snprintf(row, sizeof row, "| ALPHA | %zu | %zu%% |\n", wins[0], wins[0] * 25);
	cr_assert(strstr(o, row), "want %s in %s", row, o);
	cr_assert(strstr(o, "| (no answer) | 1 | 25% |\n"), "%s", o);
	/* modes and strengths in [mode] and [strength] words */
	cr_assert(strstr(o, "## Mode\n\n| Answer | Sessions | Share |\n|---|---:|---:|\n"
			    "| Answers file | 1 | 25% |\n| Kiosk | 3 | 75% |\n"), "%s", o);
	cr_assert(strstr(o, "## Strength\n\n| Answer | Sessions | Share |\n|---|---:|---:|\n"
			    "| clear | "), "%s", o);
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

Test(summary, json_numbers)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};
	size_t wins[2];
	char want[128];

	fx_setup(&f);
	four_sessions(&f, wins);
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_JSON, &out, &err), 0);
	const char *o = sb_str(&out);
	cr_assert(strstr(o, "\"sessions\": 4,"), "%s", o);
	snprintf(want, sizeof want, "\"id\": \"beta\",\n      \"label\": \"BETA\",\n"
				    "      \"count\": %zu,", wins[1]);
	cr_assert(strstr(o, want), "%s", o);
	cr_assert(strstr(o, "\"id\": \"low\",\n          \"label\": \"A little\",\n"
			    "          \"count\": 3,\n          \"percent\": 75"), "%s", o);
	cr_assert(strstr(o, "\"records\": 4,"), "%s", o);
	cr_assert_eq(o[strlen(o) - 2], '}');
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

Test(summary, unreadable_files_reported_others_count, .timeout = 10)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};
	char fifo[160], missing[160];

	fx_setup(&f);
	session(&f, f.path, specs[0], "kiosk");
	snprintf(fifo, sizeof fifo, "%s/fifo", f.dir);
	snprintf(missing, sizeof missing, "%s/missing.csv", f.dir);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	const char *paths[] = {missing, fifo, f.dir, f.path};
	cr_assert_eq(run(&f, paths, 4, REPORT_TEXT, &out, &err), 0);
	cr_assert(strstr(sb_str(&out), "Mini Wizard: 1 session\n"), "%s", sb_str(&out));
	cr_assert(strstr(sb_str(&err), "missing.csv: cannot open: No such file"), "%s",
		  sb_str(&err));
	cr_assert(strstr(sb_str(&err), "fifo: not a regular file"), "%s", sb_str(&err));
	sb_reset(&out);
	sb_reset(&err);
	cr_assert_eq(run(&f, paths, 3, REPORT_TEXT, &out, &err), 2);
	cr_assert_eq(out.len, 0);
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

Test(summary, empty_log_has_no_sessions)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};

	fx_setup(&f);
	close(open(f.path, O_CREAT | O_WRONLY, 0600));
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_TEXT, &out, &err), 0);
	cr_assert(strstr(sb_str(&out), "Mini Wizard: 0 sessions"), "%s", sb_str(&out));
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

/* Random cuts and splices of a real log: never a crash, and the tally stays
 * consistent (every record counted once, every damaged line numbered). */
Test(summary, random_bytes_never_crash)
{
	struct fx f;
	size_t wins[2], len;

	fx_setup(&f);
	four_sessions(&f, wins);
	char *data = read_text(f.path, &len);
	char *buf = malloc(len * 2 + 64);
	srand(4);
	for (int round = 0; round < 2000; round++) {
		size_t n = 0, pieces = 1 + (size_t)rand() % 6;
		for (size_t k = 0; k < pieces; k++) {
			size_t at = (size_t)rand() % len, take = (size_t)rand() % (len / 3 + 1);
			take = take > len - at ? len - at : take;
			memcpy(buf + n, data + at, take);
			n += take;
			if (rand() % 3 == 0)
				buf[n++] = "\",\n\r\0'x"[rand() % 7];
		}
		struct summary_tally t;
		struct strbuf out = {0};
		summary_tally_init(&t, &f.c);
		size_t got = summary_parse_buffer(&t, buf, n, "fuzz");
		cr_assert_eq(got, t.sessions);
		summary_write(&t, (enum report_format)(round % 3), &out);
		sb_free(&out);
		summary_tally_free(&t);
	}
	free(buf);
	free(data);
	fx_teardown(&f);
}

/* One of a count takes the _one text; a mode the table has no words for is
 * shown as the log wrote it; every word follows texts.ini. */
Test(summary, singular_unknown_mode_and_reworded)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};

	fx_setup(&f);
	session(&f, f.path, specs[0], "telepathy");
	append_raw(f.path, "garbage\n");
	free(f.c.texts[T_SUMMARY_SESSIONS_ONE]);
	f.c.texts[T_SUMMARY_SESSIONS_ONE] = strdup("{title} -- one session ({count})");
	free(f.c.texts[T_SUMMARY_MODE]);
	f.c.texts[T_SUMMARY_MODE] = strdup("How it ran");
	const char *paths[] = {f.path};
	cr_assert_eq(run(&f, paths, 1, REPORT_TEXT, &out, &err), 0);
	const char *o = sb_str(&out);
	cr_assert(strstr(o, "Mini Wizard -- one session (1)\n"), "%s", o);
	cr_assert(strstr(o, " UTC, 1 log\n"), "%s", o);
	cr_assert(strstr(o, "\nHow it ran\n      1  #################### 100%  telepathy\n"), "%s", o);
	char want[256];
	snprintf(want, sizeof want, "1 damaged record skipped: %s line 3\n", f.path);
	cr_assert(strstr(o, want), "want %s in\n%s", want, o);
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

/* ---- many distinct values, many headers, a log named twice, hostile
 * characters (issue 10) ---- */

#include <locale.h>

#include "sanitize.h"

/* A record under header hdr whose every answer, the mode, recommendation
 * and strength are the cells given (the scores empty). */
static void crafted_record(struct strbuf *log, const char *hdr_crc, const char *sid,
			   const char *const cell[3], const char *mode, const char *rec,
			   const char *strength)
{
	struct strbuf body = {0};

	sb_addf(&body, "2026-01-01T00:00:00Z,%s,%s,%s,%s,%s,%s,,,%s,%s,,", sid, mode, hdr_crc,
		cell[0], cell[1], cell[2], rec, strength);
	add_line(log, sb_str(&body));
	sb_free(&body);
}

/* The crc text of the mini content's header, and the header with its '\n'. */
static void mini_header(struct fx *f, struct strbuf *hdr, char crc[9])
{
	resultlog_header(&f->c, hdr);
	snprintf(crc, 9, "%08x", (unsigned)resultlog_crc32(hdr->buf, hdr->len - 1));
}

/* 20000 records, 10000 distinct routine values (each twice), every data value
 * distinct, 5000 modes: a linear search over the distinct values made this
 * quadratic; the counts must be exact. */
Test(summary, many_distinct_values_counted_exactly)
{
	enum { N = 20000 };
	struct fx f;
	struct strbuf log = {0};
	struct summary_tally t;
	char crc[9], r[32], dv[32], mode[32], sid[32];

	fx_setup(&f);
	mini_header(&f, &log, crc);
	for (int i = 0; i < N; i++) {
		snprintf(r, sizeof r, "r%d", i % (N / 2));
		snprintf(dv, sizeof dv, "d%d", i);
		snprintf(mode, sizeof mode, "m%d", i % (N / 4));
		snprintf(sid, sizeof sid, "%016x", i);
		const char *cells[3] = {r, "low", dv};
		crafted_record(&log, crc, sid, cells, mode, i % 2 ? "alpha" : "beta", "clear");
	}
	summary_tally_init(&t, &f.c);
	cr_assert_eq(summary_parse_buffer(&t, log.buf, log.len, "big.csv"), N);
	cr_assert_eq(t.damaged, 0);
	const struct summary_counts *q0 = &t.questions[0], *q2 = &t.questions[2];
	cr_assert_eq(q0->len, f.c.questions[0].noptions + N / 2);
	cr_assert_str_eq(q0->key[f.c.questions[0].noptions], "r0", "first seen, first shown");
	cr_assert_eq(count_of(q0, "r0"), 2);
	cr_assert_eq(count_of(q0, "r9999"), 2);
	cr_assert_eq(count_of(q0, "same"), 0);
	cr_assert_eq(count_of(&t.questions[1], "low"), N);
	cr_assert_eq(q2->len, f.c.questions[2].noptions + N);
	cr_assert_eq(count_of(q2, "d19999"), 1);
	cr_assert_eq(t.modes.len, N / 4);
	cr_assert_eq(count_of(&t.modes, "m4999"), 4);
	cr_assert_eq(count_of(&t.models, "alpha"), N / 2);
	cr_assert_eq(count_of(&t.strengths, "clear"), N);
	summary_tally_free(&t);
	sb_free(&log);
	fx_teardown(&f);
}

/* Every record under a header of its own with a column of its own: each
 * header is found by its crc, each unknown column listed once. */
Test(summary, many_headers_and_unknown_columns)
{
	enum { N = 3000 };
	struct fx f;
	struct strbuf log = {0}, hdr = {0}, one = {0};
	struct summary_tally t;
	char crc[9], sid[32], col[32];

	fx_setup(&f);
	mini_header(&f, &hdr, crc);
	const char *tail = strstr(hdr.buf, ",recommendation,");
	for (int i = 0; i < N; i++) {
		sb_reset(&one);
		sb_addn(&one, hdr.buf, (size_t)(tail - hdr.buf));
		snprintf(col, sizeof col, ",x%d", i % (N / 3)); /* each name in three headers */
		sb_add(&one, col);
		sb_addn(&one, tail, strlen(tail) - 1);
		sb_addf(&log, "%s\n", one.buf);
		snprintf(crc, sizeof crc, "%08x", (unsigned)resultlog_crc32(one.buf, one.len));
		snprintf(sid, sizeof sid, "%016x", i);
		struct strbuf body = {0};
		sb_addf(&body, "2026-01-01T00:00:00Z,%s,batch,%s,same,low,plain,1,2,v,alpha,clear,,",
			sid, crc);
		add_line(&log, sb_str(&body));
		sb_free(&body);
	}
	add_line(&log, "2026-01-01T00:00:00Z,x,batch,00000000,same,low,plain,1,2,alpha,clear,");
	summary_tally_init(&t, &f.c);
	cr_assert_eq(summary_parse_buffer(&t, log.buf, log.len, "h.csv"), N);
	cr_assert_eq(t.damaged, 1, "a record naming no header is damaged");
	cr_assert_eq(t.nunknown, N / 3);
	cr_assert_str_eq(t.unknown_columns[0], "x0");
	cr_assert_eq(count_of(&t.questions[0], "same"), N);
	summary_tally_free(&t);
	sb_free(&log);
	sb_free(&hdr);
	sb_free(&one);
	fx_teardown(&f);
}

/* The same log as room1.csv, ./room1.csv, a symlink, a hard link and its
 * full path: counted once, each repeat named on one line of err. */
Test(summary, a_log_named_twice_counts_once)
{
	struct fx f;
	struct strbuf out = {0}, err = {0};
	char cwd[512], sym[160], hard[160];

	fx_setup(&f);
	session(&f, f.path, specs[0], "batch");
	session(&f, f.path, specs[1], "kiosk");
	snprintf(sym, sizeof sym, "%s/link.csv", f.dir);
	snprintf(hard, sizeof hard, "%s/hard.csv", f.dir);
	cr_assert_eq(symlink("room1.csv", sym), 0);
	cr_assert_eq(link(f.path, hard), 0);
	cr_assert_not_null(getcwd(cwd, sizeof cwd));
	cr_assert_eq(chdir(f.dir), 0);
	const char *paths[] = {"room1.csv", "./room1.csv", sym, hard, f.path};
	int rc = run(&f, paths, 5, REPORT_JSON, &out, &err);
	cr_assert_eq(chdir(cwd), 0);
	cr_assert_eq(rc, 0, "%s", sb_str(&err));
	cr_assert(strstr(sb_str(&out), "\"sessions\": 2,"), "%s", sb_str(&out));
	cr_assert(strstr(sb_str(&out), "\"files\": [\n    {\n      \"name\": \"room1.csv\","),
		  "%s", sb_str(&out));
	cr_assert_null(strstr(sb_str(&out), "./room1.csv"), "%s", sb_str(&out));
	const char *e = sb_str(&err);
	size_t lines = 0;
	for (const char *p = e; *p; p++)
		lines += *p == '\n';
	cr_assert_eq(lines, 4, "%s", e);
	cr_assert(strstr(e, "./room1.csv: the same file as room1.csv; counted once\n"), "%s", e);
	cr_assert(strstr(e, "link.csv: the same file as room1.csv; counted once\n"), "%s", e);
	cr_assert(strstr(e, "hard.csv: the same file as room1.csv; counted once\n"), "%s", e);
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}

/* What a crafted log can hold that must reach no output: a raw 0x9B (CSI on
 * an 8-bit terminal), U+009B, U+2028, U+2029, invalid UTF-8, bidi overrides
 * and isolates, and U+00DB, whose UTF-8 (C3 9B) holds a 0x9B. */
static const char *const hostile[] = {
	"a\x9b" "b", "c\xc2\x9b" "d", "e\xe2\x80\xa8" "f", "g\xe2\x80\xa9" "h",
	"i\xff\xfe" "j", "k\xe2\x80\xae" "l", "m\xe2\x81\xa6" "n", "o\xc3\x9b" "p",
};
#define NHOSTILE (sizeof hostile / sizeof *hostile)

static void hostile_tally(struct fx *f, struct summary_tally *t)
{
	struct strbuf log = {0}, hdr = {0};
	char crc[9], sid[32];

	mini_header(f, &hdr, crc);
	/* an unknown column named with them, and the records */
	sb_addn(&log, hdr.buf, hdr.len - 7);
	for (size_t i = 0; i < NHOSTILE; i++)
		sb_addf(&log, "%s,", hostile[i]);
	sb_add(&log, "crc32\n");
	snprintf(crc, sizeof crc, "%08x", (unsigned)resultlog_crc32(log.buf, log.len - 1));
	for (size_t i = 0; i < NHOSTILE; i++) {
		struct strbuf body = {0};
		snprintf(sid, sizeof sid, "%zu", i);
		sb_addf(&body, "%s,%s,%s,%s,%s,%s,%s,1,2,%s,%s,", hostile[i], sid, hostile[i], crc,
			hostile[i], hostile[i], hostile[i], hostile[i], hostile[i]);
		for (size_t k = 1; k < NHOSTILE + 1; k++) /* the task column, then theirs */
			sb_add(&body, "x,");
		add_line(&log, sb_str(&body));
		sb_free(&body);
	}
	sb_add(&log, "torn\n");
	struct strbuf name = {0};
	for (size_t i = 0; i < NHOSTILE; i++)
		sb_add(&name, hostile[i]);
	summary_tally_init(t, &f->c);
	cr_assert_eq(summary_parse_buffer(t, log.buf, log.len, sb_str(&name)), NHOSTILE);
	cr_assert_eq(t->nunknown, NHOSTILE);
	cr_assert_eq(t->damaged, 1);
	sb_free(&name);
	sb_free(&log);
	sb_free(&hdr);
}

/* Every character of o is valid UTF-8 that the sanitiser's rule calls safe
 * (or a line break); with ascii, every byte is printable ASCII. */
static void assert_clean(const char *o, int ascii, const char *what)
{
	size_t len = strlen(o);
	unsigned cp;
	enum danger d;

	for (size_t i = 0; i < len;) {
		size_t n = sanitize_next(o + i, len - i, &cp, &d);
		cr_assert(d == DANGER_NONE || cp == '\n', "%s: U+%04X (danger %d) at %zu:\n%s", what,
			  cp, (int)d, i, o);
		cr_assert(!ascii || cp < 0x80, "%s: non-ASCII U+%04X at %zu:\n%s", what, cp, i, o);
		i += n;
	}
}

Test(summary, hostile_characters_reach_no_output)
{
	struct fx f;
	struct summary_tally t;
	struct strbuf out = {0};

	fx_setup(&f);
	hostile_tally(&f, &t);
	/* text in the C locale (a projector, LANG=C): ASCII, so no 0x9B at all */
	summary_write(&t, REPORT_TEXT, &out);
	assert_clean(sb_str(&out), 1, "text, C locale");
	cr_assert(strstr(sb_str(&out), "o?p"), "%s", sb_str(&out));
	if (setlocale(LC_ALL, "C.UTF-8")) {
		sb_reset(&out);
		summary_write(&t, REPORT_TEXT, &out);
		assert_clean(sb_str(&out), 0, "text, UTF-8");
		cr_assert(strstr(sb_str(&out), "o\xc3\x9bp"), "a real letter stays: %s", sb_str(&out));
		setlocale(LC_ALL, "C");
	}
	sb_reset(&out);
	summary_write(&t, REPORT_MARKDOWN, &out);
	assert_clean(sb_str(&out), 0, "markdown");
	sb_reset(&out);
	summary_write(&t, REPORT_JSON, &out);
	assert_clean(sb_str(&out), 0, "json");
	const char *o = sb_str(&out);
	for (const char *esc = "\\u009b\0\\u2028\0\\u2029\0\\ufffd\0\\u202e\0\\u2066\0"; *esc;
	     esc += strlen(esc) + 1)
		cr_assert(strstr(o, esc), "JSON escapes it as %s: %s", esc, o);
	sb_free(&out);
	summary_tally_free(&t);
	fx_teardown(&f);
}

/* The default fits one 80x24 screen: the outcomes, the questions that
 * divided the room most (not one everybody agreed on), and how to see all. */
Test(summary, the_short_summary_fits_a_screen_and_names_what_divided)
{
	struct fx f;
	struct strbuf log = {0}, out = {0}, err = {0};
	char crc[9], sid[32];

	fx_setup(&f);
	mini_header(&f, &log, crc);
	for (int i = 0; i < 40; i++) {
		const char *cells[3] = {i % 2 ? "same" : "mixed", "low", i % 4 ? "plain" : "regulated"};
		snprintf(sid, sizeof sid, "%016x", i);
		crafted_record(&log, crc, sid, cells, "batch", i % 3 ? "alpha" : "beta", "clear");
	}
	FILE *fp = fopen(f.path, "w");
	fwrite(log.buf, 1, log.len, fp);
	fclose(fp);
	const char *paths[] = {f.path};
	cr_assert_eq(summary_run(paths, 1, &f.c, NULL, REPORT_TEXT, &out, &err), 0, "%s", sb_str(&err));
	const char *o = sb_str(&out);
	int lines = 0;
	for (const char *p = o; *p; p++)
		lines += *p == '\n';
	cr_assert_leq(lines, 23, "one screen with the pager's line: %d lines\n%s", lines, o);
	cr_assert(strstr(o, "What divided the room most"), "%s", o);
	const char *routine = strstr(o, f.c.questions[0].title), *data = strstr(o, f.c.questions[2].title);
	cr_assert(routine && data, "both divided questions: %s", o);
	cr_assert_lt(routine, data, "the wider split first (50/50 before 75/25): %s", o);
	cr_assert_null(strstr(o, f.c.questions[1].title), "everyone agreed on volume: %s", o);
	cr_assert(strstr(o, "add --full"), "%s", o);
	sb_free(&log);
	sb_free(&out);
	sb_free(&err);
	fx_teardown(&f);
}
