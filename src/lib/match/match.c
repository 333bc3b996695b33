/*
 * match.c - lexicon entries against one story's tokens; see match.h.
 *
 * Per distinct word, once per thread, the matcher computes the atoms the
 * word satisfies (its stem, its folded form, each of its prefixes that is
 * a wildcard) and stores them as the word's annotation in the stem cache.
 * A story then costs one cache lookup per token plus work proportional to
 * the candidate matches, however large the lexicon.
 *
 * Candidates are collected for every entry, exclusions filtered theme by
 * theme up the hierarchy, the survivors grouped by theme with a counting
 * pass, and each theme's resolved greedily, longest first, using a
 * per-token stamp array instead of clearing a bitmap for every theme.
 * Regex entries are matched in match_regex.c.
 */
#include "match/match.h"

#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "match/match_impl.h"
#include "match/regex_literals.h"
#include "core/sort.h"
#include "text/stem.h"

/* Empties the annotation pool but for the shared empty list at 0. */
static int reset_pool(sl_matcher *m)
{
    if (vec_reserve(&m->pool, sizeof(uint32_t), 1) != 0)
        return -1;
    ((uint32_t *)m->pool.p)[0] = 0;
    m->pool.n = 1;
    return 0;
}

sl_status sli_matcher_new(sl_matcher **out, const sl_lexicon *lex, sl_error *err)
{
    *out = NULL;
    sl_matcher *m = calloc(1, sizeof *m);
    if (!m)
        return sli_fail_nomem(err);
    m->lex = lex;
    sl_status s = sli_stem_cache_new(&m->cache, lex->language, err);
    if (s != SL_OK) {
        free(m);
        return s;
    }
    if (lex->nregexes && !(m->rx = sli_regex_index_new(lex))) {
        sli_matcher_free(m);
        return sli_fail_nomem(err);
    }
    m->md = pcre2_match_data_create(16, NULL);
    m->mctx = pcre2_match_context_create(NULL);
    m->jit = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!m->md || !m->mctx || reset_pool(m) != 0) {
        sli_matcher_free(m);
        return sli_fail_nomem(err);
    }
    pcre2_set_match_limit(m->mctx, SL_REGEX_MATCH_LIMIT);
    pcre2_set_depth_limit(m->mctx, SL_REGEX_DEPTH_LIMIT);
    if (m->jit)
        pcre2_jit_stack_assign(m->mctx, NULL, m->jit);
    *out = m;
    return SL_OK;
}

int sli_matcher_follow(sl_matcher *m, sl_matcher *leader)
{
    if (m->leader || m->has_follower || leader->leader || leader->has_follower ||
        strcmp(m->lex->language ? m->lex->language : "english",
               leader->lex->language ? leader->lex->language : "english") != 0)
        return 0;
    sli_stem_cache_free(m->cache);
    m->cache = leader->cache;
    m->leader = leader;
    m->slot = 1;
    m->trims_seen = sli_stem_cache_trims(m->cache);
    m->pool.n = 1; /* the pool was made in sli_matcher_new */
    leader->has_follower = 1;
    return 1;
}

void sli_matcher_free(sl_matcher *m)
{
    if (!m)
        return;
    if (!m->leader)
        sli_stem_cache_free(m->cache);
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit);
    free(m->pool.p);
    free(m->tok_ann.p);
    free(m->tok_word.p);
    free(m->tok_hot.p);
    free(m->cand_tmp);
    sli_regex_index_free(m->rx);
    free(m->rx_keys.p);
    free(m->rx_keys_tmp);
    free(m->hit_tmp);
    free(m->cands.p);
    free(m->excl.p);
    free(m->excl_max.p);
    free(m->tcands.p);
    free(m->stamp.p);
    free(m->bucket.p);
    free(m->theme_n);
    free(m->theme_bits);
    free(m->atom_seen);
    free(m->hits.h);
    free(m->fail_entry.p);
    free(m->fail_code.p);
    free(m);
}

/* ---- atoms of a word -------------------------------------------------- */

