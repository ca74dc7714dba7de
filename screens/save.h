/* Saving the report from the screens (save.c). */
#ifndef OW_SAVE_H
#define OW_SAVE_H

#include "app.h"

/* Writes the markdown report (savefile.h says where) and sets the status
 * message to where it went or why it did not. */
void save_report(struct app *a);

#endif
