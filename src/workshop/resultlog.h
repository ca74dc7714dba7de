/* The shared results log: one CSV record per finished interview, appended by
 * many processes at once (a workshop room, a kiosk) without ever leaving a
 * torn or interleaved record. See shared/design/reliability.md section 4.
 *
 * The file:
 *   time,session,mode,columns,answer.<question id>...,score.<model id>...,
 *   recommendation,strength,task,crc32
 * - time: UTC, "2026-11-22T18:20:01Z"; session: 16 hex digits unless the
 *   caller gives one; mode: curses, plain, batch or kiosk.
 * - columns: the crc32 (8 hex digits) of the header line the record belongs
 *   to. When the content changes (questions added or renamed) a writer whose
 *   header differs from the file's first line writes its own header line
 *   before each of its records, and the summariser files each record under
 *   the header it names, so old and new records never get mixed up. A file
 *   whose first line is not a results header at all (a report given to --log
 *   by mistake) is refused, not appended to.
 * - answer.*: the chosen option id, empty when unanswered; score.*: integer or
 *   one decimal, '.' whatever the locale.
 * - recommendation: the outcome, "split" or the recommended model's id
 *   (outcome_id); strength: clear, leaning or split (logs before split was an
 *   outcome wrote the model ahead and "close", which the summary reads as a
 *   split).
 * - task: the task's name the manager gave (task.h: one line, at most 80
 *   characters), empty when none. Logs from before it have no such column.
 * - crc32: 8 hex digits, CRC-32 (as zlib's) of the record's bytes before it,
 *   up to and including the last comma.
 * RFC 4180 quoting; UTF-8 (invalid bytes become U+FFFD); control characters
 * removed, so one record is always one line; text cells starting with = + - @
 * or ' get a leading ' (spreadsheets hide it; the summariser strips it), so
 * no cell is evaluated as a formula (CWE-1236). Scores are numbers and are
 * written as they are.
 *
 * The caller must ignore SIGXFSZ (main sets it to SIG_IGN): a log that hits
 * RLIMIT_FSIZE then fails with EFBIG and is rolled back, instead of the
 * signal killing the session. The log must be on a local filesystem: flock
 * and O_APPEND are not reliable on NFS. */
#ifndef OW_RESULTLOG_H
#define OW_RESULTLOG_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "answers.h"
#include "content.h"
#include "engine.h"
#include "strbuf.h"

/* How long a writer or reader waits for the file lock before giving up. */
#define RESULTLOG_LOCK_TIMEOUT_MS 2000
#define RESULTLOG_SESSION_LEN 16

/* Appends one record for a finished interview to path, creating the file
 * (mode 0640) with its header. session_id NULL: a random one. Returns 0, or
 * -1 with one line in err ("results not saved: <path>: <reason>"). Never
 * aborts on an I/O error; refuses symlinks, directories, FIFOs, devices and
 * files that are not results logs; never hangs longer than the lock timeout. SIGHUP, SIGINT and SIGTERM are held back while the
 * file is locked, so a hangup cannot cut a record in half. */
int resultlog_append(const char *path, const struct content *c, const struct answers *a,
		     const struct verdict *v, const char *session_id, const char *mode,
		     struct strbuf *err);

/* The header line for c, with its '\n'. */
void resultlog_header(const struct content *c, struct strbuf *out);
/* One record, with its '\n', as resultlog_append writes it at time t. */
void resultlog_record(const struct content *c, const struct answers *a,
		      const struct verdict *v, const char *session_id, const char *mode,
		      time_t t, struct strbuf *out);
/* Appends s as one CSV cell (the sanitiser's CSV policy): dangerous
 * characters removed, invalid UTF-8 replaced, formula starts neutralised,
 * quoted when needed. */
void resultlog_add_cell(struct strbuf *out, const char *s);
/* 16 random hex digits (getrandom) and a NUL. */
void resultlog_session_id(char out[RESULTLOG_SESSION_LEN + 1]);

/* CRC-32 (IEEE 802.3, as zlib.crc32). */
uint32_t resultlog_crc32(const void *data, size_t len);
/* flock(fd, op | LOCK_NB) retried for up to timeout_ms. 0, or -1 with errno
 * (EWOULDBLOCK when the time ran out). */
int resultlog_lock(int fd, int op, int timeout_ms);

#endif
