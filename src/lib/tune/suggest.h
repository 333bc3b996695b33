/*
 * suggest.h - internals of storylens suggest exposed for the unit tests.
 *
 * The public half (sl_suggest_*) is in storylens.h.
 */
#ifndef SL_SUGGEST_H
#define SL_SUGGEST_H

#include <stddef.h>

/* Dunning's log-likelihood G2 of a 2x2 table: a occurrences among n1 focus
 * tokens against b among n2 reference tokens, signed + when a/n1 > b/n2 and
 * - when below. 0 when either side is empty. */
double sli_g2(unsigned long long a, unsigned long long b, unsigned long long n1,
             unsigned long long n2);

/* Whether the folded word (len bytes) is on the built-in English stop list. */
int sli_english_stop_word(const char *word, size_t len);

#endif
