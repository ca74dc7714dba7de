/* Saving a report to a new file: the name (the one asked for, or one made
 * from the time, in the kiosk's report directory or the current one) and the
 * writing. Never overwrites and never follows a symlink; a failed write
 * leaves no partial file. */
#ifndef OW_SAVEFILE_H
#define OW_SAVEFILE_H

#include <stddef.h>
#include <time.h>

/* What a save writes: a report in one of three formats, or the answers as
 * the INI file --answers reads back. */
enum save_format { SAVE_MARKDOWN, SAVE_TEXT, SAVE_JSON, SAVE_ANSWERS, SAVE_FORMAT_COUNT };

struct content;
struct answers;
struct verdict;
struct strbuf;

struct save_place {
	const char *path; /* the file asked for (--report FILE, or typed), or NULL */
	const char *dir;  /* a kiosk's report directory: NULL turns saving off there */
	int kiosk;        /* never a path the user chose: path is ignored, names are made in dir */
	enum save_format format; /* the made name's extension */
	int overwrite;    /* path may be replaced (the user said so); never in a kiosk */
};

/* ".md", ".txt", ".json", ".ini". */
const char *savefile_extension(enum save_format f);
/* The bytes a save in format f writes. */
void savefile_render(enum save_format f, const struct content *c, const struct answers *a,
		     const struct verdict *v, struct strbuf *out);
/* The name a save would make now (the first made name not taken, as
 * savefile_write picks it), into name. Returns 0, or -1 with errno. */
int savefile_suggest(const struct save_place *p, time_t now, char *name, size_t size);

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

/* Writes len bytes of data to a new file (or over path when overwrite). Outside a kiosk that is path when
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
