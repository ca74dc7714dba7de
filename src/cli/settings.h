/* What this run does, settled once: the command line and, for a kiosk run,
 * the root-owned kiosk.ini, merged and checked here and nowhere else. The
 * rest of the program reads the struct and never looks at either source.
 *
 * The rules (tests/unit/test_settings.c):
 * - an option beats the file; the file's values apply to kiosk runs only;
 * - a run is a kiosk run with --kiosk, or with "enabled = yes" in the file
 *   when it is interactive (the wizard or --plain);
 * - the idle timeout and the session limit are whole seconds from 1 to
 *   86400 from either source; in a kiosk when neither gives one, 300 and
 *   3600 (an hour); none outside a kiosk;
 * - every problem is one message naming its source: the option, or the
 *   file's path and line. */
#ifndef OW_SETTINGS_H
#define OW_SETTINGS_H

#include <stddef.h>

#include "kiosk.h"
#include "report.h"
#include "strbuf.h"

#define SETTINGS_IDLE_DEFAULT 300
#define SETTINGS_SESSION_DEFAULT 3600

enum run_mode {
	MODE_HELP,    /* --help */
	MODE_VERSION, /* --version */
	MODE_CHECK,   /* --check-content */
	MODE_SUMMARY, /* --summary FILE... */
	MODE_BACKGROUND, /* --background */
	MODE_BATCH,   /* --answers FILE */
	MODE_PLAIN,   /* --plain */
	MODE_WIZARD,  /* the curses wizard (a kiosk or not) */
};

/* Where settings come from besides argv. */
struct settings_sources {
	const char *kiosk_ini;       /* the kiosk config file; NULL: none */
	const char *default_content; /* the content directory when nothing names one */
};

struct settings {
	enum run_mode mode;
	const char *content_dir;  /* never NULL once settled */
	const char *log;          /* the results log, or NULL */
	const char *report;       /* wizard: --report FILE, or NULL: a dated name */
	const char *prefill;      /* wizard: --prefill FILE, its answers to start from */
	const char *report_dir;   /* kiosk: saves go here; NULL: no saving */
	const char *workshop;     /* the tag of each record (a store's), or the summary's filter */
	const char *since;        /* --summary: "YYYY-MM-DD" or "today", or NULL */
	int full;                 /* --summary --full: every question */
	const char *answers;      /* batch: the answers file */
	const char *output;       /* batch: the report's file, or NULL: stdout */
	const char *const *summary_files; /* summary: the results logs */
	size_t nsummary_files;
	enum report_format format;
	int allow_partial;        /* batch: missing answers count as Not sure */
	int print;                /* wizard: print the text report at the end */
	int kiosk;
	int idle_timeout;         /* seconds without a key, 0 = none */
	int session_limit;        /* seconds a kiosk session may last, 0 = no limit */
	struct kiosk_config file; /* owns the strings taken from kiosk.ini */
};

/* Settles s from argv and the sources. Returns EXIT_OK, or EXIT_BAD_INPUT
 * with every message, ready for stderr, in err. --help and --version read no
 * file. s borrows from argv and src; free it with settings_free either way. */
int settings_make(int argc, char **argv, const struct settings_sources *src,
		  struct settings *s, struct strbuf *err);
void settings_free(struct settings *s);

#endif
