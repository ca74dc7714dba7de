/* Save, as the screens see it: the dialog's keys and the write (savefile.h
 * names the file and never overwrites unless asked), then where it went.
 * Nothing new is written for the same answers in the same format, and a
 * kiosk session writes at most SAVEFILE_SESSION_MAX reports. */
#include "save.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "field_keys.h"
#include "layout.h"
#include "savefile.h"
#include "shorten.h"
#include "texts.h"
#include "xalloc.h"

/* Sets the status message to text id with its placeholders filled. */
static void say(struct app *a, enum role r, enum text_id id, const char *file,
		const char *reason, const char *count)
{
	char *m = text_fmt(a->c, id, "file", file, "reason", reason, "count", count, "dir", NULL,
			   NULL);

	app_message(a, r, m);
	free(m);
}

static struct save_place place(const struct app *a, const char *path, int overwrite)
{
	return (struct save_place){
		.path = path,
		.dir = a->o ? a->o->report_dir : NULL,
		.kiosk = app_kiosk(a),
		.format = (enum save_format)a->save.format,
		.overwrite = overwrite && !app_kiosk(a),
	};
}

/* The dialog's name for format f: the dated name, or --report's. */
static void suggest(struct app *a)
{
	char name[PATH_MAX];
	struct save_place p = place(a, a->o ? a->o->report_path : NULL, 0);

	if (savefile_suggest(&p, time(NULL), name, sizeof name) != 0)
		name[0] = '\0';
	lineedit_set(&a->save.name, name);
}

enum reaction save_open(struct app *a)
{
	char count[16];

	app_update_verdict(a);
	if (!app_offers(a, ACT_SAVE)) {
		app_message(a, ROLE_ERROR, text_get(a->c, T_SAVE_OFF));
		return R_REDRAW;
	}
	if (!a->have_verdict) {
		app_message(a, ROLE_ERROR, text_get(a->c, T_SAVE_NEED_ALL));
		return R_REDRAW;
	}
	if (app_kiosk(a) && a->saves >= SAVEFILE_SESSION_MAX) {
		snprintf(count, sizeof count, "%d", SAVEFILE_SESSION_MAX);
		say(a, ROLE_ERROR, T_SAVE_SESSION_FULL, NULL, NULL, count);
		return R_REDRAW;
	}
	a->save.asking = 0;
	suggest(a);
	a->overlay = OVERLAY_SAVE;
	return R_REDRAW;
}

/* name as an absolute path: the current directory before a relative one. */
static void absolute(const char *name, struct strbuf *out)
{
	char cwd[PATH_MAX];

	if (name[0] != '/' && getcwd(cwd, sizeof cwd))
		sb_addf(out, "%s/", cwd);
	sb_add(out, name);
}

/* "Saved NAME in DIR", the directory shortened in its middle so the name
 * always shows; the whole path is said again when the wizard ends. */
static void say_saved(struct app *a, const char *name)
{
	struct strbuf whole = {0};
	enum text_id id = app_kiosk(a) ? T_SAVE_SAVED_AS : T_SAVE_SAVED_IN;

	absolute(name, &whole);
	const char *path = sb_str(&whole), *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	char *bare = text_fmt(a->c, id, "file", base, "dir", "", NULL);
	int room = a->cols - 2 - text_width(bare);
	char *shown = text_middle_ellipsis(dir, room > 8 ? room : 8, a->ascii);
	char *m = text_fmt(a->c, id, "file", base, "dir", shown, NULL);
	app_message(a, ROLE_OK, m);
	if (!app_kiosk(a))
		sb_addf(&a->saved_paths, "%s\n", path);
	free(m);
	free(shown);
	free(bare);
	free(dir);
	sb_free(&whole);
}

static void saved(struct app *a, const char *name)
{
	say_saved(a, name);
	a->saved = 1;
	a->saves++;
	a->saved_format = a->save.format;
	free(a->saved_name);
	a->saved_name = xstrdup(name);
	a->overlay = OVERLAY_NONE;
}

