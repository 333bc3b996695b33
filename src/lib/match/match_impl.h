/*
 * match_impl.h - the matcher's state, shared by the two halves of the match
 * stage: match.c (word, wildcard and phrase entries, exclusions and
 * resolution) and match_regex.c (regex entries). Private to src/lib.
 */
#ifndef SL_MATCH_IMPL_H
#define SL_MATCH_IMPL_H

#include <stdlib.h>

#include "core/vec.h"
#include "match/match.h"
#include "text/stem.h"

typedef struct cand {
    uint32_t entry, theme, start, end;
} cand;

typedef struct vec {
    void *p;
    size_t n, cap;
} vec;

/* Words kept in a thread's cache before it is emptied between stories. */
#define CACHE_MAX_WORDS (1u << 20)

struct sl_matcher {
    const sl_lexicon *lex;
    /* The sentences [s_lo, s_hi) of the current call (sli_match_range):
     * its tokens are [base, base + ntok), and every per-token array below
     * is indexed from base, so it grows with the stretch, not the story. */
    size_t s_lo, s_hi, base, ntok;
    sl_stem_cache *cache;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit;
    vec pool;      /* uint32: per annotated word with atoms, a count, the
                    * atoms, then a record count and the sl_first records of
                    * the entries its atoms start (4 uint32 each); pool[0] = 0
                    * is every atomless word's list. A word's annotation
                    * handle is its count's index + 1 */
    vec tok_ann;   /* per token from base: uint32 pairs (offset, count) into pool */
    vec tok_word;  /* per token from base: sl_word *, its record in the word cache */
    vec tok_hot;   /* uint32: the wanted tokens holding atoms (story indices), ascending;
                    * tok_hot.n of them (lookup_tokens) */
    /* Sharing the word cache (sli_matcher_follow): a follower borrows its
     * leader's cache and writes annotation slot 1; when it matches the
     * tokens its leader matched last, it takes the leader's records instead
     * of looking every word up again. */
    sl_matcher *leader;  /* NULL: the cache is this matcher's own */
    int has_follower;
    int slot;            /* annotation slot in sl_word */
    uint64_t trims_seen; /* the cache's trim count the pool belongs to */
    const char *refs_text; /* tok_word holds valid records for this story, or NULL */
    const sl_tokens *refs_toks;
    size_t refs_base, refs_n; /* the range of tokens they are for */
    uint64_t refs_epoch;
    vec cands;     /* cand: matches of entries other than exclusions */
    vec excl;      /* cand: exclusion matches, then sorted by theme and start */
    vec excl_max;  /* uint32: running max end over excl, per theme run */
    vec tcands;    /* cand with .theme set to the counting theme */
    vec bucket;    /* cand: tcands grouped by theme, ascending (resolve) */
    uint32_t *theme_n;    /* per theme: its tcands; zero between stories */
    uint64_t *theme_bits; /* a bit per theme: it has tcands; zero between stories */
    uint32_t *atom_seen;  /* per atom: the window generation it was last seen in */
    uint32_t atom_gen;    /* the current window's generation */
    int next_filter_off;  /* 1: try every phrase record (the reference, for tests) */
    vec stamp;     /* uint32 per token from base */
    struct sl_regex_index *rx; /* the regexes' literal prefilter; NULL: no regexes */
    int rx_off;            /* 1: run every regex everywhere (the reference, for tests) */
    vec rx_keys;           /* uint64 (regex << 32 | sentence) to run, per story */
    uint64_t *rx_keys_tmp; /* scratch of their sort (sort.h) */
    size_t rx_keys_tmp_cap;
    cand *cand_tmp; /* scratch of the per-story sorts (sort.h) */
    size_t cand_tmp_cap;
    sl_hit *hit_tmp;
    size_t hit_tmp_cap;
    uint32_t stamp_gen;
    int resolve_ref; /* 1: resolve by one sort of every candidate (the
                      * reference, for tests) */
    sl_hits hits;
    int skip_failures; /* --skip-invalid: a failing regex entry is dropped */
    int last_rc;       /* PCRE2's code of the last failed match */
    vec fail_entry;    /* uint32: entries dropped from the current story */
    vec fail_code;     /* int: their PCRE2 codes */
};

static inline int vec_reserve(vec *v, size_t elem, size_t want)
{
    return sli_grow(&v->p, &v->cap, want, elem);
}

static inline int push_cand(vec *v, uint32_t entry, uint32_t theme, uint32_t s, uint32_t e)
{
    if (vec_reserve(v, sizeof(cand), v->n + 1) != 0)
        return -1;
    ((cand *)v->p)[v->n++] = (cand){entry, theme, s, e};
    return 0;
}

/* Where entry e's candidates go: exclusions are kept apart from the rest
 * as they are found. */
static inline vec *cand_list(sl_matcher *m, const sl_entry *e)
{
    return e->exclusion ? &m->excl : &m->cands;
}

/* Token i's pair (offset, count) in tok_ann. */
static inline uint32_t *token_ann(const sl_matcher *m, size_t i)
{
    return (uint32_t *)m->tok_ann.p + 2 * (i - m->base);
}

/* Whether sentence s is to be matched (mask NULL: every sentence). */
static inline int wanted(const uint8_t *mask, uint32_t s)
{
    return !mask || mask[s];
}

/* The tokens of the wanted sentences of the call's range as ranges
 * [*lo, *hi), in order: start with *s = 0; 0 when there are none left.
 * Without a mask, one range of every token of the range. Every token lies
 * in a listed sentence (tokenize.h), so a pass over the ranges meets each
 * wanted token once and no other: the modifier matcher, whose mask holds
 * only the sentences with theme hits, then never touches the rest of the
 * story. */
static inline int wanted_tokens(const sl_matcher *m, const sl_tokens *toks, const uint8_t *mask,
                                size_t *s, size_t *lo, size_t *hi)
{
    if (*s < m->s_lo)
        *s = m->s_lo;
    if (!mask) {
        *lo = m->base;
        *hi = m->base + m->ntok;
        return (*s)++ == m->s_lo;
    }
    for (; *s < m->s_hi; (*s)++)
        if (mask[*s]) {
            *lo = toks->sent[*s].first_token;
            *hi = *lo + toks->sent[*s].ntokens;
            (*s)++;
            return 1;
        }
    return 0;
}

/* Adds the candidates of every regex entry in the wanted sentences to
 * m->cands; under skip_failures a failing entry is dropped for the story
 * and recorded. SL_EDATA on a PCRE2 limit otherwise; SL_ENOMEM. */
sl_status sli_match_regexes(sl_matcher *m, const char *text, const sl_tokens *toks,
                           const uint8_t *mask, const char *doc_id, sl_error *err);

#endif
