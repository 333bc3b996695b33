/*
 * worker.c - one story on one thread (worker.h): tokens -> hits ->
 * direction -> counts, into the story's own record.
 */
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "core/error.h"
#include "core/vec.h"
#include "pipeline/worker.h"

sl_status sli_workers_new(sl_worker **out, int n, const sl_lexicon *lex, const sl_options *opts,
                          const sl_shape *shape, sl_error *err)
{
    /* sizeof is a multiple of the alignment, so no two workers share a line */
    sl_worker *ws = aligned_alloc(SL_CACHE_LINE, (size_t)n * sizeof *ws);
    *out = ws;
    if (!ws)
        return sli_fail_nomem(err);
    memset(ws, 0, (size_t)n * sizeof *ws);
    for (int i = 0; i < n; i++) {
        sl_worker *w = &ws[i];
        sli_tokens_init(&w->toks);
        sl_status s = sli_matcher_new(&w->matcher, lex, err);
        if (s != SL_OK)
            return s;
        sli_matcher_set_skip_failures(w->matcher, opts->skip_invalid);
        if (!(w->scratch = sli_agg_scratch_new(shape)))
            return sli_fail_nomem(err);
        if (opts->modifiers && (s = sli_director_new(&w->director, opts->modifiers, err)) != SL_OK)
            return s;
        if (w->director)
            sli_director_follow(w->director, w->matcher);
        if (lex->contexts && (s = sli_matcher_new(&w->contexts, lex->contexts, err)) != SL_OK)
            return s;
    }
    return SL_OK;
}

void sli_workers_free(sl_worker *ws, int n)
{
    for (int i = 0; ws && i < n; i++) {
        sli_tokens_free(&ws[i].toks);
        sli_matcher_free(ws[i].matcher);
        sli_agg_scratch_free(ws[i].scratch);
        sli_director_free(ws[i].director);
        sli_matcher_free(ws[i].contexts);
        free(ws[i].counted.h);
        free(ws[i].counted_dirs);
        free(ws[i].story.h);
        free(ws[i].story_dirs);
        free(ws[i].story_trig);
        free(ws[i].theme_at);
    }
    free(ws);
}

/* Adds a hit's direction, time and deciding trigger to its view. */
static void view_direction(sl_hit_view *v, const sl_lexicon *mods, const sl_tokens *toks,
                           const sl_hit_dir *d, const sl_trigger *trig)
{
    v->direction = (sl_direction)d->direction;
    v->time = (sl_time)d->time;
    v->negations = d->negations;
    if (d->trigger < 0)
        return;
    const sl_trigger *t = &trig[d->trigger];
    v->trigger = mods->entries[t->entry].source;
    v->trigger_kind = sli_mod_kind_names[t->kind];
    v->trigger_start = toks->tok[t->start].start;
    v->trigger_end = toks->tok[t->end - 1].end;
}

/* Copies the hits into byte-offset views for the story handler. */
static int keep_hits(const sl_lexicon *lex, const sl_lexicon *mods, const sl_tokens *toks,
                     const sl_hits *hits, const sl_hit_dir *dirs, const sl_trigger *trig,
                     sl_hit_list *out)
{
    out->n = 0;
    if (SL_GROW(out->v, out->cap, hits->n) != 0)
        return -1;
    for (size_t i = 0; i < hits->n; i++) {
        const sl_hit *h = &hits->h[i];
        const sl_entry *e = &lex->entries[h->entry];
        sl_hit_view *v = &out->v[out->n++];
        /* a regex hit may run past a sentence end: the quote then holds both */
        const sl_sentence *first = &toks->sent[toks->tok[h->start].sentence],
                          *last = &toks->sent[toks->tok[h->end - 1].sentence];
        *v = (sl_hit_view){.theme = h->theme, .entry_theme = e->theme, .entry = e->source,
                           .start = toks->tok[h->start].start, .end = toks->tok[h->end - 1].end,
                           .sentence_start = first->start, .sentence_end = last->end};
        if (dirs)
            view_direction(v, mods, toks, &dirs[i], trig);
    }
    return 0;
}

/* Copies the matcher's dropped regex entries into the story's slot: two
 * arrays of one length, so each grows to the same capacity. */
static int keep_drops(const sl_matcher *m, sl_regex_drops *out)
{
    const uint32_t *e;
    const int *c;
    size_t n = sli_matcher_failures(m, &e, &c);
    out->n = 0;
    size_t cap = out->cap;
    if (SL_GROW(out->entry, cap, n) != 0)
        return -1;
    cap = out->cap;
    if (SL_GROW(out->code, cap, n) != 0)
        return -1;
    out->cap = cap;
    if (n) {
        memcpy(out->entry, e, n * sizeof *e);
        memcpy(out->code, c, n * sizeof *c);
    }
    out->n = n;
    return 0;
}

