#include "flow.h"

void flow_init(struct flow *f, const struct content *c, struct answers *a)
{
	f->c = c;
	f->a = a;
	f->step = FLOW_WELCOME;
	f->question = 0;
	f->cursor = 0;
	f->editing = 0;
	f->reached = 0;
	f->generation = 0;
}

static void open_review(struct flow *f, int cursor);

void flow_open_review(struct flow *f)
{
	int first_missing = (int)f->c->nquestions;

	for (size_t q = f->c->nquestions; q-- > 0;)
		if (f->a->choice[q] == ANSWER_NONE)
			first_missing = (int)q;
	open_review(f, first_missing);
}

int flow_complete(const struct flow *f)
{
	for (size_t i = 0; i < f->c->nquestions; i++)
		if (f->a->choice[i] == ANSWER_NONE)
			return 0;
	return 1;
}

int flow_items(const struct flow *f)
{
	switch (f->step) {
	case FLOW_QUESTION:
		return (int)f->c->questions[f->question].noptions;
	case FLOW_REVIEW:
		return (int)f->c->nquestions + 1;
	default:
		return 0;
	}
}

const char *flow_step_name(enum flow_step s)
{
	static const char *const names[FLOW_STEP_COUNT] = {
		"welcome", "question", "review", "result", "compare",
	};
	return (unsigned)s < FLOW_STEP_COUNT ? names[s] : "?";
}

/* Opens question q with the cursor on its earlier answer, if any. */
static void open_question(struct flow *f, int q, int editing)
{
	int prev = f->a->choice[q];

	f->step = FLOW_QUESTION;
	f->question = q;
	f->cursor = prev == ANSWER_NONE ? 0 : prev;
	f->editing = editing;
}

static void open_review(struct flow *f, int cursor)
{
	f->step = FLOW_REVIEW;
	f->cursor = cursor;
	f->editing = 0;
}

static int open_result(struct flow *f)
{
	if (!flow_complete(f))
		return 0;
	f->step = FLOW_RESULT;
	f->cursor = 0;
	f->reached = 1;
	return 1;
}

/* Records option o for the open question and moves on. */
static int answer(struct flow *f, int o)
{
	int q = f->question;

	if (o < 0 || o >= flow_items(f))
		return 0;
	if (f->a->choice[q] != o) {
		f->a->choice[q] = o;
		f->generation++;
	}
	/* from the result, back to it (the new one); else back to the review,
	 * on the next question still open (a --prefill file may leave some),
	 * or on "See the result" */
	if (f->editing == EDIT_FROM_RESULT && open_result(f))
		return 1;
	if (f->editing || q + 1 >= (int)f->c->nquestions)
		flow_open_review(f);
	else
		open_question(f, q + 1, 0);
	return 1;
}

/* Review: item nquestions is "See the result", the others open a question. */
static int pick_item(struct flow *f, int item)
{
	int nq = (int)f->c->nquestions;

	if (item < 0 || item > nq)
		return 0;
	if (item == nq)
		return open_result(f);
	open_question(f, item, EDIT_FROM_REVIEW);
	return 1;
}

static int jump(struct flow *f, int q)
{
	if (f->step != FLOW_RESULT || q < 0 || q >= (int)f->c->nquestions)
		return 0;
	open_question(f, q, EDIT_FROM_RESULT);
	return 1;
}

static int move(struct flow *f, int to)
{
	int n = flow_items(f);

	if (n == 0)
		return 0;
	if (to < 0)
		to = 0;
	if (to >= n)
		to = n - 1;
	if (to == f->cursor)
		return 0;
	f->cursor = to;
	return 1;
}

static int back(struct flow *f)
{
	switch (f->step) {
	case FLOW_WELCOME:
		return 0;
	case FLOW_QUESTION:
		if (f->editing == EDIT_FROM_RESULT && open_result(f))
			return 1; /* the answer kept, back where it came from */
		if (f->editing)
			open_review(f, f->question);
		else if (f->question == 0)
			f->step = FLOW_WELCOME, f->cursor = 0;
		else
			open_question(f, f->question - 1, 0);
		return 1;
	case FLOW_REVIEW:
		if (f->c->nquestions == 0)
			f->step = FLOW_WELCOME, f->cursor = 0;
		else
			open_question(f, (int)f->c->nquestions - 1, 0);
		return 1;
	case FLOW_RESULT:
		open_review(f, (int)f->c->nquestions);
		return 1;
	case FLOW_COMPARE:
		f->step = FLOW_RESULT;
		return 1;
	default:
		return 0;
	}
}

static int confirm(struct flow *f)
{
	switch (f->step) {
	case FLOW_WELCOME:
		if (f->c->nquestions == 0) {
			open_review(f, 0);
			return 1;
		}
		open_question(f, 0, 0);
		return 1;
	case FLOW_QUESTION:
		return answer(f, f->cursor);
	case FLOW_REVIEW:
		return pick_item(f, f->cursor);
	case FLOW_RESULT:
		f->step = FLOW_COMPARE;
		return 1;
	default:
		return 0;
	}
}

static int restart(struct flow *f)
{
	for (size_t i = 0; i < f->a->n; i++)
		f->a->choice[i] = ANSWER_NONE;
	answers_set_task(f->a, NULL); /* a new interview, a new task */
	f->generation++;
	f->step = FLOW_WELCOME;
	f->question = 0;
	f->cursor = 0;
	f->editing = 0;
	f->reached = 0;
	return 1;
}

int flow_apply(struct flow *f, enum flow_action act, int arg)
{
	switch (act) {
	case FLOW_UP:
		return move(f, f->cursor - 1);
	case FLOW_DOWN:
		return move(f, f->cursor + 1);
	case FLOW_FIRST:
		return move(f, 0);
	case FLOW_LAST:
		return move(f, flow_items(f) - 1);
	case FLOW_PICK:
		if (f->step == FLOW_QUESTION)
			return answer(f, arg);
		if (f->step == FLOW_REVIEW)
			return pick_item(f, arg);
		return 0;
	case FLOW_CONFIRM:
		return confirm(f);
	case FLOW_BACK:
		return back(f);
	case FLOW_TOGGLE:
		if (f->step == FLOW_RESULT) {
			f->step = FLOW_COMPARE;
			return 1;
		}
		if (f->step == FLOW_COMPARE) {
			f->step = FLOW_RESULT;
			return 1;
		}
		if (f->step == FLOW_REVIEW)
			return open_result(f);
		return 0;
	case FLOW_RESTART:
		return restart(f);
	case FLOW_JUMP:
		return jump(f, arg);
	}
	return 0;
}
