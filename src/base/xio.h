/* Small I/O helpers shared by the batch output and the wizard's save. */
#ifndef OW_XIO_H
#define OW_XIO_H

#include <stddef.h>

#include "strbuf.h"

/* Writes all n bytes, retrying short writes and EINTR. Returns 0, or -1 with errno. */
int write_all(int fd, const char *s, size_t n);

/* Reads fd to its end (any kind of file: a pipe, a terminal, standard
 * input) and appends what it holds to out, refusing more than cap bytes.
 * Returns 0, or -1 with errno: EFBIG when there is more than cap (out then
 * holds the first cap bytes or so), else why it could not be read. */
int read_all_capped(int fd, size_t cap, struct strbuf *out);

/* Writes n bytes as the whole new content of path, all or nothing: into a
 * temporary file beside it, synced, then renamed over it, so a full disk
 * leaves the old file as it was and no partial one. The file keeps its mode
 * (a new one gets 0666 less the umask); a symlink's target is replaced. A
 * path that is not a regular file (a FIFO, a terminal, /dev/stdout), or a
 * writable file in a directory one cannot create files in, is written in
 * place. Returns 0, or -1
 * with errno. */
int write_file_replacing(const char *path, const char *s, size_t n);

#endif
