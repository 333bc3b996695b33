/*
 * batch.h - stories read into batches, analysed by OpenMP workers and
 * added to a result strictly in input order.
 *
 * A batcher borrows its workers and its result: the public analysis
 * (analysis.c) gives it all of its workers and its result; each thread's
 * part of a split file (split.c) gives it that thread's worker and a
 * result of its own. Everything here runs on the thread that calls it,
 * apart from the workers inside the parallel regions.
 */
#ifndef SL_BATCH_H
#define SL_BATCH_H

#include "count/result.h"
#include "pipeline/worker.h"
#include "read/read.h"

/* A part's first story with invalid UTF-8 (split.c): a part cannot warn,
 * as only the whole knows on which line of the file the story is. */
typedef struct sl_bad_utf8 {
    int seen;
    unsigned long line;  /* in the part's piece */
    char *id;            /* owned */
    int id_from_line;    /* id is "FILE:LINE" with the piece's line */
    uint64_t n;
    int cp1252;          /* its bad bytes look like Windows-1252 */
} sl_bad_utf8;

typedef struct sl_batcher {
    const sl_lexicon *lex;     /* borrowed, as are opts, res and workers */
    const sl_options *opts;
    sl_result *res;
    sl_worker *workers;
    int nthreads;
    int part;                  /* a piece of a split file: invalid UTF-8 is
                                * noted in bad_utf8, not warned of */
    sl_bad_utf8 bad_utf8;
    struct sl_batch *batch;    /* being filled, analysed next */
    struct sl_batch *analysed; /* analysed, summed next (-j > 1), or NULL */
    struct sl_batch *spare;    /* read into while batch is analysed (-j > 1) */
    sl_progress progress;      /* stories and bytes summed so far */
    unsigned long long progress_shown; /* the most stories a progress call has
                                * given: after an abandoned split the file
                                * is read again, and progress never goes back */
} sl_batcher;

/* Sets b up over res and nthreads workers. Release with
 * sli_batcher_clear, also after a failure. */
sl_status sli_batcher_init(sl_batcher *b, sl_result *res, sl_worker *workers, int nthreads,
                           int part, sl_error *err);
void sli_batcher_clear(sl_batcher *b);

/* Reads every story of rd (borrowed) and analyses the full batches; the
 * last, partial batch waits for the next reader or a flush. */
sl_status sli_batcher_read(sl_batcher *b, sl_reader *rd, sl_error *err);

/* Analyses and sums every story read so far. */
sl_status sli_batcher_flush(sl_batcher *b, sl_error *err);

/* With --skip-invalid, between files: lists a file the reader could not
 * open, after the stories before it. */
sl_status sli_batcher_skip_file(sl_batcher *b, const char *file, const char *reason,
                                sl_error *err);

/* Calls the progress handler with b's progress, which must not have gone
 * back (the floor is progress_shown). */
void sli_batcher_show_progress(sl_batcher *b);

#endif
