#include "plain.h"

#include <stdlib.h>
#include <string.h>

#include "exit_status.h"
#include "flow.h"
#include "sanitize.h"
#include "strbuf.h"
#include "texts.h"
#include "xalloc.h"

static void put(FILE *out, const char *s, int ascii)
{
	char *t = text_for_terminal(s, ascii, 1);
	fputs(t, out);
	free(t);
}

/* Puts a text from text_fmt (and frees it). */
static void say(FILE *out, char *text, int ascii)
{
	put(out, text, ascii);
	free(text);
}

static const char *num(char buf[24], long long n)
{
	snprintf(buf, 24, "%lld", n);
	return buf;
}

static void ask(const struct content *c, FILE *out, size_t qi, int prev, int ascii)
{
	const struct question *q = &c->questions[qi];
	char n1[24], n2[24];

	fputc('\n', out);
	say(out, text_fmt(c, T_PLAIN_QUESTION, "number", num(n1, (long long)qi + 1), "count",
			  num(n2, (long long)c->nquestions), "title", q->title, NULL), ascii);
	fputc('\n', out);
	put(out, q->text, ascii);
	fputc('\n', out);
	for (size_t o = 0; o < q->noptions; o++) {
		fprintf(out, "  %zu. ", o + 1);
		put(out, q->options[o].label, ascii);
		if ((int)o == prev) {
			fputc(' ', out);
			put(out, text_get(c, T_PLAIN_EARLIER), ascii);
		}
		fputc('\n', out);
	}
	if (q->help && *q->help) {
		say(out, text_fmt(c, T_PLAIN_WHY, "help", q->help, NULL), ascii);
		fputc('\n', out);
	}
}

static void prompt(const struct content *c, FILE *out, size_t qi, int prev, int ascii)
{
	char n[24];

	say(out, text_fmt(c, T_PLAIN_PROMPT, "count", num(n, (long long)c->questions[qi].noptions),
			  NULL), ascii);
	if (prev != ANSWER_NONE)
		say(out, text_fmt(c, T_PLAIN_PROMPT_KEEP, "number", num(n, prev + 1), NULL), ascii);
	if (qi > 0)
		put(out, text_get(c, T_PLAIN_PROMPT_BACK), ascii);
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
static void welcome(const struct content *c, FILE *out, int ascii, int logging)
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
	/* what is kept of the answers, as on the welcome screen */
	put(out, text_get(c, logging ? T_WELCOME_KEPT_LOG : T_WELCOME_KEPT_NOTHING), ascii);
	fputc('\n', out);
	if (c->duration && *c->duration) {
		put(out, c->duration, ascii);
		fputc('\n', out);
	}
	put(out, text_get(c, T_PLAIN_INTRO), ascii);
	fputc('\n', out);
}

/* Turns one typed line into a flow action on the open question. Returns 1
 * when the flow moved (show the question now open), 0 when the same question
 * is asked again. */
static int take_reply(struct flow *f, const char *line, FILE *out, int ascii)
{
	const struct question *q = &f->c->questions[f->question];
	char n[24];

	if (strcmp(line, "<") == 0) {
		if (f->question > 0)
			return flow_apply(f, FLOW_BACK, 0);
		put(out, text_get(f->c, T_PLAIN_FIRST), ascii); /* the welcome is not a step back */
		fputc('\n', out);
		return 0;
	}
	int o = parse_reply(line, q, f->a->choice[f->question]);
	if (o < 0) {
		say(out, text_fmt(f->c, T_PLAIN_BAD_NUMBER, "count", num(n, (long long)q->noptions), NULL),
		    ascii);
		fputc('\n', out);
		return 0;
	}
	flow_apply(f, FLOW_PICK, o);
	say(out, text_fmt(f->c, T_PLAIN_ANSWERED, "answer", q->options[o].label, NULL), ascii);
	fputc('\n', out);
	return 1;
}

int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers)
{
	return plain_run_logged(c, in, out, answers, 0);
}

int plain_run_logged(const struct content *c, FILE *in, FILE *out, struct answers *answers,
		     int logging)
{
	int ascii = !locale_is_utf8();
	char line[256], n1[24], n2[24];
	struct flow f;

	flow_init(&f, c, answers);
	welcome(c, out, ascii, logging);
	flow_apply(&f, FLOW_CONFIRM, 0);
	for (int show = 1; f.step == FLOW_QUESTION;) {
		int prev = answers->choice[f.question];

		if (show)
			ask(c, out, (size_t)f.question, prev, ascii);
		prompt(c, out, (size_t)f.question, prev, ascii);
		if (!read_line(in, line, sizeof line)) {
			fputc('\n', out);
			say(out, text_fmt(c, T_PLAIN_ENDED, "number", num(n1, f.question + 1), "count",
					  num(n2, (long long)c->nquestions), NULL), ascii);
			fputc('\n', out);
			fflush(out);
			return EXIT_BAD_INPUT;
		}
		show = take_reply(&f, line, out, ascii);
	}
	fputc('\n', out);
	say(out, text_fmt(c, T_PLAIN_DONE, "count", num(n1, (long long)c->nquestions), NULL), ascii);
	fputc('\n', out);
	fflush(out);
	return EXIT_OK;
}
