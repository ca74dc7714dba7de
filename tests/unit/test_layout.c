/* Display width and wrapping (src/base/layout.c): ASCII, wide CJK and emoji,
 * combining accents, invalid bytes, words longer than the line, '\n', width
 * 1. Widths are the C library's wcwidth, as ncursesw draws: in the program's
 * locale when it is UTF-8, in C.UTF-8 otherwise (most tests run in "C", as a
 * test program starts; the locale tests set C.UTF-8 and compare with
 * wcswidth itself). */
#include <criterion/criterion.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "layout.h"

/* UTF-8 spellings, so the test reads the same in any editor. */
#define E_ACUTE "\xc3\xa9"            /* é, U+00E9 */
#define COMBINING_ACUTE "\xcc\x81"    /* U+0301 */
#define NI "\xe6\x97\xa5"             /* 日, U+65E5 */
#define HON "\xe6\x9c\xac"            /* 本, U+672C */
#define GO "\xe8\xaa\x9e"             /* 語, U+8A9E */
#define HANGUL_GA "\xea\xb0\x80"      /* 가, U+AC00 */
#define GRIN "\xf0\x9f\x98\x80"       /* 😀, U+1F600 */
#define BANG_FULL "\xef\xbc\x81"      /* ！, U+FF01 */
#define ZWSP "\xe2\x80\x8b"           /* U+200B */
#define VS16 "\xef\xb8\x8f"           /* U+FE0F */
#define BOX_H "\xe2\x94\x80"          /* ─, U+2500 */
#define THUMBS "\xf0\x9f\x91\x8d"     /* 👍, U+1F44D */
#define HEART "\xe2\x9d\xa4"           /* ❤, U+2764: one column, an emoji with VS16 */
#define UNASSIGNED "\xcd\xb8"         /* U+0378: wcwidth -1 */

struct decoded {
	const char *bytes;
	size_t len;
	size_t used;
	unsigned cp;
};

