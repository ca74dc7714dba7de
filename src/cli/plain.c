#include "plain.h"

#include <stdlib.h>
#include <string.h>

#include "sanitize.h"

static void put(FILE *out, const char *s, int ascii)
{
	char *t = text_for_terminal(s, ascii, 1);
	fputs(t, out);
	free(t);
}

static void ask(const struct content *c, FILE *out, size_t qi, int prev, int ascii)
{
	const struct question *q = &c->questions[qi];

	fprintf(out, "\nQuestion %zu of %zu: ", qi + 1, c->nquestions);
	put(out, q->title, ascii);
	fputc('\n', out);
	put(out, q->text, ascii);
	fputc('\n', out);
	for (size_t o = 0; o < q->noptions; o++) {
		fprintf(out, "  %zu. ", o + 1);
		put(out, q->options[o].label, ascii);
		if ((int)o == prev)
			fputs(" (your earlier answer)", out);
		fputc('\n', out);
	}
	if (q->help && *q->help) {
		fputs("Why it matters: ", out);
		put(out, q->help, ascii);
		fputc('\n', out);
	}
}

static void prompt(const struct question *q, FILE *out, size_t qi, int prev)
{
	fprintf(out, "Answer 1-%zu", q->noptions);
	if (prev != ANSWER_NONE)
		fprintf(out, ", Enter keeps %d", prev + 1);
	if (qi > 0)
		fputs(", < goes back", out);
	fputs(": ", out);
	fflush(out);
}

/* Reads one line into buf (without the newline, surrounding blanks trimmed).
 * Returns 0 at end of input. A longer line is consumed whole. */
static int read_line(FILE *in, char *buf, size_t size)
{
	size_t n = 0;
	int ch, any = 0;

	while ((ch = getc(in)) != EOF) {
		any = 1;
		if (ch == '\n')
			break;
		if (n + 1 < size)
			buf[n++] = (char)ch;
	}
	if (!any)
		return 0;
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\r' || buf[n - 1] == '\t'))
		n--;
	buf[n] = '\0';
	size_t lead = strspn(buf, " \t");
	memmove(buf, buf + lead, n - lead + 1);
	return 1;
}

/* The option a reply names, or -1. */
static int parse_reply(const char *s, const struct question *q, int prev)
{
	char *end;
	long v;

	if (*s == '\0')
		return prev;
	v = strtol(s, &end, 10);
	if (*end != '\0' || end == s || v < 1 || v > (long)q->noptions)
		return -1;
	return (int)v - 1;
}

int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers)
{
	int ascii = !locale_is_utf8();
	char line[256];
	size_t qi = 0;

	put(out, c->title ? c->title : "", ascii);
	if (c->tagline && *c->tagline) {
		fputs(": ", out);
		put(out, c->tagline, ascii);
	}
	fputc('\n', out);
	if (c->welcome && *c->welcome) {
		put(out, c->welcome, ascii);
		fputc('\n', out);
	}
	if (c->duration && *c->duration) {
		put(out, c->duration, ascii);
		fputc('\n', out);
	}
	fputs("Type the number of your answer and press Enter. Type < to go back.\n", out);

	int show = 1;
	while (qi < c->nquestions) {
		const struct question *q = &c->questions[qi];
		int prev = answers->choice[qi];

		if (show)
			ask(c, out, qi, prev, ascii);
		show = 1;
		prompt(q, out, qi, prev);
		if (!read_line(in, line, sizeof line)) {
			fprintf(out, "\nInput ended before question %zu of %zu was answered: "
				     "no recommendation.\n", qi + 1, c->nquestions);
			fflush(out);
			return 2;
		}
		if (strcmp(line, "<") == 0) {
			if (qi == 0) {
				fputs("This is the first question.\n", out);
				show = 0;
			} else {
				qi--;
			}
			continue;
		}
		int o = parse_reply(line, q, prev);
		if (o < 0) {
			fprintf(out, "Please type a number from 1 to %zu.\n", q->noptions);
			show = 0;
			continue;
		}
		answers->choice[qi] = o;
		fputs("You answered: ", out);
		put(out, q->options[o].label, ascii);
		fputc('\n', out);
		qi++;
	}
	fprintf(out, "\nAll %zu questions answered.\n", c->nquestions);
	fflush(out);
	return 0;
}
