/* A key into the wizard (input.c). */
#ifndef OW_INPUT_H
#define OW_INPUT_H

#include "app.h"

/* One key from getch (KEY_MOUSE reads the mouse event) through the key
 * table to the screen on top: what the main loop does with each key, and
 * what the screen tests feed. Scrolling and clicks go by the last frame
 * app_draw drew. */
enum reaction app_key(struct app *a, int ch);

#endif