/* qsort, except that an empty array may be NULL (UBSan rightly objects). */
static void sort(void *p, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(p, n, size, cmp);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int annotate(sl_matcher *m, sl_word *w, const char *fold, size_t len)
{
    const sl_lexicon *lex = m->lex;
    uint32_t found[SL_MAX_PREFIX + 2];
    size_t n = 0;
    const uint32_t *a = sli_strmap_get(&lex->stem_atoms, sli_word_stem(m->cache, w),
                                      sli_word_stem_len(m->cache, w));
    if (a)
        found[n++] = *a;
    if ((a = sli_strmap_get(&lex->exact_atoms, fold, len)))
        found[n++] = *a;
    size_t maxp = len < SL_MAX_PREFIX ? len : SL_MAX_PREFIX;
    for (size_t l = 1; l <= maxp; l++)
        if (lex->prefix_len[l] && (a = sli_strmap_get(&lex->prefix_atoms, fold, l)))
            found[n++] = *a;
    sort(found, n, sizeof *found, cmp_u32);
    /* the first-atom index records of the entries these atoms start */
    size_t nrec = 0;
    for (size_t i = 0; i < n; i++)
        nrec += lex->first_off[found[i] + 1] - lex->first_off[found[i]];
    /* then the regexes whose literals the word holds, as atoms past the
     * lexicon's own (natoms + regex number; see match_regex.c) */
    size_t nrx = m->rx ? lex->nregexes + 1 : 0;
    size_t need = 1 + n + nrx + 1 + 4 * nrec;
    if (m->pool.n + need > UINT32_MAX || /* handles are 32-bit */
        vec_reserve(&m->pool, sizeof(uint32_t), m->pool.n + need) != 0)
        return -1;
    uint32_t *out = (uint32_t *)m->pool.p + m->pool.n;
    memcpy(out + 1, found, n * sizeof *found);
    size_t natoms = n;
    if (m->rx) {
        size_t k = sli_regex_index_word(m->rx, fold, len, out + 1 + n);
        for (size_t i = 0; i < k; i++)
            out[1 + n + i] += (uint32_t)lex->natoms;
        n += k;
    }
    if (n == 0) {
        w->ann[m->slot] = 1; /* the shared empty list */
        return 0;
    }
    out[0] = (uint32_t)n;
    /* In lexicon order within each atom, atoms ascending: candidates
     * come in the same order whatever order the words were met in. */
    uint32_t *recs = out + 1 + n;
    recs[0] = (uint32_t)nrec;
    sl_first *f = (sl_first *)(recs + 1);
    for (size_t i = 0; i < natoms; i++) {
        size_t run = lex->first_off[found[i] + 1] - lex->first_off[found[i]];
        memcpy(f, &lex->first[lex->first_off[found[i]]], run * sizeof *f);
        f += run;
    }
    w->ann[m->slot] = (uint32_t)m->pool.n + 1;
    m->pool.n += 1 + n + 1 + 4 * nrec;
    return 0;
}

/* The record of token i: the leader's when it holds for these tokens,
 * else by a lookup (kept for followers). */
static sl_word *token_word(sl_matcher *m, const sl_tokens *toks, size_t i, int reuse)
{
    if (reuse)
        return ((sl_word *const *)m->leader->tok_word.p)[i - m->base];
    sl_word *w = sli_stem_lookup_padded(m->cache, toks->fold + toks->tok[i].fold_off,
                                        sli_token_fold_len(toks, i));
    ((sl_word **)m->tok_word.p)[i - m->base] = w;
    return w;
}

/* Whether the leader's records are for this story's tokens and still valid:
 * it matched them last, every token of this range, and the cache has not
 * moved since. */
static int can_reuse(const sl_matcher *m, const char *text, const sl_tokens *toks)
{
    const sl_matcher *l = m->leader;
    return l && l->refs_text == text && l->refs_toks == toks && l->refs_base == m->base &&
           l->refs_n == m->ntok && l->refs_epoch == sli_stem_cache_epoch(m->cache);
}

/* Fills tok_ann with each wanted token's atoms; the others' entries are
 * left as they were, and nothing reads them (wanted_tokens). */
static int lookup_tokens(sl_matcher *m, const char *text, const sl_tokens *toks,
                         const uint8_t *mask)
{
    if (!m->leader)
        sli_stem_cache_trim(m->cache, CACHE_MAX_WORDS); /* between stories, by the owner */
    uint64_t trims = sli_stem_cache_trims(m->cache);
    if (trims != m->trims_seen) { /* every annotation is void */
        m->pool.n = 1;
        m->trims_seen = trims;
    }
    int reuse = can_reuse(m, text, toks);
    if (vec_reserve(&m->tok_ann, 2 * sizeof(uint32_t), m->ntok + 1) != 0 ||
        vec_reserve(&m->tok_word, sizeof(sl_word *), m->ntok + 1) != 0 ||
        vec_reserve(&m->tok_hot, sizeof(uint32_t), m->ntok + 1) != 0)
        return -1;
    m->refs_text = NULL;
    uint64_t epoch = sli_stem_cache_epoch(m->cache);
    uint32_t *ann = m->tok_ann.p, *hot = m->tok_hot.p;
    size_t nhot = 0, base = m->base;
    for (size_t s = 0, lo, hi; wanted_tokens(m, toks, mask, &s, &lo, &hi);)
        for (size_t i = lo; i < hi; i++) {
            const sl_token *t = &toks->tok[i];
            sl_word *w = token_word(m, toks, i, reuse);
            if (!w || (!w->ann[m->slot] &&
                       annotate(m, w, toks->fold + t->fold_off, sli_token_fold_len(toks, i)) != 0))
                return -1;
            uint32_t h = w->ann[m->slot];
            ann[2 * (i - base)] = h; /* the atoms follow the count */
            ann[2 * (i - base) + 1] = 0;
            /* listed without a branch: whether a token has atoms follows no
             * pattern, and the passes after this one walk the list instead
             * of testing every token (a mispredicted test each time). Only
             * the shared empty list has handle 1, so the test needs no
             * load from the pool */
            hot[nhot] = (uint32_t)i;
            nhot += h != 1;
        }
    m->tok_hot.n = nhot;
    /* The counts in a pass of their own: the pool loads no longer wait on
     * the word's record one by one, so their misses overlap (with a
     * 5,000-entry lexicon the pool outgrows the first-level cache) */
    const uint32_t *pool = m->pool.p;
    for (size_t k = 0; k < nhot; k++)
        ann[2 * (hot[k] - base) + 1] = pool[ann[2 * (hot[k] - base)] - 1];
    if (!mask && !reuse && sli_stem_cache_epoch(m->cache) == epoch) {
        m->refs_text = text; /* every token has its record, none moved */
        m->refs_toks = toks;
        m->refs_base = base;
        m->refs_n = m->ntok;
        m->refs_epoch = epoch;
    }
    return 0;
}

static int token_has(const sl_matcher *m, size_t tok, uint32_t atom)
{
    const uint32_t *ann = token_ann(m, tok);
    const uint32_t *a = (const uint32_t *)m->pool.p + ann[0];
    for (uint32_t k = 0; k < ann[1]; k++)
        if (a[k] == atom)
            return 1;
    return 0;
}

/* ---- candidates ------------------------------------------------------- */

/* The end of the earliest match of atoms k.. of e starting at token pos,
 * within the sentence of the phrase's first token; 0 if none. */
static uint32_t extend_phrase(const sl_matcher *m, const sl_tokens *toks, const sl_entry *e,
                              uint32_t k, size_t pos, uint32_t sent)
{
    if (k == e->natoms)
        return (uint32_t)pos;
    for (size_t j = pos; j <= pos + e->gaps[k] && j < toks->n; j++) {
        if (toks->tok[j].sentence != sent)
            break;
        if (token_has(m, j, e->atoms[k])) {
            uint32_t end = extend_phrase(m, toks, e, k + 1, j + 1, sent);
            if (end)
                return end;
        }
    }
    return 0;
}

/* The end of the earliest match of the phrase f starting at token i
 * (extend_phrase from its second atom), 0 if none: the second atom and its
 * gap are in the index record, so a try that fails there never reads the
 * entry. */
static uint32_t extend_from_first(const sl_matcher *m, const sl_tokens *toks, const sl_first *f,
                                  size_t i)
{
    size_t pos = i + 1;
    uint32_t sent = toks->tok[i].sentence;
    for (size_t j = pos; j <= pos + f->gap && j < toks->n; j++) {
        if (toks->tok[j].sentence != sent)
            break;
        if (token_has(m, j, f->next)) {
            uint32_t end = f->natoms == 2 ? (uint32_t)j + 1
                                          : extend_phrase(m, toks, &m->lex->entries[f->entry], 2,
                                                          j + 1, sent);
            if (end)
                return end;
        }
    }
    return 0;
}

/* A token that starts more phrases than this first notes which atoms the
 * tokens within reach hold, so that a phrase whose second atom is not
 * among them is passed over without a scan. Rules of the lexicon language
 * v2 expand into thousands of phrases, many starting with one common word
 * ("the", "would", "not") and with gaps of up to SL_MAX_GAP: trying each
 * one's gap was most of a run's time (10 MB: 0.62 s against 0.12 s for
 * the v1 lexicons). */
#define NEXT_FILTER_MIN 8

/* Marks, in a new generation of m->atom_seen, the atoms of the tokens a
 * phrase starting at token i can reach: i + 1 to i + 1 + SL_MAX_GAP, in
 * i's sentence. -1 when out of memory. */
static int note_reachable_atoms(sl_matcher *m, const sl_tokens *toks, size_t i)
{
    /* a token's list also holds the regexes whose literals it has, as
     * atoms past the lexicon's own (natoms + regex number; regex.c) */
    size_t n = m->lex->natoms + m->lex->nregexes + 2;
    if (!m->atom_seen && !(m->atom_seen = calloc(n, sizeof *m->atom_seen)))
        return -1;
    if (++m->atom_gen == 0) { /* wrapped: old marks could read as new */
        memset(m->atom_seen, 0, n * sizeof *m->atom_seen);
        m->atom_gen = 1;
    }
    uint32_t sent = toks->tok[i].sentence;
    for (size_t j = i + 1; j <= i + 1 + SL_MAX_GAP && j < toks->n; j++) {
        if (toks->tok[j].sentence != sent)
            break; /* so j stays in the call's range */
        const uint32_t *ann = token_ann(m, j);
        const uint32_t *a = (const uint32_t *)m->pool.p + ann[0];
        for (uint32_t k = 0; k < ann[1]; k++)
            m->atom_seen[a[k]] = m->atom_gen;
    }
    return 0;
}

/* The candidates starting at token i, from the index records its
 * annotation holds after its atoms; exclusions apart from the rest. */
static int token_candidates_at(sl_matcher *m, const sl_tokens *toks, size_t i)
{
    const uint32_t *ann = token_ann(m, i);
    const uint32_t *recs = (const uint32_t *)m->pool.p + ann[0] + ann[1];
    const sl_first *f = (const sl_first *)(recs + 1);
    int filter = recs[0] >= NEXT_FILTER_MIN && !m->next_filter_off;
    if (filter && note_reachable_atoms(m, toks, i) != 0)
        return -1;
    /* recs may have moved if the pool grew: it did not, note_reachable_atoms
     * only reads it */
    for (uint32_t k = 0; k < recs[0]; k++, f++) {
        if (filter && f->natoms > 1 && m->atom_seen[f->next] != m->atom_gen) {
            k += f->same_next; /* its group: the same second atom */
            f += f->same_next;
            continue;
        }
        uint32_t end = f->natoms == 1 ? (uint32_t)i + 1 : extend_from_first(m, toks, f, i);
        if (end && push_cand(f->exclusion ? &m->excl : &m->cands, f->entry, f->theme,
                             (uint32_t)i, end))
            return -1;
    }
    return 0;
}

static int token_candidates(sl_matcher *m, const sl_tokens *toks)
{
    const uint32_t *hot = m->tok_hot.p;
    for (size_t k = 0; k < m->tok_hot.n; k++)
        if (token_candidates_at(m, toks, hot[k]) != 0)
            return -1;
    return 0;
}

/* ---- resolution ------------------------------------------------------- */

static int cmp_theme_start(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->theme != y->theme)
        return x->theme < y->theme ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

static int cmp_longest_first(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    if (x->theme != y->theme)
        return x->theme < y->theme ? -1 : 1;
    uint32_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->entry > y->entry) - (x->entry < y->entry);
}

