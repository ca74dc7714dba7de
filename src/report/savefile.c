#include "savefile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers.h"
#include "report.h"
#include "strbuf.h"
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

static const char *const extensions[SAVE_FORMAT_COUNT] = {".md", ".txt", ".json", ".ini"};

const char *savefile_extension(enum save_format f)
{
	return (unsigned)f < SAVE_FORMAT_COUNT ? extensions[f] : extensions[SAVE_MARKDOWN];
}

void savefile_render(enum save_format f, const struct content *c, const struct answers *a,
		     const struct verdict *v, struct strbuf *out)
{
	static const enum report_format as_report[] = {REPORT_MARKDOWN, REPORT_TEXT, REPORT_JSON};

	if (f == SAVE_ANSWERS) {
		char *ini = answers_to_ini(a, c);
		sb_add(out, ini);
		free(ini);
		return;
	}
	report_write(as_report[(unsigned)f < 3 ? f : 0], c, a, v, out);
}

/* The n-th name made from the time stamp (n = 1 has no number). Returns 0,
 * or -1 with ENAMETOOLONG when it does not fit: a cut name is another file. */
static int made_name(const char *dir, const char *stamp, int n, const char *ext, char *name,
		     size_t size)
{
	const char *sep = dir ? "/" : "";
	int len;

	if (n == 1)
		len = snprintf(name, size, "%s%soutsource-wizard-report-%s%s", dir ? dir : "", sep,
			       stamp, ext);
	else
		len = snprintf(name, size, "%s%soutsource-wizard-report-%s-%d%s", dir ? dir : "", sep,
			       stamp, n, ext);
	if (len < 0 || (size_t)len >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* Opens a new file under the first free made name. */
/* Opens a new file under the first free made name (with probe_only, only
 * finds that name: 0, or -1 with errno). */
static int open_made(const struct save_place *p, time_t now, int probe_only, char *name,
		     size_t size)
{
	const char *dir = p->kiosk ? p->dir : NULL;
	char stamp[32];
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int n = 1; n <= TRIES; n++) {
		if (made_name(dir, stamp, n, savefile_extension(p->format), name, size))
			return -1;
		if (probe_only && access(name, F_OK) != 0)
			return errno == ENOENT ? 0 : -1;
		int fd = probe_only ? -1 : open_excl(name, p->kiosk);
		if (!probe_only && (fd >= 0 || errno != EEXIST))
			return fd;
	}
	errno = EEXIST;
	return -1;
}

int savefile_suggest(const struct save_place *p, time_t now, char *name, size_t size)
{
	if (p->path && !p->kiosk) {
		if ((size_t)snprintf(name, size, "%s", p->path) >= size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		return 0;
	}
	return open_made(p, now, 1, name, size);
}

/* The user chose to replace path: all or nothing, keeping its mode. */
static int write_over(const char *path, const char *data, size_t len, char *name, size_t size)
{
	if ((size_t)snprintf(name, size, "%s", path) >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return write_file_replacing(path, data, len);
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
	if (p->path && !p->kiosk && p->overwrite)
		return write_over(p->path, data, len, name, size);
	if (p->path && !p->kiosk) {
		if ((size_t)snprintf(name, size, "%s", p->path) >= size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = open_excl(name, 0);
	} else {
		fd = open_made(p, now, 0, name, size);
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
