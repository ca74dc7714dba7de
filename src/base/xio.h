/* Small I/O helpers shared by the batch output and the wizard's save. */
#ifndef OW_XIO_H
#define OW_XIO_H

#include <stddef.h>

/* Writes all n bytes, retrying short writes and EINTR. Returns 0, or -1 with errno. */
int write_all(int fd, const char *s, size_t n);

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
