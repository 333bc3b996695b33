/*
 * aggregate.c - per-story counts and their sums; see aggregate.h.
 *
 * Co-occurrence in every unit kind uses one idea: a hit covers a
 * contiguous range of units (one sentence, one paragraph, or the run of
 * sliding windows that overlap it). Per theme the ranges are merged into
 * disjoint intervals; a theme's unit count is their total length and a
 * pair's count is the length of the intersection of two interval lists.
 * That costs time in hits, never in tokens x themes.
 */
#include "count/aggregate.h"
#include "core/vec.h"

#include <stdlib.h>
#include <string.h>

typedef struct span {
    uint64_t lo, hi; /* inclusive unit range */
} span;

struct sl_agg_scratch {
    span *spans;     /* per theme, in hit order */
    size_t nspans, spans_cap;
    size_t *theme_off, *theme_len; /* nthemes: the theme's merged spans */
    size_t nthemes;
    uint32_t *entry_row; /* nentries: the entry's row in the story's counts, or NO_ROW */
    /* Sentences and paragraphs: one (unit << 32 | theme) key per hit, and
     * a themes x themes tally of pairs with the cells in use listed. */
    uint64_t *keys;
    size_t keys_cap;
    size_t *ufirst; /* nunits + 1: where each unit's keys go */
    size_t ufirst_cap;
    uint32_t *cell, *touched;
};

#define NO_ROW UINT32_MAX

/* Whether disjoint_unit_pairs runs: a sentence or paragraph unit, with
 * few enough themes that a tally cell's pair fits its 16-bit halves. */
static int uses_tally(const sl_shape *shape)
{
    int disjoint = 0;
    for (size_t u = 0; u < shape->nunits; u++)
        disjoint |= shape->units[u].kind == SL_UNIT_SENTENCE ||
                    shape->units[u].kind == SL_UNIT_PARAGRAPH;
    return disjoint && shape->nthemes < UINT16_MAX;
}

sl_agg_scratch *sli_agg_scratch_new(const sl_shape *shape)
{
    sl_agg_scratch *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->nthemes = shape->nthemes;
    s->theme_off = calloc(shape->nthemes + 1, sizeof *s->theme_off);
    s->theme_len = calloc(shape->nthemes + 1, sizeof *s->theme_len);
    s->entry_row = malloc((shape->nentries + 1) * sizeof *s->entry_row);
    /* the themes x themes tally only where a unit uses it: 10,000 themes
     * made it 800 MB a worker, even with no co-occurrence asked for */
    size_t cells = uses_tally(shape) ? shape->nthemes * shape->nthemes + 1 : 1;
    s->cell = calloc(cells, sizeof *s->cell);
    s->touched = malloc(cells * sizeof *s->touched);
    if (!s->theme_off || !s->theme_len || !s->entry_row || !s->cell ||
        !s->touched) {
        sli_agg_scratch_free(s);
        return NULL;
    }
    for (size_t e = 0; e <= shape->nentries; e++)
        s->entry_row[e] = NO_ROW;
    return s;
}

void sli_agg_scratch_free(sl_agg_scratch *s)
{
    if (!s)
        return;
    free(s->spans);
    free(s->theme_off);
    free(s->theme_len);
    free(s->entry_row);
    free(s->keys);
    free(s->ufirst);
    free(s->cell);
    free(s->touched);
    free(s);
}

void sli_docres_clear(sl_docres *r)
{
    if (!r)
        return;
    free(r->theme_hits);
    free(r->present);
    free(r->entry_ids);
    free(r->entry_counts);
    free(r->pairs);
    free(r->dir);
    memset(r, 0, sizeof *r);
}

/* ---- units ------------------------------------------------------------ */

static uint64_t unit_count(const sl_unit *u, const sl_tokens *toks)
{
    switch (u->kind) {
    case SL_UNIT_DOCUMENT:
        return 1;
    case SL_UNIT_PARAGRAPH:
        return toks->nparagraphs;
    case SL_UNIT_SENTENCE:
        return toks->nsent;
    case SL_UNIT_WINDOW:
        if (toks->n == 0)
            return 0;
        return toks->n >= u->window ? toks->n - u->window + 1 : 1;
    }
    return 0;
}

