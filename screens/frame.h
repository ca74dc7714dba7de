/* Drawing a frame (frame.c): the one renderer every screen goes through. */
#ifndef OW_FRAME_H
#define OW_FRAME_H

#include <curses.h>

#include "app.h"

/* Draws one whole frame: the screen on top in its place (a box over the
 * step's screen), and keeps its layout in a for scrolling and clicks. */
void app_draw(WINDOW *w, struct app *a);

#endif
