/*
 * analysis.c - the pipeline driver: read, then in parallel tokenise, stem,
 * match and count, then sum in input order.
 *
 * Stories are read on the calling thread into a batch; an OpenMP loop
 * hands each story to a worker (each thread owns its tokens, matcher and
 * scratch: nothing mutable is shared), and every story's counts land in
 * its own batch slot. The calling thread then adds the slots to the
 * totals strictly in input order, so the output is byte-identical for any
 * number of threads, and reports the first failing story in input order.
 * With more than one thread the calling thread sums one batch and reads
 * the next while the others analyse the batch between them. A large
 * JSONL file may instead be read in pieces, one reader per thread, where
 * nothing depends on input order (split.c).
 */
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline/analysis.h"
#include "direction/direction.h"
#include "core/error.h"
#include "match/match.h"
#include "read/read.h"
#include "text/tokenize.h"

/* A batch closes at this many stories or bytes of text, whichever first:
 * large enough to keep every thread busy, small enough that memory does
 * not grow with the corpus, and that a batch's text and records are still
 * in cache when they are analysed and summed (256 bench stories are about
 * 400 KB: medians of 7 runs on 100 MB took 7 % less CPU time at -j 1 and
 * 5 % less at -j 2 than 1024 stories; 4096 took 11 % more). */
#define BATCH_DOCS 256
#define BATCH_BYTES (32u << 20)

/* Each worker on cache lines of its own: the token counts in toks change
 * with every token, and a neighbour sharing their line made two threads
 * slow each other down (false sharing; -j 2 then took a third more CPU
 * time than -j 1 for the same work). */
#define CACHE_LINE 64

typedef struct sl_worker {
    _Alignas(CACHE_LINE) sl_tokens toks;
    sl_matcher *matcher;
    sl_agg_scratch *scratch;
    sl_director *director; /* with direction only */
} sl_worker;

/* A story's counted hits, kept only when a story handler is set. */
typedef struct hit_list {
    sl_hit_view *v;
    size_t n, cap;
} hit_list;

/* A story's regex entries dropped by --skip-invalid (match.h). */
typedef struct regex_drops {
    uint32_t *entry;
    int *code;
    size_t n, cap;
} regex_drops;

/* A record --skip-invalid left out, before story pos of its batch. */
typedef struct skip_note {
    size_t pos;
    const char *file; /* interned in the analysis's report */
    unsigned long line;
    char *reason;
} skip_note;

typedef struct sl_batch {
    regex_drops drops[BATCH_DOCS];
    skip_note *skips;
    size_t nskips, skips_cap;
    sl_doc docs[BATCH_DOCS];
    sl_docres res[BATCH_DOCS];
    hit_list hits[BATCH_DOCS];
    sl_status status[BATCH_DOCS];
    sl_error *errs; /* BATCH_DOCS records */
    size_t n, bytes;
} sl_batch;

/* ---- set-up ----------------------------------------------------------- */

static sl_status make_workers(sl_analysis *an, sl_error *err)
{
    /* sizeof is a multiple of the alignment, so no two workers share a line */
    an->workers = aligned_alloc(CACHE_LINE, (size_t)an->nthreads * sizeof *an->workers);
    if (!an->workers)
        return sli_fail_nomem(err);
    memset(an->workers, 0, (size_t)an->nthreads * sizeof *an->workers);
    for (int i = 0; i < an->nthreads; i++) {
        sl_worker *w = &an->workers[i];
        sli_tokens_init(&w->toks);
        sl_status s = sli_matcher_new(&w->matcher, an->lex, err);
        if (s != SL_OK)
            return s;
        sli_matcher_set_skip_failures(w->matcher, an->opts->skip_invalid);
        if (!(w->scratch = sli_agg_scratch_new(&an->shape)))
            return sli_fail_nomem(err);
        if (an->opts->modifiers &&
            (s = sli_director_new(&w->director, an->opts->modifiers, err)) != SL_OK)
            return s;
        if (w->director)
            sli_director_follow(w->director, w->matcher);
    }
    return SL_OK;
}