Test(layout, utf8_decode_valid_sequences)
{
	static const struct decoded ok[] = {
		{"A", 1, 1, 'A'},          {E_ACUTE, 2, 2, 0xE9},       {NI, 3, 3, 0x65E5},
		{GRIN, 4, 4, 0x1F600},     {"\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF},
		{"\xc2\x80", 2, 2, 0x80},  {"\xe0\xa0\x80", 3, 3, 0x800}, {"\xf0\x90\x80\x80", 4, 4, 0x10000},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		unsigned cp = 0;
		cr_expect_eq(utf8_decode(ok[i].bytes, ok[i].len, &cp), ok[i].used, "case %zu length", i);
		cr_expect_eq(cp, ok[i].cp, "case %zu: U+%04X, not U+%04X", i, cp, ok[i].cp);
	}
}

/* An invalid byte is one replacement character, one byte long, so decoding
 * always moves on and never reads past len. */
Test(layout, utf8_decode_invalid_bytes)
{
	static const struct decoded bad[] = {
		{"\x80", 1, 1, 0},             /* a continuation byte alone */
		{"\xbf", 1, 1, 0},             {"\xc0\xaf", 2, 1, 0}, /* overlong '/' */
		{"\xc1\xbf", 2, 1, 0},         {"\xe0\x80\xaf", 3, 1, 0}, /* overlong */
		{"\xf0\x80\x80\xaf", 4, 1, 0}, {"\xed\xa0\x80", 3, 1, 0}, /* a surrogate */
		{"\xf4\x90\x80\x80", 4, 1, 0}, /* above U+10FFFF */
		{"\xf5\x80\x80\x80", 4, 1, 0}, {"\xff", 1, 1, 0},     {"\xfe", 1, 1, 0},
		{"\xc3" "A", 2, 1, 0},         /* a lead byte without its continuation */
		{NI, 2, 1, 0},                 /* cut short by len */
		{GRIN, 3, 1, 0},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		unsigned cp = 0;
		cr_expect_eq(utf8_decode(bad[i].bytes, bad[i].len, &cp), 1, "case %zu length", i);
		cr_expect_eq(cp, 0xFFFD, "case %zu: U+%04X", i, cp);
	}
}

Test(layout, cp_width_by_kind)
{
	static const struct {
		unsigned cp;
		int width;
	} w[] = {
		{'a', 1},     {' ', 1},     {'~', 1},     {0xE9, 1},    {0x3B1, 1},   /* α */
		{0x416, 1},   /* Ж */       {0x2500, 1},  {0x2192, 1},  {0xFFFD, 1},
		{0x0300, 0},  {0x0301, 0},  {0x036F, 0},  {0x200B, 0},  {0xFE0F, 0},  {0xFE00, 0},
		{0x1100, 2},  {0x2E80, 2},  {0x3042, 2},  /* あ */      {0x65E5, 2},  {0xAC00, 2},
		{0xD7A3, 2},  {0xF900, 2},  {0xFE30, 2},  {0xFF01, 2},  {0xFF60, 2},  {0xFFE0, 2},
		{0x1F300, 2}, {0x1F600, 2}, {0x1F64F, 2}, {0x1F910, 2}, {0x1F9FF, 2}, {0x20000, 2},
		{0x2A6D6, 2}, {0x1200, 1},  /* Ethiopic */ {0xFF61, 1}, /* halfwidth katakana */
		{0x0483, 0},  /* Cyrillic combining */     {0x0E31, 0}, /* a Thai vowel sign */
	};
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		cr_expect_eq(cp_width(w[i].cp), w[i].width, "U+%04X is %d wide, not %d", w[i].cp,
			     cp_width(w[i].cp), w[i].width);
}

/* Emoji that terminals draw two columns wide (wcwidth 2 since Unicode 9) but
 * that lie outside the ranges cp_width knows. */
Test(layout, cp_width_emoji_outside_the_smiley_blocks)
{
	static const unsigned wide[] = {
		0x1F680, /* 🚀 transport and map symbols */
		0x1F6A8, /* 🚨 */
		0x2705,  /* ✅ */
		0x274C,  /* ❌ */
		0x2B50,  /* ⭐ */
		0x231A,  /* ⌚ */
		0x1FA70, /* 🩰 symbols and pictographs extended-A */
	};
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		cr_expect_eq(cp_width(wide[i]), 2, "U+%04X is drawn 2 columns wide, cp_width says %d",
			     wide[i], cp_width(wide[i]));
}

Test(layout, text_width_counts_columns)
{
	cr_expect_eq(text_width(""), 0);
	cr_expect_eq(text_width("abc"), 3);
	cr_expect_eq(text_width(E_ACUTE "t" E_ACUTE), 3);
	cr_expect_eq(text_width("e" COMBINING_ACUTE), 1, "a combining accent takes no column");
	cr_expect_eq(text_width("a" ZWSP "b" VS16), 2);
	cr_expect_eq(text_width(NI HON GO), 6);
	cr_expect_eq(text_width("x" NI "y"), 4);
	cr_expect_eq(text_width(GRIN), 2);
	cr_expect_eq(text_width(HANGUL_GA BANG_FULL), 4);
	cr_expect_eq(text_width(BOX_H BOX_H), 2);
	cr_expect_eq(text_width("\xff\xfe"), 2, "an invalid byte shows as one replacement character");
	cr_expect_eq(text_width("\xe6\x97"), 2, "a cut-off sequence: each byte one replacement");
	cr_expect_eq(text_width("a\tb\n"), 4, "controls are not special here (the sanitiser's job)");
}

Test(layout, text_fit_never_splits_a_character)
{
	cr_expect_eq(text_fit("abc", 2), 2);
	cr_expect_eq(text_fit("abc", 0), 0);
	cr_expect_eq(text_fit("abc", -3), 0);
	cr_expect_eq(text_fit("abc", 10), 3);
	cr_expect_eq(text_fit("", 5), 0);
	cr_expect_eq(text_fit(NI HON, 1), 0, "a wide character does not fit in one column");
	cr_expect_eq(text_fit(NI HON, 3), 3);
	cr_expect_eq(text_fit(NI HON, 4), 6);
	cr_expect_eq(text_fit(E_ACUTE "x", 1), 2);
	cr_expect_eq(text_fit("e" COMBINING_ACUTE "x", 1), 3, "the accent stays with its letter");
	cr_expect_eq(text_fit(GRIN "a", 2), 4);
	cr_expect_eq(text_fit("\xff" "a", 1), 1);
}

/* Wraps and compares with the expected lines, "|"-separated. */
static void expect_wrap(const char *text, int width, const char *want)
{
	struct wrapped w;
	char got[1024] = "";

	wrap_text(text, width, &w);
	for (size_t i = 0; i < w.n; i++) {
		if (i)
			strcat(got, "|");
		strncat(got, w.line[i], sizeof got - strlen(got) - 2);
	}
	cr_expect_str_eq(got, want, "wrap(\"%s\", %d) gave \"%s\", not \"%s\"", text, width, got,
			 want);
	wrapped_free(&w);
	cr_expect_eq(w.n, 0);
	cr_expect_null(w.line);
}

Test(layout, wrap_ascii_at_spaces)
{
	expect_wrap("hello world", 11, "hello world");
	expect_wrap("hello world", 10, "hello|world");
	expect_wrap("hello world", 5, "hello|world");
	expect_wrap("a bb ccc dddd", 6, "a bb|ccc|dddd");
	expect_wrap("  leading", 20, "leading");
	expect_wrap("trailing   ", 20, "trailing");
	expect_wrap("two  spaces", 20, "two  spaces");
	expect_wrap("one two", 4, "one|two");
	expect_wrap("", 10, "");
	expect_wrap("   ", 10, "");
}

Test(layout, wrap_breaks_words_longer_than_the_line)
{
	expect_wrap("abcdefghij", 4, "abcd|efgh|ij");
	expect_wrap("ab abcdefgh", 4, "ab|abcd|efgh");
	expect_wrap("x supercalifragilistic y", 8, "x|supercal|ifragili|stic y");
}

Test(layout, wrap_newlines_start_lines)
{
	expect_wrap("a\nb", 10, "a|b");
	expect_wrap("a\n\nb", 10, "a||b");
	expect_wrap("a\n", 10, "a|");
	expect_wrap("\n", 10, "|");
	expect_wrap("one two\nthree", 3, "one|two|thr|ee");
}

Test(layout, wrap_width_one_and_below)
{
	expect_wrap("ab c", 1, "a|b|c");
	expect_wrap("ab", 0, "a|b");
	expect_wrap("ab", -5, "a|b");
	expect_wrap(NI HON, 1, NI "|" HON);
}

Test(layout, wrap_wide_and_combining_characters)
{
	expect_wrap(NI HON GO NI HON GO NI, 5, NI HON "|" GO NI "|" HON GO "|" NI);
	expect_wrap(NI HON GO, 4, NI HON "|" GO);
	expect_wrap("a" NI "b", 2, "a|" NI "|b");
	expect_wrap("caf" "e" COMBINING_ACUTE " ok", 4, "caf" "e" COMBINING_ACUTE "|ok");
	expect_wrap("e" COMBINING_ACUTE "e" COMBINING_ACUTE, 1, "e" COMBINING_ACUTE "|e" COMBINING_ACUTE);
	expect_wrap(GRIN " " GRIN, 2, GRIN "|" GRIN);
	expect_wrap(E_ACUTE E_ACUTE E_ACUTE, 2, E_ACUTE E_ACUTE "|" E_ACUTE);
}

Test(layout, wrap_keeps_invalid_bytes_whole)
{
	expect_wrap("\xff\xfe\xfd", 2, "\xff\xfe|\xfd");
	expect_wrap("ab \xc3 cd", 3, "ab|\xc3|cd");
}

/* Over many texts and widths: no line is wider than the width unless it is a
 * single character, no line starts or ends with a blank, no character is cut,
 * and the words come back in order. */
Test(layout, wrap_properties)
{
	static const char *const texts[] = {
		"The quick brown fox jumps over the lazy dog",
		"Work that follows the same steps every time can be written down",
		NI HON GO " mixed with ASCII and " E_ACUTE "t" E_ACUTE " and e" COMBINING_ACUTE,
		GRIN GRIN GRIN " " HANGUL_GA HANGUL_GA " averyveryverylongwordindeed x",
		"a b c d e f g h i j k l m n o p",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (int width = 1; width <= 30; width++) {
			struct wrapped w;
			char joined[512] = "", words[512] = "";
			wrap_text(texts[t], width, &w);
			for (size_t i = 0; i < w.n; i++) {
				const char *l = w.line[i];
				unsigned cp;
				size_t first = strlen(l) ? utf8_decode(l, strlen(l), &cp) : 0;
				cr_expect(text_width(l) <= width || first == strlen(l),
					  "\"%s\" at %d: line \"%s\" too wide", texts[t], width, l);
				cr_expect(l[0] != ' ' && (!l[0] || l[strlen(l) - 1] != ' '),
					  "\"%s\" at %d: blank at an end of \"%s\"", texts[t], width, l);
				for (const char *q = l; *q; q++)
					if (*q != ' ')
						strncat(joined, q, 1);
			}
			for (const char *p = texts[t]; *p; p++)
				if (*p != ' ')
					strncat(words, p, 1);
			cr_expect_str_eq(joined, words, "\"%s\" at %d: text lost or reordered", texts[t],
					 width);
			wrapped_free(&w);
		}
}

/* ---- the C library's widths, in the program's locale ---- */

/* wcswidth of s after mbstowcs in the current locale: what ncursesw counts
 * (a character wcwidth calls unprintable counts one, as ncursesw draws it). */
static int library_width(const char *s)
{
	wchar_t w[256];
	size_t n = mbstowcs(w, s, 256);
	int cols = 0;

	cr_assert_neq(n, (size_t)-1, "\"%s\" is not valid in this locale", s);
	for (size_t i = 0; i < n; i++)
		cols += wcwidth(w[i]) < 0 ? 1 : wcwidth(w[i]);
	return cols;
}

static const char *const wide_samples[] = {
	NI HON GO,
	THUMBS,
	THUMBS VS16,
	HEART VS16,
	"e" COMBINING_ACUTE,
	"caf" "e" COMBINING_ACUTE " " NI HON " " THUMBS " ok",
	"a" UNASSIGNED "b",
	HANGUL_GA BANG_FULL GRIN ZWSP,
	"x" NI "y" HEART VS16 "z",
};

static void expect_library_widths(const char *locale)
{
	for (size_t i = 0; i < sizeof wide_samples / sizeof wide_samples[0]; i++) {
		const char *t = wide_samples[i];
		cr_expect_eq(text_width(t), library_width(t), "%s: \"%s\" is %d wide, wcswidth %d",
			     locale, t, text_width(t), library_width(t));
		cr_expect_eq(text_width_n(t, strlen(t)), text_width(t));
	}
}

Test(layout, widths_are_wcswidth_in_a_utf8_locale)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	expect_library_widths("C.UTF-8");
	cr_expect_eq(text_width(NI HON GO), 6, "CJK: two columns each");
	cr_expect_eq(text_width(THUMBS), 2, "an emoji: two columns");
	cr_expect_eq(text_width(THUMBS VS16), 2, "VS16 after a wide emoji takes none");
	cr_expect_eq(text_width(HEART VS16), 1, "U+2764 is one column, VS16 none");
	cr_expect_eq(text_width("e" COMBINING_ACUTE), 1, "a combining accent takes none");
	cr_expect_eq(cp_wcwidth(0x0378), -1, "unassigned: wcwidth -1");
	cr_expect_eq(cp_width(0x0378), 1, "shown as one '?'");
	cr_expect_eq(text_width("a" UNASSIGNED "b"), 3);
	setlocale(LC_CTYPE, "C");
}

/* In LANG=C the screens draw ASCII, but the reports still hold UTF-8: it is
 * measured with the C library's C.UTF-8 table, so the widths are the same. */
Test(layout, widths_are_the_same_in_lang_c)
{
	int utf8[sizeof wide_samples / sizeof wide_samples[0]];

	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	for (size_t i = 0; i < sizeof wide_samples / sizeof wide_samples[0]; i++)
		utf8[i] = text_width(wide_samples[i]);
	cr_assert_not_null(setlocale(LC_CTYPE, "C"));
	for (size_t i = 0; i < sizeof wide_samples / sizeof wide_samples[0]; i++)
		cr_expect_eq(text_width(wide_samples[i]), utf8[i], "\"%s\": %d in C, %d in C.UTF-8",
			     wide_samples[i], text_width(wide_samples[i]), utf8[i]);
	cr_expect_eq(cp_wcwidth(0x0378), -1);
	cr_expect_eq(cp_wcwidth(0x1F44D), 2);
	cr_expect_eq(cp_wcwidth(0xFE0F), 0);
}

/* 1 when line starts with a character that takes no column (a combining
 * accent or VS16 torn from the character it belongs to). */
static int starts_with_zero_width(const char *line)
{
	wchar_t wc;
	mbstate_t st;

	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, line, strlen(line), &st);
	return n > 0 && n < (size_t)-2 && wcwidth(wc) == 0;
}

