/*
 * batch.c - the batch loop (batch.h): read stories into a batch, let the
 * workers analyse it, add its slots to the result in input order.
 *
 * Stories are read on the calling thread into a batch; an OpenMP loop
 * hands each story to a worker, and every story's counts land in its own
 * batch slot. The calling thread then adds the slots to the result
 * strictly in input order, so the output is byte-identical for any
 * number of threads, and reports the first failing story in input order.
 * With more than one thread the calling thread sums one batch and reads
 * the next while the others analyse the batch between them.
 */
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "pipeline/batch.h"

/* A batch closes at this many stories or bytes of text, whichever first:
 * large enough to keep every thread busy, small enough that memory does
 * not grow with the corpus, and that a batch's text and records are still
 * in cache when they are analysed and summed (256 bench stories are about
 * 400 KB: medians of 7 runs on 100 MB took 7 % less CPU time at -j 1 and
 * 5 % less at -j 2 than 1024 stories; 4096 took 11 % more). */
#define BATCH_DOCS 256
#define BATCH_BYTES (32u << 20)

/* A record --skip-invalid left out, before story pos of its batch. */
typedef struct skip_note {
    size_t pos;
    const char *file; /* interned in the result's report */
    unsigned long line;
    char *reason;
} skip_note;

typedef struct sl_batch {
    sl_regex_drops drops[BATCH_DOCS];
    skip_note *skips;
    size_t nskips, skips_cap;
    sl_doc docs[BATCH_DOCS];
    sl_docres res[BATCH_DOCS];
    sl_hit_list hits[BATCH_DOCS];
    sl_status status[BATCH_DOCS];
    sl_error *errs; /* BATCH_DOCS records */
    size_t n, bytes;
} sl_batch;

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

static sl_batch *new_batch(void)
{
    sl_batch *b = calloc(1, sizeof *b);
    if (b && !(b->errs = calloc(BATCH_DOCS, sizeof *b->errs))) {
        free(b);
        return NULL;
    }
    return b;
}

sl_status sli_batcher_init(sl_batcher *b, sl_result *res, sl_worker *workers, int nthreads,
                           int part, sl_error *err)
{
    memset(b, 0, sizeof *b);
    b->lex = res->lex;
    b->opts = res->opts;
    b->res = res;
    b->workers = workers;
    b->nthreads = nthreads;
    b->part = part;
    b->batch = new_batch();
    return b->batch ? SL_OK : sli_fail_nomem(err);
}

void sli_batcher_clear(sl_batcher *b)
{
    if (!b)
        return;
    free_batch(b->batch);
    free_batch(b->analysed);
    free_batch(b->spare);
    free(b->bad_utf8.id);
    memset(b, 0, sizeof *b);
}

/* ---- sums, on the calling thread ------------------------------------- */

/* Lists the story's dropped regex entries, in input order. */
static sl_status report_drops(sl_batcher *bt, const sl_doc *d, const sl_regex_drops *dr,
                              sl_error *err)
{
    sl_status s = SL_OK;
    for (size_t k = 0; s == SL_OK && k < dr->n; k++) {
        char where[2048], why[256];
        sli_regex_failure_text(bt->lex, dr->entry[k], dr->code[k], where, sizeof where, why,
                               sizeof why);
        s = sli_report_regex(&bt->res->report, bt->opts, d->id, where, why, err);
    }
    return s;
}

static sl_status report_story(const sl_batcher *bt, const sl_doc *d, const sl_docres *r,
                              const sl_hit_list *hits, sl_error *err)
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
    bt->opts->on_story(bt->opts->story_user, &v, hits->v, hits->n);
    free(keys);
    free(vals);
    return SL_OK;
}

/* Warns of a story's invalid UTF-8 (once per file), or in a part of a
 * split file notes the first such story for the whole to warn of. */
