/* The terminal: the only place that starts and ends curses. It owns the
 * locale check (UTF-8 or ASCII drawing), colours by role, signal handling
 * (flag-only handlers; fatal signals restore the terminal and re-raise) and an
 * idempotent restore that every way out goes through. */
#ifndef OW_TERMINAL_H
#define OW_TERMINAL_H

#include <curses.h>

/* Colour roles: drawing code asks for a role, never for a colour. Without
 * colours (mono terminal, NO_COLOR) each role falls back to an attribute. */
enum role {
	ROLE_NORMAL,
	ROLE_TITLE,    /* the top bar */
	ROLE_HEADING,
	ROLE_SELECTED, /* the highlighted option or item */
	ROLE_DIM,      /* help and secondary text */
	ROLE_KEY,      /* key names in hints */
	ROLE_ACCENT,   /* the recommendation */
	ROLE_MARK,     /* an earlier answer, a row your answers touched */
	ROLE_BAR,      /* the filled part of a score bar */
	ROLE_WARN,     /* advisory titles */
	ROLE_ERROR,
	ROLE_OK,
	ROLE_BORDER,
	ROLE_COUNT
};

struct terminal {
	SCREEN *sp;
	FILE *out, *in;   /* what newterm drew on and read from */
	FILE *own_out;    /* opened here (/dev/tty or /dev/null); closed at the end */
	FILE *own_in;
	int utf8;         /* draw UTF-8 (else ASCII only) */
	int color;        /* colour pairs are in use */
	int mouse;        /* mouse reporting was turned on */
	int active;
};

/* term_open's status when the terminal cannot draw the wizard (TERM unset,
 * dumb or unknown to terminfo, or without cursor addressing) and the caller
 * falls back to --plain: nothing was printed, curses is not started. */
#define TERM_CANNOT_DRAW 3
/* Opens the terminal on stdin/stdout (stdout may be redirected: then /dev/tty
 * is drawn on). Returns 0, or 2 after printing to stderr why there is no
 * usable terminal and that --plain works everywhere; with fall_back, a
 * terminal that cannot draw gives TERM_CANNOT_DRAW instead. */
int term_open(struct terminal *t, int fall_back);
/* Curses on /dev/null at nlines x ncols for the screen tests: no tty, no
 * signals. utf8 chooses the drawing set (the locale must match). */
int term_open_headless(struct terminal *t, int nlines, int ncols, int utf8, int color);
/* Ends curses and frees its screen. Safe to call twice; also run at exit. */
void term_close(struct terminal *t);

/* The attribute for a role on the open terminal. */
attr_t term_attr(enum role r);
/* 1 when the terminal's input is gone (the pty hung up or closed). getch's
 * ERR alone does not say so: a signal during one of ncurses' own reads can
 * end it too. */
int term_input_gone(void);
/* The largest screen the wizard lays out: ncurses keeps sizes in a short,
 * and every cell costs memory three times over (the window, ncurses' copy
 * of what is shown, and of what is to be shown), so a visitor's 2000x2000
 * window would cost hundreds of MB. Bigger windows get this much, top left. */
#define TERM_MAX_LINES 200
#define TERM_MAX_COLS 500
enum { TERM_RESIZED = 1, TERM_RESUMED = 2 };
/* Takes what signals reported since the last call: a new window size (given
 * to ncurses capped) and a resume after a stop (curses modes put back, the
 * screen to be redrawn in full). Returns the TERM_* bits that happened. */
int term_events(void);
/* 1 when the window is bigger than TERM_MAX_*; its real size then. */
int term_size_capped(int *nl, int *nc);
/* A function the fatal-signal handler calls once, after the terminal is
 * restored and before the process dies: it must be async-signal-safe. */
void term_set_crash_hook(void (*hook)(void));

/* The signal that asked us to stop (HUP, INT, TERM, QUIT), or 0. */
int term_pending_signal(void);

#endif
