#include "paths.h"

#include <limits.h>
#include <string.h>
#include <unistd.h>

const char *default_content_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t root = strlen(OW_BUILD_ROOT);

	if (n > 0) {
		exe[n] = '\0';
		if (!strncmp(exe, OW_BUILD_ROOT, root) && exe[root] == '/')
			return OW_CONTENT_SOURCE;
	}
	return OW_CONTENT_INSTALLED;
}