static int cmp_hit(const void *a, const void *b)
{
    const sl_hit *x = a, *y = b;
    if (x->theme != y->theme)
        return x->theme < y->theme ? -1 : 1;
    return (x->start > y->start) - (x->start < y->start);
}

#define LESS_THEME_START(x, y) (cmp_theme_start(x, y) < 0)
#define LESS_LONGEST_FIRST(x, y) (cmp_longest_first(x, y) < 0)
#define LESS_HIT(x, y) (cmp_hit(x, y) < 0)
SL_DEFINE_SORT(sort_theme_start, cand, LESS_THEME_START)
SL_DEFINE_SORT(sort_longest_first, cand, LESS_LONGEST_FIRST)
SL_DEFINE_SORT(sort_hits, sl_hit, LESS_HIT)

/* Sorts the exclusions (kept apart from cands as they were found) and
 * notes the running max end per theme run, so "does any exclusion of
 * theme u overlap [s,e)" is one binary search. An exclusion belongs to the
 * theme it is written in: it removes the matches counted there (that
 * theme's entries and its descendants'), and spread_to_ancestors() keeps
 * a removed match out of every ancestor too. It never touches an
 * ancestor's own entries or a sibling's. */
static int sort_exclusions(sl_matcher *m)
{
    cand *x = m->excl.p;
    if (sort_theme_start(x, m->excl.n, &m->cand_tmp, &m->cand_tmp_cap) != 0)
        return -1;
    if (vec_reserve(&m->excl_max, sizeof(uint32_t), m->excl.n + 1) != 0)
        return -1;
    uint32_t *mx = m->excl_max.p;
    for (size_t i = 0; i < m->excl.n; i++)
        mx[i] = (i && x[i - 1].theme == x[i].theme && mx[i - 1] > x[i].end) ? mx[i - 1] : x[i].end;
    return 0;
}

