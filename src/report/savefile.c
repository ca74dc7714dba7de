#include "savefile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xio.h"

/* How many made names are tried in one second before giving up. */
#define TRIES 99

/* 0666 less the umask, as any new file; 0600 in a kiosk's report
 * directory, whatever the umask of the sshd that started us: a visitor's
 * report is for the trainer, not for the next visitor. */
static int open_excl(const char *name, int kiosk)
{
	return open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW,
		    kiosk ? 0600 : 0666);
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
static int open_made(const char *dir, int kiosk, time_t now, char *name, size_t size)
{
	char stamp[32];
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n <= TRIES; n++) {
		if (made_name(dir, stamp, n, name, size))
			return -1;
		int fd = open_excl(name, kiosk);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

/* Counts the directory's entries and the bytes of its files, stopping as
 * soon as either cap is passed (a full directory is not read to the end). */
int savefile_dir_full(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	unsigned long long bytes = 0;
	size_t entries = 0;
	int full = 0;

	if (!d)
		return 0; /* the open of the file itself will say why */
	while (!full && (e = readdir(d))) {
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
			bytes += (unsigned long long)st.st_size;
		full = ++entries >= SAVEFILE_DIR_MAX_ENTRIES || bytes >= SAVEFILE_DIR_MAX_BYTES;
	}
	closedir(d);
	return full;
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
	if (p->kiosk && savefile_dir_full(p->dir)) {
		errno = EDQUOT;
		return -1;
	}
	if (p->path && !p->kiosk) {
		if ((size_t)snprintf(name, size, "%s", p->path) >= size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open_excl(name, 0);
	} else {
		fd = open_made(p->kiosk ? p->dir : NULL, p->kiosk, now, name, size);
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
