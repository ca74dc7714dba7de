#include <criterion/criterion.h>
#include <string.h>

#include "ini.h"
#include "strbuf.h"
#include "testutil.h"

static struct diags d;
static struct ini_doc doc;

static void teardown(void)
{
	diags_free(&d);
	ini_doc_free(&doc);
}

TestSuite(ini, .fini = teardown);

Test(ini, values_lines_and_order)
{
	const char *text = "; c\n[One]\nZeta = 1\nalpha = \"quoted; fine\"\n\n[two]\nk = v\n";
	cr_assert_eq(ini_read_mem(text, strlen(text), "t.ini", &doc, &d), 0, "%s", diag_text(&d));
	cr_assert_eq(doc.n, 2);
	cr_assert_str_eq(doc.sections[0].name, "one");
	cr_assert_eq(doc.sections[0].line, 2);
	cr_assert_str_eq(doc.sections[0].entries[0].key, "zeta");
	cr_assert_eq(doc.sections[0].entries[1].line, 4);
	cr_assert_str_eq(doc.sections[0].entries[1].value, "quoted; fine");
	cr_assert_str_eq(ini_get(&doc.sections[1], "k")->value, "v");
}

Test(ini, many_sections_parse_in_chunks)
{
	struct strbuf sb = {0};
	for (int i = 0; i < 1000; i++)
		sb_addf(&sb, "[s%d]\na = %d\nb = x\n", i, i);
	cr_assert_eq(ini_read_mem(sb.buf, sb.len, "big.ini", &doc, &d), 0, "%s", diag_text(&d));
	cr_assert_eq(doc.n, 1000);
	cr_assert_str_eq(doc.sections[999].entries[0].value, "999");
	cr_assert_eq(doc.sections[999].entries[1].line, 3000);
	sb_free(&sb);
}

Test(ini, crlf_is_fine)
{
	const char *text = "[s]\r\nk = v\r\n";
	cr_assert_eq(ini_read_mem(text, strlen(text), "t.ini", &doc, &d), 0, "%s", diag_text(&d));
	cr_assert_str_eq(doc.sections[0].entries[0].value, "v");
}

Test(ini, dev_zero_fails_at_once)
{
	cr_assert_neq(ini_read_file("/dev/zero", "/dev/zero", &doc, &d), 0);
	cr_assert(has_diag(&d, 0, "not a regular file"), "%s", diag_text(&d));
}

Test(ini, empty_file_is_empty)
{
	cr_assert_eq(ini_read_mem("", 0, "e.ini", &doc, &d), 0);
	cr_assert_eq(doc.n, 0);
}

/* The lint refuses what the sanitiser calls dangerous (sanitize_next), so
 * content cannot hold a character every output would have to mangle, and on
 * top of that the direction marks. */
Test(ini, dangerous_characters_refused_with_line_and_column)
{
	static const struct {
		const char *bytes, *says;
	} bad[] = {
		{"\xe2\x80\xa8", "line or paragraph separator U+2028 at column 7"},
		{"\xe2\x80\xa9", "line or paragraph separator U+2029 at column 7"},
		{"\xe2\x80\xae", "control character U+202E at column 7"},
		{"\xe2\x81\xa6", "control character U+2066 at column 7"},
		{"\xe2\x80\x8e", "control character U+200E at column 7"},
		{"\xe2\x80\x8f", "control character U+200F at column 7"},
		{"\xd8\x9c", "control character U+061C at column 7"},
		{"\xc2\x85", "control character U+0085 at column 7"},
		{"\x1b", "control character 0x1B at column 7"},
		{"\x7f", "control character 0x7F at column 7"},
		{"\xff", "invalid UTF-8 at column 7"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct strbuf sb = {0};
		sb_addf(&sb, "[s]\nok = 1\nk = ab%scd\n", bad[i].bytes);
		cr_expect_neq(ini_read_mem(sb.buf, sb.len, "t.ini", &doc, &d), 0, "%s", bad[i].says);
		cr_expect(has_diag(&d, 3, bad[i].says), "want line 3: %s, got: %s", bad[i].says,
			  diag_text(&d));
		diags_free(&d);
		ini_doc_free(&doc);
		sb_free(&sb);
	}
}

Test(ini, ordinary_text_beyond_ascii_passes)
{
	const char *text = "[s]\nk = caf\xc3\xa9 \xe2\x80\x94 \xef\xbf\xbd \xe4\xb8\xad\tend\n";
	cr_assert_eq(ini_read_mem(text, strlen(text), "t.ini", &doc, &d), 0, "%s", diag_text(&d));
	cr_assert_eq(d.n, 0, "%s", diag_text(&d));
}
