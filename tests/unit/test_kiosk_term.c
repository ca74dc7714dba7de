/* The kiosk's TERM allow-list (kiosk_term_allowed): a TERM a client sends
 * through SSH is user input, and only the listed families, with a suffix
 * after '-' or '.', may reach terminfo. */
#include <criterion/criterion.h>
#include <string.h>

#include "kiosk.h"

Test(kiosk_term, every_family_and_its_variants)
{
	static const char *const ok[] = {
		"xterm", "xterm-256color", "xterm-color", "xterm.js", "xterm-new",
		"screen", "screen-256color", "screen.xterm-256color", "screen.linux",
		"tmux", "tmux-256color", "tmux-direct",
		"linux", "linux-16color", "vt100", "vt100-am", "vt220", "vt220-8bit",
		"putty", "putty-256color", "rxvt", "rxvt-unicode", "rxvt-unicode-256color",
		"xterm-a+b", "xterm-256_color", "vt100-", "screen.",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		cr_expect_eq(kiosk_term_allowed(ok[i]), 1, "%s must be accepted", ok[i]);
}

Test(kiosk_term, a_family_name_must_end_at_a_separator)
{
	static const char *const no[] = {
		"xtermfoo", "xterm256color", "xterm+256color", "screenx", "screen256", "tmuxx",
		"linuxconsole", "vt1000", "vt2200", "vt10", "vt22", "vt", "puttyX", "rxvtx",
		"xter", "scree", "tmu", "linu", "putt", "rxv", "Xterm", "XTERM-256COLOR", "Linux",
		"dumb", "ansi", "vt52", "cons25", "konsole", "alacritty", "st-256color",
		"-xterm", ".xterm", "my-xterm", "myxterm",
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		cr_expect_eq(kiosk_term_allowed(no[i]), 0, "%s must be refused", no[i]);
}

Test(kiosk_term, only_letters_digits_and_dot_underscore_plus_minus)
{
	static const char *const no[] = {
		"xterm 256color", "xterm-256color ", " xterm", "xterm\t", "xterm\n", "xterm\r",
		"xterm/../../etc/passwd", "../xterm", "xterm;sh", "xterm|sh", "xterm&", "xterm$x",
		"xterm`id`", "xterm'", "xterm\"", "xterm\\", "xterm*", "xterm?", "xterm~",
		"xterm=1", "xterm,vt100", "xterm:0", "xterm_256color",
		"xterm-\x1b[31m", "xterm-\x7f", "xterm-\x01", "xterm-\xc3\xa9", "xterm-\xff",
	};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		cr_expect_eq(kiosk_term_allowed(no[i]), 0, "\"%s\" must be refused", no[i]);
}

Test(kiosk_term, at_most_64_characters)
{
	char name[80];

	strcpy(name, "xterm-");
	memset(name + 6, 'a', 58);
	name[64] = '\0';
	cr_expect_eq(strlen(name), 64);
	cr_expect_eq(kiosk_term_allowed(name), 1, "64 characters are allowed");
	name[64] = 'a';
	name[65] = '\0';
	cr_expect_eq(kiosk_term_allowed(name), 0, "65 characters are not");
	memset(name, 'a', 79);
	memcpy(name, "vt100.", 6);
	name[79] = '\0';
	cr_expect_eq(kiosk_term_allowed(name), 0);
}

Test(kiosk_term, empty_is_refused)
{
	cr_expect_eq(kiosk_term_allowed(""), 0);
	cr_expect_eq(kiosk_term_allowed("-"), 0);
	cr_expect_eq(kiosk_term_allowed("."), 0);
}
