/*
 * match.h - finding the counted theme hits in one tokenised story.
 *
 * Each worker thread owns an sl_matcher: its stem cache, PCRE2 match data
 * and match context (with limits), and scratch arrays reused from story to
 * story. The lexicon is shared and read-only.
 *
 * Counting rules: within one theme, overlapping matches count once and the
 * longest wins (ties: the earlier start, then the earlier entry); across
 * themes each theme counts on its own. A parent theme counts the union of
 * its own entries and its descendants'. An exclusion written in theme T
 * removes the matches counted in T that it overlaps (T's entries' and its
 * descendants'), and keeps them out of T's ancestors; an ancestor's own
 * entries and a sibling's are untouched.
 */
#ifndef SL_MATCH_H
#define SL_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon/lexicon.h"
#include "text/tokenize.h"

typedef struct sl_hit {
    uint32_t theme;      /* the theme this hit counts for */
    uint32_t entry;      /* the entry that matched (may belong to a descendant) */
    uint32_t start, end; /* token range [start, end) */
} sl_hit;

typedef struct sl_hits {
    sl_hit *h;           /* ordered by theme, then start token */
    size_t n, cap;
} sl_hits;

typedef struct sl_matcher sl_matcher;

/* PCRE2 limits per regex match: a runaway pattern fails the run instead of
 * running for ever. */
#ifndef SL_REGEX_MATCH_LIMIT /* the fuzz build lowers them to bound each input */
#define SL_REGEX_MATCH_LIMIT 10000000u
#endif
#ifndef SL_REGEX_DEPTH_LIMIT
#define SL_REGEX_DEPTH_LIMIT 100000u
#endif

sl_status sli_matcher_new(sl_matcher **out, const sl_lexicon *lex, sl_error *err);
void sli_matcher_free(sl_matcher *m);

/* Makes m share leader's word cache (both must be for lexicons of one
 * language; a leader has at most one follower). Then, called on the story
 * its leader matched last (same text and tokens, untouched since), m does
 * not look the words up again: the direction stage's modifier matcher
 * follows the themes' matcher of its worker this way. m must not be used
 * once the leader is freed. Returns 1 if shared, 0 if m keeps its own
 * cache. */
int sli_matcher_follow(sl_matcher *m, sl_matcher *leader);

/* Finds the hits of one story. text is the story text the tokens point
 * into; doc_id names the story in messages. *out is borrowed: valid until
 * the next call. SL_EDATA naming the lexicon FILE:LINE:COL and the story
 * when a regex hits a PCRE2 limit; SL_ENOMEM. */
sl_status sli_match(sl_matcher *m, const char *text, const sl_tokens *toks, const char *doc_id,
                   const sl_hits **out, sl_error *err);

/* As sli_match, over only the sentences s with mask[s] nonzero (mask has
 * toks->nsent entries; NULL means every sentence). Matches never cross a
 * sentence, so the hits are exactly sli_match's hits in those sentences:
 * the direction stage uses it to look for triggers only where a theme hit
 * can be modified. */
sl_status sli_match_sentences(sl_matcher *m, const char *text, const sl_tokens *toks,
                             const uint8_t *mask, const char *doc_id, const sl_hits **out,
                             sl_error *err);

/* As sli_match_sentences, over only the sentences [s_lo, s_hi) (s_lo <=
 * s_hi <= toks->nsent): the hits are sli_match_sentences' hits in those
 * sentences, and the matcher's scratch grows with their tokens, not the
 * story's. A huge story is matched a stretch of sentences at a time this
 * way (worker.c). */
sl_status sli_match_range(sl_matcher *m, const char *text, const sl_tokens *toks,
                          const uint8_t *mask, size_t s_lo, size_t s_hi, const char *doc_id,
                          const sl_hits **out, sl_error *err);

/* Whether a and b are the same hits in the same order. */
int sli_hits_equal(const sl_hits *a, const sl_hits *b);

/* on = 0 runs every regex entry in every sentence, without the literal
 * prefilter (match_regex.c): the reference the tests compare it with. */
void sli_matcher_set_prefilter(sl_matcher *m, int on);

/* on = 0 resolves overlaps by one comparison sort of every candidate, by
 * theme, length and start, instead of grouping them by theme first
 * (match.c): the reference the tests compare it with. */
void sli_matcher_set_theme_buckets(sl_matcher *m, int on);

/* on = 1 (--skip-invalid): a regex entry that hits a PCRE2 limit on a
 * story is dropped for that story only (none of its matches there count)
 * and listed by sli_matcher_failures(), instead of failing sli_match. */
void sli_matcher_set_skip_failures(sl_matcher *m, int on);


/* on = 0 tries every phrase record of a token in full, without first
 * noting which atoms are within reach: the reference the filter is tested
 * against (default 1). */
void sli_matcher_set_next_filter(sl_matcher *m, int on);

/* The entries dropped from the last story and PCRE2's code for each.
 * Borrowed: valid until the next sli_match(). */
size_t sli_matcher_failures(const sl_matcher *m, const uint32_t **entries, const int **codes);

/* "LEXICON:LINE:COL" of an entry and PCRE2's message for code. */
void sli_regex_failure_text(const sl_lexicon *lex, uint32_t entry, int code, char *where,
                           size_t where_size, char *why, size_t why_size);

#endif
