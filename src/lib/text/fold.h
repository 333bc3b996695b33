/*
 * fold.h - the surface form of a matched span, as the tuning tools show it.
 *
 * explain and suggest both report "what the text said": the bytes of a span
 * with each run of white space made one space, then Unicode full case
 * folding with NFC (utf8proc), so "Isolated", "ISOLATED" and "isolated\n"
 * are one form. Spans that are not valid UTF-8 keep their bytes unfolded.
 */
#ifndef SL_FOLD_H
#define SL_FOLD_H

#include <stddef.h>

/* The folded surface form of text[0..len). Caller owns the result; free
 * with free(). *out_len gets its length. NULL when out of memory. */
char *sli_fold_span(const char *text, size_t len, size_t *out_len);

#endif
