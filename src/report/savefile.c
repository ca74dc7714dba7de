#include "savefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "xio.h"

/* How many made names are tried in one second before giving up. */
#define TRIES 99

static int open_excl(const char *name)
{
	return open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW, 0644);
}

/* The n-th name made from the time stamp (n = 1 has no number). Returns 0,
 * or -1 with ENAMETOOLONG when it does not fit: a cut name is another file. */
static int made_name(const char *dir, const char *stamp, int n, char *name, size_t size)
{
	const char *sep = dir ? "/" : "";
	int len;

	if (n == 1)
		len = snprintf(name, size, "%s%soutsource-wizard-report-%s.md", dir ? dir : "", sep,
			       stamp);
	else
		len = snprintf(name, size, "%s%soutsource-wizard-report-%s-%d.md", dir ? dir : "", sep,
			       stamp, n);
	if (len < 0 || (size_t)len >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* Opens a new file under the first free made name. */
static int open_made(const char *dir, time_t now, char *name, size_t size)
{
	char stamp[32];
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n <= TRIES; n++) {
		if (made_name(dir, stamp, n, name, size))
			return -1;
		int fd = open_excl(name);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

int savefile_write(const struct save_place *p, time_t now, const char *data, size_t len,
		   char *name, size_t size)
{
	int fd;

	name[0] = '\0';
	if (p->kiosk && !p->dir) {
		errno = EPERM;
		return -1;
	}
	if (p->path && !p->kiosk) {
		if ((size_t)snprintf(name, size, "%s", p->path) >= size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open_excl(name);
	} else {
		fd = open_made(p->kiosk ? p->dir : NULL, now, name, size);
	}
	if (fd < 0)
		return -1;
	int bad = write_all(fd, data, len) != 0;
	int err = errno;
	if (close(fd) != 0 && !bad)
		bad = 1, err = errno;
	if (!bad)
		return 0;
	unlink(name);
	errno = err;
	return -1;
}