static sl_status make_groups(sl_analysis *an, sl_error *err)
{
    an->groups = calloc(an->opts->nby + 1, sizeof *an->groups);
    if (!an->groups)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < an->opts->nby; i++) {
        an->groups[i].field = an->opts->by[i];
        sli_strmap_init(&an->groups[i].values);
    }
    return SL_OK;
}

/* An analysis; with a worker given (split.c), one thread's, borrowing it. */
static sl_status analysis_new(sl_analysis **out, const sl_lexicon *lex, const sl_options *opts,
                              struct sl_worker *borrowed, sl_error *err)
{
    *out = NULL;
    sl_analysis *an = calloc(1, sizeof *an);
    if (!an)
        return sli_fail_nomem(err);
    an->lex = lex;
    an->opts = opts;
    an->shape.nthemes = lex->nthemes;
    an->shape.nentries = lex->nentries;
    an->shape.nunits = opts->nunits;
    memcpy(an->shape.units, opts->units, sizeof an->shape.units);
    an->shape.direction = opts->modifiers != NULL;
    an->nthreads = opts->threads > 0 ? opts->threads : omp_get_num_procs();
    if (an->nthreads < 1)
        an->nthreads = 1;
    an->batch = calloc(1, sizeof *an->batch);
    sl_status s = an->batch ? SL_OK : sli_fail_nomem(err);
    if (s == SL_OK && !(an->batch->errs = calloc(BATCH_DOCS, sizeof *an->batch->errs)))
        s = sli_fail_nomem(err);
    if (s == SL_OK && sli_accum_init(&an->total, &an->shape) != 0)
        s = sli_fail_nomem(err);
    if (borrowed) {
        an->workers = borrowed;
        an->nthreads = 1;
        an->borrowed_workers = 1;
    } else if (s == SL_OK)
        s = make_workers(an, err);
    if (s == SL_OK)
        s = make_groups(an, err);
    if (s != SL_OK) {
        sl_analysis_free(an);
        return s;
    }
    *out = an;
    return SL_OK;
}

sl_status sl_analysis_new(sl_analysis **out, const sl_lexicon *lex, const sl_options *opts,
                          sl_error *err)
{
    return analysis_new(out, lex, opts, NULL, err);
}

sl_status sli_analysis_new_part(sl_analysis **out, sl_analysis *whole, int i,
                               const sl_options *opts, sl_error *err)
{
    return analysis_new(out, whole->lex, opts, &whole->workers[i], err);
}

static void free_batch(sl_batch *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        sli_doc_clear(&b->docs[i]);
    for (size_t i = 0; i < BATCH_DOCS; i++) {
        sli_docres_clear(&b->res[i]);
        free(b->hits[i].v);
        free(b->drops[i].entry);
        free(b->drops[i].code);
    }
    for (size_t i = 0; i < b->nskips; i++)
        free(b->skips[i].reason);
    free(b->skips);
    free(b->errs);
    free(b);
}

void sl_analysis_free(sl_analysis *an)
{
    if (!an)
        return;
    for (int i = 0; an->workers && !an->borrowed_workers && i < an->nthreads; i++) {
        sli_tokens_free(&an->workers[i].toks);
        sli_matcher_free(an->workers[i].matcher);
        sli_agg_scratch_free(an->workers[i].scratch);
        sli_director_free(an->workers[i].director);
    }
    if (!an->borrowed_workers)
        free(an->workers);
    free_batch(an->batch);
    free_batch(an->analysed);
    free_batch(an->spare);
    for (size_t g = 0; an->groups && g < an->opts->nby; g++) {
        for (size_t v = 0; v < an->groups[g].n; v++)
            sli_accum_free(&an->groups[g].accums[v]);
        free(an->groups[g].accums);
        sli_strmap_free(&an->groups[g].values);
    }
    free(an->groups);
    for (size_t i = 0; i < an->nrows; i++) {
        sl_docrow *r = &an->rows[i];
        sl_doc d = {.id = r->id, .meta = r->meta, .nmeta = r->nmeta};
        sli_doc_clear(&d);
        free(r->theme_hits);
        free(r->dir);
    }
    free(an->rows);
    free(an->bad_utf8.id);
    sli_accum_free(&an->total);
    sli_report_free(&an->report);
    free(an);
}

