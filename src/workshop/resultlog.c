/* The results log writer. Each record is built whole in memory and written
 * with one write() under an exclusive flock; a short write is rolled back, so
 * the file only ever holds whole lines (reliability.md 4.2: stdio or several
 * writes per record tore 10 to 22 records of 200). */
#include "resultlog.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sanitize.h"
#include "xalloc.h"

/* ---- checksum ---- */

/* CRC-32 four bits at a time: a 16-entry table instead of 256 entries, still
 * fast enough for a 64 MiB log, and nothing to initialise at run time. */
static const uint32_t crc_nibble[16] = {
	0x00000000, 0x1DB71064, 0x3B6E20C8, 0x26D930AC, 0x76DC4190, 0x6B6B51F4,
	0x4DB26158, 0x5005713C, 0xEDB88320, 0xF00F9344, 0xD6D6A3E8, 0xCB61B38C,
	0x9B64C2B0, 0x86D3D2D4, 0xA00AE278, 0xBDBDF21C,
};

uint32_t resultlog_crc32(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint32_t crc = 0xFFFFFFFFu;

	for (size_t i = 0; i < len; i++) {
		crc ^= p[i];
		crc = (crc >> 4) ^ crc_nibble[crc & 15];
		crc = (crc >> 4) ^ crc_nibble[crc & 15];
	}
	return ~crc;
}

/* ---- cells ---- */

void resultlog_add_cell(struct strbuf *out, const char *s)
{
	sanitize_add(out, s, SANITIZE_CSV, 0);
}

/* A score as an integer or with one decimal. Done by hand because printf's
 * %f follows LC_NUMERIC and would write "2,5" under some locales. */
static void add_number(struct strbuf *out, double x)
{
	if (!isfinite(x) || fabs(x) > 1e15)
		return; /* an empty cell: no score */
	long long t = llround(x * 10);
	if (t < 0) {
		sb_addc(out, '-');
		t = -t;
	}
	sb_addf(out, "%lld", t / 10);
	if (t % 10)
		sb_addf(out, ".%lld", t % 10);
}