/* Copies from to to (which may be from) without its blanks. */
static void without_blanks(char *to, const char *from)
{
	for (; *from; from++)
		if (*from != ' ')
			*to++ = *from;
	*to = '\0';
}

/* At every width: every line is whole characters (valid UTF-8 that mbstowcs
 * reads), no wider than the width (a wide character alone at width 1), no accent or
 * selector starts a line, and the text comes back whole. */
Test(layout, wrapping_never_splits_a_character)
{
	static const char *const texts[] = {
		NI HON GO NI HON GO NI HON GO,
		THUMBS THUMBS THUMBS VS16 THUMBS " " HEART VS16 HEART VS16 HEART VS16,
		"e" COMBINING_ACUTE "e" COMBINING_ACUTE "e" COMBINING_ACUTE "e" COMBINING_ACUTE,
		"R" "e" COMBINING_ACUTE "sume" COMBINING_ACUTE " " NI HON "x" THUMBS "y" HANGUL_GA,
	};
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (int width = 1; width <= 16; width++) {
			struct wrapped w;
			char joined[512] = "", want[512] = "";
			wrap_text(texts[t], width, &w);
			for (size_t i = 0; i < w.n; i++) {
				const char *l = w.line[i];
				cr_expect_neq(mbstowcs(NULL, l, 0), (size_t)-1, "width %d: \"%s\" is cut", width, l);
				/* width 1: a wide character alone is two */
				cr_expect_leq(text_width(l), width < 2 ? 2 : width, "width %d: \"%s\" too wide",
					      width, l);
				cr_expect(!starts_with_zero_width(l), "width %d: \"%s\" starts torn", width, l);
				cr_expect_eq(library_width(l), text_width(l));
				strcat(joined, l);
			}
			without_blanks(want, texts[t]);
			without_blanks(joined, joined);
			cr_expect_str_eq(joined, want, "width %d: text lost", width);
			wrapped_free(&w);
		}
	setlocale(LC_CTYPE, "C");
}

Test(layout, text_char_len_keeps_the_marks_with_their_character)
{
	cr_expect_eq(text_char_len(""), 0);
	cr_expect_eq(text_char_len("ab"), 1);
	cr_expect_eq(text_char_len(NI "x"), 3);
	cr_expect_eq(text_char_len(THUMBS), 4);
	cr_expect_eq(text_char_len("\xff" "a"), 1, "an invalid byte is one");
	cr_expect_eq(text_char_len("\xe6\x97"), 1, "a cut-off sequence: a byte at a time");
	cr_expect_eq(text_char_len("e" COMBINING_ACUTE "x"), 3, "with its accent");
	cr_expect_eq(text_char_len(THUMBS VS16 THUMBS), 7, "with its selector");
}
