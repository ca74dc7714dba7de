/* A results record made ready in advance, for a crash to write. Once an
 * interview has reached its result, the record it would log is built and
 * kept here; the normal end of the interview logs it as usual and disarms
 * it, and a fatal signal before that writes it from the signal handler, so
 * a crash after the result costs the room nothing. */
#ifndef OW_RESULTLOG_ARMED_H
#define OW_RESULTLOG_ARMED_H

#include <signal.h>
#include <stddef.h>

#include "answers.h"
#include "content.h"
#include "engine.h"

struct resultlog_armed {
	char *path;           /* the log */
	char *hdr, *rec;      /* the header line and the record, each with its '\n' */
	size_t hdr_len, rec_len;
	volatile sig_atomic_t armed;
};

/* Builds the record for a (and its verdict v) and arms it, replacing any
 * armed before. Allocates; not for signal handlers. */
void resultlog_arm(struct resultlog_armed *p, const char *path, const struct content *c,
		   const struct answers *a, const struct verdict *v, const char *mode);
/* Nothing to write on a crash any more; frees what arm built. */
void resultlog_disarm(struct resultlog_armed *p);
/* Async-signal-safe: appends the armed record (after a header when the file
 * has none or another one, after a '\n' when its tail is torn) under the
 * file lock, waiting at most about a second for it; then disarms. Returns
 * 0, or -1 when nothing was armed or it could not be written. */
int resultlog_write_armed(struct resultlog_armed *p);

#endif
