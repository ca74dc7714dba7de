/* The task's name: an optional short label a manager gives the interview
 * ("Invoice entry for the Lyon plant"). It heads the result, every report and
 * the results log. In a kiosk it is free text from a stranger, so it is
 * cleaned once, here, when it comes in: one line, no control, line-separator
 * or bidi character, no '"' (it goes into INI and CSV), blanks collapsed,
 * at most TASK_MAX_CHARS characters. Never interpreted. */
#ifndef OW_TASK_H
#define OW_TASK_H

#define TASK_MAX_CHARS 80

/* text cleaned as above, malloc'd; NULL when nothing is left of it. */
char *task_clean(const char *text);

#endif