static sl_status note_invalid_utf8(sl_batcher *bt, const sl_doc *d, uint64_t n, sl_error *err)
{
    if (!bt->part) {
        sli_report_invalid_utf8(&bt->res->report, bt->opts, d->source, d->line, d->id, n,
                                n && sli_looks_cp1252(d->text, d->text_len));
        return SL_OK;
    }
    if (!n || bt->bad_utf8.seen)
        return SL_OK;
    bt->bad_utf8 = (sl_bad_utf8){1, d->line, strdup(d->id), d->id_from_line, n,
                                 sli_looks_cp1252(d->text, d->text_len)};
    /* out of memory, the part is not clean: the file is read again */
    return bt->bad_utf8.id ? SL_OK : sli_fail_nomem(err);
}

void sli_batcher_show_progress(sl_batcher *bt)
{
    if (!bt->opts->on_progress)
        return;
    bt->progress_shown = bt->progress.stories;
    bt->opts->on_progress(bt->opts->progress_user, &bt->progress);
}

/* One story of b, in its turn: its failure, its reports, then its sums. */
static sl_status sum_story(sl_batcher *bt, sl_batch *b, size_t i, sl_error *err)
{
    if (b->status[i] != SL_OK) {
        if (err)
            *err = b->errs[i];
        return b->status[i];
    }
    sl_status s = report_drops(bt, &b->docs[i], &b->drops[i], err);
    if (s == SL_OK)
        s = note_invalid_utf8(bt, &b->docs[i], b->res[i].invalid_utf8, err);
    if (s == SL_OK && bt->opts->on_story)
        s = report_story(bt, &b->docs[i], &b->res[i], &b->hits[i], err);
    if (s == SL_OK)
        s = sli_result_add_story(bt->res, &b->docs[i], &b->res[i], err);
    return s;
}

/* Adds the analysed batch b to the result in input order, then empties it. */
static sl_status sum_batch(sl_batcher *bt, sl_batch *b, sl_error *err)
{
    sl_status s = SL_OK;
    size_t k = 0;
    sl_report *rp = &bt->res->report;
    for (size_t i = 0; i < b->n; i++) {
        for (; s == SL_OK && k < b->nskips && b->skips[k].pos == i; k++)
            s = sli_report_skip(rp, bt->opts, b->skips[k].file, b->skips[k].line,
                                b->skips[k].reason, err);
        if (s == SL_OK)
            s = sum_story(bt, b, i, err);
        sli_doc_clear(&b->docs[i]); /* the slot's sl_docres keeps its buffers */
    }
    for (; s == SL_OK && k < b->nskips; k++)
        s = sli_report_skip(rp, bt->opts, b->skips[k].file, b->skips[k].line,
                            b->skips[k].reason, err);
    for (k = 0; k < b->nskips; k++)
        free(b->skips[k].reason);
    b->nskips = 0;
    bt->progress.stories += b->n;
    bt->progress.bytes += b->bytes;
    if (s == SL_OK && b->n && bt->progress.stories >= bt->progress_shown)
        sli_batcher_show_progress(bt);
    b->n = 0;
    b->bytes = 0;
    return s;
}

/* Sums the batch analysed while the current one was read, if one waits:
 * its stories come before the current batch's. */
static sl_status settle(sl_batcher *bt, sl_error *err)
{
    sl_batch *b = bt->analysed;
    if (!b)
        return SL_OK;
    bt->analysed = NULL;
    sl_status s = sum_batch(bt, b, err);
    if (bt->spare)
        free_batch(b);
    else
        bt->spare = b;
    return s;
}

static sl_status analyse(const sl_batcher *bt, int me, sl_batch *b, long i)
{
    return sli_worker_analyse(&bt->workers[me], bt->lex, bt->opts, &bt->res->shape, &b->docs[i],
                              &b->res[i], &b->hits[i], &b->drops[i], &b->errs[i]);
}

