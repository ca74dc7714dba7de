#include "cli.h"

#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <limits.h>
#include <string.h>

#include "exit_status.h"
#include "report.h"

enum {
	OPT_CHECK = 256, OPT_PARTIAL, OPT_PLAIN, OPT_PRINT, OPT_REPORT, OPT_CONTENT, OPT_LOG,
	OPT_SUMMARY, OPT_KIOSK, OPT_IDLE, OPT_SESSION, OPT_REPORT_DIR, OPT_BACKGROUND, OPT_PREFILL,
	OPT_WORKSHOP, OPT_SINCE, OPT_FULL
};

static const struct option long_options[] = {
	{"answers", required_argument, NULL, 'a'},
	{"background", no_argument, NULL, OPT_BACKGROUND},
	{"allow-partial", no_argument, NULL, OPT_PARTIAL},
	{"check-content", no_argument, NULL, OPT_CHECK},
	{"content", required_argument, NULL, OPT_CONTENT},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{"idle-timeout", required_argument, NULL, OPT_IDLE},
	{"kiosk", no_argument, NULL, OPT_KIOSK},
	{"log", required_argument, NULL, OPT_LOG},
	{"output", required_argument, NULL, 'o'},
	{"plain", no_argument, NULL, OPT_PLAIN},
	{"print", no_argument, NULL, OPT_PRINT},
	{"report", required_argument, NULL, OPT_REPORT},
	{"prefill", required_argument, NULL, OPT_PREFILL},
	{"workshop", required_argument, NULL, OPT_WORKSHOP},
	{"since", required_argument, NULL, OPT_SINCE},
	{"full", no_argument, NULL, OPT_FULL},
	{"report-dir", required_argument, NULL, OPT_REPORT_DIR},
	{"session-limit", required_argument, NULL, OPT_SESSION},
	{"summary", no_argument, NULL, OPT_SUMMARY},
	{"version", no_argument, NULL, 'V'},
	{0},
};

void cli_usage(struct strbuf *out)
{
	sb_add(out,
	       "Usage: outsource-wizard [OPTION]...\n"
	       "Decide whether a task suits business (BPO) or knowledge (KPO) process outsourcing.\n"
	       "With no option, runs the interactive wizard.\n"
	       "\n"
	       "  -a, --answers FILE      batch mode: read answers from FILE (- stdin), print the report\n"
	       "      --allow-partial     with --answers: treat missing answers as Not sure\n"
	       "  -f, --format FMT        report format: text, markdown or json (default text)\n"
	       "  -o, --output FILE       write the batch report to FILE instead of stdout (- stdout)\n"
	       "      --plain             the interview as plain numbered lines (screen readers);\n"
	       "                          the wizard runs it when the terminal cannot draw\n"
	       "      --print             after the wizard, print the text report to stdout\n"
	       "      --report FILE       the file the save key (s, also in --plain) offers\n"
	       "      --prefill FILE      start the wizard with FILE's answers, on the review\n"
	       "      --workshop NAME     tag each record with NAME; with --summary, only those\n"
	       "      --since DATE        with --summary: sessions from DATE (YYYY-MM-DD, today)\n"
	       "      --full              with --summary: every question, not one screen\n"
	       "      --content DIR       read content from DIR instead of the installed copy\n"
	       "      --check-content     validate the content, print a summary (json with -f json)\n"
	       "      --log FILE          append each finished interview to the results log FILE\n"
	       "      --summary FILE...   summarise results logs (- stdin) for the room (text, markdown, json)\n"
	       "      --background        print the background page on the market, for workshops\n"
	       "      --kiosk             kiosk mode: q returns to the start, idle sessions end\n"
	       "      --idle-timeout SEC  kiosk: seconds without a key before the answers are dropped (300)\n"
	       "      --session-limit SEC kiosk: seconds after which a session ends, idle or not (3600)\n"
	       "      --report-dir DIR    kiosk: save reports in DIR under generated names\n"
	       "  -h, --help              show this help and exit\n"
	       "  -V, --version           show the version and exit\n"
	       "\n"
	       "Exit status: 0 success; 1 the report or the results log could not be written,\n"
	       "or another internal failure; 2 bad input (an option, the content, an answers\n"
	       "file, kiosk.ini, input that ended early) or no usable terminal; 128+N after\n"
	       "signal N (129 hangup, 130 Ctrl-C, 143 SIGTERM).\n");
}

int cli_bad(struct strbuf *err, const char *fmt, const char *arg)
{
	sb_addf(err, fmt, arg);
	sb_add(err, "\nTry 'outsource-wizard --help'.\n");
	return EXIT_BAD_INPUT;
}

int workshop_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 40)
		return 0;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || strchr(" ._-", *s)))
			return 0;
	return 1;
}

static int since_ok(const char *s)
{
	int y, m, d;
	char end;

	return !strcmp(s, "today") ||
	       (strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && m >= 1 &&
		m <= 12 && d >= 1 && d <= 31);
}

#define NUMBER_TEXT_(n) #n
#define NUMBER_TEXT(n) NUMBER_TEXT_(n)

/* A path the kernel would refuse, or that a PATH_MAX buffer would cut, is
 * refused here: a cut --report path would be saved somewhere else. */
