/*
 * aggregate.h - from one story's hits to additive figures, and their sums.
 *
 * A worker turns a story's hits into an sl_docres: counts only (hits per
 * theme and entry, units and theme-pair co-occurrences per unit kind).
 * The main thread adds docres records into sl_accum totals (the corpus and
 * each --by group) strictly in input order. Every stored figure is an
 * additive integer; shares, rates, Jaccard and NPMI are derived only when
 * written, so totals from disjoint shards add up exactly.
 */
#ifndef SL_AGGREGATE_H
#define SL_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/options.h"
#include "direction/direction.h"
#include "match/match.h"
#include "text/tokenize.h"

typedef struct sl_shape {
    size_t nthemes, nentries;
    size_t nunits;
    sl_unit units[SL_MAX_UNITS];
    int direction;      /* direction of change figures are kept (direction.h) */
} sl_shape;

typedef struct sl_pair {
    uint32_t unit, a, b; /* a <= b; a == b is the theme's own unit count */
    uint32_t count;
} sl_pair;

typedef struct sl_docres {
    uint64_t tokens, sentences, paragraphs, invalid_utf8;
    uint32_t *theme_hits;  /* nthemes */
    uint32_t *present;     /* the npresent themes with hits, ascending: the
                            * sums visit these, not every theme */
    size_t npresent;
    uint32_t *entry_ids, *entry_counts; /* nentry: entries with hits in their own theme */
    size_t nentry;
    uint64_t units[SL_MAX_UNITS];
    sl_pair *pairs;        /* units other than document: in the document every
                            * two themes with hits meet once, which the sums
                            * derive from theme_hits */
    size_t npairs;
    uint32_t *dir;         /* with direction: nthemes * SL_DIR_FIGURES hit counts, else NULL */
    size_t entry_cap, pairs_cap; /* the buffers kept for the next story */
} sl_docres;

typedef struct sl_accum {
    uint64_t documents, tokens, sentences, paragraphs, invalid_utf8;
    uint64_t *theme_hits, *theme_docs; /* nthemes */
    uint64_t *entry_hits;              /* nentries */
    uint64_t units[SL_MAX_UNITS];
    uint64_t *pairs;                   /* per unit, the upper triangle (sl_pair_cell); the
                                        * document unit's diagonal is theme_docs, kept
                                        * there and not in its cells */
    uint64_t *dir_hits;  /* with direction: nthemes * SL_DIR_FIGURES hits */
    uint64_t *dir_docs;  /* with direction: nthemes * 3 stories by net direction */
} sl_accum;

/* Scratch a worker reuses between stories. */
typedef struct sl_agg_scratch sl_agg_scratch;

sl_agg_scratch *sli_agg_scratch_new(const sl_shape *shape);
void sli_agg_scratch_free(sl_agg_scratch *s);

/* Computes r (which the caller owns; free with sli_docres_clear) from the
 * hits of a story. r is either zeroed or a record of an earlier story,
 * whose buffers are reused: a batch slot keeps them from story to story,
 * which spares several allocations per story, each freed on another
 * thread. Returns 0 or -1 when out of memory. */
int sli_docres_compute(sl_docres *r, sl_agg_scratch *s, const sl_shape *shape,
                      const sl_lexicon *lex, const sl_tokens *toks, const sl_hits *hits);

/* r's direction counts, zeroed (reusing r's buffer), for
 * sli_direction_tally. NULL when out of memory. */
uint32_t *sli_docres_dir(sl_docres *r, const sl_shape *shape);
void sli_docres_clear(sl_docres *r);

int sli_accum_init(sl_accum *a, const sl_shape *shape);
void sli_accum_free(sl_accum *a);
void sli_accum_add(sl_accum *a, const sl_shape *shape, const sl_docres *r);
/* Adds the totals b to a (both of shape): the parts of a split file. */
void sli_accum_merge(sl_accum *a, const sl_shape *shape, const sl_accum *b);

/* Where the co-occurrence count of themes a <= b in unit u is kept: per
 * unit the upper triangle, row by row, so that the cells a story adds to
 * lie in half the memory of a square (with 5,000 entries in 69 themes the
 * squares of two units outgrew the first-level cache). */
static inline size_t sl_pair_cell(size_t nt, size_t u, size_t a, size_t b)
{
    return u * (nt * (nt + 1) / 2) + a * (2 * nt - a + 1) / 2 + (b - a);
}

/* Co-occurrence count of themes a and b in unit u (order-free). */
uint64_t sli_accum_pair(const sl_accum *a, const sl_shape *shape, size_t u, size_t x, size_t y);

#endif
