/* The keys of a one-line text field (the save dialog's name, the task's
 * name), as readline's basic ones, on a lineedit (the core's field). */
#ifndef OW_FIELD_KEYS_H
#define OW_FIELD_KEYS_H

#include "lineedit.h"

/* One key from wgetch: Left/Right (Ctrl-B/F), Home/End (Ctrl-A/E),
 * Backspace, Delete (Ctrl-D), Ctrl-U, Ctrl-W, or a byte typed. Returns 1
 * when the field takes the key (changed or not), 0 for any other key. */
int field_key(struct lineedit *e, int ch);

#endif