/* The units hit h touches: inclusive range. */
static span hit_span(const sl_unit *u, const sl_tokens *toks, const sl_hit *h, uint64_t nunits)
{
    const sl_token *a = &toks->tok[h->start], *b = &toks->tok[h->end - 1];
    switch (u->kind) {
    case SL_UNIT_PARAGRAPH:
        return (span){toks->sent[a->sentence].paragraph, toks->sent[b->sentence].paragraph};
    case SL_UNIT_SENTENCE:
        return (span){a->sentence, b->sentence};
    case SL_UNIT_WINDOW: {
        /* window i covers tokens [i, i+N): it overlaps [s, e) when s-N < i < e */
        uint64_t lo = h->start + 1 >= u->window ? h->start + 1 - u->window : 0;
        uint64_t hi = h->end - 1 < nunits - 1 ? h->end - 1 : nunits - 1;
        return (span){lo, hi};
    }
    case SL_UNIT_DOCUMENT:
        break;
    }
    return (span){0, 0};
}

/* Builds each present theme's merged spans for unit u. Hits are grouped by
 * theme (match.h promises theme order). */
static int merge_spans(sl_agg_scratch *s, const sl_unit *u, const sl_tokens *toks,
                       const sl_hits *hits, uint64_t nunits)
{
    if (SL_GROW(s->spans, s->spans_cap, hits->n + 1) != 0)
        return -1;
    s->nspans = 0;
    for (size_t i = 0; i < hits->n;) {
        uint32_t t = hits->h[i].theme;
        size_t first = s->nspans;
        for (; i < hits->n && hits->h[i].theme == t; i++)
            s->spans[s->nspans++] = hit_span(u, toks, &hits->h[i], nunits);
        /* No sort needed: a theme's hits come in start order (match.h), and
         * a hit's first unit never decreases with its start token, so the
         * spans arrive ordered by lo, which is all the merge needs. */
        size_t w = first;
        for (size_t k = first + 1; k < s->nspans; k++) {
            if (s->spans[k].lo <= s->spans[w].hi + 1) {
                if (s->spans[k].hi > s->spans[w].hi)
                    s->spans[w].hi = s->spans[k].hi;
            } else
                s->spans[++w] = s->spans[k];
        }
        s->nspans = w + 1;
        s->theme_off[t] = first;
        s->theme_len[t] = w + 1 - first;
    }
    return 0;
}

static uint64_t overlap(const span *a, size_t na, const span *b, size_t nb)
{
    uint64_t total = 0;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        uint64_t lo = a[i].lo > b[j].lo ? a[i].lo : b[j].lo;
        uint64_t hi = a[i].hi < b[j].hi ? a[i].hi : b[j].hi;
        if (lo <= hi)
            total += hi - lo + 1;
        if (a[i].hi < b[j].hi)
            i++;
        else
            j++;
    }
    return total;
}

static int push_pair(sl_docres *r, uint32_t u, uint32_t a, uint32_t b, uint64_t n)
{
    if (SL_GROW(r->pairs, r->pairs_cap, r->npairs + 1) != 0)
        return -1;
    r->pairs[r->npairs++] = (sl_pair){u, a, b, (uint32_t)n};
    return 0;
}

static int unit_pairs(sl_docres *r, sl_agg_scratch *s, uint32_t u)
{
    for (size_t i = 0; i < r->npresent; i++)
        for (size_t j = i; j < r->npresent; j++) {
            uint32_t a = r->present[i], b = r->present[j];
            uint64_t n = overlap(s->spans + s->theme_off[a], s->theme_len[a],
                                 s->spans + s->theme_off[b], s->theme_len[b]);
            if (n && push_pair(r, u, a, b, n) != 0)
                return -1;
        }
    return 0;
}

/* Pairs in sentences or paragraphs, where a hit lies in exactly one unit:
 * a pair's count is the number of units holding both themes, found unit by
 * unit from the (unit, theme) keys in unit order. That costs time in the
 * themes each unit holds, not in all present themes squared as merging
 * span lists would (windows, which overlap, still do that). The keys are
 * put in unit order by counting, not by a comparison sort: the hits come
 * in theme order, so a stable placement leaves each unit's themes
 * ascending, and counting costs two passes where the sort it replaced
 * spent a quarter of this stage's time on a 5,000-entry lexicon. */
