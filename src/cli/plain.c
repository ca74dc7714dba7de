#include "plain.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "engine.h"
#include "exit_status.h"
#include "flow.h"
#include "report.h"
#include "sanitize.h"
#include "savefile.h"
#include "strbuf.h"
#include "texts.h"
#include "xalloc.h"

/* One plain interview. */
struct plain {
	const struct content *c;
	FILE *in, *out;
	struct plain_options o;
	struct flow f;
	int ascii;            /* the locale is not UTF-8 */
	int eof;              /* input has ended */
	int write_errno;      /* the first error writing out, or 0 */
	int reviewed;         /* the review has been shown */
	struct verdict v;     /* the result shown, while it is */
	int have_verdict;
	/* saving, as the wizard's save key does it */
	int saves;            /* reports saved (a kiosk caps them) */
	int saved;            /* one was saved for the answers as they are */
	unsigned saved_generation;
	char *saved_name;
};

static void put(struct plain *p, const char *s)
{
	char *t = text_for_terminal(s, p->ascii, 1);
	fputs(t, p->out);
	free(t);
}

/* Puts a text from text_fmt (and frees it). */
static void say(struct plain *p, char *text)
{
	put(p, text);
	free(text);
}

/* A whole line: the text, then a newline. */
static void line(struct plain *p, const char *s)
{
	put(p, s);
	fputc('\n', p->out);
}

static void say_line(struct plain *p, char *text)
{
	line(p, text);
	free(text);
}

static void flush(struct plain *p)
{
	if ((fflush(p->out) != 0 || ferror(p->out)) && !p->write_errno)
		p->write_errno = errno ? errno : EIO;
}

static const char *num(char buf[24], long long n)
{
	snprintf(buf, 24, "%lld", n);
	return buf;
}

static int can_save(const struct plain *p)
{
	return !p->o.kiosk || p->o.report_dir;
}

static void ask(struct plain *p, size_t qi, int prev)
{
	const struct question *q = &p->c->questions[qi];
	char n1[24], n2[24];

	fputc('\n', p->out);
	say_line(p, text_fmt(p->c, T_PLAIN_QUESTION, "number", num(n1, (long long)qi + 1), "count",
			     num(n2, (long long)p->c->nquestions), "title", q->title, NULL));
	line(p, q->text);
	for (size_t o = 0; o < q->noptions; o++) {
		fprintf(p->out, "  %zu. ", o + 1);
		put(p, q->options[o].label);
		if ((int)o == prev) {
			fputc(' ', p->out);
			put(p, text_get(p->c, T_PLAIN_EARLIER));
		}
		fputc('\n', p->out);
	}
	if (q->help && *q->help)
		say_line(p, text_fmt(p->c, T_PLAIN_WHY, "help", q->help, NULL));
}

/* Ends a prompt: ": ", and what is written so far goes out. */
static void end_prompt(struct plain *p)
{
	fputs(": ", p->out);
	flush(p);
}

static void prompt(struct plain *p, size_t qi, int prev)
{
	char n[24];

	say(p, text_fmt(p->c, T_PLAIN_PROMPT, "count", num(n, (long long)p->c->questions[qi].noptions),
			NULL));
	if (prev != ANSWER_NONE)
		say(p, text_fmt(p->c, T_PLAIN_PROMPT_KEEP, "number", num(n, prev + 1), NULL));
	if (qi > 0 || p->f.editing)
		put(p, text_get(p->c, T_PLAIN_PROMPT_BACK));
	end_prompt(p);
}

/* Reads one line into buf (without the newline, surrounding blanks trimmed).
 * Returns 0 at end of input, and puts the newline the user's Enter would
 * have. A longer line is consumed whole. */