/* ---- one story, on a worker ------------------------------------------ */

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
static int keep_hits(const sl_analysis *an, const sl_tokens *toks, const sl_hits *hits,
                     const sl_hit_dir *dirs, const sl_trigger *trig, hit_list *out)
{
    const sl_lexicon *lex = an->lex;
    out->n = 0;
    if (hits->n > out->cap) {
        sl_hit_view *v = realloc(out->v, hits->n * sizeof *v);
        if (!v)
            return -1;
        out->v = v;
        out->cap = hits->n;
    }
    for (size_t i = 0; i < hits->n; i++) {
        const sl_hit *h = &hits->h[i];
        const sl_entry *e = &lex->entries[h->entry];
        sl_hit_view *v = &out->v[out->n++];
        *v = (sl_hit_view){.theme = h->theme, .entry_theme = e->theme, .entry = e->source,
                           .start = toks->tok[h->start].start, .end = toks->tok[h->end - 1].end};
        if (dirs)
            view_direction(v, an->opts->modifiers, toks, &dirs[i], trig);
    }
    return 0;
}

/* Copies the matcher's dropped regex entries into the story's slot. */
static int keep_drops(const sl_matcher *m, regex_drops *out)
{
    const uint32_t *e;
    const int *c;
    size_t n = sli_matcher_failures(m, &e, &c);
    out->n = 0;
    if (n > out->cap) {
        uint32_t *ne = realloc(out->entry, n * sizeof *ne);
        if (ne)
            out->entry = ne;
        int *nc = ne ? realloc(out->code, n * sizeof *nc) : NULL;
        if (!nc)
            return -1;
        out->code = nc;
        out->cap = n;
    }
    if (n) {
        memcpy(out->entry, e, n * sizeof *e);
        memcpy(out->code, c, n * sizeof *c);
    }
    out->n = n;
    return 0;
}

/* Lists the story's dropped regex entries, in input order. */
static sl_status report_drops(sl_analysis *an, const sl_doc *d, const regex_drops *dr,
                              sl_error *err)
{
    sl_status s = SL_OK;
    for (size_t k = 0; s == SL_OK && k < dr->n; k++) {
        char where[2048], why[256];
        sli_regex_failure_text(an->lex, dr->entry[k], dr->code[k], where, sizeof where, why,
                              sizeof why);
        s = sli_report_regex(&an->report, an->opts, d->id, where, why, err);
    }
    return s;
}

static sl_status analyse_doc(const sl_analysis *an, sl_worker *w, const sl_doc *d,
                             sl_docres *r, hit_list *kept, regex_drops *drops, sl_error *err)
{
    if (sli_tokenize(&w->toks, d->text, d->text_len) != 0)
        return sli_fail_nomem(err);
    const sl_hits *hits;
    sl_status s = sli_match(w->matcher, d->text, &w->toks, d->id, &hits, err);
    if (s != SL_OK)
        return s;
    if (keep_drops(w->matcher, drops) != 0)
        return sli_fail_nomem(err);
    const sl_hit_dir *dirs = NULL;
    const sl_trigger *trig = NULL;
    if (w->director && (s = sli_direction_compute(w->director, an->lex, d->text, &w->toks, hits,
                                                 d->id, &dirs, &trig, err)) != SL_OK)
        return s;
    if (sli_docres_compute(r, w->scratch, &an->shape, an->lex, &w->toks, hits) != 0)
        return sli_fail_nomem(err);
    if (w->director) {
        if (!sli_docres_dir(r, &an->shape))
            return sli_fail_nomem(err);
        sli_direction_tally(r->dir, hits, dirs);
    }
    if (an->opts->on_story && keep_hits(an, &w->toks, hits, dirs, trig, kept) != 0)
        return sli_fail_nomem(err);
    r->invalid_utf8 += d->invalid_utf8;
    return SL_OK;
}

