/* What each screen's document must end with, from the content: the sweep's
 * only knowledge of the screens besides their keys, so that "End shows the
 * last line" cannot pass on a document that stops short. */
#include <stdlib.h>
#include <string.h>

#include "geometry.h"
#include "sanitize.h"
#include "texts.h"
#include "xalloc.h"

/* The last word of text, as the screen draws it (malloc'd). */
static char *last_word(const char *text, int ascii)
{
	char *t = text_for_terminal(text, ascii, 0);
	size_t n = strlen(t);

	while (n > 0 && t[n - 1] == ' ')
		t[--n] = '\0';
	char *sp = strrchr(t, ' ');
	char *w = xstrdup(sp ? sp + 1 : t);
	free(t);
	return w;
}

static void add(char ***words, size_t *n, char *w)
{
	*words = xrealloc(*words, (*n + 2) * sizeof **words);
	(*words)[(*n)++] = w;
	(*words)[*n] = NULL;
}

char **expect_last(const struct session *s, enum kind_type type)
{
	const struct content *c = s->c;
	const struct question *q = &c->questions[0];
	char **words = NULL;
	size_t n = 0;
	int ascii = !s->utf8;

	if (type == KIND_HELP) { /* the question's help first, the keys, then the mouse */
		add(&words, &n, last_word(text_get(c, T_HELP_MOUSE), ascii));
	} else if (type == KIND_QUESTION) {
		add(&words, &n, last_word(q->help, ascii));
		/* the help when it fits, else the hint */
			add(&words, &n, xstrdup("shows why this question matters"));
	} else if (type == KIND_WELCOME) {
		add(&words, &n, last_word(text_get(c, T_TASK_WELCOME_HINT), ascii)); /* t names the task */
	} else if (type == KIND_REVIEW) {
		add(&words, &n, xstrdup("See the result"));
	} else if (type == KIND_COMPARE) {
		const struct row *r = &c->rows[c->nrows - 1];
		for (size_t m = 0; m < c->nmodels; m++)
			add(&words, &n, last_word(r->cells[m], ascii));
	} else {
		struct verdict v;
		engine_decide(c, &s->ans, &v);
		/* a split lists both models' services, the right-hand one last */
		int last = v.strength == STRENGTH_SPLIT ? v.right : v.winner;
		const struct textlist *sv = &c->models[last].services;
		if (sv->n)
			add(&words, &n, last_word(sv->texts[sv->n - 1], ascii));
		verdict_free(&v);
	}
	if (!words)
		add(&words, &n, xstrdup(""));
	return words;
}

char *expect_first(const struct session *s, enum kind_type type)
{
	if (type == KIND_REVIEW)
		return xstrdup("Your answers");
	if (type == KIND_WELCOME)
		return text_for_terminal(s->c->tagline, !s->utf8, 0);
	return text_for_terminal(s->c->questions[0].title, !s->utf8, 0);
}

void expect_free(char **words)
{
	for (size_t i = 0; words[i]; i++)
		free(words[i]);
	free(words);
}

int expect_match(const char *text, char *const *words)
{
	for (size_t i = 0; words[i]; i++)
		if (strstr(text, words[i]))
			return 1;
	return 0;
}
