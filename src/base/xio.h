/* Small I/O helpers shared by the batch output and the wizard's save. */
#ifndef OW_XIO_H
#define OW_XIO_H

#include <stddef.h>

/* Writes all n bytes, retrying short writes and EINTR. Returns 0, or -1 with errno. */
int write_all(int fd, const char *s, size_t n);

#endif
