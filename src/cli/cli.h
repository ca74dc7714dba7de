/* The command line, parsed into plain data: which options were given and
 * their text. Values that kiosk.ini can also give (the idle timeout, the
 * session limit) are checked by settings.c, with the file's, not here. */
#ifndef OW_CLI_H
#define OW_CLI_H

#include "strbuf.h"

struct cli {
	const char *content_dir; /* NULL: the default */
	const char *answers;
	const char *prefill;     /* --prefill FILE: the wizard starts with these answers */
	const char *output;
	const char *report;
	const char *log;         /* --log FILE: append each finished interview */
	const char *report_dir;  /* --report-dir DIR: kiosk saves go here */
	const char *workshop;    /* --workshop NAME: the tag of each record, or the summary's filter */
	const char *since;       /* --since DATE|today: the summary's first day */
	int full;                /* --full: the summary's every question */
	char **summary_files;    /* --summary FILE...: the positional arguments */
	int nsummary_files;
	int summary;
	int background;          /* --background: print the workshop page */
	int kiosk;
	const char *idle_timeout; /* --idle-timeout's text, or NULL */
	const char *session_limit; /* --session-limit's text, or NULL */
	int format;              /* enum report_format, -1 if not given */
	int check_content;
	int allow_partial;
	int plain;
	int print;
	int help;
	int version;
};

/* 1 when s is a workshop tag: 1 to 40 letters, digits, spaces, . _ - (the
 * kiosk.ini value is checked the same way). */
int workshop_name_ok(const char *s);

/* Returns EXIT_OK, or EXIT_BAD_INPUT with a message in err. */
int cli_parse(int argc, char **argv, struct cli *cli, struct strbuf *err);
void cli_usage(struct strbuf *out);
/* Adds a usage problem to err (fmt with one %s, then the pointer to --help).
 * Returns EXIT_BAD_INPUT. */
int cli_bad(struct strbuf *err, const char *fmt, const char *arg);

#endif