static int excluded(const sl_matcher *m, uint32_t theme, uint32_t s, uint32_t e)
{
    const cand *x = m->excl.p;
    const uint32_t *mx = m->excl_max.p;
    /* the last exclusion of this theme starting before e */
    size_t lo = 0, hi = m->excl.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x[mid].theme < theme || (x[mid].theme == theme && x[mid].start < e))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && x[lo - 1].theme == theme && mx[lo - 1] > s;
}

/* Copies each candidate to every theme it counts for: its own and each
 * ancestor up to the first whose exclusions remove it. */
static int spread_to_ancestors(sl_matcher *m)
{
    const cand *c = m->cands.p;
    const sl_theme *th = m->lex->themes;
    m->tcands.n = 0;
    for (size_t i = 0; i < m->cands.n; i++)
        for (int32_t u = (int32_t)c[i].theme; u >= 0; u = th[u].parent) { /* up the tree */
            if (m->excl.n && excluded(m, (uint32_t)u, c[i].start, c[i].end))
                break;
            if (push_cand(&m->tcands, c[i].entry, (uint32_t)u, c[i].start, c[i].end) != 0)
                return -1;
        }
    return 0;
}

/* A hit reports the entry as written: for a phrase expanded from a rule
 * (concept.c), the rule. */
