/* libFuzzer target: bytes into the answers loader (answers files are
 * untrusted in workshops). A file that loads must survive a round trip
 * through answers_to_ini unchanged. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "content.h"

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
	struct answers a, b;
	struct diags d = {0};
	int partial = size > 0 && data[0] & 1;

	if (answers_load_mem((const char *)data, size, "fuzz", &content, partial, &a, &d) == 0) {
		char *text = answers_to_ini(&a, &content);
		if (answers_load_mem(text, strlen(text), "again", &content, 1, &b, &d) ||
		    memcmp(a.choice, b.choice, a.n * sizeof *a.choice))
			abort();
		answers_free(&b);
		free(text);
	} else if (d.n == 0) {
		abort();
	}
	answers_free(&a);
	diags_free(&d);
	return 0;
}
