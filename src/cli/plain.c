#include "plain.h"

#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "exit_status.h"
#include "flow.h"
#include "layout.h"
#include "strbuf.h"
#include "xalloc.h"

int locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* ASCII look-alikes for the few typographic characters content uses. */
static const char *ascii_for(unsigned cp)
{
	switch (cp) {
	case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x202F:
		return " ";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212:
		return "-";
	case 0x2014: case 0x2015:
		return "--";
	case 0x2018: case 0x2019: case 0x201A: case 0x2032:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x2033: case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2026:
		return "...";
	case 0x2022: case 0x00B7: case 0x2023: case 0x25CF: case 0x25AA:
		return "*";
	case 0x2713: case 0x2714: case 0x2705:
		return "v";
	case 0x2192: case 0x2794: case 0x27A1:
		return "->";
	case 0x2190:
		return "<-";
	case 0x00D7:
		return "x";
	case 0x00E9: case 0x00E8: case 0x00EA: case 0x00EB:
		return "e";
	case 0x00E0: case 0x00E1: case 0x00E2: case 0x00E4:
		return "a";
	case 0x00F6: case 0x00F3: case 0x00F4:
		return "o";
	case 0x00FC: case 0x00FA:
		return "u";
	case 0x00DF:
		return "ss";
	case 0x20AC:
		return "EUR";
	case 0x00A3:
		return "GBP";
	default:
		return NULL;
	}
}

char *text_for_terminal(const char *s, int ascii, int keep_newlines)
{
	struct strbuf sb = {0};
	size_t len = strlen(s);
	unsigned cp;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp == '\n' && keep_newlines)
			sb_addc(&sb, '\n');
		else if (cp == '\t')
			sb_addc(&sb, ' ');
		else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFD ||
			 cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
			 (cp >= 0x2066 && cp <= 0x2069))
			sb_addc(&sb, '?'); /* controls, bidi overrides, invalid bytes */
		else if (cp < 0x80 || !ascii)
			sb_addn(&sb, s + i, n);
		else if (cp_width(cp) == 0)
			; /* a combining mark: drop it, keep the base letter */
		else {
			const char *a = ascii_for(cp);
			sb_add(&sb, a ? a : "?");
		}
		i += n;
	}
	return sb_take(&sb);
}

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

/* The welcome step, as lines: there is no screen to come back to. */
static void welcome(const struct content *c, FILE *out, int ascii)
{
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
}

/* Turns one typed line into a flow action on the open question. Returns 1
 * when the flow moved (show the question now open), 0 when the same question
 * is asked again. */
static int take_reply(struct flow *f, const char *line, FILE *out, int ascii)
{
	const struct question *q = &f->c->questions[f->question];

	if (strcmp(line, "<") == 0) {
		if (f->question > 0)
			return flow_apply(f, FLOW_BACK, 0);
		fputs("This is the first question.\n", out); /* the welcome is not a step back */
		return 0;
	}
	int o = parse_reply(line, q, f->a->choice[f->question]);
	if (o < 0) {
		fprintf(out, "Please type a number from 1 to %zu.\n", q->noptions);
		return 0;
	}
	flow_apply(f, FLOW_PICK, o);
	fputs("You answered: ", out);
	put(out, q->options[o].label, ascii);
	fputc('\n', out);
	return 1;
}

int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers)
{
	int ascii = !locale_is_utf8();
	char line[256];
	struct flow f;

	flow_init(&f, c, answers);
	welcome(c, out, ascii);
	flow_apply(&f, FLOW_CONFIRM, 0);
	for (int show = 1; f.step == FLOW_QUESTION;) {
		const struct question *q = &c->questions[f.question];
		int prev = answers->choice[f.question];

		if (show)
			ask(c, out, (size_t)f.question, prev, ascii);
		prompt(q, out, (size_t)f.question, prev);
		if (!read_line(in, line, sizeof line)) {
			fprintf(out, "\nInput ended before question %d of %zu was answered: "
				     "no recommendation.\n", f.question + 1, c->nquestions);
			fflush(out);
			return EXIT_BAD_INPUT;
		}
		show = take_reply(&f, line, out, ascii);
	}
	fprintf(out, "\nAll %zu questions answered.\n", c->nquestions);
	fflush(out);
	return EXIT_OK;
}