static int push_hit(sl_hits *h, const cand *c, const uint32_t *report)
{
    if (SL_GROW(h->h, h->cap, h->n + 1) != 0)
        return -1;
    h->h[h->n++] = (sl_hit){c->theme, report[c->entry], c->start, c->end};
    return 0;
}

/* Readies the per-token stamps for this story's resolution. */
static int reserve_stamps(sl_matcher *m, size_t ntokens)
{
    size_t old_cap = m->stamp.cap;
    if (vec_reserve(&m->stamp, sizeof(uint32_t), ntokens + 1) != 0)
        return -1;
    uint32_t *stamp = m->stamp.p;
    if (m->stamp.cap > old_cap) /* fresh stamps must not equal a live generation */
        memset(stamp + old_cap, 0, (m->stamp.cap - old_cap) * sizeof *stamp);
    if (m->stamp_gen == 0 || m->stamp_gen > UINT32_MAX - 2 * m->lex->nthemes - 2) {
        memset(stamp, 0, m->stamp.cap * sizeof *stamp);
        m->stamp_gen = 0;
    }
    return 0;
}

/* Resolves c[0..n), one theme's candidates in longest-first order: each
 * is a hit unless it overlaps one taken before it. */
static int resolve_theme(sl_matcher *m, const cand *c, size_t n)
{
    uint32_t *stamp = m->stamp.p; /* indexed from base */
    size_t base = m->base;
    uint32_t gen = ++m->stamp_gen;
    const uint8_t *weak = m->lex->entry_weak;
    /* with() and also() candidates (weak) come after the rest: the story
     * may rule them out later, and then they must not have blocked one */
    for (int pass = 0; pass < (weak ? 2 : 1); pass++)
    for (size_t i = 0; i < n; i++) {
        if (weak && weak[c[i].entry] != pass)
            continue;
        uint32_t k = c[i].start;
        while (k < c[i].end && stamp[k - base] != gen)
            k++;
        if (k < c[i].end)
            continue; /* overlaps a longer (or earlier) match of this theme */
        for (k = c[i].start; k < c[i].end; k++)
            stamp[k - base] = gen;
        if (push_hit(&m->hits, &c[i], m->lex->entry_report) != 0)
            return -1;
    }
    return 0;
}