/* ---- sums, on the main thread ---------------------------------------- */

static sl_accum *group_accum(sl_analysis *an, sl_group_field *g, const char *value)
{
    int inserted;
    uint32_t *idx = sli_strmap_put(&g->values, value, strlen(value), (uint32_t)g->n, &inserted);
    if (!idx)
        return NULL;
    if (!inserted)
        return &g->accums[*idx];
    if (g->n == g->cap) {
        size_t ncap = g->cap ? g->cap * 2 : 8;
        sl_accum *p = realloc(g->accums, ncap * sizeof *p);
        if (!p)
            return NULL;
        g->accums = p;
        g->cap = ncap;
    }
    if (sli_accum_init(&g->accums[g->n], &an->shape) != 0)
        return NULL;
    return &g->accums[g->n++];
}

/* Moves the story's id, metadata and theme hits into a --per-document row. */
static int keep_row(sl_analysis *an, sl_doc *d, sl_docres *r)
{
    if (an->nrows == an->rows_cap) {
        size_t ncap = an->rows_cap ? an->rows_cap * 2 : 256;
        sl_docrow *p = realloc(an->rows, ncap * sizeof *p);
        if (!p)
            return -1;
        an->rows = p;
        an->rows_cap = ncap;
    }
    an->rows[an->nrows++] = (sl_docrow){d->id, r->tokens, d->meta, d->nmeta, r->theme_hits,
                                        r->dir};
    r->dir = NULL;
    d->id = NULL;
    d->meta = NULL;
    d->nmeta = 0;
    r->theme_hits = NULL;
    return 0;
}

static sl_status report_story(const sl_analysis *an, const sl_doc *d, const sl_docres *r,
                              const hit_list *hits, sl_error *err)
{
    const char **keys = malloc((d->nmeta + 1) * sizeof *keys);
    const char **vals = malloc((d->nmeta + 1) * sizeof *vals);
    if (!keys || !vals) {
        free(keys);
        free(vals);
        return sli_fail_nomem(err);
    }
    for (size_t k = 0; k < d->nmeta; k++) {
        keys[k] = d->meta[k].key;
        vals[k] = d->meta[k].value;
    }
    sl_story_view v = {d->id, d->text, d->text_len, (size_t)r->tokens, keys, vals, d->nmeta};
    an->opts->on_story(an->opts->story_user, &v, hits->v, hits->n);
    free(keys);
    free(vals);
    return SL_OK;
}

