/* The format dispatch: which writer a format name and a report_write call
 * reach. */
#include "report.h"

#include <string.h>

#include "report_writers.h"

int report_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (strcmp(s, "text") == 0)
		return REPORT_TEXT;
	if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		return REPORT_MARKDOWN;
	if (strcmp(s, "json") == 0)
		return REPORT_JSON;
	if (strcmp(s, "csv") == 0)
		return REPORT_CSV;
	return -1;
}

void report_write(enum report_format f, const struct content *c, const struct answers *a,
		  const struct verdict *v, struct strbuf *out)
{
	switch (f) {
	case REPORT_MARKDOWN:
		report_write_md(c, a, v, out);
		break;
	case REPORT_JSON:
		report_write_json(c, a, v, out);
		break;
	case REPORT_TEXT:
	case REPORT_CSV: /* the summary's only: cli.c refuses it elsewhere */
	default:
		report_write_text(c, a, v, out);
		break;
	}
}
