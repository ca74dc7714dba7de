/* Where the content lives when --content is not given. */
#ifndef OW_PATHS_H
#define OW_PATHS_H

/* The source tree's content for a binary run from the build tree, otherwise the
 * installed content. Returns a static string. */
const char *default_content_dir(void);

#endif