static int disjoint_unit_pairs(sl_docres *r, sl_agg_scratch *s, const sl_unit *unit,
                               uint32_t u, const sl_tokens *toks, const sl_hits *hits,
                               uint64_t nunits)
{
    if (SL_GROW(s->keys, s->keys_cap, hits->n) != 0 ||
        SL_GROW(s->ufirst, s->ufirst_cap, nunits + 1) != 0)
        return -1;
    int by_sentence = unit->kind == SL_UNIT_SENTENCE;
    memset(s->ufirst, 0, (nunits + 1) * sizeof *s->ufirst);
    for (size_t i = 0; i < hits->n; i++) {
        const sl_token *t = &toks->tok[hits->h[i].start];
        s->ufirst[(by_sentence ? t->sentence : toks->sent[t->sentence].paragraph) + 1]++;
    }
    for (uint64_t k = 0; k < nunits; k++)
        s->ufirst[k + 1] += s->ufirst[k];
    for (size_t i = 0; i < hits->n; i++) {
        const sl_token *t = &toks->tok[hits->h[i].start];
        uint64_t unit_no = by_sentence ? t->sentence : toks->sent[t->sentence].paragraph;
        s->keys[s->ufirst[unit_no]++] = unit_no << 32 | hits->h[i].theme;
    }
    size_t nt = s->nthemes, ntouched = 0, n = 0;
    for (size_t i = 0; i < hits->n; i++) /* one key per theme and unit */
        if (i == 0 || s->keys[i] != s->keys[n - 1])
            s->keys[n++] = s->keys[i];
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && s->keys[hi] >> 32 == s->keys[lo] >> 32; hi++)
            ;
        for (size_t i = lo; i < hi; i++) /* themes ascend: a <= b */
            for (size_t j = i; j < hi; j++) {
                uint32_t a = (uint32_t)s->keys[i], b = (uint32_t)s->keys[j];
                if (s->cell[a * nt + b]++ == 0) /* listed as a << 16 | b: no division */
                    s->touched[ntouched++] = a << 16 | b;
            }
    }
    int rc = 0;
    for (size_t k = 0; k < ntouched; k++) {
        uint32_t a = s->touched[k] >> 16, b = s->touched[k] & 0xffff;
        if (rc == 0 && push_pair(r, u, a, b, s->cell[a * nt + b]) != 0)
            rc = -1;
        s->cell[a * nt + b] = 0; /* zero again for the next story, even after a failure */
    }
    return rc;
}

/* ---- per story -------------------------------------------------------- */

/* Hits per entry, in order of each entry's first hit. An entry's row is
 * found through the scratch's entry_row index, reset before returning. */
static int count_entries(sl_docres *r, sl_agg_scratch *s, const sl_lexicon *lex,
                         const sl_hits *hits)
{
    /* ids and counts share entry_cap: each grows from it, and it moves
     * only once both have */
    size_t cap = r->entry_cap;
    if (SL_GROW(r->entry_ids, cap, hits->n + 1) != 0)
        return -1;
    cap = r->entry_cap;
    if (SL_GROW(r->entry_counts, cap, hits->n + 1) != 0)
        return -1;
    r->entry_cap = cap;
    for (size_t i = 0; i < hits->n; i++) {
        const sl_hit *h = &hits->h[i];
        if (lex->entry_theme[h->entry] != h->theme)
            continue; /* an ancestor's count: the entry is listed under its own theme */
        uint32_t *row = &s->entry_row[h->entry];
        if (*row == NO_ROW) {
            *row = (uint32_t)r->nentry;
            r->entry_ids[r->nentry] = h->entry;
            r->entry_counts[r->nentry++] = 0;
        }
        r->entry_counts[*row]++;
    }
    for (size_t k = 0; k < r->nentry; k++)
        s->entry_row[r->entry_ids[k]] = NO_ROW;
    return 0;
}