static int read_line(struct plain *p, char *buf, size_t size)
{
	size_t n = 0;
	int ch, any = 0;

	while (!p->eof && (ch = getc(p->in)) != EOF) {
		any = 1;
		if (ch == '\n')
			break;
		if (n + 1 < size)
			buf[n++] = (char)ch;
	}
	if (!any) {
		p->eof = 1;
		fputc('\n', p->out);
		return 0;
	}
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\r' || buf[n - 1] == '\t'))
		n--;
	buf[n] = '\0';
	size_t lead = strspn(buf, " \t");
	memmove(buf, buf + lead, n - lead + 1);
	return 1;
}

/* The number 1..max a reply names, or 0. */
static int parse_number(const char *s, size_t max)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*end != '\0' || end == s || v < 1 || v > (long)max)
		return 0;
	return (int)v;
}

/* The welcome step, as lines: there is no screen to come back to. */
static void welcome(struct plain *p)
{
	const struct content *c = p->c;
	enum text_id kept = p->o.logging ? T_WELCOME_KEPT_LOG : T_WELCOME_KEPT_NOTHING;

	if (!can_save(p))
		kept = p->o.logging ? T_WELCOME_KEPT_LOG_NOSAVE : T_WELCOME_KEPT_NOTHING_NOSAVE;
	put(p, c->title ? c->title : "");
	if (c->tagline && *c->tagline) {
		fputs(": ", p->out);
		put(p, c->tagline);
	}
	fputc('\n', p->out);
	if (c->welcome && *c->welcome)
		line(p, c->welcome);
	line(p, text_get(c, kept)); /* what is kept of the answers, as on the welcome screen */
	if (c->duration && *c->duration)
		line(p, c->duration);
	line(p, text_get(c, T_PLAIN_INTRO));
}

/* Once every question is answered, the end of input keeps the answers as
 * they are and goes on to the result. */
static void on_to_result(struct flow *f)
{
	while (f->step == FLOW_QUESTION)
		flow_apply(f, f->editing ? FLOW_BACK : FLOW_CONFIRM, 0);
	if (f->step == FLOW_REVIEW)
		flow_apply(f, FLOW_PICK, (int)f->c->nquestions);
}

/* Turns one typed line into a flow action on the open question. Returns 1
 * when the flow moved (show the step now open), 0 when the same question
 * is asked again. */
static int take_answer(struct plain *p, const char *reply)
{
	struct flow *f = &p->f;
	const struct question *q = &f->c->questions[f->question];
	int prev = f->a->choice[f->question];
	char n[24];

	if (strcmp(reply, "<") == 0) {
		if (f->question > 0 || f->editing)
			return flow_apply(f, FLOW_BACK, 0);
		line(p, text_get(f->c, T_PLAIN_FIRST)); /* the welcome is not a step back */
		return 0;
	}
	int o = *reply ? parse_number(reply, q->noptions) - 1 : prev;
	if (o < 0) {
		say_line(p, text_fmt(f->c, T_PLAIN_BAD_NUMBER, "count", num(n, (long long)q->noptions),
				     NULL));
		return 0;
	}
	flow_apply(f, FLOW_PICK, o);
	say_line(p, text_fmt(f->c, T_PLAIN_ANSWERED, "answer", q->options[o].label, NULL));
	return 1;
}

/* The open question: shown (when show), asked, answered. Returns whether
 * the next step is to be shown, or -1 when input ended too early. */
static int question_step(struct plain *p, int show)
{
	struct flow *f = &p->f;
	int prev = f->a->choice[f->question];
	char reply[256], n1[24], n2[24];

	if (show)
		ask(p, (size_t)f->question, prev);
	prompt(p, (size_t)f->question, prev);
	if (read_line(p, reply, sizeof reply))
		return take_answer(p, reply);
	if (flow_complete(f)) {
		on_to_result(f);
		return 1;
	}
	say_line(p, text_fmt(f->c, T_PLAIN_ENDED, "number", num(n1, f->question + 1), "count",
			     num(n2, (long long)f->c->nquestions), NULL));
	return -1;
}

