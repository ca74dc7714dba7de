/* The screens' shared interface. Each screen (one file each) has a build
 * function that only reads the state and describes its body as a doc, and an
 * on_action function that never draws and says what happens next. The main
 * loop (ui.c) owns the terminal, reads keys, and draws through frame.c. */
#ifndef OW_SCREEN_H
#define OW_SCREEN_H

#include "answers.h"
#include "content.h"
#include "doc.h"
#include "engine.h"
#include "flow.h"
#include "keys.h"
#include "ui.h"

#define MIN_COLS 40
#define MIN_LINES 12
#define MAX_TEXT_WIDTH 96

enum overlay { OVERLAY_NONE, OVERLAY_HELP, OVERLAY_QUIT, OVERLAY_RESTART };

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
	int scroll[FLOW_STEP_COUNT]; /* body scroll per step */
	int help_scroll;
	char *message;         /* status line, until the next key */
	enum role message_role;
	int ascii;             /* ASCII drawing */
	/* Geometry of the last frame, kept by the loop for scrolling and clicks. */
	int lines, cols;
	int body_y, body_h, body_w, body_lines, help_h, help_lines;
	int *row_tag;          /* [lines]: a click on this row picks this tag, or -1 */
	int saved;             /* a report was saved since the last answer change */
	struct strbuf finish_note; /* on_finish's complaint, shown after a restart */
};

struct screen {
	enum flow_step step;
	/* The body at width x height (height lets a screen leave out what does
	 * not fit, like a question's help). */
	void (*build)(const struct app *a, int width, int height, struct doc *d);
	/* The words at the right of the top bar. */
	void (*status)(const struct app *a, char *buf, size_t size);
	enum reaction (*on_action)(struct app *a, enum action act, int arg);
	const enum action *hints; /* footer hints, ending with ACT_NONE */
};

extern const struct screen welcome_screen, question_screen, review_screen, result_screen,
	compare_screen;

/* The screen for the current step. */
const struct screen *screen_for(const struct app *a);

/* The keys of a scrolling page (result, comparison): scroll, Tab to the
 * other page, back. */
enum reaction page_action(struct app *a, enum action act);
/* The display width of the longest model name (for aligned columns). */
int model_name_width(const struct content *c);
/* Scrolling shared by the long screens: moves a->scroll[step]. */
enum reaction scroll_action(struct app *a, enum action act);
/* What every screen does with the flow's common keys. */
enum reaction flow_action(struct app *a, enum flow_action fa, int arg);
/* The keys of a pick list (question options, review items): moving, picking,
 * confirming, going back. Sets *handled to 0 for any other action. */
enum reaction list_action(struct app *a, enum action act, int arg, int *handled);

/* Frame: top bar, body, footer, status line; overlays on top. */
void frame_layout(struct app *a, struct doc *body);
void frame_draw(WINDOW *w, const struct app *a, const struct doc *body);
void help_build(const struct app *a, int width, struct doc *d);
void help_layout(struct app *a);
void help_draw(WINDOW *w, const struct app *a);
enum reaction help_on_action(struct app *a, enum action act, int arg);
void confirm_draw(WINDOW *w, const struct app *a);
enum reaction confirm_on_action(struct app *a, enum action act, int arg);
void enlarge_draw(WINDOW *w, const struct app *a);

/* Saving the report (save.c): writes the markdown report and sets the status
 * message to where it went or why it did not. */
void save_report(struct app *a);

/* The status message (a copy is kept). */
void app_message(struct app *a, enum role r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* What q does on any screen or overlay: ask to quit, or in a kiosk offer to
 * start over (no key may end a kiosk session). */
enum reaction app_ask_quit(struct app *a);
/* Ends the current interview (reporting it through on_finish if it reached a
 * result) and goes back to the welcome screen with no answers. */
void app_restart(struct app *a);
/* Reports the current interview through on_finish if it reached a result;
 * returns -1 and keeps the message in a->finish_note if that failed. */
int app_finish(struct app *a);
/* Makes a->v match the current answers (only when all are answered). */
void app_update_verdict(struct app *a);
/* Sets up and frees the state (ui.c); the screen tests use these too. */
void app_init(struct app *a, const struct content *c, const struct ui_options *o,
	      struct answers *answers, int ascii);
void app_free(struct app *a);
/* One key from getch (KEY_MOUSE reads the mouse event) through the key
 * table to the overlay or the screen: what the main loop does with each key,
 * and what the screen tests feed. */
enum reaction app_key(struct app *a, int ch);
/* Draws one whole frame (enlarge screen, or screen plus overlay). */
void app_draw(WINDOW *w, struct app *a);

#endif
