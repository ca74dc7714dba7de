#include "terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "kiosk.h"
#include "sanitize.h"
#include "xalloc.h"

/* Signal handlers may touch only these. */
static volatile sig_atomic_t pending_signal;
static volatile sig_atomic_t resize_pending, resumed;
static void (*crash_hook)(void);
static struct termios saved_tio;
static int saved_tio_ok;
static int tty_in_fd = -1, tty_out_fd = -1;
static char restore_seq[256];
static size_t restore_len;

static attr_t role_attr[ROLE_COUNT];
static struct terminal *open_term; /* for the atexit restore */

static const int stop_signals[] = {SIGHUP, SIGINT, SIGTERM, SIGQUIT};
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static const int event_signals[] = {SIGWINCH, SIGCONT};
static struct sigaction old_stop[4], old_fatal[5], old_event[2];

/* The size the terminal really has, and whether it is more than we draw. */
static int real_lines, real_cols, size_capped;

static void on_stop_signal(int sig)
{
	pending_signal = sig;
}

/* Ours, not ncurses': it would hand ncurses any size the pty reports, and
 * ncurses keeps sizes in a short (32,768 columns crash doupdate). */
static void on_event_signal(int sig)
{
	if (sig == SIGWINCH)
		resize_pending = 1;
	else
		resumed = 1;
}

/* Async-signal-safe: put the tty back (modes, main screen, cursor, mouse off,
 * attributes), let the crash hook save what it can, then hand the signal to
 * whoever had it before us (a sanitizer's report, or the default: death by
 * the same signal). A fault the kernel raised comes back when we return, now
 * to the old handler; one sent by kill or abort is raised again. */
static void restore_tty_now(void)
{
	if (saved_tio_ok && tty_in_fd >= 0)
		tcsetattr(tty_in_fd, TCSANOW, &saved_tio);
	if (tty_out_fd >= 0 && restore_len > 0) {
		ssize_t r = write(tty_out_fd, restore_seq, restore_len);
		(void)r;
	}
}

static void on_fatal_signal(int sig, siginfo_t *info, void *uctx)
{
	(void)uctx;
	restore_tty_now();
	if (crash_hook) {
		void (*hook)(void) = crash_hook;
		crash_hook = NULL; /* a fault inside the hook must not loop */
		hook();
	}
	for (size_t i = 0; i < 5; i++)
		if (fatal_signals[i] == sig)
			sigaction(sig, &old_fatal[i], NULL);
	if (info && info->si_code > 0 && sig != SIGABRT)
		return;
	raise(sig);
}

void term_set_crash_hook(void (*hook)(void))
{
	crash_hook = hook;
}

int term_input_gone(void)
{
	struct pollfd p = {.fd = tty_in_fd, .events = POLLIN};

	if (tty_in_fd < 0)
		return 1;
	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

int term_pending_signal(void)
{
	return pending_signal;
}

static void install_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop_signal; /* no SA_RESTART: a blocked read returns */
	for (size_t i = 0; i < 4; i++)
		sigaction(stop_signals[i], &sa, &old_stop[i]);
	sa.sa_handler = on_event_signal;
	for (size_t i = 0; i < 2; i++)
		sigaction(event_signals[i], &sa, &old_event[i]);
	sa.sa_handler = NULL;
	sa.sa_sigaction = on_fatal_signal;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	for (size_t i = 0; i < 5; i++)
		sigaction(fatal_signals[i], &sa, &old_fatal[i]);
}

static void restore_signals(void)
{
	for (size_t i = 0; i < 4; i++)
		sigaction(stop_signals[i], &old_stop[i], NULL);
	for (size_t i = 0; i < 5; i++)
		sigaction(fatal_signals[i], &old_fatal[i], NULL);
	for (size_t i = 0; i < 2; i++)
		sigaction(event_signals[i], &old_event[i], NULL);
}

