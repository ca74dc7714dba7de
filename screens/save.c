/* Save, as the screens see it: asks the core to write the markdown report
 * (savefile.h names the file and never overwrites) and says where it went. */
#include "save.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report.h"
#include "savefile.h"

/* Where it went, as the user can find it again. */
static void say_saved(struct app *a, const char *name)
{
	char cwd[PATH_MAX];
	const char *base = strrchr(name, '/');

	if (app_kiosk(a)) /* the name is what the user can ask the trainer for */
		app_message(a, ROLE_OK, "Saved the report as %s", base ? base + 1 : name);
	else if (name[0] != '/' && getcwd(cwd, sizeof cwd))
		app_message(a, ROLE_OK, "Saved the report to %s/%s", cwd, name);
	else
		app_message(a, ROLE_OK, "Saved the report to %s", name);
}

void save_report(struct app *a)
{
	struct save_place where = {a->o ? a->o->report_path : NULL, a->o ? a->o->report_dir : NULL,
				   app_kiosk(a)};
	char name[PATH_MAX];
	struct strbuf sb = {0};

	app_update_verdict(a);
	if (app_kiosk(a) && !where.dir) {
		app_message(a, ROLE_ERROR, "Saving is turned off on this kiosk.");
		return;
	}
	if (!a->have_verdict) {
		app_message(a, ROLE_ERROR, "Answer every question before saving a report.");
		return;
	}
	report_write(REPORT_MARKDOWN, a->c, a->flow.a, &a->v, &sb);
	int rc = savefile_write(&where, time(NULL), sb_str(&sb), sb.len, name, sizeof name);
	int err = errno;
	sb_free(&sb);
	if (rc == 0) {
		say_saved(a, name);
		a->saved = 1;
	} else if (err == EEXIST) {
		app_message(a, ROLE_ERROR, "Not saved: %s already exists (never overwritten).", name);
	} else {
		app_message(a, ROLE_ERROR, "Not saved to %s: %s.", name, strerror(err));
	}
}
