/* The exit statuses, one policy for every mode (the man page's EXIT STATUS,
 * --help and README say the same). main, the settings, the runs, --plain and
 * the curses wizard's ui_run all return these. */
#ifndef OW_EXIT_STATUS_H
#define OW_EXIT_STATUS_H

enum exit_status {
	EXIT_OK = 0,
	/* The run could not write what it was asked to write (the report to
	 * stdout or --output, the results log), or another internal failure. */
	EXIT_FAILED = 1,
	/* A bad option, broken content, a broken answers file, a bad kiosk.ini,
	 * input that ended too early, or no usable terminal. */
	EXIT_BAD_INPUT = 2,
	/* 128 + N after signal N: 129 hangup, 130 Ctrl-C, 143 SIGTERM. */
	EXIT_SIGNAL = 128,
	EXIT_HANGUP = EXIT_SIGNAL + 1,
	EXIT_INTERRUPT = EXIT_SIGNAL + 2,
	EXIT_TERMINATED = EXIT_SIGNAL + 15,
};

#endif
