/* The writers behind report_write (report.h), one per format. Internal to
 * src/report: everyone else calls report_write. */
#ifndef OW_REPORT_WRITERS_H
#define OW_REPORT_WRITERS_H

#include "answers.h"
#include "content.h"
#include "engine.h"
#include "strbuf.h"

void report_write_text(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out);
void report_write_md(const struct content *c, const struct answers *a,
		     const struct verdict *v, struct strbuf *out);
void report_write_json(const struct content *c, const struct answers *a,
		       const struct verdict *v, struct strbuf *out);

#endif