/* ---- a huge story, a stretch at a time -------------------------------- */

/* A story of more tokens than this is matched and judged a stretch of
 * whole sentences at a time, each of at least this many tokens (about
 * 300 KB of text): the matchers' per-token arrays and candidate lists and
 * the direction stage's scratch then grow with the stretch, not the story
 * (issue 18: a 50 MB record of dense text peaked at 28 x its size). No
 * match, exclusion, overlap or trigger reaches past its sentence, so the
 * hits and their directions are the ones the whole story gives. */
#define STRETCH_TOKENS ((size_t)1 << 16)

void sli_worker_set_stretch(sl_worker *w, size_t tokens)
{
    w->stretch = tokens;
}

static size_t stretch_tokens(const sl_worker *w)
{
    return w->stretch ? w->stretch : STRETCH_TOKENS;
}

/* The end (exclusive) of the stretch of sentences starting at s. */
static size_t stretch_end(const sl_worker *w, size_t s)
{
    const sl_tokens *toks = &w->toks;
    size_t first = toks->sent[s].first_token, want = stretch_tokens(w);
    while (s < toks->nsent && toks->sent[s].first_token - first < want)
        s++;
    return s;
}

/* The room to grow a story's lists to for need entries after the
 * stretches up to sentence at of nsent: what the share judged so far says
 * the story needs, a sixteenth more; exactly need after the last. Doubling
 * would leave up to half of them unused (issue 18). */
static size_t story_want(size_t need, size_t at, size_t nsent)
{
    return at < nsent ? (size_t)((double)need * ((double)nsent / (double)at) * 1.0625) + 64
                      : need;
}

/* Appends a stretch's hits, their directions (when judged) and, with a
 * story handler, its triggers, the hits' trigger indices moved along. The
 * stretch ends at sentence at of nsent. */
static int append_stretch(sl_worker *w, const sl_hits *h, const sl_hit_dir *dirs,
                          const sl_trigger *trig, size_t ntrig, size_t at, size_t nsent)
{
    size_t n = w->story.n, t0 = w->story_ntrig, want = story_want(n + h->n, at, nsent);
    if (SL_GROW_TO(w->story.h, w->story.cap, n + h->n, want) != 0 ||
        (dirs && SL_GROW_TO(w->story_dirs, w->story_dirs_cap, n + h->n, want) != 0) ||
        (trig && SL_GROW_TO(w->story_trig, w->story_trig_cap, t0 + ntrig,
                            story_want(t0 + ntrig, at, nsent)) != 0))
        return -1;
    if (h->n)
        memcpy(w->story.h + n, h->h, h->n * sizeof *h->h);
    for (size_t i = 0; dirs && i < h->n; i++) {
        w->story_dirs[n + i] = dirs[i];
        if (trig && dirs[i].trigger >= 0)
            w->story_dirs[n + i].trigger += (int32_t)t0;
    }
    if (trig && ntrig) {
        memcpy(w->story_trig + t0, trig, ntrig * sizeof *trig);
        w->story_ntrig += ntrig;
    }
    w->story.n += h->n;
    return 0;
}

/* Puts the story's hits (and directions) in theme order, as sli_match
 * gives them: each stretch's come by theme and start, and the stretches
 * in text order, so a stable placement by theme (a count per theme) gives
 * theme and start order with no comparison sort. In place, by following
 * the cycles of the placement: 4 bytes a hit of scratch where a second
 * copy of the lists took 24. Nothing to do when they are in order
 * already (one theme has all the hits). */
static int order_by_theme(sl_worker *w, size_t nthemes, int with_dirs)
{
    size_t n = w->story.n;
    sl_hit *h = w->story.h;
    sl_hit_dir *d = w->story_dirs;
    size_t i = 1;
    while (i < n && h[i - 1].theme <= h[i].theme)
        i++;
    if (i >= n)
        return 0;
    if (!w->theme_at && !(w->theme_at = malloc((nthemes + 1) * sizeof *w->theme_at)))
        return -1;
    uint32_t *dest = malloc(n * sizeof *dest); /* n <= tokens < 2^32 */
    if (!dest)
        return -1;
    size_t *at = w->theme_at;
    memset(at, 0, (nthemes + 1) * sizeof *at);
    for (i = 0; i < n; i++)
        at[h[i].theme + 1]++;
    for (size_t t = 0; t < nthemes; t++)
        at[t + 1] += at[t];
    for (i = 0; i < n; i++)
        dest[i] = (uint32_t)at[h[i].theme]++;
    for (i = 0; i < n; i++)
        while (dest[i] != i) { /* each swap puts one hit where it belongs */
            uint32_t k = dest[i];
            sl_hit th = h[i];
            h[i] = h[k];
            h[k] = th;
            if (with_dirs) {
                sl_hit_dir td = d[i];
                d[i] = d[k];
                d[k] = td;
            }
            dest[i] = dest[k];
            dest[k] = k;
        }
    free(dest);
    return 0;
}

