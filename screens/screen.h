/* The screens' shared interface. Each screen (one file each) has a build
 * function that only reads the state and describes its body as a doc, and an
 * on_action function that never draws and says what happens next. Where the
 * body goes is the screen's place: in the frame (top bar and footer), in a
 * box over the screen beneath (help, confirm), or alone (the enlarge
 * screen). One renderer (frame.c) draws them all; the registry (screen.c)
 * says which screen is showing. */
#ifndef OW_SCREEN_H
#define OW_SCREEN_H

#include "actions.h"
#include "app.h"
#include "doc.h"
#include "keys.h"
#include "strbuf.h"
#include "texts.h"

struct screen {
	enum screen_id id;
	enum page_kind place;
	int max_width; /* the body's width at most; 0: all there is */
	/* The body at width x height (height lets a screen leave out what does
	 * not fit, like a question's help). */
	void (*build)(const struct app *a, int width, int height, struct doc *d);
	/* In the frame, the words at the right of the top bar; on a box, its
	 * title (appended to out, in c's words). NULL: none. */
	void (*status)(const struct app *a, struct strbuf *out);
	enum reaction (*on_action)(struct app *a, enum action act, int arg);
	/* The hints on the footer (on a box, its bottom border), ending with
	 * ACT_NONE. */
	const enum action *hints;
	/* Every key that works here, for the help, ending with ACT_NONE (the
	 * keys every step shares are added there); NULL: the hints. */
	const enum action *keys;
	/* What this screen is for, the help's first lines; 0: none. */
	int about;
};

extern const struct screen welcome_screen, question_screen, review_screen, result_screen,
	compare_screen, help_screen, confirm_screen, enlarge_screen, background_screen,
	save_dialog_screen, task_dialog_screen;

/* Opens the background page (background.c) over the screen, or says the
 * content has none. */
enum reaction background_open(struct app *a);

/* The screen of the current step. */
const struct screen *screen_for(const struct app *a);
/* The screen that gets the keys: the enlarge screen when the last frame was
 * too small, else the overlay's, else the step's. A box is drawn over the
 * step's screen. */
const struct screen *screen_on_top(const struct app *a);

/* n in decimal in buf, as the value of a {placeholder}. Returns buf. */
const char *num_text(char buf[24], long long n);
/* The key to show for an action ("Enter", "?"), as its hint names it; "" if
 * it has none. */
const char *hint_key(const struct content *c, enum action a);

/* The display width of the longest model name: the comparison's and the
 * result's bars' name column (compare.c). */
int model_name_width(const struct content *c);

#endif