/* The reference: every candidate in one sort by theme, then longest
 * first, then the hits in one sort by theme and start. */
static int resolve_sorted(sl_matcher *m)
{
    cand *c = m->tcands.p;
    if (sort_longest_first(c, m->tcands.n, &m->cand_tmp, &m->cand_tmp_cap) != 0)
        return -1;
    for (size_t i = 0, j; i < m->tcands.n; i = j) {
        for (j = i + 1; j < m->tcands.n && c[j].theme == c[i].theme; j++)
            ;
        if (resolve_theme(m, c + i, j - i) != 0)
            return -1;
    }
    return sort_hits(m->hits.h, m->hits.n, &m->hit_tmp, &m->hit_tmp_cap);
}

/* Whether a[0..n) is already in the order less gives. */
#define SL_SORTED(a, n, less, ok)                                                          \
    do {                                                                                   \
        ok = 1;                                                                            \
        for (size_t q_ = 1; ok && q_ < (n); q_++)                                          \
            ok = !less(&(a)[q_], &(a)[q_ - 1]);                                            \
    } while (0)

/* Groups tcands by theme, ascending, into bucket, keeping their order
 * within a theme (start order, as found): a count per theme, the themes
 * met marked in a bitmap and read back in order, then one scatter; no
 * comparison sort of the candidates. */
static int bucket_by_theme(sl_matcher *m)
{
    size_t n = m->tcands.n, nwords = (m->lex->nthemes + 63) / 64;
    if (vec_reserve(&m->bucket, sizeof(cand), n + 1) != 0)
        return -1;
    /* made once: both are zero again after every story */
    if (!m->theme_n && !(m->theme_n = calloc(m->lex->nthemes + 1, sizeof *m->theme_n)))
        return -1;
    if (!m->theme_bits && !(m->theme_bits = calloc(nwords + 1, sizeof *m->theme_bits)))
        return -1;
    uint32_t *count = m->theme_n;
    uint64_t *bits = m->theme_bits;
    const cand *c = m->tcands.p;
    for (size_t i = 0; i < n; i++) {
        count[c[i].theme]++;
        bits[c[i].theme / 64] |= (uint64_t)1 << (c[i].theme % 64);
    }
    /* count becomes each theme's next slot in bucket, themes ascending */
    uint32_t at = 0;
    for (size_t w = 0; w < nwords; w++)
        for (uint64_t b = bits[w]; b; b &= b - 1) {
            size_t t = w * 64 + (size_t)__builtin_ctzll(b);
            uint32_t run = count[t];
            count[t] = at;
            at += run;
        }
    cand *out = m->bucket.p;
    for (size_t i = 0; i < n; i++)
        out[count[c[i].theme]++] = c[i];
    for (size_t i = 0; i < n; i++)
        count[c[i].theme] = 0;
    for (size_t w = 0; w < nwords; w++)
        bits[w] = 0;
    return 0;
}

/* Per theme, ascending: the candidates put longest first (a theme's run
 * comes in start order, so this is a check unless lengths differ), the
 * overlaps resolved, and the theme's hits put in start order (already so
 * when its candidates were all one length). The same hits in the same
 * order as resolve_sorted, which test_match compares it with. */