/* Matches and judges a huge story a stretch at a time into w->story. A
 * regex entry failing in a stretch sets *whole: the story is then matched
 * whole, so that which entry is reported or dropped (from the story, not
 * a stretch) and what that changes stay what they always were. */
static sl_status match_stretches(sl_worker *w, const sl_lexicon *lex, const sl_options *opts,
                                 const sl_doc *d, int *whole, sl_error *err)
{
    const sl_tokens *toks = &w->toks;
    w->story.n = w->story_ntrig = 0;
    *whole = 0;
    for (size_t lo = 0, hi; lo < toks->nsent; lo = hi) {
        hi = stretch_end(w, lo);
        const sl_hits *h;
        const uint32_t *fe;
        const int *fc;
        sl_status s = sli_match_range(w->matcher, d->text, toks, NULL, lo, hi, d->id, &h, err);
        if (s == SL_EDATA || (s == SL_OK && sli_matcher_failures(w->matcher, &fe, &fc))) {
            *whole = 1;
            return SL_OK;
        }
        if (s != SL_OK)
            return s;
        const sl_hit_dir *dirs = NULL;
        const sl_trigger *trig = NULL;
        size_t ntrig = 0;
        if (w->director && h->n) {
            s = sli_direction_range(w->director, lex, d->text, toks, h, lo, hi, d->id, &dirs,
                                    &trig, &ntrig, err);
            if (s == SL_EDATA) {
                *whole = 1;
                return SL_OK;
            }
            if (s != SL_OK)
                return s;
        }
        if (append_stretch(w, h, dirs, opts->on_story ? trig : NULL, ntrig, hi, toks->nsent) != 0)
            return sli_fail_nomem(err);
    }
    if (order_by_theme(w, lex->nthemes, w->director != NULL) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

/* The context groups (with(A, X)) that occur in the story, as bits: the
 * contexts lexicon is matched over the whole story only when one of its
 * hits needs one, so stories without such hits pay nothing. */
static sl_status contexts_found(sl_worker *w, const sl_lexicon *lex, const sl_doc *d,
                                const sl_hits *hits, uint64_t *found, sl_error *err)
{
    *found = 0;
    size_t i = 0;
    while (i < hits->n && !lex->entries[hits->h[i].entry].need)
        i++;
    if (i == hits->n)
        return SL_OK;
    const sl_hits *ch;
    const sl_tokens *toks = &w->toks;
    if (toks->n > stretch_tokens(w)) { /* a huge story: a stretch at a time */
        sl_status s = SL_OK;
        for (size_t lo = 0, hi; s == SL_OK && lo < toks->nsent; lo = hi) {
            hi = stretch_end(w, lo);
            s = sli_match_range(w->contexts, d->text, toks, NULL, lo, hi, d->id, &ch, err);
            for (size_t k = 0; s == SL_OK && k < ch->n; k++)
                *found |= (uint64_t)1 << (ch->h[k].theme & 63);
        }
        if (s != SL_EDATA) /* a failing regex is reported as for the whole story */
            return s;
        *found = 0;
    }
    sl_status s = sli_match(w->contexts, d->text, toks, d->id, &ch, err);
    for (size_t k = 0; s == SL_OK && k < ch->n; k++)
        *found |= (uint64_t)1 << (ch->h[k].theme & 63);
    return s;
}

/* Whether hit i of an also() entry stands beside a hit of its theme from
 * an entry that is not also(). Hits come grouped by theme (sli_match), so
 * the search stays in the hit's own run. */
static int beside(const sl_lexicon *lex, const sl_hits *hits, size_t i)
{
    uint32_t t = hits->h[i].theme;
    size_t a = i, b = i;
    while (a > 0 && hits->h[a - 1].theme == t)
        a--;
    while (b + 1 < hits->n && hits->h[b + 1].theme == t)
        b++;
    for (size_t k = a; k <= b; k++)
        if (!lex->entries[hits->h[k].entry].also)
            return 1;
    return 0;
}

/* Whether hit i counts: its condition met (avoided(), negated(), ended(),
 * judged by the direction stage), its context found (with()) and, for
 * also(), another hit of its theme beside it. */
static int counts(const sl_lexicon *lex, const sl_hits *hits, const sl_hit_dir *dirs, size_t i,
                  uint64_t found)
{
    const sl_entry *e = &lex->entries[hits->h[i].entry];
    return !(dirs && dirs[i].dropped) && (!e->need || ((found >> ((e->need - 1) & 63)) & 1)) &&
           (!e->also || beside(lex, hits, i));
}

/* Leaves out the hits that do not count (see counts): *hits and *dirs
 * then point at the worker's copy of the rest. */
static int drop_unmet(sl_worker *w, const sl_lexicon *lex, const sl_hits **hits,
                      const sl_hit_dir **dirs, uint64_t found)
{
    size_t n = (*hits)->n, k = 0;
    for (size_t i = 0; i < n; i++)
        k += counts(lex, *hits, *dirs, i, found);
    if (k == n)
        return 0;
    size_t cap = w->counted_cap;
    if (SL_GROW(w->counted.h, cap, n) != 0)
        return -1;
    cap = w->counted_cap;
    if (SL_GROW(w->counted_dirs, cap, n) != 0)
        return -1;
    w->counted_cap = cap;
    w->counted.n = 0;
    for (size_t i = 0; i < n; i++)
        if (counts(lex, *hits, *dirs, i, found)) {
            if (*dirs)
                w->counted_dirs[w->counted.n] = (*dirs)[i];
            w->counted.h[w->counted.n++] = (*hits)->h[i];
        }
    *hits = &w->counted;
    if (*dirs)
        *dirs = w->counted_dirs;
    return 0;
}

/* Matches the story and judges the direction of its hits. */
static sl_status match_and_judge(sl_worker *w, const sl_lexicon *lex, const sl_doc *d,
                                 const sl_hits **hits, const sl_hit_dir **dirs,
                                 const sl_trigger **trig, sl_regex_drops *drops, sl_error *err)
{
    sl_status s = sli_match(w->matcher, d->text, &w->toks, d->id, hits, err);
    if (s != SL_OK)
        return s;
    if (keep_drops(w->matcher, drops) != 0)
        return sli_fail_nomem(err);
    *dirs = NULL;
    *trig = NULL;
    if (w->director)
        s = sli_direction_compute(w->director, lex, d->text, &w->toks, *hits, d->id, dirs, trig,
                                  err);
    return s;
}

sl_status sli_worker_analyse(sl_worker *w, const sl_lexicon *lex, const sl_options *opts,
                             const sl_shape *shape, const sl_doc *d, sl_docres *r,
                             sl_hit_list *kept, sl_regex_drops *drops, sl_error *err)
{
    int rc = sli_tokenize(&w->toks, d->text, d->text_len);
    if (rc == -2)
        return sli_fail(err, SL_EDATA,
                        "story \"%s\" is %zu bytes, more than the %zu a story may hold (token "
                        "offsets are 32-bit); split it into several stories",
                        d->id, d->text_len, SL_TEXT_MAX);
    if (rc != 0)
        return sli_fail_nomem(err);
    const sl_hits *hits;
    const sl_hit_dir *dirs;
    const sl_trigger *trig;
    sl_status s = SL_OK;
    int whole = 1;
    if (w->toks.n > stretch_tokens(w) && (s = match_stretches(w, lex, opts, d, &whole, err)) == SL_OK &&
        !whole) {
        hits = &w->story;
        dirs = w->director ? w->story_dirs : NULL;
        trig = w->story_trig;
        drops->n = 0; /* none failed, or the story is matched whole */
    }
    if (s == SL_OK && whole)
        s = match_and_judge(w, lex, d, &hits, &dirs, &trig, drops, err);
    uint64_t found = 0;
    if (s == SL_OK && lex->contexts)
        s = contexts_found(w, lex, d, hits, &found, err);
    if (s != SL_OK)
        return s;
    if ((lex->contexts || lex->has_also || (lex->has_conditions && dirs)) &&
        drop_unmet(w, lex, &hits, &dirs, found) != 0)
        return sli_fail_nomem(err);
    if (sli_docres_compute(r, w->scratch, shape, lex, &w->toks, hits) != 0)
        return sli_fail_nomem(err);
    if (shape->direction) {
        if (!sli_docres_dir(r, shape))
            return sli_fail_nomem(err);
        sli_direction_tally(r->dir, hits, dirs);
    }
    if (opts->on_story && keep_hits(lex, opts->modifiers, &w->toks, hits, dirs, trig, kept) != 0)
        return sli_fail_nomem(err);
    r->invalid_utf8 += d->invalid_utf8;
    return SL_OK;
}
