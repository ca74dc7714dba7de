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