static void add_time(struct strbuf *out, time_t t)
{
	struct tm tm;
	char buf[32];

	if (!gmtime_r(&t, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
		return;
	sb_add(out, buf);
}

/* ---- header and record ---- */

static void header_line(const struct content *c, struct strbuf *out)
{
	sb_add(out, "time,session,mode,columns");
	for (size_t i = 0; i < c->nquestions; i++) {
		sb_addc(out, ',');
		sb_add(out, "answer.");
		sb_add(out, c->questions[i].id); /* ids are [A-Za-z0-9_.-]: no quoting */
	}
	for (size_t m = 0; m < c->nmodels; m++) {
		sb_add(out, ",score.");
		sb_add(out, c->models[m].id);
	}
	sb_add(out, ",recommendation,strength,task,crc32");
}

void resultlog_header(const struct content *c, struct strbuf *out)
{
	header_line(c, out);
	sb_addc(out, '\n');
}

static const char *answer_id(const struct content *c, const struct answers *a, size_t q)
{
	if (q >= a->n)
		return "";
	int o = a->choice[q];
	if (o < 0 || (size_t)o >= c->questions[q].noptions)
		return "";
	return c->questions[q].options[o].id;
}

static void record_cells(const struct content *c, const struct answers *a,
			 const struct verdict *v, struct strbuf *out)
{
	for (size_t q = 0; q < c->nquestions; q++) {
		sb_addc(out, ',');
		resultlog_add_cell(out, answer_id(c, a, q));
	}
	for (size_t m = 0; m < c->nmodels; m++) {
		sb_addc(out, ',');
		if (m < v->nmodels)
			add_number(out, v->score[m]);
	}
	sb_addc(out, ',');
	/* the outcome: "split" or the recommended model's id */
	if (v->winner >= 0 && (size_t)v->winner < c->nmodels)
		resultlog_add_cell(out, outcome_id(c, verdict_outcome(v)));
	sb_addc(out, ',');
	resultlog_add_cell(out, strength_name(v->strength));
	sb_addc(out, ',');
	resultlog_add_cell(out, a->task ? a->task : ""); /* cleaned, and quoted as any cell */
	sb_addc(out, ',');
}

void resultlog_record(const struct content *c, const struct answers *a,
		      const struct verdict *v, const char *session_id, const char *mode,
		      time_t t, struct strbuf *out)
{
	struct strbuf hdr = {0};
	char sid[RESULTLOG_SESSION_LEN + 1];
	size_t start = out->len;

	if (!session_id || !*session_id) {
		resultlog_session_id(sid);
		session_id = sid;
	}
	header_line(c, &hdr);
	add_time(out, t);
	sb_addc(out, ',');
	resultlog_add_cell(out, session_id);
	sb_addc(out, ',');
	resultlog_add_cell(out, mode ? mode : "");
	sb_addf(out, ",%08x", (unsigned)resultlog_crc32(hdr.buf, hdr.len));
	record_cells(c, a, v, out);
	sb_addf(out, "%08x\n", (unsigned)resultlog_crc32(out->buf + start, out->len - start));
	sb_free(&hdr);
}

/* ---- session ids ---- */

void resultlog_session_id(char out[RESULTLOG_SESSION_LEN + 1])
{
	unsigned char r[RESULTLOG_SESSION_LEN / 2];

	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		/* Early boot or an old kernel: time, pid and a stack address still
		 * tell apart the sessions of one room. */
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t x = (uint64_t)ts.tv_sec * 1000000007u ^ (uint64_t)ts.tv_nsec ^
			     (uint64_t)getpid() << 40 ^ (uint64_t)(uintptr_t)&ts;
		for (size_t i = 0; i < sizeof r; i++, x >>= 8)
			r[i] = (unsigned char)(x ^ (x >> 29));
	}
	for (size_t i = 0; i < sizeof r; i++)
		snprintf(out + 2 * i, 3, "%02x", r[i]);
}

/* ---- locking ---- */

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

int resultlog_lock(int fd, int op, int timeout_ms)
{
	struct timespec start;
	long pause_us = 200;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		if (flock(fd, op | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (elapsed_ms(&start) >= timeout_ms) {
			errno = EWOULDBLOCK;
			return -1;
		}
		/* Short, growing, slightly uneven pauses: 200 writers do not all
		 * wake in step, and a lone waiter gets in quickly. */
		struct timespec nap = {0, (pause_us + (getpid() % 7) * 50) * 1000};
		nanosleep(&nap, NULL);
		if (pause_us < 10000)
			pause_us += pause_us / 2;
	}
}

/* ---- appending ---- */

static void fail(struct strbuf *err, const char *path, const char *what, const char *reason)
{
	sb_add(err, "results not saved: ");
	sb_add_safe(err, path, 0);
	sb_add(err, ": ");
	sb_add(err, what);
	if (reason) {
		sb_add(err, ": ");
		sb_add(err, reason);
	}
}

static void fail_short(struct strbuf *err, const char *path, size_t done, size_t want)
{
	char reason[96];

	snprintf(reason, sizeof reason, "%zu of %zu bytes (disk full or file size limit)", done,
		 want);
	fail(err, path, "short write", reason);
}

/* Opens the log for appending; never follows a symlink, never blocks on a
 * FIFO (O_NONBLOCK), and accepts only a regular file. O_RDWR, not O_WRONLY,
 * because the tail and the header are checked with pread. */
static int open_log(const char *path, struct strbuf *err)
{
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK |
				    O_NOCTTY, 0640);
	if (fd < 0) {
		int e = errno;
		if (e == ELOOP)
			fail(err, path, "is a symbolic link; refusing to write through it", NULL);
		else if (e == EISDIR)
			fail(err, path, "is a directory, not a file", NULL);
		else if (e == ENXIO)
			fail(err, path, "is a FIFO or socket, not a regular file", NULL);
		else
			fail(err, path, "cannot open", strerror(e));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		fail(err, path, "is not a regular file (a FIFO, device or socket)", NULL);
		close(fd);
		return -1;
	}
	return fd;
}

#define LOG_SIGNATURE "time,session,mode,columns,"

/* Compares the file's first line with hdr (which ends in '\n'): 1 when it is
 * hdr, 0 when it is another results header (another question set) or a torn
 * one, -2 when the file is not a results log at all, -1 on a read error. */
static int header_matches(int fd, const struct strbuf *hdr)
{
	char *buf = xmalloc(hdr->len);
	ssize_t n = pread(fd, buf, hdr->len, 0);
	int rc = -1;

	if (n >= 0) {
		const char *nl = memchr(buf, '\n', (size_t)n);
		size_t line = nl ? (size_t)(nl - buf) : (size_t)n;
		size_t sig = strlen(LOG_SIGNATURE);
		if (n == (ssize_t)hdr->len && memcmp(buf, hdr->buf, hdr->len) == 0)
			rc = 1;
		else if (memcmp(buf, LOG_SIGNATURE, line < sig ? line : sig) == 0)
			rc = 0;
		else
			rc = -2;
	}
	free(buf);
	return rc;
}

/* Everything to write: a '\n' to close off a torn tail left by a writer
 * that died, a header when the file has none or another one, the record.
 * -1 on a read error, -2 when the file is not a results log. */
static int prepare(int fd, off_t size, const struct strbuf *hdr, const struct strbuf *rec,
		   struct strbuf *buf)
{
	int same = 0;

	if (size > 0) {
		char last;
		if (pread(fd, &last, 1, size - 1) != 1)
			return -1;
		if (last != '\n')
			sb_addc(buf, '\n');
		if ((same = header_matches(fd, hdr)) < 0)
			return same;
	}
	if (!same)
		sb_addn(buf, hdr->buf, hdr->len);
	sb_addn(buf, rec->buf, rec->len);
	return 0;
}

/* Undoes a failed or short write. chattr +a forbids ftruncate: then the torn
 * tail stays, and the next writer's '\n' and the summariser's checks deal
 * with it. */
static void roll_back(int fd, off_t size, struct strbuf *err)
{
	if (ftruncate(fd, size) < 0)
		sb_addf(err, " (%s: append-only file: damaged tail left for the summariser)",
			strerror(errno));
}

static int write_locked(int fd, const char *path, const struct strbuf *hdr,
			const struct strbuf *rec, struct strbuf *err)
{
	struct strbuf buf = {0};
	struct stat st;
	int rc = -1;

	int prep = fstat(fd, &st) < 0 ? -1 : prepare(fd, st.st_size, hdr, rec, &buf);
	if (prep == -2) {
		fail(err, path, "is not a results log (its first line is not a results header); "
				"choose a new file", NULL);
		goto out;
	}
	if (prep < 0) {
		fail(err, path, "cannot read", strerror(errno));
		goto out;
	}
	ssize_t w;
	do
		w = write(fd, buf.buf, buf.len);
	while (w < 0 && errno == EINTR);
	if (w != (ssize_t)buf.len) {
		if (w < 0)
			fail(err, path, "write failed", strerror(errno));
		else
			fail_short(err, path, (size_t)w, buf.len);
		roll_back(fd, st.st_size, err);
		goto out;
	}
	if (fdatasync(fd) < 0) {
		fail(err, path, "written but not flushed to disk", strerror(errno));
		goto out;
	}
	rc = 0;
out:
	sb_free(&buf);
	return rc;
}

int resultlog_append(const char *path, const struct content *c, const struct answers *a,
		     const struct verdict *v, const char *session_id, const char *mode,
		     struct strbuf *err)
{
	struct strbuf hdr = {0}, rec = {0};
	sigset_t block, old;
	int rc = -1;

	resultlog_header(c, &hdr);
	resultlog_record(c, a, v, session_id, mode, time(NULL), &rec);
	/* A hangup or Ctrl-C is handled after the record is whole; handlers in
	 * main only set flags, so nothing is lost by waiting. */
	sigemptyset(&block);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGQUIT);
	sigprocmask(SIG_BLOCK, &block, &old);
	int fd = open_log(path, err);
	if (fd >= 0) {
		if (resultlog_lock(fd, LOCK_EX, RESULTLOG_LOCK_TIMEOUT_MS) < 0)
			fail(err, path, errno == EWOULDBLOCK ? "still locked by another session after 2 s"
							       : "cannot lock",
			     errno == EWOULDBLOCK ? NULL : strerror(errno));
		else
			rc = write_locked(fd, path, &hdr, &rec, err);
		close(fd); /* releases the lock */
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	sb_free(&hdr);
	sb_free(&rec);
	return rc;
}