/* Every answer, numbered as its question. */
static void show_review(struct plain *p)
{
	const struct content *c = p->c;
	char n1[24], n2[24];

	fputc('\n', p->out);
	if (!p->reviewed)
		say_line(p, text_fmt(c, T_PLAIN_DONE, "count", num(n1, (long long)c->nquestions), NULL));
	p->reviewed = 1;
	say_line(p, text_fmt(c, T_SCREEN_STATUS_REVIEW, "answered",
			     num(n1, (long long)answers_count(p->f.a)), "count",
			     num(n2, (long long)c->nquestions), NULL));
	for (size_t q = 0; q < c->nquestions; q++) {
		int o = answers_choice(p->f.a, q);
		fprintf(p->out, "  %zu. ", q + 1);
		say_line(p, text_fmt(c, T_PLAIN_REVIEW_ITEM, "question", c->questions[q].title, "answer",
				     o == ANSWER_NONE ? text_get(c, T_REVIEW_NOT_ANSWERED)
						      : c->questions[q].options[o].label, NULL));
	}
	line(p, text_get(c, T_PLAIN_REVIEW_INTRO));
}

/* The review: a number opens that question, Enter goes on to the result. */
static int review_step(struct plain *p, int show)
{
	struct flow *f = &p->f;
	size_t nq = f->c->nquestions;
	char reply[256], n[24];

	if (show)
		show_review(p);
	say(p, text_fmt(f->c, T_PLAIN_REVIEW_PROMPT, "count", num(n, (long long)nq), NULL));
	if (nq > 0)
		put(p, text_get(f->c, T_PLAIN_PROMPT_BACK));
	end_prompt(p);
	if (!read_line(p, reply, sizeof reply) || *reply == '\0') {
		if (flow_apply(f, FLOW_PICK, (int)nq))
			return 1;
		line(p, text_get(f->c, T_RESULT_NEED_ALL));
		return p->eof ? -1 : 0;
	}
	if (strcmp(reply, "<") == 0)
		return flow_apply(f, FLOW_BACK, 0);
	int q = parse_number(reply, nq);
	if (q > 0)
		return flow_apply(f, FLOW_PICK, q - 1);
	say_line(p, text_fmt(f->c, T_PLAIN_REVIEW_BAD, "count", num(n, (long long)nq), NULL));
	return 0;
}

/* Where the report went, as the user can find it again: in a kiosk the
 * name alone (what to ask the trainer for), else the whole path. */
static void say_saved(struct plain *p, const char *name)
{
	char cwd[PATH_MAX];
	const char *base = strrchr(name, '/');
	struct strbuf path = {0};

	if (p->o.kiosk) {
		say_line(p, text_fmt(p->c, T_SAVE_SAVED_AS, "file", base ? base + 1 : name, NULL));
		return;
	}
	if (name[0] != '/' && getcwd(cwd, sizeof cwd))
		sb_addf(&path, "%s/%s", cwd, name);
	else
		sb_add(&path, name);
	say_line(p, text_fmt(p->c, T_SAVE_SAVED_TO, "file", sb_str(&path), NULL));
	sb_free(&path);
}

/* What the save key does in the wizard: the markdown report to a new file
 * (savefile.h), and a line saying where it went or why not. */
static void save(struct plain *p)
{
	struct save_place where = {.path = p->o.report_path, .dir = p->o.report_dir, .kiosk = p->o.kiosk};
	char name[PATH_MAX] = "", count[24];
	struct strbuf md = {0};

	if (p->saved && p->saved_generation == p->f.generation) { /* s twice writes one file */
		const char *base = strrchr(p->saved_name, '/');
		say_line(p, text_fmt(p->c, T_SAVE_UNCHANGED, "file", base ? base + 1 : p->saved_name,
				     NULL));
		return;
	}
	if (p->o.kiosk && p->saves >= SAVEFILE_SESSION_MAX) {
		say_line(p, text_fmt(p->c, T_SAVE_SESSION_FULL, "count",
				     num(count, SAVEFILE_SESSION_MAX), NULL));
		return;
	}
	report_write(REPORT_MARKDOWN, p->c, p->f.a, &p->v, &md);
	int rc = savefile_write(&where, time(NULL), sb_str(&md), md.len, name, sizeof name);
	int err = errno;
	sb_free(&md);
	if (rc == 0) {
		say_saved(p, name);
		p->saves++;
		p->saved = 1;
		p->saved_generation = p->f.generation;
		free(p->saved_name);
		p->saved_name = xstrdup(name);
	} else if (err == EDQUOT) {
		line(p, text_get(p->c, T_SAVE_DIR_FULL));
	} else if (err == EEXIST) {
		say_line(p, text_fmt(p->c, T_SAVE_EXISTS, "file", name, NULL));
	} else {
		say_line(p, text_fmt(p->c, T_SAVE_FAILED, "file", name, "reason", strerror(err), NULL));
	}
}

