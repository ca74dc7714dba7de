/* Save: the markdown report (the batch mode's writer) to --report FILE or to
 * a new file in the current directory. Never overwrites: O_EXCL. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "report.h"
#include "screen.h"
#include "strbuf.h"
#include "xio.h"

/* Opens a new file: the given path, or a name made from the time (in a
 * kiosk, inside its report directory: never a path the user chose). */
static int open_new(const struct app *a, char *name, size_t size)
{
	int flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW;
	const char *dir = a->o && a->o->kiosk ? a->o->report_dir : NULL;

	if (a->o && a->o->report_path && !a->o->kiosk) {
		snprintf(name, size, "%s", a->o->report_path);
		return open(name, flags, 0644);
	}
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int i = 1; i < 100; i++) {
		if (i == 1)
			snprintf(name, size, "%s%soutsource-wizard-report-%s.md", dir ? dir : "",
				 dir ? "/" : "", stamp);
		else
			snprintf(name, size, "%s%soutsource-wizard-report-%s-%d.md", dir ? dir : "",
				 dir ? "/" : "", stamp, i);
		int fd = open(name, flags, 0644);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	errno = EEXIST;
	return -1;
}

void save_report(struct app *a)
{
	char name[PATH_MAX];
	struct strbuf sb = {0};

	app_update_verdict(a);
	if (a->o && a->o->kiosk && !a->o->report_dir) {
		app_message(a, ROLE_ERROR, "Saving is turned off on this kiosk.");
		return;
	}
	if (!a->have_verdict) {
		app_message(a, ROLE_ERROR, "Answer every question before saving a report.");
		return;
	}
	int fd = open_new(a, name, sizeof name);
	if (fd < 0) {
		if (errno == EEXIST)
			app_message(a, ROLE_ERROR, "Not saved: %s already exists (never overwritten).",
				    name);
		else
			app_message(a, ROLE_ERROR, "Not saved to %s: %s.", name, strerror(errno));
		return;
	}
	report_write(REPORT_MARKDOWN, a->c, a->flow.a, &a->v, &sb);
	int bad = write_all(fd, sb_str(&sb), sb.len) != 0;
	int err = errno;
	if (close(fd) != 0 && !bad)
		bad = 1, err = errno;
	sb_free(&sb);
	if (bad) {
		unlink(name);
		app_message(a, ROLE_ERROR, "Not saved to %s: %s.", name, strerror(err));
		return;
	}
	char cwd[PATH_MAX];
	const char *base = strrchr(name, '/');
	if (a->o && a->o->kiosk) /* the name is what the user can ask the trainer for */
		app_message(a, ROLE_OK, "Saved the report as %s", base ? base + 1 : name);
	else if (name[0] != '/' && getcwd(cwd, sizeof cwd))
		app_message(a, ROLE_OK, "Saved the report to %s/%s", cwd, name);
	else
		app_message(a, ROLE_OK, "Saved the report to %s", name);
	a->saved = 1;
}
