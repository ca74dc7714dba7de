/* The task's name, asked in a box (task_dialog.c). */
#ifndef OW_TASK_DIALOG_H
#define OW_TASK_DIALOG_H

#include "app.h"

/* t: opens the box with the name so far. */
enum reaction task_open(struct app *a);
/* A key while the box is open, as wgetch gave it. */
enum reaction task_dialog_key(struct app *a, int ch);

#endif
