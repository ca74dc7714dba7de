/* The results store in SQLite: one transaction per finished interview, so a
 * room of writers (a workshop, a kiosk) never tears or interleaves a record,
 * with SQLite's own locking, journal and integrity instead of hand-made ones.
 * A log whose name ends in .db, .sqlite or .sqlite3, or that already is an
 * SQLite database, is a store; any other --log name is the CSV log
 * (resultlog.h), which --summary still reads.
 *
 * Schema 3 (PRAGMA user_version; a newer store is refused, an older one
 * migrated: 1 had no index on the answers by option, 2 no running counts):
 *   sessions(id PRIMARY KEY, time UTC "2026-11-22T18:20:01Z", host, workshop,
 *            task, content_version, mode, result, strength, balance)
 *   answers(session, question, option), one row per answered question,
 *            indexed by (question, option) for a filtered summary;
 *   answer_counts(question, option, n), kept by a trigger on answers, so
 *            the whole store's summary reads a few dozen rows, not them all.
 * WAL journal, synchronous FULL, a busy timeout. A crash after the result
 * cannot run SQLite from a signal handler: that record goes, written with
 * write(2) only, to a CSV results log beside the store (PATH-crash.csv), and
 * store_read counts it with the store. A record is in one place only, so
 * it counts once. */
#ifndef OW_STORE_H
#define OW_STORE_H

#include "answers.h"
#include "content.h"
#include "engine.h"
#include "strbuf.h"
#include "summary.h"

#define STORE_SCHEMA_VERSION 3
#define STORE_BUSY_TIMEOUT_MS 30000 /* a room of 200 finishing at once, each waiting its turn */

/* 1 when path names a store rather than a CSV log. */
int store_is_store(const char *path);
/* The CSV log beside store path for records a crash wrote (malloc'd). */
char *store_spool_path(const char *path);

/* Adds one finished interview (session_id NULL: a random one). Returns 0,
 * or -1 with one line in err ("results not saved: PATH: reason"). */
int store_append(const char *path, const struct content *c, const struct answers *a,
		 const struct verdict *v, const char *session_id, const char *mode,
		 const char *workshop, struct strbuf *err);

/* Counts the sessions of the store that t's filter keeps (and the records of
 * the CSV log beside it) into t, under the store's name. Returns the sessions counted, or -1 with a line in err. */
long store_read(const char *path, const char *name, struct summary_tally *t, struct strbuf *err);

#endif
