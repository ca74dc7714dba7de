/* The wizard's state while it runs, and the operations on it that several
 * screens share (app.c). Nothing here draws or reads keys. */
#ifndef OW_APP_H
#define OW_APP_H

#include "answers.h"
#include "content.h"
#include "doc.h"
#include "engine.h"
#include "flow.h"
#include "keys.h"
#include "lineedit.h"
#include "page.h"
#include "prompt_line.h"
#include "strbuf.h"
#include "terminal.h"
#include "ui.h"

#define MIN_COLS 40
#define MIN_LINES 12
#define MAX_TEXT_WIDTH 96

/* Every screen, each with its own page (place and scroll). The first ones
 * are the flow's steps, in the same order, so a step is its screen's id. */
enum screen_id {
	SCREEN_WELCOME = FLOW_WELCOME,
	SCREEN_QUESTION = FLOW_QUESTION,
	SCREEN_REVIEW = FLOW_REVIEW,
	SCREEN_RESULT = FLOW_RESULT,
	SCREEN_COMPARE = FLOW_COMPARE,
	SCREEN_HELP = FLOW_STEP_COUNT,
	SCREEN_CONFIRM,
	SCREEN_ENLARGE,
	SCREEN_BACKGROUND,
	SCREEN_SAVE,
	SCREEN_TASK,
	SCREEN_COUNT
};

/* What is shown over the step's screen. */
enum overlay {
	OVERLAY_NONE, OVERLAY_HELP, OVERLAY_QUIT, OVERLAY_RESTART, OVERLAY_BACKGROUND, OVERLAY_SAVE,
	OVERLAY_TASK, OVERLAY_COUNT
};

/* What the loop does after an action. */
enum reaction { R_NONE, R_REDRAW, R_QUIT, R_INTERRUPT };

struct app {
	const struct content *c;
	const struct ui_options *o;
	struct flow flow;
	struct verdict v;      /* valid when have_verdict */
	int have_verdict;
	unsigned verdict_gen;  /* flow.generation the verdict was made for */
	enum overlay overlay;
	char *message;         /* status line, until the next key */
	enum role message_role;
	int ascii;             /* ASCII drawing */
	int saved;             /* a report was saved since the last answer change */
	int result_link;       /* the result's picked link (a question), or -1 */
	char *saved_name;      /* the last file saved, or NULL */
	int saved_format;      /* its enum save_format */
	struct strbuf saved_paths; /* every file saved, whole, one per line: said at exit */
	struct save_dialog {   /* OVERLAY_SAVE */
		struct lineedit name;
		int format;        /* enum save_format */
		int asking;        /* "replace it?" is on */
	} save;
	struct lineedit task_edit; /* OVERLAY_TASK: the name being typed */
	int saves;             /* reports saved in this session (a kiosk caps it) */
	struct strbuf finish_note; /* on_finish's complaint, shown after a restart */
	int result_told;       /* on_result has the verdict for result_gen */
	unsigned result_gen;
	/* The last frame, for scrolling and clicks: the terminal's size, each
	 * screen's page (its top is the scroll a key moves), and the screen on
	 * top with its document (whose line tags say what a click picks). */
	int lines, cols;
	struct page page[SCREEN_COUNT];
	enum screen_id on_top;
	struct doc shown;
	/* The comparison's view (compare_view.c): only the rows your answers
	 * touch, and the word last found with its row. It is for the answers of
	 * its generation: new answers show the whole table again. */
	struct compare_view {
		int set;            /* 0: the whole table, nothing found */
		unsigned gen;       /* flow.generation it was set in */
		int touched_only;
		char word[PROMPT_LINE_MAX + 1];
		int found;          /* the row the word was found in, or -1 */
	} cmp;
	struct prompt_line prompt; /* the prompt on the footer row, when open */
};

/* Sets up and frees the state; the screen tests use these too. */
void app_init(struct app *a, const struct content *c, const struct ui_options *o,
	      struct answers *answers, int ascii);
void app_free(struct app *a);
/* 1 when the last frame was too small for anything but the enlarge screen. */
int app_too_small(const struct app *a);
/* 1 in a kiosk: no key may end the session. */
int app_kiosk(const struct app *a);
/* Tells on_result when the result to log has changed (after each key). */
void app_track_result(struct app *a);
/* The status message, in c's words (a copy is kept). */
void app_message(struct app *a, enum role r, const char *text);
/* Makes a->v match the current answers (only when all are answered). */
void app_update_verdict(struct app *a);
/* Reports the current interview through on_finish if it reached a result;
 * returns -1 and keeps the message in a->finish_note if that failed. */
int app_finish(struct app *a);
/* Ends the current interview (reporting it through on_finish if it reached a
 * result) and goes back to the welcome screen with no answers. */
void app_restart(struct app *a);
/* 0 when act is no use here (save in a kiosk that cannot save): left out
 * of the footer and the help. */
int app_offers(const struct app *a, enum action act);
/* The footer hint for act as this session means it (keys_hint, with q as
 * "start over" in a kiosk); 0 when it has none or app_offers says no. */
int app_hint(const struct app *a, enum action act, const char **key, const char **verb);
/* What q does on any screen or overlay: ask to quit, or in a kiosk offer to
 * start over (no key may end a kiosk session). */
enum reaction app_ask_quit(struct app *a);

#endif
