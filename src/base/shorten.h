/* A text cut to a display width by taking out its middle ("/home/…/reports"),
 * so both ends, which say the most about a path, stay. */
#ifndef OW_SHORTEN_H
#define OW_SHORTEN_H

/* s as it fits in width columns: s itself when it fits, else its start, an
 * ellipsis ("…", or "..." when ascii) and its end. malloc'd. */
char *text_middle_ellipsis(const char *s, int width, int ascii);

#endif