/* A typed name that ends in a format's extension saves in that format. */
static void format_from_name(struct app *a)
{
	const struct lineedit *e = &a->save.name;

	for (int f = 0; f < SAVE_FORMAT_COUNT; f++) {
		const char *ext = savefile_extension((enum save_format)f);
		size_t n = strlen(ext);
		if (e->len > n && !strcmp(e->text + e->len - n, ext))
			a->save.format = f;
	}
}

/* Enter (or y to "replace it?"): writes the file. */
static enum reaction write_now(struct app *a, int overwrite)
{
	const char *typed = a->save.name.text;

	if (!app_kiosk(a))
		format_from_name(a);
	struct save_place p = place(a, typed[0] ? typed : NULL, overwrite);
	char name[PATH_MAX];
	struct strbuf sb = {0};

	if (app_kiosk(a) && a->saved && a->saved_format == a->save.format) {
		const char *base = strrchr(a->saved_name, '/');
		say(a, ROLE_OK, T_SAVE_UNCHANGED, base ? base + 1 : a->saved_name, NULL, NULL);
		a->overlay = OVERLAY_NONE; /* a burst of keys writes one file */
		return R_REDRAW;
	}
	savefile_render((enum save_format)a->save.format, a->c, a->flow.a, &a->v, &sb);
	int rc = savefile_write(&p, time(NULL), sb_str(&sb), sb.len, name, sizeof name);
	int err = errno;
	sb_free(&sb);
	a->save.asking = 0;
	if (rc == 0)
		saved(a, name);
	else if (err == EEXIST && !app_kiosk(a) && p.path)
		a->save.asking = 1; /* the dialog asks: replace it? */
	else if (err == EDQUOT)
		app_message(a, ROLE_ERROR, text_get(a->c, T_SAVE_DIR_FULL)), a->overlay = OVERLAY_NONE;
	else if (err == EEXIST)
		say(a, ROLE_ERROR, T_SAVE_EXISTS, name, NULL, NULL), a->overlay = OVERLAY_NONE;
	else
		say(a, ROLE_ERROR, T_SAVE_FAILED, name, strerror(err), NULL), a->overlay = OVERLAY_NONE;
	return R_REDRAW;
}

/* A new format: a name still ending in the old extension takes the new one. */
static enum reaction set_format(struct app *a, int f)
{
	struct lineedit *e = &a->save.name;
	const char *old = savefile_extension((enum save_format)a->save.format);
	size_t ol = strlen(old);

	f = (f + SAVE_FORMAT_COUNT) % SAVE_FORMAT_COUNT;
	if (e->len > ol && !strcmp(e->text + e->len - ol, old)) {
		char name[LINEEDIT_MAX];
		snprintf(name, sizeof name, "%.*s%s", (int)(e->len - ol), e->text,
			 savefile_extension((enum save_format)f));
		lineedit_set(e, name);
	}
	a->save.format = f;
	return R_REDRAW;
}

static enum reaction answer_replace(struct app *a, int ch)
{
	if (ch == 'y' || ch == 'Y')
		return write_now(a, 1);
	if (ch == 'n' || ch == 'N' || ch == 27 || ch == KEYS_CTRL('C'))
		a->save.asking = 0;
	return R_REDRAW;
}


enum reaction save_dialog_key(struct app *a, int ch)
{
	if (ch == KEY_RESIZE)
		return R_REDRAW;
	if (a->save.asking)
		return answer_replace(a, ch);
	switch (ch) {
	case 27:
	case KEYS_CTRL('C'):
		a->overlay = OVERLAY_NONE;
		return R_REDRAW;
	case '\r': case '\n': case KEY_ENTER:
		return write_now(a, 0);
	case KEY_UP: case KEY_BTAB:
		return set_format(a, a->save.format - 1);
	case KEY_DOWN: case '\t':
		return set_format(a, a->save.format + 1);
	default:
		break;
	}
	if (app_kiosk(a)) /* no typing of names: digits pick the format */
		return ch >= '1' && ch < '1' + SAVE_FORMAT_COUNT ? set_format(a, ch - '1') : R_NONE;
	return field_key(&a->save.name, ch) ? R_REDRAW : R_NONE;
}
