/*
 * regex_literals.h - the literal prefilter of regex entries.
 *
 * A regex entry runs through PCRE2 once per sentence, which with hundreds
 * of regexes is most of a run. Most lexicon regexes name words, and any
 * match must contain one of a few literal strings: /\b(isolat\w*|lonel\w*)\b/i
 * contains "isolat" or "lonel". sli_regex_literals() finds such a set from
 * the pattern; the matcher then runs the regex only in the sentences
 * where some token holds one of the literals (see match_regex.c).
 */
#ifndef SL_REGEX_LITERALS_H
#define SL_REGEX_LITERALS_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon/lexicon.h"

#define SL_LIT_MAX 32    /* literals in one set; a larger set is no prefilter */
#define SL_LIT_LEN 32    /* bytes kept of one literal */

typedef struct sl_lit_set {
    size_t n;                        /* 0: no set, the regex runs everywhere */
    char lit[SL_LIT_MAX][SL_LIT_LEN + 1]; /* lower-case [a-z0-9]+, NUL-terminated */
} sl_lit_set;

/* The required literals of pattern (len bytes, PCRE2 syntax; extended is
 * non-zero under the x flag): lower-case ASCII strings of letters and
 * digits, one of which (ignoring case) every match contains. The parser
 * knows only a plain subset of PCRE2 (alternatives, groups, (?:...),
 * classes, the escapes \b \B \d \D \s \S \w \W and escaped punctuation,
 * quantifiers) and gives an empty set for anything else: an empty set is
 * always right, only slower. */
void sli_regex_literals(const char *pattern, size_t len, int extended, sl_lit_set *out);

/* The pattern text and x flag of a regex entry, from its source
 * ("/pattern/flags", "!/pattern/flags"). Returns 0, or -1 if unreadable. */
int sli_regex_entry_pattern(const sl_entry *e, const char **pattern, size_t *len,
                           int *extended);

/* For one lexicon's regex entries: which of them may match in a word. */
typedef struct sl_regex_index sl_regex_index;

/* NULL when out of memory. The lexicon must outlive it. */
sl_regex_index *sli_regex_index_new(const sl_lexicon *lex);
void sli_regex_index_free(sl_regex_index *ix);

/* Whether regex number r (an index into lex->regexes) has a literal set. */
int sli_regex_index_filtered(const sl_regex_index *ix, size_t r);

/* Appends to out (room for lex->nregexes + 1) the numbers of the filtered
 * regexes with a literal inside the folded word fold[0..len), ascending,
 * each once; returns how many. A word whose fold is not plain ASCII, or
 * may have been cut at the fold cap, could hide a literal from this test
 * (PCRE2 compares caselessly code point by code point, the fold is NFC
 * full case folding): for it the answer is the one number nregexes,
 * meaning every filtered regex. */
size_t sli_regex_index_word(const sl_regex_index *ix, const char *fold, size_t len,
                           uint32_t *out);

#endif
