/* The save dialog's file-name field: readline's basic keys over UTF-8 typed
 * a byte at a time. */
#include <criterion/criterion.h>
#include <string.h>

#include "lineedit.h"

static void type(struct lineedit *e, const char *s)
{
	for (; *s; s++)
		lineedit_insert(e, (unsigned char)*s);
}

Test(lineedit, typing_inserts_at_the_cursor)
{
	struct lineedit e = {0};
	lineedit_set(&e, "report.md");
	cr_assert_eq(e.cursor, 9);
	lineedit_home(&e);
	type(&e, "my-");
	cr_assert_str_eq(e.text, "my-report.md");
	cr_assert_eq(e.cursor, 3);
	lineedit_end(&e);
	cr_assert_eq(e.cursor, e.len);
}

Test(lineedit, control_bytes_are_refused)
{
	struct lineedit e = {0};
	lineedit_set(&e, "a");
	cr_assert_eq(lineedit_insert(&e, '\t'), 0);
	cr_assert_eq(lineedit_insert(&e, 0x1b), 0);
	cr_assert_eq(lineedit_insert(&e, 0x7f), 0);
	cr_assert_str_eq(e.text, "a");
}

Test(lineedit, utf8_moves_and_deletes_whole_characters)
{
	struct lineedit e = {0};
	lineedit_set(&e, "caf\xc3\xa9-\xe6\x97\xa5.md"); /* café-日.md */
	lineedit_home(&e);
	lineedit_right(&e);
	lineedit_right(&e);
	lineedit_right(&e);
	cr_assert(lineedit_right(&e));
	cr_assert_eq(e.cursor, 5, "after é, two bytes");
	cr_assert(lineedit_right(&e));
	cr_assert(lineedit_right(&e));
	cr_assert_eq(e.cursor, 9, "after 日, three bytes");
	cr_assert(lineedit_backspace(&e));
	cr_assert_str_eq(e.text, "caf\xc3\xa9-.md");
	lineedit_home(&e);
	for (int i = 0; i < 3; i++)
		lineedit_right(&e);
	cr_assert(lineedit_delete(&e));
	cr_assert_str_eq(e.text, "caf-.md");
	cr_assert_eq(e.cursor, 3);
	cr_assert(lineedit_left(&e));
	cr_assert_eq(e.cursor, 2);
}

Test(lineedit, kill_to_start_and_word)
{
	struct lineedit e = {0};
	lineedit_set(&e, "/tmp/reports/room one.md");
	cr_assert(lineedit_kill_word(&e));
	cr_assert_str_eq(e.text, "/tmp/reports/room ");
	cr_assert(lineedit_kill_word(&e));
	cr_assert_str_eq(e.text, "/tmp/reports/");
	cr_assert(lineedit_kill_word(&e));
	cr_assert_str_eq(e.text, "/tmp/");
	cr_assert(lineedit_kill_start(&e));
	cr_assert_str_eq(e.text, "");
	cr_assert_eq(lineedit_backspace(&e), 0, "nothing before the cursor");
	cr_assert_eq(lineedit_delete(&e), 0);
	cr_assert_eq(lineedit_left(&e), 0);
}

Test(lineedit, a_full_field_takes_no_more_and_set_cuts_on_a_boundary)
{
	struct lineedit e = {0};
	char big[LINEEDIT_MAX + 8];
	memset(big, 'x', sizeof big);
	big[LINEEDIT_MAX - 2] = '\xc3'; /* é across the last byte */
	big[LINEEDIT_MAX - 1] = '\xa9';
	big[sizeof big - 1] = '\0';
	lineedit_set(&e, big);
	cr_assert_eq(e.len, LINEEDIT_MAX - 2, "the half character is dropped");
	cr_assert_eq(lineedit_insert(&e, 'y'), 1, "room for one more byte");
	cr_assert_eq(lineedit_insert(&e, 'z'), 0, "then full");
	cr_assert_eq(e.len, LINEEDIT_MAX - 1);
}

/* The status line's path shortening: both ends stay, the width is kept. */
#include <locale.h>
#include <stdlib.h>

#include "layout.h"
#include "shorten.h"

Test(shorten, a_path_loses_its_middle_and_keeps_its_ends)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	char *s = text_middle_ellipsis("/home/trainer/workshops/2026/lyon/reports", 20, 0);
	cr_assert_eq(text_width(s), 20, "%s", s);
	cr_assert(!strncmp(s, "/home/tra", 9), "%s", s);
	cr_assert(strstr(s, "\xe2\x80\xa6"), "%s", s);
	cr_assert(strstr(s, "on/reports"), "%s", s);
	free(s);
	s = text_middle_ellipsis("/home/trainer/workshops/2026/lyon/reports", 20, 1);
	cr_assert(strstr(s, "..."), "%s", s);
	cr_assert_leq(text_width(s), 20);
	free(s);
	s = text_middle_ellipsis("/tmp", 20, 0);
	cr_assert_str_eq(s, "/tmp");
	free(s);
	s = text_middle_ellipsis("/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e/x", 7, 0);
	cr_assert_leq(text_width(s), 7, "%s", s);
	free(s);
}
