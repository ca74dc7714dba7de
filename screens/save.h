/* Saving from the screens: s opens a small dialog (save_dialog.c draws it)
 * with a file name, pre-filled with a dated name and edited with the usual
 * line keys, and a format (markdown handout, text, JSON, or the answers as
 * an .ini that --answers reads back). Enter saves; a file that exists is
 * replaced only after a y. In a kiosk the name is the generated one in the
 * report folder and cannot be typed. */
#ifndef OW_SAVE_H
#define OW_SAVE_H

#include "app.h"

/* s: opens the dialog, or says why there is nothing to save. */
enum reaction save_open(struct app *a);
/* A key while the dialog is open, as wgetch gave it (the field takes
 * typed bytes, so the key table is not asked). */
enum reaction save_dialog_key(struct app *a, int ch);

#endif
