/*
 * figures.h - figures derived from counts when they are written, shared by
 * every writer so that JSON, tables and the summary agree to the digit.
 */
#ifndef SL_FIGURES_H
#define SL_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "core/options.h"
#include "lexicon/lexicon.h"

/* x rounded to 6 decimals, never "-0". */
double sli_fixed(double x);
/* They return 0 and set *ok = 0 where the figure is undefined. */
double sli_jaccard(uint64_t ab, uint64_t a, uint64_t b, int *ok);
double sli_npmi(uint64_t ab, uint64_t a, uint64_t b, uint64_t n, int *ok);
/* "document", "sentence", "window:5", ... (buf holds a window's name). */
const char *sli_unit_name(const sl_unit *u, char *buf, size_t size);
const char *sli_polarity_name(sl_polarity p);

#endif
