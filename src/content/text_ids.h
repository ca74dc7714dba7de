/* The ids of the string table (content/texts.ini), one per TEXT line of
 * text_ids.def. Kept apart from texts.h so struct content can hold the table
 * without the functions that read it. */
#ifndef OW_TEXT_IDS_H
#define OW_TEXT_IDS_H

enum text_id {
#define TEXT(id, section, key, placeholders) T_##id,
#include "text_ids.def"
#undef TEXT
	T_COUNT
};

#endif
