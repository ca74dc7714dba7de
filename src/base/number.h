/* Numbers as the program's files hold them: '.' is the decimal point in
 * every locale. strtod and printf follow LC_NUMERIC, so under de_DE or fr_FR
 * the shipped "clear = 0.40" would not be a number and "%g" would write
 * "0,4"; these go through the C locale whatever the process has set. */
#ifndef OW_NUMBER_H
#define OW_NUMBER_H

#include <stddef.h>

/* strtod in the C locale. */
double number_strtod(const char *s, char **end);
/* text as a whole (spaces after it allowed) as a finite number: 0 and *out,
 * or -1 (*out untouched). */
int number_parse(const char *text, double *out);

#define NUMBER_TEXT 32
/* x as "%g" writes it in the C locale, into buf; returns buf. */
const char *number_format(double x, char buf[NUMBER_TEXT]);

#endif