static void add_restore(const char *cap)
{
	const char *s = tigetstr(cap);
	size_t n;

	if (!s || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

static void add_restore_raw(const char *s)
{
	size_t n = strlen(s);

	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

/* Colour roles: a pair for colour terminals, an attribute for mono ones. */
static void set_roles(int color)
{
	static const struct {
		attr_t mono;
		attr_t extra; /* with colour */
		short fg, bg;
	} def[ROLE_COUNT] = {
		[ROLE_NORMAL] = {A_NORMAL, A_NORMAL, -1, -1},
		[ROLE_TITLE] = {A_REVERSE, A_BOLD, COLOR_WHITE, COLOR_BLUE},
		[ROLE_HEADING] = {A_BOLD, A_BOLD, -1, -1},
		[ROLE_SELECTED] = {A_REVERSE, A_REVERSE, -1, -1}, /* cheap to move */
		[ROLE_DIM] = {A_NORMAL, A_NORMAL, COLOR_CYAN, -1},
		[ROLE_KEY] = {A_BOLD, A_BOLD, -1, -1},
		[ROLE_ACCENT] = {A_BOLD, A_BOLD, COLOR_GREEN, -1},
		[ROLE_MARK] = {A_BOLD, A_BOLD, COLOR_YELLOW, -1},
		[ROLE_BAR] = {A_NORMAL, A_NORMAL, COLOR_GREEN, -1},
		[ROLE_WARN] = {A_BOLD, A_BOLD, COLOR_YELLOW, -1},
		[ROLE_ERROR] = {A_BOLD, A_BOLD, COLOR_RED, -1},
		[ROLE_OK] = {A_BOLD, A_BOLD, COLOR_GREEN, -1},
		[ROLE_BORDER] = {A_NORMAL, A_NORMAL, COLOR_BLUE, -1},
	};
	short pair = 1;

	for (int r = 0; r < ROLE_COUNT; r++) {
		role_attr[r] = def[r].mono;
		if (!color)
			continue;
		role_attr[r] = def[r].extra;
		if (def[r].fg != -1 || def[r].bg != -1) {
			init_pair(pair, def[r].fg, def[r].bg);
			role_attr[r] |= COLOR_PAIR(pair);
			pair++;
		}
	}
}

attr_t term_attr(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? role_attr[r] : A_NORMAL;
}

static int want_color(void)
{
	const char *nc = getenv("NO_COLOR");

	return !(nc && *nc) && has_colors();
}

/* Common set-up once newterm has worked. */
static void setup_screen(struct terminal *t, int color)
{
	t->color = color && want_color();
	if (t->color) {
		start_color();
		if (use_default_colors() == ERR)
			t->color = 0;
	}
	set_roles(t->color);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	leaveok(stdscr, TRUE);
}

/* The pty's size; 0 when there is none to ask. */
static int tty_size(int *nl, int *nc)
{
	struct winsize ws;

	if (tty_out_fd < 0 || ioctl(tty_out_fd, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
		return 0;
	*nl = ws.ws_row;
	*nc = ws.ws_col;
	return 1;
}

/* The size we let ncurses have: the real one, at most TERM_MAX_*. When the
 * columns are capped the terminal is wider than ncurses thinks, so its
 * cursor does not wrap where ncurses would expect after the last column:
 * treat the terminal as having no automatic margin meanwhile. */
static void cap_size(int *nl, int *nc)
{
	static int am_saved = -1;

	real_lines = *nl;
	real_cols = *nc;
	size_capped = *nl > TERM_MAX_LINES || *nc > TERM_MAX_COLS;
	if (*nl > TERM_MAX_LINES)
		*nl = TERM_MAX_LINES;
	if (am_saved < 0 && cur_term)
		am_saved = auto_right_margin;
	if (*nc > TERM_MAX_COLS) {
		*nc = TERM_MAX_COLS;
		if (cur_term)
			auto_right_margin = 0;
	} else if (am_saved >= 0 && cur_term) {
		auto_right_margin = (NCURSES_SBOOL)am_saved;
	}
}

/* Before newterm: ncurses reads LINES and COLUMNS over the pty's size, so an
 * oversized window starts capped; they are removed again right after. */
static void cap_start_size(void)
{
	int nl, nc;
	char num[16];

	unsetenv("LINES");
	unsetenv("COLUMNS");
	if (!tty_size(&nl, &nc))
		return;
	cap_size(&nl, &nc);
	if (!size_capped)
		return;
	snprintf(num, sizeof num, "%d", nl);
	setenv("LINES", num, 1);
	snprintf(num, sizeof num, "%d", nc);
	setenv("COLUMNS", num, 1);
}

int term_events(void)
{
	int ev = 0;
	int nl, nc;

	if (resumed) { /* after SIGSTOP and fg the shell has the tty in its modes */
		resumed = 0;
		reset_prog_mode();
		clearok(curscr, TRUE);
		ev |= TERM_RESUMED;
	}
	if (resize_pending) {
		resize_pending = 0;
		if (tty_size(&nl, &nc)) {
			cap_size(&nl, &nc);
			if (nl != LINES || nc != COLS)
				resizeterm(nl, nc);
			ev |= TERM_RESIZED;
		}
	}
	return ev;
}

int term_size_capped(int *nl, int *nc)
{
	if (nl)
		*nl = real_lines;
	if (nc)
		*nc = real_cols;
	return size_capped;
}

static void at_exit_restore(void)
{
	if (open_term)
		term_close(open_term);
}

/* A TERM value is user input: show at most 40 safe characters of it. */
static void say_no_terminal(const char *why, const char *term)
{
	char *safe = text_for_terminal(term ? term : "", 1, 0);

	if (strlen(safe) > 40)
		strcpy(safe + 37, "...");
	fprintf(stderr,
		"outsource-wizard: %s%s%s%s.\n"
		"The full-screen wizard needs a terminal that can move the cursor.\n"
		"Run `outsource-wizard --plain` for the same interview as numbered lines,\n"
		"or `outsource-wizard --answers FILE` for the batch mode.\n",
		why, term ? " (TERM=" : "", term ? safe : "", term ? ")" : "");
	free(safe);
}

static int capable(void)
{
	const char *cup = tigetstr("cup");

	if (!cup || cup == (char *)-1)
		return 0;
	if (tigetflag("hc") > 0 || tigetflag("gn") > 0)
		return 0;
	return 1;
}

/* The terminal cannot draw the wizard: 2 after saying why, or
 * TERM_CANNOT_DRAW, saying nothing, when the caller falls back to --plain. */
static int cannot_draw(int fall_back, const char *why, const char *term)
{
	if (fall_back)
		return TERM_CANNOT_DRAW;
	say_no_terminal(why, term);
	return 2;
}

/* What the wizard needs before curses starts: a terminal on stdin, a TERM
 * that can draw, and a terminal to draw on (/dev/tty when stdout is a
 * file). Returns 0, 2 after saying why not, or TERM_CANNOT_DRAW (see
 * cannot_draw). */
static int find_terminal(struct terminal *t, const char *term, int fall_back)
{
	if (!isatty(STDIN_FILENO)) {
		say_no_terminal("standard input is not a terminal", NULL);
		return 2;
	}
	if (!term || !*term)
		return cannot_draw(fall_back, "TERM is not set", NULL);
	if (strcmp(term, "dumb") == 0)
		return cannot_draw(fall_back, "this terminal cannot draw screens", term);
	t->in = stdin;
	t->out = stdout;
	if (!isatty(STDOUT_FILENO)) {
		/* The report may be going to a file: draw on the terminal itself. */
		t->own_out = fopen("/dev/tty", "w");
		if (!t->own_out) {
			say_no_terminal("standard output is not a terminal", NULL);
			return 2;
		}
		t->out = t->own_out;
	}
	return 0;
}

/* The mouse when the terminal reports it, and what restoring sends. */
static void finish_open(struct terminal *t)
{
	const char *km = tigetstr("kmous");
	const char *name = termname();
	/* On the Linux console the mouse is gpm's: ncurses loads libgpm for it,
	 * which leaks at exit (and a console wizard is driven by keys anyway). */
	int console = name && strncmp(name, "linux", 5) == 0;
	if (km && km != (char *)-1 && !console) {
		mouseinterval(0);
		t->mouse = mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL) != 0;
	}
	restore_len = 0;
	if (t->mouse)
		add_restore_raw("\033[?1000l\033[?1006l");
	add_restore("sgr0");
	add_restore("cnorm");
	add_restore("rmcup");
	open_term = t;
	xalloc_set_fail_hook(restore_tty_now); /* its line on the main screen */
	static int registered;
	if (!registered && atexit(at_exit_restore) == 0)
		registered = 1;
}

/* 1 when TERM has a terminfo entry where ncurses looks: $TERMINFO,
 * ~/.terminfo, $TERMINFO_DIRS, then the system's directories. Asked before
 * newterm, whose failure leaks what it had set up (an unknown TERM falls
 * back to --plain, so the leak would be every such session's). */
static int terminfo_known(const char *term)
{
	char home[4096] = "", dirs_copy[4096] = "";
	const char *dirs[64];
	size_t n = 0;
	const char *env = getenv("TERMINFO"), *h = getenv("HOME"), *list = getenv("TERMINFO_DIRS");

	if (env && *env)
		dirs[n++] = env;
	if (h && *h && (size_t)snprintf(home, sizeof home, "%s/.terminfo", h) < sizeof home)
		dirs[n++] = home;
	if (list && strlen(list) < sizeof dirs_copy) {
		strcpy(dirs_copy, list);
		for (char *save = NULL, *d = strtok_r(dirs_copy, ":", &save); d && n < 48;
		     d = strtok_r(NULL, ":", &save))
			dirs[n++] = d;
	}
	for (const char *const *d = kiosk_terminfo_dirs; *d && n < 63; d++)
		dirs[n++] = *d;
	dirs[n] = NULL;
	return kiosk_terminfo_exists(term, dirs);
}

int term_open(struct terminal *t, int fall_back)
{
	const char *term = getenv("TERM");

	memset(t, 0, sizeof *t);
	locale_setup(); /* the user's locale, but LC_NUMERIC "C": numbers with a '.' */
	int rc = find_terminal(t, term, fall_back);
	if (rc == 0 && !terminfo_known(term)) {
		if (t->own_out)
			fclose(t->own_out);
		t->own_out = NULL;
		rc = cannot_draw(fall_back, "this terminal type is unknown", term);
	}
	if (rc != 0)
		return rc;
	tty_in_fd = fileno(t->in);
	tty_out_fd = fileno(t->out);
	saved_tio_ok = tcgetattr(tty_in_fd, &saved_tio) == 0;
	install_signals();
	/* LINES/COLUMNS from the user's environment would override the real
	 * size: only our own capped ones reach newterm. */
	cap_start_size();
	t->sp = newterm(NULL, t->out, t->in);
	unsetenv("LINES");
	unsetenv("COLUMNS");
	if (!t->sp) {
		restore_signals();
		if (t->own_out)
			fclose(t->own_out);
		return cannot_draw(fall_back, "this terminal type is unknown", term);
	}
	if (!capable()) {
		endwin();
		delscreen(t->sp);
		restore_signals();
		if (t->own_out)
			fclose(t->own_out);
		return cannot_draw(fall_back, "this terminal cannot move the cursor", term);
	}
	t->active = 1;
	t->utf8 = locale_is_utf8();
	setup_screen(t, 1);
	finish_open(t);
	return 0;
}

int term_open_headless(struct terminal *t, int nlines, int ncols, int utf8, int color)
{
	memset(t, 0, sizeof *t);
	t->own_out = fopen("/dev/null", "w");
	t->own_in = fopen("/dev/null", "r");
	if (!t->own_out || !t->own_in) {
		if (t->own_out)
			fclose(t->own_out);
		if (t->own_in)
			fclose(t->own_in);
		return 1;
	}
	t->out = t->own_out;
	t->in = t->own_in;
	t->sp = newterm("xterm-256color", t->out, t->in);
	if (!t->sp) {
		fclose(t->own_out);
		fclose(t->own_in);
		return 1;
	}
	t->active = 1;
	t->utf8 = utf8;
	setup_screen(t, color);
	resizeterm(nlines, ncols);
	return 0;
}

void term_close(struct terminal *t)
{
	if (!t->active)
		return;
	t->active = 0;
	if (t->mouse)
		mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(t->sp);
	t->sp = NULL;
	if (t->own_out)
		fclose(t->own_out);
	if (t->own_in)
		fclose(t->own_in);
	t->own_out = t->own_in = NULL;
	if (open_term == t) {
		xalloc_set_fail_hook(NULL);
		restore_signals();
		open_term = NULL;
		tty_in_fd = tty_out_fd = -1;
	}
}
