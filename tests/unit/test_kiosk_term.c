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

/* ---- which TERM a session draws with (kiosk_term_choose) ----------------
 * A terminal the allow-list accepts may still have no terminfo entry on the
 * server (xterm-kitty and xterm-ghostty are in Debian's ncurses-term, which a
 * stock server lacks): the kiosk must then draw with a safe entry, never
 * refuse. These tests build their own terminfo directories. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tree[64];

static void put(const char *rel)
{
	char path[256];

	snprintf(path, sizeof path, "%s/%s", tree, rel);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	cr_assert_geq(fd, 0, "%s", path);
	cr_assert_eq(write(fd, "\x1e\x02", 2), 2);
	close(fd);
}

static void make_tree(void)
{
	strcpy(tree, "/tmp/test_kiosk_term_XXXXXX");
	cr_assert_not_null(mkdtemp(tree));
	char sub[128];
	for (const char *const *d = (const char *const[]){"etc", "lib", "lib/x", "lib/78", "usr", "usr/v",
							   "usr/s", "usr/r", NULL}; *d; d++) {
		snprintf(sub, sizeof sub, "%s/%s", tree, *d);
		cr_assert_eq(mkdir(sub, 0755), 0, "%s", sub);
	}
	put("lib/x/xterm");                /* the first-letter layout */
	put("lib/78/xterm-direct");        /* the hex layout (case-insensitive file systems) */
	put("usr/v/vt100");
	put("usr/s/screen-256color");      /* but no plain screen */
	put("usr/r/rxvt");
	snprintf(sub, sizeof sub, "%s/usr/r/rxvt-unicode", tree);
	cr_assert_eq(mkdir(sub, 0755), 0); /* a directory is not an entry */
}

static void remove_tree(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tree);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(kiosk_choose, .init = make_tree, .fini = remove_tree);

static const char *choose(const char *term, int *replaced)
{
	char etc[96], lib[96], usr[96];
	snprintf(etc, sizeof etc, "%s/etc", tree);
	snprintf(lib, sizeof lib, "%s/lib", tree);
	snprintf(usr, sizeof usr, "%s/usr", tree);
	const char *const dirs[] = {etc, lib, usr, NULL};
	return kiosk_term_choose(term, dirs, replaced);
}

Test(kiosk_choose, an_entry_in_either_layout_is_found)
{
	char lib[96];
	snprintf(lib, sizeof lib, "%s/lib", tree);
	const char *const dirs[] = {lib, NULL};
	cr_expect_eq(kiosk_terminfo_exists("xterm", dirs), 1);
	cr_expect_eq(kiosk_terminfo_exists("xterm-direct", dirs), 1);
	cr_expect_eq(kiosk_terminfo_exists("xterm-kitty", dirs), 0);
	cr_expect_eq(kiosk_terminfo_exists("", dirs), 0);
}

Test(kiosk_choose, an_allowed_term_with_an_entry_is_kept)
{
	int replaced = -1;
	cr_expect_str_eq(choose("xterm-direct", &replaced), "xterm-direct");
	cr_expect_eq(replaced, 0);
	cr_expect_str_eq(choose("screen-256color", &replaced), "screen-256color");
	cr_expect_eq(replaced, 0);
}

Test(kiosk_choose, kitty_and_ghostty_without_an_entry_draw_as_xterm)
{
	int replaced = 0;
	cr_expect_str_eq(choose("xterm-kitty", &replaced), "xterm");
	cr_expect_eq(replaced, 1);
	replaced = 0;
	cr_expect_str_eq(choose("xterm-ghostty", &replaced), "xterm");
	cr_expect_eq(replaced, 1);
}

Test(kiosk_choose, other_families_fall_back_to_their_base_or_vt100)
{
	int replaced;
	cr_expect_str_eq(choose("rxvt-unicode", &replaced), "rxvt", "a directory is no entry");
	cr_expect_str_eq(choose("rxvt-unicode-256color", &replaced), "rxvt");
	cr_expect_str_eq(choose("screen.xterm-kitty", &replaced), "vt100", "no plain screen here");
	cr_expect_str_eq(choose("putty-256color", &replaced), "vt100");
	cr_expect_str_eq(choose("tmux-256color", &replaced), "vt100");
	cr_expect_eq(replaced, 1);
}

Test(kiosk_choose, refused_or_missing_terms_become_vt100)
{
	int replaced = 0;
	cr_expect_str_eq(choose("dumb", &replaced), "vt100");
	cr_expect_eq(replaced, 1);
	cr_expect_str_eq(choose(NULL, &replaced), "vt100");
	cr_expect_str_eq(choose("../lib/x/xterm", &replaced), "vt100");
}

/* On this machine's own terminfo, through the real entry point. */
Test(kiosk_choose, sanitize_env_never_leaves_a_term_without_an_entry)
{
	static const char *const terms[] = {"xterm-kitty", "xterm-ghostty", "xterm-256color", "vt220-8bit",
					    "rxvt-unicode-256color", "putty-256color", "dumb"};
	for (size_t i = 0; i < sizeof terms / sizeof *terms; i++) {
		struct strbuf note = {0};
		setenv("TERM", terms[i], 1);
		kiosk_sanitize_env(&note);
		const char *t = getenv("TERM");
		cr_expect_eq(kiosk_terminfo_exists(t, kiosk_terminfo_dirs), 1, "TERM=%s became %s, which has no entry",
			     terms[i], t);
		if (!strncmp(terms[i], "xterm", 5))
			cr_expect_eq(strncmp(t, "xterm", 5), 0, "%s became %s", terms[i], t);
		cr_expect_eq(strcmp(t, terms[i]) != 0, sb_str(&note)[0] != '\0', "a note exactly when replaced: %s",
			     sb_str(&note));
		sb_free(&note);
	}
}