/* The report for the answers as they are, and the offer to save it. */
static void show_result(struct plain *p)
{
	struct strbuf text = {0};

	if (p->have_verdict)
		verdict_free(&p->v);
	engine_decide(p->c, p->f.a, &p->v);
	p->have_verdict = 1;
	report_write_plain(p->c, p->f.a, &p->v, &text);
	fputc('\n', p->out);
	put(p, sb_str(&text));
	sb_free(&text);
	fputc('\n', p->out);
	if (!can_save(p))
		return;
	if (p->o.kiosk)
		line(p, text_get(p->c, T_PLAIN_SAVE_OFFER_KIOSK));
	else if (p->o.report_path)
		say_line(p, text_fmt(p->c, T_PLAIN_SAVE_OFFER_FILE, "file", p->o.report_path, NULL));
	else
		line(p, text_get(p->c, T_PLAIN_SAVE_OFFER));
}

/* The result: s saves, "<" goes back to the review, Enter finishes.
 * Returns 1 when the flow moved back, 0 to ask again, 2 when done. */
static int result_step(struct plain *p, int show)
{
	int saving = can_save(p);
	char reply[256];

	if (show)
		show_result(p);
	line(p, "");
	put(p, text_get(p->c, saving ? T_PLAIN_END_PROMPT : T_PLAIN_END_PROMPT_NOSAVE));
	end_prompt(p);
	if (!read_line(p, reply, sizeof reply) || *reply == '\0')
		return 2;
	if (strcmp(reply, "<") == 0)
		return flow_apply(&p->f, FLOW_BACK, 0);
	if (saving && (strcmp(reply, "s") == 0 || strcmp(reply, "S") == 0))
		save(p);
	else
		line(p, text_get(p->c, saving ? T_PLAIN_END_BAD : T_PLAIN_END_BAD_NOSAVE));
	return 0;
}

/* Runs the steps until the interview is done (1) or input ended too early (0). */
static int run_steps(struct plain *p)
{
	for (int show = 1;;) {
		int next;
		switch (p->f.step) {
		case FLOW_QUESTION:
			next = question_step(p, show);
			break;
		case FLOW_REVIEW:
			next = review_step(p, show);
			break;
		case FLOW_RESULT:
			next = result_step(p, show);
			if (next == 2)
				return 1;
			break;
		default: /* the welcome is no step of its own here; nor is the comparison */
			next = flow_apply(&p->f, p->f.step == FLOW_WELCOME ? FLOW_CONFIRM : FLOW_BACK, 0);
			break;
		}
		if (next < 0)
			return 0;
		show = next;
	}
}

int plain_run(const struct content *c, FILE *in, FILE *out, struct answers *answers,
	      const struct plain_options *o)
{
	struct plain p = {.c = c, .in = in, .out = out, .ascii = !locale_is_utf8()};

	if (o)
		p.o = *o;
	flow_init(&p.f, c, answers);
	welcome(&p);
	flow_apply(&p.f, FLOW_CONFIRM, 0);
	int done = run_steps(&p);
	flush(&p);
	if (p.have_verdict)
		verdict_free(&p.v);
	free(p.saved_name);
	if (!done)
		return EXIT_BAD_INPUT;
	errno = p.write_errno;
	return p.write_errno ? EXIT_FAILED : EXIT_OK;
}
