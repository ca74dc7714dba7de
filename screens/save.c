/* Save, as the screens see it: asks the core to write the markdown report
 * (savefile.h names the file and never overwrites) and says where it went.
 * Nothing new is written until an answer changes, and a kiosk session
 * writes at most SAVEFILE_SESSION_MAX reports. */
#include "save.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report.h"
#include "savefile.h"
#include "texts.h"
#include "xalloc.h"

/* Sets the status message to text id with {file} (and {reason}) filled. */
static void say(struct app *a, enum role r, enum text_id id, const char *file,
		const char *reason, const char *count)
{
	char *m = text_fmt(a->c, id, "file", file, "reason", reason, "count", count, NULL);

	app_message(a, r, m);
	free(m);
}

/* Where it went, as the user can find it again. */
static void say_saved(struct app *a, const char *name)
{
	char cwd[PATH_MAX];
	const char *base = strrchr(name, '/');

	if (app_kiosk(a)) { /* the name is what the user can ask the trainer for */
		say(a, ROLE_OK, T_SAVE_SAVED_AS, base ? base + 1 : name, NULL, NULL);
	} else if (name[0] != '/' && getcwd(cwd, sizeof cwd)) {
		struct strbuf path = {0};
		sb_addf(&path, "%s/%s", cwd, name);
		say(a, ROLE_OK, T_SAVE_SAVED_TO, sb_str(&path), NULL, NULL);
		sb_free(&path);
	} else {
		say(a, ROLE_OK, T_SAVE_SAVED_TO, name, NULL, NULL);
	}
}

static void say_unchanged(struct app *a)
{
	const char *base = strrchr(a->saved_name, '/');

	say(a, ROLE_OK, T_SAVE_UNCHANGED, base ? base + 1 : a->saved_name, NULL, NULL);
}

void save_report(struct app *a)
{
	struct save_place where = {a->o ? a->o->report_path : NULL, a->o ? a->o->report_dir : NULL,
				   app_kiosk(a)};
	char name[PATH_MAX];
	struct strbuf sb = {0};

	app_update_verdict(a);
	if (app_kiosk(a) && !where.dir) {
		app_message(a, ROLE_ERROR, text_get(a->c, T_SAVE_OFF));
		return;
	}
	if (!a->have_verdict) {
		app_message(a, ROLE_ERROR, text_get(a->c, T_SAVE_NEED_ALL));
		return;
	}
	if (a->saved && a->saved_name) { /* a burst of s writes one file */
		say_unchanged(a);
		return;
	}
	if (app_kiosk(a) && a->saves >= SAVEFILE_SESSION_MAX) {
		char count[16];
		snprintf(count, sizeof count, "%d", SAVEFILE_SESSION_MAX);
		say(a, ROLE_ERROR, T_SAVE_SESSION_FULL, NULL, NULL, count);
		return;
	}
	report_write(REPORT_MARKDOWN, a->c, a->flow.a, &a->v, &sb);
	int rc = savefile_write(&where, time(NULL), sb_str(&sb), sb.len, name, sizeof name);
	int err = errno;
	sb_free(&sb);
	if (rc == 0) {
		say_saved(a, name);
		a->saved = 1;
		a->saves++;
		free(a->saved_name);
		a->saved_name = xstrdup(name);
	} else if (err == EDQUOT) {
		app_message(a, ROLE_ERROR, text_get(a->c, T_SAVE_DIR_FULL));
	} else if (err == EEXIST) {
		say(a, ROLE_ERROR, T_SAVE_EXISTS, name, NULL, NULL);
	} else {
		say(a, ROLE_ERROR, T_SAVE_FAILED, name, strerror(err), NULL);
	}
}