static int resolve_by_theme(sl_matcher *m)
{
    if (bucket_by_theme(m) != 0)
        return -1;
    cand *c = m->bucket.p;
    size_t n = m->tcands.n;
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && c[j].theme == c[i].theme; j++)
            ;
        int ok;
        SL_SORTED(c + i, j - i, LESS_LONGEST_FIRST, ok);
        if (!ok && sort_longest_first(c + i, j - i, &m->cand_tmp, &m->cand_tmp_cap) != 0)
            return -1;
        size_t first = m->hits.n;
        if (resolve_theme(m, c + i, j - i) != 0)
            return -1;
        sl_hit *h = m->hits.h + first;
        SL_SORTED(h, m->hits.n - first, LESS_HIT, ok);
        if (!ok && sort_hits(h, m->hits.n - first, &m->hit_tmp, &m->hit_tmp_cap) != 0)
            return -1;
    }
    return 0;
}

static int resolve(sl_matcher *m)
{
    m->hits.n = 0;
    if (reserve_stamps(m, m->ntok) != 0)
        return -1;
    return m->resolve_ref ? resolve_sorted(m) : resolve_by_theme(m);
}

void sli_matcher_set_theme_buckets(sl_matcher *m, int on)
{
    m->resolve_ref = !on;
}

void sli_matcher_set_next_filter(sl_matcher *m, int on)
{
    m->next_filter_off = !on;
}

sl_status sli_match(sl_matcher *m, const char *text, const sl_tokens *toks, const char *doc_id,
                   const sl_hits **out, sl_error *err)
{
    return sli_match_sentences(m, text, toks, NULL, doc_id, out, err);
}

sl_status sli_match_sentences(sl_matcher *m, const char *text, const sl_tokens *toks,
                             const uint8_t *mask, const char *doc_id, const sl_hits **out,
                             sl_error *err)
{
    return sli_match_range(m, text, toks, mask, 0, toks->nsent, doc_id, out, err);
}

/* Sets the call's range: sentences [s_lo, s_hi) and their tokens. The
 * whole story is every token, as before ranges. */
static void set_range(sl_matcher *m, const sl_tokens *toks, size_t s_lo, size_t s_hi)
{
    m->s_lo = s_lo;
    m->s_hi = s_hi;
    if (s_lo == 0 && s_hi == toks->nsent) {
        m->base = 0;
        m->ntok = toks->n;
    } else if (s_lo < s_hi) {
        const sl_sentence *last = &toks->sent[s_hi - 1];
        m->base = toks->sent[s_lo].first_token;
        m->ntok = last->first_token + last->ntokens - m->base;
    } else {
        m->base = m->ntok = 0;
    }
}

sl_status sli_match_range(sl_matcher *m, const char *text, const sl_tokens *toks,
                          const uint8_t *mask, size_t s_lo, size_t s_hi, const char *doc_id,
                          const sl_hits **out, sl_error *err)
{
    set_range(m, toks, s_lo, s_hi);
    m->cands.n = m->excl.n = 0;
    m->fail_entry.n = m->fail_code.n = 0;
    if (toks->n > UINT32_MAX - 1)
        return sli_fail(err, SL_EDATA, "story \"%s\" has more than 4 billion tokens", doc_id);
    if (lookup_tokens(m, text, toks, mask) != 0 || token_candidates(m, toks) != 0)
        return sli_fail_nomem(err);
    sl_status s = sli_match_regexes(m, text, toks, mask, doc_id, err);
    if (s != SL_OK)
        return s;
    if (sort_exclusions(m) != 0 || spread_to_ancestors(m) != 0 || resolve(m) != 0)
        return sli_fail_nomem(err);
    *out = &m->hits;
    return SL_OK;
}

int sli_hits_equal(const sl_hits *a, const sl_hits *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (a->h[i].theme != b->h[i].theme || a->h[i].entry != b->h[i].entry ||
            a->h[i].start != b->h[i].start || a->h[i].end != b->h[i].end)
            return 0;
    return 1;
}

void sli_matcher_set_skip_failures(sl_matcher *m, int on)
{
    m->skip_failures = on != 0;
}

size_t sli_matcher_failures(const sl_matcher *m, const uint32_t **entries, const int **codes)
{
    *entries = m->fail_entry.p;
    *codes = m->fail_code.p;
    return m->fail_entry.n;
}
