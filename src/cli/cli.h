/* The command line, parsed into plain data. */
#ifndef OW_CLI_H
#define OW_CLI_H

#include "strbuf.h"

struct cli {
	const char *content_dir; /* NULL: the default */
	const char *answers;
	const char *output;
	const char *report;
	const char *log;         /* --log FILE: append each finished interview */
	const char *report_dir;  /* --report-dir DIR: kiosk saves go here */
	char **summary_files;    /* --summary FILE...: the positional arguments */
	int nsummary_files;
	int summary;
	int kiosk;
	int idle_timeout;        /* seconds; -1 when not given */
	int format;              /* enum report_format, -1 if not given */
	int check_content;
	int allow_partial;
	int plain;
	int print;
	int help;
	int version;
};

/* Returns 0, or 2 with a message in err. */
int cli_parse(int argc, char **argv, struct cli *cli, struct strbuf *err);
void cli_usage(struct strbuf *out);

#endif
