/*
 * report_quotes.c - the quotes of storylens report, kept while the
 * stories stream past.
 *
 * The story handler sees each story once, in input order at any -j. For
 * every theme with hits in the story, the story's best sentence (the
 * sentence the tokeniser cut around a hit, sl_hit_view.sentence_start/end,
 * as kwic --context sentence quotes it) competes for the theme's k places
 * by cli_quote_before. One sentence a story, so a theme's quotes come from
 * different stories; only k quotes a theme are ever held, so memory does
 * not grow with the corpus.
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"

int report_quotes_init(report_quotes *rq, const sl_lexicon *lex, size_t k)
{
    memset(rq, 0, sizeof *rq);
    rq->lex = lex;
    rq->k = k;
    rq->nthemes = sl_lexicon_theme_count(lex);
    rq->q = calloc(rq->nthemes * k + 1, sizeof *rq->q);
    rq->n = calloc(rq->nthemes + 1, sizeof *rq->n);
    return rq->q && rq->n ? 0 : -1;
}

static void quote_free(report_quote *q)
{
    free(q->id);
    free(q->meta);
    free(q->text);
    free(q->marks);
    memset(q, 0, sizeof *q);
}

void report_quotes_free(report_quotes *rq)
{
    for (size_t i = 0; rq->q && i < rq->nthemes * rq->k; i++)
        quote_free(&rq->q[i]);
    free(rq->q);
    free(rq->n);
    memset(rq, 0, sizeof *rq);
}

const report_quote *report_quotes_of(const report_quotes *rq, const char *theme, size_t *n)
{
    for (size_t t = 0; rq && t < rq->nthemes; t++)
        if (strcmp(sl_lexicon_theme_name(rq->lex, t), theme) == 0) {
            *n = rq->n[t];
            return rq->n[t] ? &rq->q[t * rq->k] : NULL;
        }
    *n = 0;
    return NULL;
}

/* A hit whose offsets the sentence really holds; others are not quoted. */
static int quotable(const sl_story_view *st, const sl_hit_view *h)
{
    return h->sentence_start <= h->start && h->start < h->end && h->end <= h->sentence_end &&
           h->sentence_end <= st->text_len;
}

static cli_quote_rank rank_of(const report_quotes *rq, const sl_hit_view *h)
{
    /* an asset with no trigger is "improved" too; only a trigger says a
     * change is told */
    cli_quote_rank r = {h->trigger && (h->direction == SL_DIRECTION_IMPROVED ||
                                       h->direction == SL_DIRECTION_WORSENED),
                        h->sentence_end - h->sentence_start, rq->stories, h->sentence_start};
    return r;
}

/* "key: value; key: value" of the story's metadata. */
static char *meta_line(const sl_story_view *st)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    if (!f)
        return NULL;
    for (size_t i = 0; i < st->nmeta; i++)
        fprintf(f, "%s%s: %s", i ? "; " : "", st->meta_keys[i], st->meta_values[i]);
    if (fclose(f) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

/* The spans of hits[0..n) inside the sentence [lo, hi), merged where they
 * overlap (hits of one theme come ordered by position). */
static int collect_marks(report_quote *q, const sl_hit_view *hits, size_t n, size_t lo,
                         size_t hi)
{
    q->marks = malloc((2 * n + 1) * sizeof *q->marks);
    if (!q->marks)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (hits[i].start < lo || hits[i].end > hi || hits[i].start >= hits[i].end)
            continue;
        size_t a = hits[i].start - lo, b = hits[i].end - lo;
        size_t m = q->nmarks;
        if (m && a <= q->marks[2 * m - 1]) {
            if (b > q->marks[2 * m - 1])
                q->marks[2 * m - 1] = b;
            continue;
        }
        q->marks[2 * m] = a;
        q->marks[2 * m + 1] = b;
        q->nmarks++;
    }
    return 0;
}

static int make_quote(report_quote *q, const sl_story_view *st, const sl_hit_view *best,
                      const sl_hit_view *hits, size_t n, cli_quote_rank rank)
{
    size_t lo = best->sentence_start, hi = best->sentence_end;
    memset(q, 0, sizeof *q);
    q->rank = rank;
    q->id = strdup(st->id ? st->id : "");
    q->meta = meta_line(st);
    q->len = hi - lo;
    q->text = malloc(q->len + 1);
    if (!q->id || !q->meta || !q->text || collect_marks(q, hits, n, lo, hi) != 0) {
        quote_free(q);
        return -1;
    }
    memcpy(q->text, st->text + lo, q->len);
    q->text[q->len] = '\0';
    return 0;
}

/* Offers the story's best sentence among hits[0..n) (one theme's) to the
 * theme's kept quotes. */
static void offer(report_quotes *rq, size_t theme, const sl_story_view *st,
                  const sl_hit_view *hits, size_t n)
{
    const sl_hit_view *best = NULL;
    cli_quote_rank br = {0};
    for (size_t i = 0; i < n; i++) {
        cli_quote_rank r = rank_of(rq, &hits[i]);
        if (quotable(st, &hits[i]) && (!best || cli_quote_before(&r, &br)))
            best = &hits[i], br = r;
    }
    if (!best)
        return;
    report_quote *kept = &rq->q[theme * rq->k];
    cli_quote_rank ranks[16];
    size_t have = rq->n[theme];
    for (size_t i = 0; i < have; i++)
        ranks[i] = kept[i].rank;
    size_t slot = cli_quote_slot(ranks, have, rq->k, &br);
    if (slot >= rq->k)
        return;
    report_quote q;
    if (make_quote(&q, st, best, hits, n, br) != 0) {
        rq->nomem = 1;
        return;
    }
    if (have == rq->k)
        quote_free(&kept[--have]);
    memmove(&kept[slot + 1], &kept[slot], (have - slot) * sizeof *kept);
    kept[slot] = q;
    rq->n[theme] = have + 1;
}

void report_quotes_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n)
{
    report_quotes *rq = user;
    /* the handler orders hits by theme, then position: one run a theme */
    for (size_t i = 0, j; i < n && !rq->nomem; i = j) {
        for (j = i + 1; j < n && hits[j].theme == hits[i].theme; j++)
            ;
        if (hits[i].theme < rq->nthemes)
            offer(rq, hits[i].theme, st, hits + i, j - i);
    }
    rq->stories++;
}
