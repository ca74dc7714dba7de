/* libFuzzer target: bytes into the summary's log reader (CSV, headers, crc),
 * then every output format over whatever it tallied. */
#include <stdint.h>
#include <stdlib.h>

#include "content.h"
#include "strbuf.h"
#include "summary.h"

static struct content content;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diags d = {0};
	(void)argc, (void)argv;
	if (content_load(OW_CONTENT_SOURCE, &content, &d))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct summary_tally t;
	struct strbuf out = {0};

	summary_tally_init(&t, &content);
	summary_parse_buffer(&t, (const char *)data, size, "fuzz");
	for (int f = REPORT_TEXT; f <= REPORT_JSON; f++) {
		summary_write(&t, (enum report_format)f, &out);
		sb_reset(&out);
	}
	sb_free(&out);
	summary_tally_free(&t);
	return 0;
}