sl_status sli_batcher_flush(sl_batcher *bt, sl_error *err)
{
    sl_status s = settle(bt, err);
    if (s != SL_OK)
        return s;
    sl_batch *b = bt->batch;
    long n = (long)b->n;
    int threads = bt->nthreads < n ? bt->nthreads : (int)(n > 0 ? n : 1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (long i = 0; i < n; i++)
        b->status[i] = analyse(bt, omp_get_thread_num(), b, i);
    return sum_batch(bt, b, err);
}

/* ---- inputs ----------------------------------------------------------- */

sl_status sli_batcher_skip_file(sl_batcher *bt, const char *file, const char *reason,
                                sl_error *err)
{
    sl_status s = sli_batcher_flush(bt, err);
    return s == SL_OK ? sli_report_skip(&bt->res->report, bt->opts, file, 0, reason, err) : s;
}

static int note_skip(sl_batcher *bt, sl_batch *b, const char *name, unsigned long line,
                     const char *reason)
{
    if (SL_GROW(b->skips, b->skips_cap, b->nskips + 1) != 0)
        return -1;
    const char *file = sli_report_file(&bt->res->report, name);
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
static sl_status fill_batch(sl_batcher *bt, sl_batch *b, sl_reader *rd, int *full,
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
            if (note_skip(bt, b, sli_reader_name(rd), line, reason) != 0)
                return sli_fail_nomem(err);
            continue;
        }
        if (s != SL_OK || !got) {
            sli_doc_clear(d);
            return s;
        }
        /* the reader may be gone before the batch is analysed: keep a copy */
        if (!(d->source = sli_report_file(&bt->res->report, d->source))) {
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

/* Analyses the full batch while the calling thread (OpenMP thread 0, so
 * the reader's messages, warnings and story handler still run on the
 * caller's thread) sums the batch analysed last time and reads the next
 * one, then joins the analysis. Summing and reading on one thread while
 * the others waited was the serial part that kept two threads from
 * doubling one's speed. The sums stay in input order: a batch is summed
 * only after the one before it. */
static sl_status flush_while_reading(sl_batcher *bt, sl_reader *rd, int *full, sl_error *err)
{
    sl_batch *b = bt->batch, *prev = bt->analysed;
    if (!prev && !bt->spare && !(bt->spare = new_batch()))
        return sli_fail_nomem(err);
    sl_batch *next = prev ? prev : bt->spare;
    if (!prev)
        bt->spare = NULL;
    long n = (long)b->n, cursor = 0;
    sl_status ss = SL_OK, rs = SL_OK;
    sl_error serr = {0}, rerr = {0};
    *full = 0;
#pragma omp parallel num_threads(bt->nthreads)
    {
        int me = omp_get_thread_num();
        if (me == 0 && prev)
            ss = sum_batch(bt, prev, &serr);
        if (me == 0 && ss == SL_OK)
            rs = fill_batch(bt, next, rd, full, &rerr);
        for (;;) {
            long i;
#pragma omp atomic capture
            i = cursor++;
            if (i >= n)
                break;
            b->status[i] = analyse(bt, me, b, i);
        }
    }
    bt->batch = next;
    bt->analysed = b;
    if (ss != SL_OK) {
        if (err)
            *err = serr;
        return ss;
    }
    if (rs == SL_OK)
        return SL_OK;
    /* the reader failed after b's stories: b's own failures come first */
    sl_status s = settle(bt, err);
    if (s == SL_OK && err)
        *err = rerr;
    return s != SL_OK ? s : rs;
}

sl_status sli_batcher_read(sl_batcher *bt, sl_reader *rd, sl_error *err)
{
    int full;
    sli_reader_set_skip_invalid(rd, bt->opts->skip_invalid);
    sl_status s = fill_batch(bt, bt->batch, rd, &full, err);
    while (s == SL_OK && full) {
        if (bt->nthreads > 1)
            s = flush_while_reading(bt, rd, &full, err);
        else if ((s = sli_batcher_flush(bt, err)) == SL_OK)
            s = fill_batch(bt, bt->batch, rd, &full, err);
    }
    return s;
}
