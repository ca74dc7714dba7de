#include "task.h"

#include <string.h>

#include "sanitize.h"
#include "strbuf.h"

/* A blank, or a character that must not be in a name: both become one
 * blank between words. */
static int is_gap(unsigned cp, enum danger d)
{
	return d != DANGER_NONE || cp == ' ' || cp == 0xa0;
}

char *task_clean(const char *text)
{
	struct strbuf out = {0};
	size_t len = text ? strlen(text) : 0, chars = 0;
	int gap = 0;

	for (size_t i = 0; i < len && chars < TASK_MAX_CHARS;) {
		unsigned cp;
		enum danger d;
		size_t n = sanitize_next(text + i, len - i, &cp, &d);
		if (is_gap(cp, d)) {
			gap = out.len > 0;
		} else {
			if (gap && chars + 1 < TASK_MAX_CHARS) {
				sb_addc(&out, ' ');
				chars++;
			}
			gap = 0;
			if (cp == '"')
				sb_addc(&out, '\'');
			else
				sb_addn(&out, text + i, n);
			chars++;
		}
		i += n;
	}
	if (out.len == 0) {
		sb_free(&out);
		return NULL;
	}
	return sb_take(&out);
}
