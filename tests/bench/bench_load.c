/* Times content_load on a directory: the median of RUNS runs (default 7), in ms. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "content.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	double t[100];
	size_t nq = 0;
	int runs = argc == 3 ? atoi(argv[2]) : 7;

	if (argc < 2 || argc > 3 || runs < 1 || runs > 100) {
		fprintf(stderr, "usage: bench_load CONTENT_DIR [RUNS]\n");
		return 2;
	}
	for (int i = 0; i < runs; i++) {
		struct content c;
		struct diags d = {0};
		double t0 = now_ms();
		int rc = content_load(argv[1], &c, &d);
		t[i] = now_ms() - t0;
		if (rc) {
			char *s = diag_format(&d);
			fprintf(stderr, "%s", s);
			free(s);
			diags_free(&d);
			return 1;
		}
		nq = c.nquestions;
		content_free(&c);
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp);
	printf("%zu %.3f\n", nq, t[runs / 2]);
	return 0;
}
