/*
 * analysis.h - the run behind the public sl_analysis: a result, the
 * workers (made when the first input arrives) and the batch loop.
 *
 * Only api.c and the tests see inside. The driver produces a result and
 * never calls a writer; api.c hands the result to the writers.
 */
#ifndef SL_ANALYSIS_H
#define SL_ANALYSIS_H

#include "count/result.h"
#include "pipeline/batch.h"
#include "pipeline/worker.h"

struct sl_analysis {
    sl_result res;
    sl_worker *workers;  /* NULL until the first input: merge needs none */
    int nthreads;
    sl_batcher run;      /* over res and workers */
    sl_status failed;    /* sticky: a failed run writes nothing */
    size_t split_files;  /* files analysed in pieces (split.c), for tests */
};

/* Analyses every story read so far and hands out the result (borrowed:
 * valid until an is freed; merge adds parts into it). Fails when the run
 * has failed. */
sl_status sli_analysis_result(sl_analysis *an, sl_result **res, sl_error *err);

/* Marks the run failed (s != SL_OK): half-added figures are never written. */
void sli_analysis_fail(sl_analysis *an, sl_status s);

#endif