static int check_path_lengths(const struct cli *cli, struct strbuf *err)
{
	const struct {
		const char *option, *path;
	} paths[] = {
		{"--content", cli->content_dir}, {"--answers", cli->answers}, {"--prefill", cli->prefill},
		{"--output", cli->output},       {"--report", cli->report},
		{"--log", cli->log},             {"--report-dir", cli->report_dir},
	};

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		if (paths[i].path && strlen(paths[i].path) >= PATH_MAX)
			return cli_bad(err, "%s: the path is too long (the system allows fewer than " NUMBER_TEXT(PATH_MAX) " bytes)",
				       paths[i].option);
	return 0;
}

/* The options of the workshop store and the wizard's start (issues 11, 12). */
static int check_later_options(const struct cli *cli, struct strbuf *err)
{
	if (cli->workshop && !workshop_name_ok(cli->workshop))
		return cli_bad(err, "%s: a workshop name is 1 to 40 letters, digits, spaces, '.', '_' or '-'", "--workshop");
	if (cli->format == REPORT_CSV && !cli->summary)
		return cli_bad(err, "%s goes with --summary (one row per interview, for spreadsheets)", "-f csv");
	if (cli->since && !cli->summary)
		return cli_bad(err, "%s goes with --summary", "--since");
	if (cli->full && !cli->summary)
		return cli_bad(err, "%s goes with --summary", "--full");
	if (cli->since && !since_ok(cli->since))
		return cli_bad(err, "%s: a day as YYYY-MM-DD, or today", "--since");
	if (cli->prefill && (cli->answers || cli->plain || cli->check_content || cli->summary ||
			     cli->background || cli->kiosk))
		return cli_bad(err, "%s is for the interactive wizard: it cannot be combined with --answers, --plain, --check-content, --summary, --background or --kiosk", "--prefill");
	return check_path_lengths(cli, err);
}

int cli_parse(int argc, char **argv, struct cli *cli, struct strbuf *err)
{
	int c;

	*cli = (struct cli){.format = -1};
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":a:f:ho:V", long_options, NULL)) != -1) {
		switch (c) {
		case 'a': cli->answers = optarg; break;
		case 'f':
			if ((cli->format = report_format_parse(optarg)) < 0)
				return cli_bad(err, "unknown format '%s' (use text, markdown, json, or csv with --summary)", optarg);
			break;
		case 'h': cli->help = 1; break;
		case 'o': cli->output = optarg; break;
		case 'V': cli->version = 1; break;
		case OPT_CHECK: cli->check_content = 1; break;
		case OPT_CONTENT: cli->content_dir = optarg; break;
		case OPT_PARTIAL: cli->allow_partial = 1; break;
		case OPT_PLAIN: cli->plain = 1; break;
		case OPT_PRINT: cli->print = 1; break;
		case OPT_REPORT: cli->report = optarg; break;
		case OPT_PREFILL: cli->prefill = optarg; break;
		case OPT_WORKSHOP: cli->workshop = optarg; break;
		case OPT_SINCE: cli->since = optarg; break;
		case OPT_FULL: cli->full = 1; break;
		case OPT_REPORT_DIR: cli->report_dir = optarg; break;
		case OPT_LOG: cli->log = optarg; break;
		case OPT_SUMMARY: cli->summary = 1; break;
		case OPT_BACKGROUND: cli->background = 1; break;
		case OPT_KIOSK: cli->kiosk = 1; break;
		case OPT_IDLE: cli->idle_timeout = optarg; break; /* checked in settings.c */
		case OPT_SESSION: cli->session_limit = optarg; break; /* checked there too */
		case ':': return cli_bad(err, "option '%s' needs a value", argv[optind - 1]);
		default: return cli_bad(err, "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (cli->summary) {
		if (optind == argc)
			return cli_bad(err, "%s needs at least one results log", "--summary");
		cli->summary_files = argv + optind;
		cli->nsummary_files = argc - optind;
		optind = argc;
	}
	if (optind < argc)
		return cli_bad(err, "unexpected argument '%s'", argv[optind]);
	if (cli->summary && (cli->answers || cli->plain || cli->check_content || cli->kiosk))
		return cli_bad(err, "%s cannot be combined with --answers, --plain, --check-content or --kiosk", "--summary");
	if (cli->background && (cli->answers || cli->plain || cli->check_content || cli->summary ||
				cli->kiosk))
		return cli_bad(err, "%s cannot be combined with --answers, --plain, --check-content, --summary or --kiosk", "--background");
	if (cli->kiosk && (cli->answers || cli->plain || cli->report))
		return cli_bad(err, "%s cannot be combined with --answers, --plain or --report (use --report-dir)", "--kiosk");
	if (cli->allow_partial && !cli->answers)
		return cli_bad(err, "%s goes with --answers", "--allow-partial");
	if (cli->output && !cli->answers)
		return cli_bad(err, "%s goes with --answers", "--output");
	if (cli->answers && (cli->plain || cli->check_content))
		return cli_bad(err, "%s cannot be combined with --plain or --check-content", "--answers");
	return check_later_options(cli, err);
}
