/*
 * worker.h - one story on one thread: tokenise, match, judge direction,
 * count.
 *
 * A worker owns everything mutable that analysing a story needs (tokens,
 * matcher with its PCRE2 match data and word cache, direction matcher,
 * aggregation scratch), so workers share nothing but the immutable
 * lexicon and settings. The batch loop (batch.c) and the pieces of a
 * split file (split.c) both hand stories to workers.
 */
#ifndef SL_WORKER_H
#define SL_WORKER_H

#include "core/options.h"
#include "count/aggregate.h"
#include "direction/direction.h"
#include "match/match.h"
#include "text/tokenize.h"

/* Each worker on cache lines of its own: the token counts in toks change
 * with every token, and a neighbour sharing their line made two threads
 * slow each other down (false sharing; -j 2 then took a third more CPU
 * time than -j 1 for the same work). */
#define SL_CACHE_LINE 64

typedef struct sl_worker {
    _Alignas(SL_CACHE_LINE) sl_tokens toks;
    sl_matcher *matcher;
    sl_agg_scratch *scratch;
    sl_director *director; /* with direction only */
    sl_matcher *contexts;  /* with(A, X): matches the contexts A over a story */
    sl_hits counted;       /* the hits that count when a conditioned entry's
                            * match was dropped (lexicon language v2) */
    sl_hit_dir *counted_dirs;
    size_t counted_cap;
    /* A huge story matched and judged a stretch of sentences at a time
     * (worker.c): its hits, their directions and (with a story handler)
     * the triggers gathered from the stretches, then put in theme order. */
    sl_hits story;
    sl_hit_dir *story_dirs;
    size_t story_dirs_cap;
    sl_trigger *story_trig;
    size_t story_ntrig, story_trig_cap;
    size_t *theme_at;      /* per theme: its next slot (order_by_theme) */
    size_t stretch;        /* tokens a stretch holds at least; 0: the default */
} sl_worker;

/* A story's counted hits, kept only when a story handler is set. */
typedef struct sl_hit_list {
    sl_hit_view *v;
    size_t n, cap;
} sl_hit_list;

/* A story's regex entries dropped by --skip-invalid (match.h). */
typedef struct sl_regex_drops {
    uint32_t *entry;
    int *code;
    size_t n, cap;
} sl_regex_drops;

/* n workers for lex and opts (borrowed; they must outlive the workers).
 * Caller owns *out; free with sli_workers_free(*out, n), also on failure. */
sl_status sli_workers_new(sl_worker **out, int n, const sl_lexicon *lex, const sl_options *opts,
                          const sl_shape *shape, sl_error *err);
void sli_workers_free(sl_worker *w, int n);

/* A story of more than tokens tokens is then matched and judged in
 * stretches of whole sentences of at least that many (0: the default,
 * 65,536; SIZE_MAX: never): the tests compare stretches of a few tokens
 * with the whole story. */
void sli_worker_set_stretch(sl_worker *w, size_t tokens);

/* Analyses d on w into r (whose buffers are reused from story to story);
 * with a story handler the hits go to kept, and regex entries dropped on
 * the story (--skip-invalid) to drops. */
sl_status sli_worker_analyse(sl_worker *w, const sl_lexicon *lex, const sl_options *opts,
                             const sl_shape *shape, const sl_doc *d, sl_docres *r,
                             sl_hit_list *kept, sl_regex_drops *drops, sl_error *err);

#endif
