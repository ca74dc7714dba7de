/* Saving a report to a new file: the name (the one asked for, or one made
 * from the time, in the kiosk's report directory or the current one) and the
 * writing. Never overwrites and never follows a symlink; a failed write
 * leaves no partial file. */
#ifndef OW_SAVEFILE_H
#define OW_SAVEFILE_H

#include <stddef.h>
#include <time.h>

struct save_place {
	const char *path; /* the file asked for (--report FILE), or NULL */
	const char *dir;  /* a kiosk's report directory: NULL turns saving off there */
	int kiosk;        /* never a path the user chose: path is ignored, names are made in dir */
};

/* A kiosk's report directory is shared by every visitor, so it is capped:
 * no new report once it holds this many entries or this many bytes (the
 * trainer empties it). Each session is capped too (the screens count). */
#define SAVEFILE_DIR_MAX_ENTRIES 2000
#define SAVEFILE_DIR_MAX_BYTES (64ull * 1024 * 1024)
#define SAVEFILE_SESSION_MAX 20

/* 1 when dir holds SAVEFILE_DIR_MAX_ENTRIES entries or
 * SAVEFILE_DIR_MAX_BYTES of files or more; 0 otherwise (also when it cannot
 * be read: the write then says why). */
int savefile_dir_full(const char *dir);

/* Writes len bytes of data to a new file. Outside a kiosk that is path when
 * given; otherwise outsource-wizard-report-YYYYMMDD-HHMMSS.md from now in
 * local time (then -2.md, -3.md, ... while a name is taken) in the current
 * directory, or in a kiosk's dir. The file is 0666 less the umask, or 0600
 * in a kiosk. name (size bytes) gets the file written,
 * or the last one tried. Returns 0, or -1 with errno: EEXIST when the name
 * (or every made name) is taken, EPERM in a kiosk without a dir, EDQUOT
 * when a kiosk's dir is full (savefile_dir_full), else why
 * the file could not be created or written. */
int savefile_write(const struct save_place *p, time_t now, const char *data, size_t len,
		   char *name, size_t size);

#endif
