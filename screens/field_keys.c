#include "field_keys.h"

#include "keys.h"

int field_key(struct lineedit *e, int ch)
{
	switch (ch) {
	case KEY_LEFT: case KEYS_CTRL('B'): lineedit_left(e); return 1;
	case KEY_RIGHT: case KEYS_CTRL('F'): lineedit_right(e); return 1;
	case KEY_HOME: case KEYS_CTRL('A'): lineedit_home(e); return 1;
	case KEY_END: case KEYS_CTRL('E'): lineedit_end(e); return 1;
	case KEY_BACKSPACE: case 127: case KEYS_CTRL('H'): lineedit_backspace(e); return 1;
	case KEY_DC: case KEYS_CTRL('D'): lineedit_delete(e); return 1;
	case KEYS_CTRL('U'): lineedit_kill_start(e); return 1;
	case KEYS_CTRL('W'): lineedit_kill_word(e); return 1;
	default:
		if (ch < 0x20 || ch == 0x7f || ch > 0xff)
			return 0;
		lineedit_insert(e, (unsigned char)ch);
		return 1;
	}
}
