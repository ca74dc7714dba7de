/* Kiosk hardening that happens before curses starts: what the process may see
 * of the client's environment, which terminals it will draw on, and a guard
 * that no program can ever be started from it. */
#ifndef OW_KIOSK_H
#define OW_KIOSK_H

#include "diag.h"
#include "strbuf.h"

/* Settings a kiosk takes from its root-owned config file (see README), as
 * written there: settings.c checks the values and merges them with the
 * command line's. */
struct kiosk_value {
	char *text; /* as written, or NULL: not in the file */
	int line;   /* its line in the file */
};

struct kiosk_config {
	int enabled;           /* [kiosk] enabled = yes */
	char *content;         /* content directory, or NULL */
	char *log;             /* results log, or NULL */
	char *report_dir;      /* where saves go, or NULL: no saving */
	char *workshop;        /* the tag every record gets, or NULL */
	struct kiosk_value idle_timeout;  /* seconds without a key */
	struct kiosk_value session_limit; /* seconds a session may last */
};

/* Reads path if it exists. A file that is not owned by root or that others
 * can write is refused (a kiosk user must not be able to change it).
 * Returns 0 (also when there is no file: cfg then stays empty), or -1 with
 * the problems in d. Either way cfg holds what could be read; free it with
 * kiosk_config_free. */
int kiosk_config_load(const char *path, struct kiosk_config *cfg, struct diags *d);
void kiosk_config_free(struct kiosk_config *cfg);

/* 1 when name is a terminal type the kiosk accepts: at most 64 characters of
 * [A-Za-z0-9._+-], from the families xterm, screen, tmux, linux, vt100,
 * vt220, putty, rxvt. */
int kiosk_term_allowed(const char *name);

/* The directories Debian's ncurses reads terminfo from, NULL-terminated. */
extern const char *const kiosk_terminfo_dirs[];

/* 1 when one of dirs (NULL-terminated) holds a readable terminfo entry for
 * name, as dir/x/xterm or dir/78/xterm. */
int kiosk_terminfo_exists(const char *name, const char *const *dirs);

/* The TERM a kiosk session draws with: term itself when it is allowed and
 * dirs describe it; an allowed one they do not describe (xterm-kitty,
 * xterm-ghostty on a stock server) gets its family's base entry (xterm) when
 * that exists, else vt100; anything else (refused, or NULL) vt100. *replaced
 * says whether the answer differs from term. Never refuses: a kiosk visitor
 * cannot run --plain instead. */
const char *kiosk_term_choose(const char *term, const char *const *dirs, int *replaced);

/* Replaces the environment with an allow-list: TERM (kiosk_term_choose over
 * kiosk_terminfo_dirs), LANG/LC_ALL set by us (C.UTF-8), PATH fixed. Everything the client
 * sent (LC_*, LINES, COLUMNS, ESCDELAY, TERMINFO*, NCURSES_*, LD_*, HOME,
 * SHELL, ...) is dropped. Adds a line to note when TERM was replaced. */
void kiosk_sanitize_env(struct strbuf *note);

/* Forbids execve/execveat (and so any shell) for the rest of the process's
 * life, with no_new_privs and a seccomp filter. Returns 0, or -1 with errno
 * when the kernel refuses (the kiosk then goes on: the code starts no
 * program anyway; this is a second lock). */
int kiosk_forbid_exec(void);

#endif
