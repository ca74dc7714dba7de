#include "xio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int read_all_capped(int fd, size_t cap, struct strbuf *out)
{
	char buf[65536];
	size_t got = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (got + (size_t)n > cap) {
			errno = EFBIG;
			return -1;
		}
		sb_addn(out, buf, (size_t)n);
		got += (size_t)n;
	}
	return 0;
}

/* A file opened where nothing is replaced: a FIFO, a device, /dev/stdout. */
static int write_in_place(const char *path, const char *s, size_t n)
{
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	int bad = write_all(fd, s, n);
	int err = errno;
	if (close(fd) && !bad)
		bad = 1, err = errno;
	errno = err;
	return bad ? -1 : 0;
}

/* The mode a new file gets from open(0666): the umask's, read without
 * changing it for good (single-threaded here). */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

static int fill_temp(int fd, const char *s, size_t n, mode_t mode)
{
	if (fchmod(fd, mode) || write_all(fd, s, n) || fsync(fd))
		return -1;
	return 0;
}

static void sync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Writes a temporary file beside target and renames it over target. */
static int replace_through_temp(const char *target, mode_t mode, const char *s, size_t n)
{
	size_t len = strlen(target);
	char *tmp = malloc(len + sizeof ".XXXXXX");
	int err;

	if (!tmp)
		return -1;
	memcpy(tmp, target, len);
	memcpy(tmp + len, ".XXXXXX", sizeof ".XXXXXX");
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		err = errno;
	} else {
		int bad = fill_temp(fd, s, n, mode);
		err = errno;
		if (close(fd) && !bad)
			bad = 1, err = errno;
		if (!bad && rename(tmp, target) == 0) {
			sync_dir_of(target);
			free(tmp);
			return 0;
		}
		err = bad ? err : errno;
		unlink(tmp);
	}
	free(tmp);
	errno = err;
	return -1;
}

int write_file_replacing(const char *path, const char *s, size_t n)
{
	struct stat st;
	int exists = stat(path, &st) == 0;

	if (exists && !S_ISREG(st.st_mode))
		return write_in_place(path, s, n);
	/* A symlink stays a symlink: its target is what gets replaced. */
	char *target = exists ? realpath(path, NULL) : NULL;
	int rc = replace_through_temp(target ? target : path, exists ? st.st_mode & 07777 : new_file_mode(), s, n);
	free(target);
	/* A file one may write in a directory one may not create in: in place,
	 * as before, rather than not at all. */
	if (rc && exists && (errno == EACCES || errno == EPERM))
		return write_in_place(path, s, n);
	return rc;
}
