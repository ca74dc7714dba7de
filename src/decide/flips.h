/* Inside the engine: fills v->flips by running the engine again with changed
 * answers (flips.c). */
#ifndef OW_FLIPS_H
#define OW_FLIPS_H

#include "engine.h"

void find_flips(const struct content *c, const struct answers *a, struct verdict *v);

#endif