int sli_docres_compute(sl_docres *r, sl_agg_scratch *s, const sl_shape *shape,
                      const sl_lexicon *lex, const sl_tokens *toks, const sl_hits *hits)
{
    /* every count starts again; the buffers stay (dir is zeroed when asked
     * for, by sli_docres_dir) */
    r->nentry = r->npairs = 0;
    memset(r->units, 0, sizeof r->units);
    r->tokens = toks->n;
    r->sentences = toks->nsent;
    r->paragraphs = toks->nparagraphs;
    r->invalid_utf8 = toks->invalid_utf8;
    if (r->theme_hits)
        memset(r->theme_hits, 0, (shape->nthemes + 1) * sizeof *r->theme_hits);
    else
        r->theme_hits = calloc(shape->nthemes + 1, sizeof *r->theme_hits);
    if (!r->present)
        r->present = malloc((shape->nthemes + 1) * sizeof *r->present);
    if (!r->theme_hits || !r->present || count_entries(r, s, lex, hits) != 0)
        return -1;
    size_t npresent = 0;
    for (size_t i = 0; i < hits->n; i++) { /* in theme order: present is ascending */
        uint32_t t = hits->h[i].theme;
        if (r->theme_hits[t]++ == 0)
            r->present[npresent++] = t;
    }
    r->npresent = npresent;
    for (size_t u = 0; u < shape->nunits; u++) {
        r->units[u] = unit_count(&shape->units[u], toks);
        if (npresent == 0)
            continue;
        const sl_unit *unit = &shape->units[u];
        if (unit->kind == SL_UNIT_DOCUMENT)
            continue; /* its pairs follow from theme_hits (sli_accum_add) */
        if (unit->kind != SL_UNIT_WINDOW && s->nthemes < UINT16_MAX) { /* cells fit uint32 */
            if (disjoint_unit_pairs(r, s, unit, (uint32_t)u, toks, hits, r->units[u]) != 0)
                return -1;
        } else if (merge_spans(s, unit, toks, hits, r->units[u]) != 0 ||
                   unit_pairs(r, s, (uint32_t)u) != 0)
            return -1;
    }
    return 0;
}

uint32_t *sli_docres_dir(sl_docres *r, const sl_shape *shape)
{
    size_t n = shape->nthemes * SL_DIR_STORY + 1;
    if (r->dir)
        memset(r->dir, 0, n * sizeof *r->dir);
    else
        r->dir = calloc(n, sizeof *r->dir);
    return r->dir;
}

/* ---- sums ------------------------------------------------------------- */

int sli_accum_init(sl_accum *a, const sl_shape *shape)
{
    memset(a, 0, sizeof *a);
    size_t t = shape->nthemes ? shape->nthemes : 1;
    a->theme_hits = calloc(t, sizeof *a->theme_hits);
    a->theme_docs = calloc(t, sizeof *a->theme_docs);
    a->entry_hits = calloc(shape->nentries + 1, sizeof *a->entry_hits);
    a->pairs = calloc(shape->nunits * (t * (t + 1) / 2) + 1, sizeof *a->pairs);
    if (shape->direction) {
        a->dir_hits = calloc(t * SL_DIR_FIGURES, sizeof *a->dir_hits);
        a->dir_docs = calloc(t * 3, sizeof *a->dir_docs);
        if (!a->dir_hits || !a->dir_docs) {
            sli_accum_free(a);
            return -1;
        }
    }
    if (!a->theme_hits || !a->theme_docs || !a->entry_hits || !a->pairs) {
        sli_accum_free(a);
        return -1;
    }
    return 0;
}

void sli_accum_free(sl_accum *a)
{
    if (!a)
        return;
    free(a->theme_hits);
    free(a->theme_docs);
    free(a->entry_hits);
    free(a->pairs);
    free(a->dir_hits);
    free(a->dir_docs);
    memset(a, 0, sizeof *a);
}

/* Direction figures are counts like the rest: hits by direction and time,
 * and stories by their net direction (sli_direction_net), so that shards
 * add up exactly. */
/* Only the story's themes with hits (present, np of them) can have
 * direction counts: a hit is tallied under the theme it counts for. */
