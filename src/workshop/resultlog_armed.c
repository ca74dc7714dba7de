#include "resultlog_armed.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "resultlog.h"
#include "strbuf.h"
#include "xalloc.h"

void resultlog_disarm(struct resultlog_armed *p)
{
	p->armed = 0;
	free(p->path);
	free(p->hdr);
	free(p->rec);
	p->path = p->hdr = p->rec = NULL;
	p->hdr_len = p->rec_len = 0;
}

void resultlog_arm(struct resultlog_armed *p, const char *path, const struct content *c,
		   const struct answers *a, const struct verdict *v, const char *mode)
{
	struct strbuf hdr = {0}, rec = {0};

	resultlog_disarm(p);
	resultlog_header(c, &hdr);
	resultlog_record(c, a, v, NULL, mode, time(NULL), &rec);
	p->path = xstrdup(path);
	p->hdr_len = hdr.len;
	p->rec_len = rec.len;
	p->hdr = sb_take(&hdr);
	p->rec = sb_take(&rec);
	p->armed = 1;
}

/* Below: only calls that are async-signal-safe (open, flock, fstat, pread,
 * write, nanosleep, close), no allocation, no stdio. */

static int write_all_raw(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static int lock_briefly(int fd)
{
	struct timespec nap = {0, 10 * 1000 * 1000};

	for (int i = 0; i < 100; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		nanosleep(&nap, NULL);
	}
	return -1;
}

#define SIGNATURE "time,session,mode,columns,"

/* 1: the file starts with our header; 0: with another results header;
 * -1: it is not a results log (or cannot be read). */
static int same_header(int fd, const struct resultlog_armed *p)
{
	char buf[512];
	size_t sig = strlen(SIGNATURE);

	for (size_t off = 0; off < p->hdr_len; off += sizeof buf) {
		size_t want = p->hdr_len - off < sizeof buf ? p->hdr_len - off : sizeof buf;
		ssize_t n = pread(fd, buf, want, (off_t)off);
		if (n < 0)
			return -1;
		if (off == 0 && ((size_t)n < sig || memcmp(buf, SIGNATURE, sig) != 0))
			return -1;
		if ((size_t)n != want || memcmp(buf, p->hdr + off, want) != 0)
			return 0;
	}
	return 1;
}

static int append_locked(int fd, const struct resultlog_armed *p)
{
	struct stat st;
	int same = 0;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return -1;
	if (st.st_size > 0) {
		char last;
		if (pread(fd, &last, 1, st.st_size - 1) != 1)
			return -1;
		if ((same = same_header(fd, p)) < 0)
			return -1;
		if (last != '\n' && write_all_raw(fd, "\n", 1) < 0)
			return -1;
	}
	if (!same && write_all_raw(fd, p->hdr, p->hdr_len) < 0)
		return -1;
	return write_all_raw(fd, p->rec, p->rec_len);
}

int resultlog_write_armed(struct resultlog_armed *p)
{
	if (!p->armed)
		return -1;
	p->armed = 0;
	int fd = open(p->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK |
				       O_NOCTTY, 0640);
	if (fd < 0)
		return -1;
	int rc = lock_briefly(fd) == 0 ? append_locked(fd, p) : -1;
	if (rc == 0)
		fdatasync(fd);
	close(fd);
	return rc;
}
