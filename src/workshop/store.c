#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "resultlog.h"
#include "sanitize.h"
#include "xalloc.h"

static const char schema_v1[] =
	"CREATE TABLE IF NOT EXISTS sessions ("
	" id TEXT PRIMARY KEY, time TEXT NOT NULL, host TEXT, workshop TEXT, task TEXT,"
	" content_version TEXT, mode TEXT, result TEXT NOT NULL, strength TEXT NOT NULL,"
	" balance REAL);"
	"CREATE TABLE IF NOT EXISTS answers ("
	" session TEXT NOT NULL REFERENCES sessions(id), question TEXT NOT NULL,"
	" option TEXT NOT NULL, PRIMARY KEY (session, question));";

/* Each step takes a store from version i to i + 1. */
static const char *const migrations[] = {
	schema_v1,
	"CREATE INDEX IF NOT EXISTS answers_by_option ON answers (question, option);",
	"CREATE TABLE IF NOT EXISTS answer_counts (question TEXT NOT NULL, option TEXT NOT NULL,"
	" n INTEGER NOT NULL, PRIMARY KEY (question, option));"
	"INSERT INTO answer_counts SELECT question, option, count(*) FROM answers GROUP BY 1, 2;"
	"CREATE TRIGGER IF NOT EXISTS answers_counted AFTER INSERT ON answers BEGIN"
	" INSERT INTO answer_counts VALUES (NEW.question, NEW.option, 1)"
	" ON CONFLICT (question, option) DO UPDATE SET n = n + 1; END;"
	/* a trainer's own SQL (removing a test session, fixing an answer)
	 * keeps them exact too */
	"CREATE TRIGGER IF NOT EXISTS answers_uncounted AFTER DELETE ON answers BEGIN"
	" UPDATE answer_counts SET n = n - 1 WHERE question = OLD.question AND option = OLD.option;"
	" END;"
	"CREATE TRIGGER IF NOT EXISTS answers_recounted AFTER UPDATE OF question, option ON answers"
	" BEGIN"
	" UPDATE answer_counts SET n = n - 1 WHERE question = OLD.question AND option = OLD.option;"
	" INSERT INTO answer_counts VALUES (NEW.question, NEW.option, 1)"
	" ON CONFLICT (question, option) DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER IF NOT EXISTS sessions_removed AFTER DELETE ON sessions BEGIN"
	" DELETE FROM answers WHERE session = OLD.id; END;",
};

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && strcmp(s + n - m, suffix) == 0;
}

int store_is_store(const char *path)
{
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd >= 0) {
		ssize_t r = read(fd, head, sizeof head);
		close(fd);
		if (r == (ssize_t)sizeof head)
			return memcmp(head, "SQLite format 3", 16) == 0;
		if (r > 0)
			return 0; /* a short file is a CSV log (or nothing yet) */
	}
	return has_suffix(path, ".db") || has_suffix(path, ".sqlite") || has_suffix(path, ".sqlite3");
}

char *store_spool_path(const char *path)
{
	struct strbuf sb = {0};
	sb_addf(&sb, "%s-crash.csv", path);
	return sb_take(&sb);
}