static void accum_direction(sl_accum *a, const uint32_t *present, size_t np, const uint32_t *dir)
{
    /* sli_direction_net without a branch: which way a story went is the
     * data, and its tests were mispredicted often enough to make these
     * sums a third of the cost of all the sums with 5,000 entries. Slot 0
     * improved, 1 worsened, 2 mentioned (also for no change at all);
     * nothing is added when the theme has no hit (net NONE) */
    static const uint8_t slot_of[4] = {2, 0, 1, 2};
    for (size_t i = 0; i < np; i++) {
        size_t t = present[i];
        const uint32_t *c = dir + t * SL_DIR_STORY;
        for (size_t k = 0; k < SL_DIR_FIGURES; k++)
            a->dir_hits[t * SL_DIR_FIGURES + k] += c[k];
        size_t slot = slot_of[c[SL_DIR_NET] & 3];
        a->dir_docs[t * 3 + slot] +=
            (c[SL_DIR_IMPROVED] + c[SL_DIR_WORSENED] + c[SL_DIR_MENTIONED]) != 0;
    }
}

void sli_accum_add(sl_accum *a, const sl_shape *shape, const sl_docres *r)
{
    size_t nt = shape->nthemes;
    a->documents++;
    a->tokens += r->tokens;
    a->sentences += r->sentences;
    a->paragraphs += r->paragraphs;
    a->invalid_utf8 += r->invalid_utf8;
    /* only the themes with hits: the others add nothing, and a test of
     * every theme's count was a branch no predictor could learn */
    const uint32_t *present = r->present; /* ascending, so pairs come as a <= b */
    size_t np = r->npresent;
    for (size_t i = 0; i < np; i++) {
        a->theme_hits[present[i]] += r->theme_hits[present[i]];
        a->theme_docs[present[i]]++;
    }
    for (size_t k = 0; k < r->nentry; k++)
        a->entry_hits[r->entry_ids[k]] += r->entry_counts[k];
    for (size_t u = 0; u < shape->nunits; u++) {
        a->units[u] += r->units[u];
        if (shape->units[u].kind != SL_UNIT_DOCUMENT)
            continue;
        /* the diagonal is theme_docs, added above */
        for (size_t i = 0; i + 1 < np; i++) {
            uint64_t *row = a->pairs + sl_pair_cell(nt, u, present[i], present[i]) - present[i];
            for (size_t j = i + 1; j < np; j++)
                row[present[j]]++;
        }
    }
    for (size_t k = 0; k < r->npairs; k++) {
        const sl_pair *p = &r->pairs[k];
        a->pairs[sl_pair_cell(nt, p->unit, p->a, p->b)] += p->count;
    }
    if (a->dir_hits && r->dir)
        accum_direction(a, present, np, r->dir);
}

static void add_counts(uint64_t *a, const uint64_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        a[i] += b[i];
}

void sli_accum_merge(sl_accum *a, const sl_shape *shape, const sl_accum *b)
{
    size_t nt = shape->nthemes;
    a->documents += b->documents;
    a->tokens += b->tokens;
    a->sentences += b->sentences;
    a->paragraphs += b->paragraphs;
    a->invalid_utf8 += b->invalid_utf8;
    add_counts(a->theme_hits, b->theme_hits, nt);
    add_counts(a->theme_docs, b->theme_docs, nt);
    add_counts(a->entry_hits, b->entry_hits, shape->nentries);
    add_counts(a->units, b->units, shape->nunits);
    add_counts(a->pairs, b->pairs, shape->nunits * (nt * (nt + 1) / 2));
    if (a->dir_hits && b->dir_hits) {
        add_counts(a->dir_hits, b->dir_hits, nt * SL_DIR_FIGURES);
        add_counts(a->dir_docs, b->dir_docs, nt * 3);
    }
}

uint64_t sli_accum_pair(const sl_accum *a, const sl_shape *shape, size_t u, size_t x, size_t y)
{
    size_t nt = shape->nthemes;
    if (x > y) {
        size_t t = x;
        x = y;
        y = t;
    }
    if (x == y && shape->units[u].kind == SL_UNIT_DOCUMENT)
        return a->theme_docs[x];
    return a->pairs[sl_pair_cell(nt, u, x, y)];
}
