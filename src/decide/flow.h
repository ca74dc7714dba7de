/* The wizard as a state machine: which step is showing, which option or item
 * is highlighted, and the answers. Fed one action at a time, it knows nothing
 * about keys or terminals, so the whole interview can be tested without one
 * (tests/unit/test_flow.c). The curses screens and --plain (plain.c) drive it. */
#ifndef OW_FLOW_H
#define OW_FLOW_H

#include <stddef.h>

#include "answers.h"
#include "content.h"

enum flow_step {
	FLOW_WELCOME,
	FLOW_QUESTION,
	FLOW_REVIEW,
	FLOW_RESULT,
	FLOW_COMPARE,
	FLOW_STEP_COUNT
};

enum flow_action {
	FLOW_UP,      /* highlight the previous option or item */
	FLOW_DOWN,    /* ... the next one */
	FLOW_FIRST,   /* ... the first one */
	FLOW_LAST,    /* ... the last one */
	FLOW_PICK,    /* arg: 0-based option or item; choose it and go on */
	FLOW_CONFIRM, /* choose the highlighted one and go on */
	FLOW_BACK,    /* one step back */
	FLOW_TOGGLE,  /* result <-> comparison (and review -> result) */
	FLOW_RESTART, /* clear every answer, back to the welcome */
	FLOW_JUMP,    /* on the result, arg: a question; open it, and come back after */
};

/* Where a question was opened from: the interview's way through, the
 * review (back to it after), or the result (back to it after). */
enum flow_edit { EDIT_NONE, EDIT_FROM_REVIEW, EDIT_FROM_RESULT };

struct flow {
	const struct content *c;
	struct answers *a;     /* the caller's; flow writes choices into it */
	enum flow_step step;
	int question;          /* FLOW_QUESTION: which one */
	int cursor;            /* the highlighted option (question) or item (review) */
	int editing;           /* enum flow_edit: where the question was opened from */
	int reached;           /* the result has been shown since the last restart */
	unsigned generation;   /* bumped whenever an answer changes */
};

/* Starts at the welcome. a must be initialised for c (answers_init); answers
 * already in it are kept and shown as earlier answers. */
void flow_init(struct flow *f, const struct content *c, struct answers *a);
/* Applies one action. Returns 1 when anything changed, 0 when the action means
 * nothing on this step (a PICK out of range, BACK on the welcome, ...). */
int flow_apply(struct flow *f, enum flow_action act, int arg);
/* 1 when every question has an answer. */
int flow_complete(const struct flow *f);
/* How many items the cursor moves over on this step: the options of the
 * question, the questions plus "See the result" on the review, else 0. */
int flow_items(const struct flow *f);
/* Short name of a step, for tests and traces: "welcome", "question", ... */
const char *flow_step_name(enum flow_step s);

/* Opens the review with the cursor on the first unanswered question, or on
 * "See the result" when every one is answered (--prefill starts here). */
void flow_open_review(struct flow *f);

#endif