static void say(struct strbuf *err, const char *path, const char *why)
{
	sb_add(err, "results not saved: ");
	sb_add_safe(err, path, 0);
	sb_addf(err, ": %s", why);
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Schema 1 on a new store; a newer one than this program knows is refused. */
static int int_of(sqlite3 *db, const char *sql);

static int migrate(sqlite3 *db, const char **why)
{
	int version = int_of(db, "PRAGMA user_version");

	if (version < 0) {
		*why = sqlite3_errmsg(db);
		return -1;
	}
	if (version > STORE_SCHEMA_VERSION) {
		*why = "written by a newer outsource-wizard (its schema is newer than this one's)";
		return -1;
	}
	for (; version < STORE_SCHEMA_VERSION; version++) {
		char bump[48];
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", version + 1);
		if (exec(db, migrations[version]) || exec(db, bump)) {
			*why = sqlite3_errmsg(db);
			return -1;
		}
	}
	return 0;
}

static int int_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int n = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* A store this program can read: schema 1 (not newer, not missing). 1 for
 * an empty database: a writer was stopped before its first commit. */
static int migrate_check(sqlite3 *db, const char **why)
{
	int version = int_of(db, "PRAGMA user_version");

	if (version >= 1 && version <= STORE_SCHEMA_VERSION) /* an older one reads as it is */
		return 0;
	if (version == 0 && int_of(db, "SELECT count(*) FROM sqlite_master") == 0)
		return 1;
	*why = version > STORE_SCHEMA_VERSION ? "written by a newer outsource-wizard"
					      : "not an outsource-wizard results store";
	return -1;
}

/* The WAL journal, once per store. Many writers opening a new store at once
 * race to switch it, and the switch can fail busy without waiting on the
 * busy timeout: retried, for up to the same time. */
static int use_wal(sqlite3 *db)
{
	for (int i = 0; i < STORE_BUSY_TIMEOUT_MS / 10; i++) {
		sqlite3_stmt *st;
		int wal = 0;
		if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			wal = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
		sqlite3_finalize(st);
		if (wal)
			return 0;
		sqlite3_sleep(10);
	}
	return -1;
}

/* Opens path (created when writable), WAL, FULL sync, the busy timeout. */
static sqlite3 *open_store(const char *path, int writing, struct strbuf *err)
{
	sqlite3 *db = NULL;
	int flags = (writing ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
		    SQLITE_OPEN_NOFOLLOW;

	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		say(err, path, db ? sqlite3_errmsg(db) : "cannot open");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, STORE_BUSY_TIMEOUT_MS);
	if (writing && (use_wal(db) || exec(db, "PRAGMA synchronous = FULL"))) {
		say(err, path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* The question set the record belongs to, as the CSV log names it. */
static void content_version(const struct content *c, char out[9])
{
	struct strbuf hdr = {0};
	resultlog_header(c, &hdr);
	snprintf(out, 9, "%08x", (unsigned)resultlog_crc32(hdr.buf, hdr.len ? hdr.len - 1 : 0));
	sb_free(&hdr);
}

static int insert_session(sqlite3 *db, const struct content *c, const struct answers *a,
			  const struct verdict *v, const char *sid, const char *mode,
			  const char *workshop)
{
	static const char sql[] = "INSERT INTO sessions (id, time, host, task, content_version, mode,"
				  " result, strength, balance, workshop) VALUES (?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st;
	char when[32], host[256] = "", version[9];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (gethostname(host, sizeof host - 1) != 0)
		host[0] = '\0';
	content_version(c, version);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	bind_text(st, 1, sid);
	bind_text(st, 2, when);
	bind_text(st, 3, host[0] ? host : NULL);
	bind_text(st, 4, a->task);
	bind_text(st, 5, version);
	bind_text(st, 6, mode);
	bind_text(st, 7, outcome_id(c, verdict_outcome(v)));
	bind_text(st, 8, strength_name(v->strength));
	sqlite3_bind_double(st, 9, v->balance);
	bind_text(st, 10, workshop);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

static int insert_answers(sqlite3 *db, const struct content *c, const struct answers *a,
			  const char *sid)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (sqlite3_prepare_v2(db, "INSERT INTO answers (session, question, option) VALUES (?,?,?)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	for (size_t q = 0; q < c->nquestions && q < a->n && rc == 0; q++) {
		int o = a->choice[q];
		if (o < 0 || (size_t)o >= c->questions[q].noptions)
			continue;
		sqlite3_reset(st);
		bind_text(st, 1, sid);
		bind_text(st, 2, c->questions[q].id);
		bind_text(st, 3, c->questions[q].options[o].id);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	return rc;
}

int store_append(const char *path, const struct content *c, const struct answers *a,
		 const struct verdict *v, const char *session_id, const char *mode,
		 const char *workshop, struct strbuf *err)
{
	char sid[RESULTLOG_SESSION_LEN + 1];
	const char *why = NULL;
	sqlite3 *db = open_store(path, 1, err);

	if (!db)
		return -1;
	if (!session_id || !*session_id) {
		resultlog_session_id(sid);
		session_id = sid;
	}
	/* BEGIN IMMEDIATE takes the write lock now (waiting up to the busy
	 * timeout), so the two inserts never meet another writer half-way. */
	int rc = exec(db, "BEGIN IMMEDIATE") || migrate(db, &why) ||
		 insert_session(db, c, a, v, session_id, mode, workshop) ||
		 insert_answers(db, c, a, session_id) || exec(db, "COMMIT");
	if (rc) {
		say(err, path, why ? why : sqlite3_errmsg(db));
		exec(db, "ROLLBACK");
	}
	sqlite3_close(db);
	return rc ? -1 : 0;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

/* The sessions the tally's filter keeps: one workshop, from a time on. */
#define KEPT " WHERE (?1 IS NULL OR workshop = ?1) AND time >= ?2"

static int prepare_kept(sqlite3 *db, const char *sql, const struct summary_tally *t,
			sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return -1;
	bind_text(*st, 1, t->filter.workshop);
	bind_text(*st, 2, t->filter.since);
	return 0;
}

/* One session as an export row: its answers by the content's questions. */
static void export_session(sqlite3 *db, const struct summary_tally *t, sqlite3_stmt *s)
{
	sqlite3_stmt *st;
	const struct content *c = t->c;
	char **own = xcalloc(c->nquestions ? c->nquestions : 1, sizeof *own);
	const char **answer = xcalloc(c->nquestions ? c->nquestions : 1, sizeof *answer);

	if (sqlite3_prepare_v2(db, "SELECT question, option FROM answers WHERE session = ?", -1, &st,
			       NULL) == SQLITE_OK) {
		bind_text(st, 1, col(s, 4));
		while (sqlite3_step(st) == SQLITE_ROW) {
			int q = content_question_index(c, col(st, 0));
			if (q >= 0 && !own[q])
				own[q] = xstrdup(col(st, 1));
		}
		sqlite3_finalize(st);
	}
	for (size_t q = 0; q < c->nquestions; q++)
		answer[q] = own[q] ? own[q] : "";
	struct summary_row r = {col(s, 0), col(s, 4), col(s, 5), col(s, 6), col(s, 1), col(s, 2),
				col(s, 3), answer};
	summary_row_write(t, &r);
	for (size_t q = 0; q < c->nquestions; q++)
		free(own[q]);
	free(own);
	free(answer);
}

/* Every session one by one, each a row of the export too. */
static long export_sessions(sqlite3 *db, struct summary_tally *t)
{
	sqlite3_stmt *st;
	long n = 0;

	if (prepare_kept(db, "SELECT time, mode, result, strength, id, workshop, task FROM sessions"
			 KEPT " ORDER BY time, id", t, &st))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		summary_tally_session(t, col(st, 0), col(st, 1), col(st, 2), col(st, 3), 1);
		export_session(db, t, st);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

/* The sessions counted by SQLite, a row per mode and outcome. */
static long read_sessions(sqlite3 *db, struct summary_tally *t)
{
	sqlite3_stmt *st;
	long n = 0;

	if (t->rows)
		return export_sessions(db, t);
	if (prepare_kept(db, "SELECT min(time), mode, result, strength, count(*), max(time)"
			 " FROM sessions" KEPT " GROUP BY mode, result, strength", t, &st))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t k = (size_t)sqlite3_column_int64(st, 4);
		summary_tally_session(t, col(st, 0), col(st, 1), col(st, 2), col(st, 3), k);
		summary_tally_session(t, col(st, 5), NULL, NULL, NULL, 0); /* the latest time */
		n += (long)k;
	}
	sqlite3_finalize(st);
	return n;
}

/* The answers by question and option, and "no answer" for the sessions
 * that have no row for a question the content asks. */
static int read_answers(sqlite3 *db, struct summary_tally *t, long sessions)
{
	sqlite3_stmt *st;
	size_t *answered = xcalloc(t->c->nquestions ? t->c->nquestions : 1, sizeof *answered);

	/* Unfiltered, the running counts (schema 3), else from the index. */
	int counted = int_of(db, "PRAGMA user_version") >= 3;
	const char *sql = !t->filter.workshop && !t->filter.since[0] && counted
		? "SELECT question, option, n FROM answer_counts WHERE n > 0 AND ?1 IS ?1 AND ?2 IS ?2"
		: !t->filter.workshop && !t->filter.since[0]
		? "SELECT question, option, count(*) FROM answers WHERE ?1 IS ?1 AND ?2 IS ?2"
		  " GROUP BY question, option"
		: "SELECT question, option, count(*) FROM answers WHERE session IN"
		  " (SELECT id FROM sessions" KEPT ") GROUP BY question, option";
	if (prepare_kept(db, sql, t, &st)) {
		free(answered);
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t n = (size_t)sqlite3_column_int64(st, 2);
		int q = content_question_index(t->c, col(st, 0));
		summary_tally_answers(t, col(st, 0), col(st, 1), n);
		if (q >= 0)
			answered[q] += n;
	}
	sqlite3_finalize(st);
	for (size_t q = 0; q < t->c->nquestions; q++)
		if ((size_t)sessions > answered[q])
			summary_tally_answers(t, t->c->questions[q].id, "", (size_t)sessions - answered[q]);
	free(answered);
	return 0;
}

/* The records a crash wrote beside the store, a CSV log of their own. */
static void read_spool(const char *path, const char *name, struct summary_tally *t)
{
	char *spool = store_spool_path(path);
	FILE *f = fopen(spool, "rbe");
	struct strbuf data = {0}, label = {0};
	char buf[65536];
	size_t r;

	while (f && (r = fread(buf, 1, sizeof buf, f)) > 0 && data.len < SUMMARY_MAX_LOG_BYTES)
		sb_addn(&data, buf, r);
	if (f) {
		fclose(f);
		sb_addf(&label, "%s-crash.csv", name);
		summary_parse_buffer(t, sb_str(&data), data.len, sb_str(&label));
	}
	sb_free(&data);
	sb_free(&label);
	free(spool);
}

long store_read(const char *path, const char *name, struct summary_tally *t, struct strbuf *err)
{
	sqlite3 *db = open_store(path, 0, err);
	const char *why = NULL;
	long n = -1;

	if (!db)
		return -1;
	int state = migrate_check(db, &why);
	if (state == 1) {
		n = 0;
	} else if (state == 0 && exec(db, "BEGIN") == 0) { /* one snapshot */
		n = read_sessions(db, t);
		if (n >= 0 && read_answers(db, t, n) != 0)
			n = -1;
		exec(db, "COMMIT");
	}
	if (n < 0) {
		sb_add(err, "cannot read ");
		sb_add_safe(err, path, 0);
		sb_addf(err, ": %s\n", why ? why : sqlite3_errmsg(db));
	} else {
		summary_tally_source(t, name, (size_t)n);
	}
	sqlite3_close(db);
	if (n >= 0)
		read_spool(path, name, t);
	return n;
}