static sl_status add_story(sl_analysis *an, sl_doc *d, sl_docres *r, sl_error *err)
{
    sli_accum_add(&an->total, &an->shape, r);
    for (size_t g = 0; g < an->opts->nby; g++) {
        const char *v = sli_doc_meta(d, an->groups[g].field);
        sl_accum *a = group_accum(an, &an->groups[g], v ? v : "");
        if (!a)
            return sli_fail_nomem(err);
        sli_accum_add(a, &an->shape, r);
    }
    if (an->opts->per_document && keep_row(an, d, r) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

/* Warns of a story's invalid UTF-8 (once per file), or in a part of a
 * split file notes the first such story for the whole to warn of. */
static void note_invalid_utf8(sl_analysis *an, const sl_doc *d, uint64_t n)
{
    if (!an->borrowed_workers) {
        sli_report_invalid_utf8(&an->report, an->opts, d->source, d->line, d->id, n);
        return;
    }
    if (!n || an->bad_utf8.seen)
        return;
    an->bad_utf8 = (sl_bad_utf8){1, d->line, strdup(d->id), d->id_from_line, n};
    if (!an->bad_utf8.id)
        an->failed = SL_ENOMEM; /* the part is not clean: the file is read again */
}

/* Adds the analysed batch b to the totals in input order, then empties it. */
static sl_status sum_batch(sl_analysis *an, sl_batch *b, sl_error *err)
{
    sl_status s = SL_OK;
    size_t k = 0;
    for (size_t i = 0; i < b->n; i++) {
        for (; s == SL_OK && k < b->nskips && b->skips[k].pos == i; k++)
            s = sli_report_skip(&an->report, an->opts, b->skips[k].file, b->skips[k].line,
                               b->skips[k].reason, err);
        if (s == SL_OK && b->status[i] != SL_OK) {
            s = b->status[i];
            if (err)
                *err = b->errs[i];
        }
        if (s == SL_OK)
            s = report_drops(an, &b->docs[i], &b->drops[i], err);
        if (s == SL_OK)
            note_invalid_utf8(an, &b->docs[i], b->res[i].invalid_utf8);
        if (s == SL_OK && an->opts->on_story)
            s = report_story(an, &b->docs[i], &b->res[i], &b->hits[i], err);
        if (s == SL_OK)
            s = add_story(an, &b->docs[i], &b->res[i], err);
        sli_doc_clear(&b->docs[i]); /* the slot's sl_docres keeps its buffers */
    }
    for (; s == SL_OK && k < b->nskips; k++)
        s = sli_report_skip(&an->report, an->opts, b->skips[k].file, b->skips[k].line,
                           b->skips[k].reason, err);
    for (k = 0; k < b->nskips; k++)
        free(b->skips[k].reason);
    b->nskips = 0;
    an->progress.stories += b->n;
    an->progress.bytes += b->bytes;
    if (s == SL_OK && b->n && an->opts->on_progress &&
        an->progress.stories >= an->progress_shown) {
        an->progress_shown = an->progress.stories;
        an->opts->on_progress(an->opts->progress_user, &an->progress);
    }
    b->n = 0;
    b->bytes = 0;
    return s;
}

/* Sums the batch analysed while the current one was read, if one waits:
 * its stories come before the current batch's. */
static sl_status settle(sl_analysis *an, sl_error *err)
{
    sl_batch *b = an->analysed;
    if (!b)
        return SL_OK;
    an->analysed = NULL;
    sl_status s = sum_batch(an, b, err);
    if (an->spare)
        free_batch(b);
    else
        an->spare = b;
    return s;
}

static sl_status flush_batch(sl_analysis *an, sl_error *err)
{
    sl_status s = settle(an, err);
    if (s != SL_OK)
        return s;
    sl_batch *b = an->batch;
    long n = (long)b->n;
    int threads = an->nthreads < n ? an->nthreads : (int)(n > 0 ? n : 1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (long i = 0; i < n; i++) {
        sl_worker *w = &an->workers[omp_get_thread_num()];
        b->status[i] = analyse_doc(an, w, &b->docs[i], &b->res[i], &b->hits[i], &b->drops[i],
                                  &b->errs[i]);
    }
    return sum_batch(an, b, err);
}

static int cmp_group_value(const void *a, const void *b)
{
    return strcmp(((const sl_group_value *)a)->value, ((const sl_group_value *)b)->value);
}

sl_group_value *sli_group_sorted(const sl_group_field *g)
{
    sl_group_value *v = malloc((g->n + 1) * sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < g->values.cap; i++) {
        const sl_strmap_slot *s = &g->values.slots[i];
        if (s->hash)
            v[k++] = (sl_group_value){g->values.arena + s->key_off, &g->accums[s->value]};
    }
    qsort(v, k, sizeof *v, cmp_group_value);
    return v;
}

/* ---- inputs ----------------------------------------------------------- */

/* With --skip-invalid, between files: a file the reader could not open
 * (a binary file met in a directory). The stories before it are summed
 * first, so warnings come in input order. */
static sl_status skip(sl_analysis *an, const char *file, unsigned long line,
                      const char *reason, sl_error *err)
{
    sl_status s = flush_batch(an, err);
    return s == SL_OK ? sli_report_skip(&an->report, an->opts, file, line, reason, err) : s;
}

static int note_skip(sl_analysis *an, sl_batch *b, const char *name, unsigned long line,
                     const char *reason)
{
    if (b->nskips == b->skips_cap) {
        size_t ncap = b->skips_cap ? b->skips_cap * 2 : 8;
        skip_note *p = realloc(b->skips, ncap * sizeof *p);
        if (!p)
            return -1;
        b->skips = p;
        b->skips_cap = ncap;
    }
    const char *file = sli_report_file(&an->report, name);
    char *why = strdup(reason);
    if (!file || !why) {
        free(why);
        return -1;
    }
    b->skips[b->nskips++] = (skip_note){b->n, file, line, why};
    return 0;
}

/* Reads stories into b until it is full (*full = 1) or the reader ends.
 * With --skip-invalid a record the reader could not read is noted in b at
 * its place among the stories, and reported when b is summed: b may be
 * filled while another batch is being analysed, so nothing here may flush
 * or print. */
static sl_status fill_batch(sl_analysis *an, sl_batch *b, sl_reader *rd, int *full,
                            sl_error *err)
{
    *full = 0;
    for (;;) {
        sl_doc *d = &b->docs[b->n];
        memset(d, 0, sizeof *d);
        int got = 0;
        sl_status s = sli_reader_next(rd, d, &got, err);
        unsigned long line;
        const char *reason;
        if (s == SL_EDATA && sli_reader_skippable(rd, &line, &reason)) {
            sli_doc_clear(d);
            if (note_skip(an, b, sli_reader_name(rd), line, reason) != 0)
                return sli_fail_nomem(err);
            continue;
        }
        if (s != SL_OK || !got) {
            sli_doc_clear(d);
            return s;
        }
        /* the reader may be gone before the batch is analysed: keep a copy */
        if (!(d->source = sli_report_file(&an->report, d->source))) {
            sli_doc_clear(d);
            return sli_fail_nomem(err);
        }
        b->n++;
        b->bytes += d->text_len;
        if (b->n == BATCH_DOCS || b->bytes >= BATCH_BYTES) {
            *full = 1;
            return SL_OK;
        }
    }
}

static sl_batch *new_batch(void)
{
    sl_batch *b = calloc(1, sizeof *b);
    if (b && !(b->errs = calloc(BATCH_DOCS, sizeof *b->errs))) {
        free(b);
        return NULL;
    }
    return b;
}

/* Analyses the full batch while the calling thread (OpenMP thread 0, so
 * the reader's messages, warnings and story handler still run on the
 * caller's thread) sums the batch analysed last time and reads the next
 * one, then joins the analysis. Summing and reading on one thread while
 * the others waited was the serial part that kept two threads from
 * doubling one's speed. The sums stay in input order: a batch is summed
 * only after the one before it. */
static sl_status flush_while_reading(sl_analysis *an, sl_reader *rd, int *full, sl_error *err)
{
    sl_batch *b = an->batch, *prev = an->analysed;
    if (!prev && !an->spare && !(an->spare = new_batch()))
        return sli_fail_nomem(err);
    sl_batch *next = prev ? prev : an->spare;
    if (!prev)
        an->spare = NULL;
    long n = (long)b->n, cursor = 0;
    sl_status ss = SL_OK, rs = SL_OK;
    sl_error serr = {0}, rerr = {0};
    *full = 0;
#pragma omp parallel num_threads(an->nthreads)
    {
        int me = omp_get_thread_num();
        if (me == 0 && prev)
            ss = sum_batch(an, prev, &serr);
        if (me == 0 && ss == SL_OK)
            rs = fill_batch(an, next, rd, full, &rerr);
        for (;;) {
            long i;
#pragma omp atomic capture
            i = cursor++;
            if (i >= n)
                break;
            b->status[i] = analyse_doc(an, &an->workers[me], &b->docs[i], &b->res[i], &b->hits[i],
                                       &b->drops[i], &b->errs[i]);
        }
    }
    an->batch = next;
    an->analysed = b;
    if (ss != SL_OK) {
        if (err)
            *err = serr;
        return ss;
    }
    if (rs == SL_OK)
        return SL_OK;
    /* the reader failed after b's stories: b's own failures come first */
    sl_status s = settle(an, err);
    if (s == SL_OK && err)
        *err = rerr;
    return s != SL_OK ? s : rs;
}

static sl_status read_all(sl_analysis *an, sl_reader *rd, sl_error *err)
{
    int full;
    sl_status s = fill_batch(an, an->batch, rd, &full, err);
    while (s == SL_OK && full) {
        if (an->nthreads > 1)
            s = flush_while_reading(an, rd, &full, err);
        else if ((s = flush_batch(an, err)) == SL_OK)
            s = fill_batch(an, an->batch, rd, &full, err);
    }
    return s;
}

static sl_read_opts read_opts(const sl_analysis *an)
{
    return (sl_read_opts){an->opts->text_field, an->opts->id_field};
}

static sl_status finish_input(sl_analysis *an, sl_status s)
{
    if (s != SL_OK)
        an->failed = s;
    return s;
}

sl_status sl_analysis_add_path(sl_analysis *an, const char *path, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has already failed");
    sl_walk_entry *files;
    size_t n;
    sl_status s = sli_walk(path, &files, &n, err);
    if (s != SL_OK)
        return finish_input(an, s);
    sl_read_opts ro = read_opts(an);
    for (size_t i = 0; s == SL_OK && i < n; i++) {
        int done = 0;
        if (sli_split_wanted(an, files[i].path) &&
            ((s = sli_split_file(an, files[i].path, &done, err)) != SL_OK || done))
            continue;
        sl_reader *rd;
        sl_error why = {0};
        s = sli_reader_open_entry(&rd, &files[i], &ro, &why);
        if (s != SL_OK && err)
            *err = why;
        if (s == SL_OK && !rd) /* a binary file in a directory: listed, not read */
            s = skip(an, files[i].path, 0, why.text + strlen(files[i].path) + 2, err);
        else if (s == SL_OK) {
            sli_reader_set_skip_invalid(rd, an->opts->skip_invalid);
            s = read_all(an, rd, err);
            sli_reader_free(rd);
        }
    }
    sli_walk_free(files, n);
    return finish_input(an, s);
}

sl_status sl_analysis_add_stream(sl_analysis *an, FILE *in, const char *name, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has already failed");
    sl_read_opts ro = read_opts(an);
    sl_reader *rd;
    sl_status s = sli_reader_open_stream(&rd, in, name, an->opts->stdin_format, &ro, err);
    if (s == SL_OK) {
        sli_reader_set_skip_invalid(rd, an->opts->skip_invalid);
        s = read_all(an, rd, err);
        sli_reader_free(rd);
    }
    return finish_input(an, s);
}

sl_status sli_analysis_add_reader(sl_analysis *an, sl_reader *rd, sl_error *err)
{
    sli_reader_set_skip_invalid(rd, an->opts->skip_invalid);
    sl_status s = read_all(an, rd, err);
    if (s == SL_OK)
        s = flush_batch(an, err);
    return finish_input(an, s);
}

sl_status sl_analysis_write(sl_analysis *an, FILE *out, sl_format fmt, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has failed; there is nothing to write");
    sl_status s = flush_batch(an, err);
    if (s != SL_OK)
        return finish_input(an, s);
    switch (fmt) {
    case SL_FORMAT_JSON:
        return sli_write_json(an, out, err);
    case SL_FORMAT_TSV:
        return sli_write_table(an, out, '\t', err);
    case SL_FORMAT_CSV:
        return sli_write_table(an, out, ',', err);
    case SL_FORMAT_TABLE:
        return sli_write_summary(an, out, err);
    }
    return sli_fail(err, SL_EUSAGE, "unknown output format");
}

sl_status sl_analysis_flush(sl_analysis *an, sl_error *err)
{
    if (an->failed)
        return sli_fail(err, SL_EUSAGE, "this analysis has already failed");
    return finish_input(an, flush_batch(an, err));
}

/* The totals of value of the g-th --by field, created empty on first use:
 * for merge.c, which adds parts' group figures. NULL when out of memory. */
sl_accum *sli_analysis_group_accum(sl_analysis *an, size_t g, const char *value)
{
    return group_accum(an, &an->groups[g], value);
}
