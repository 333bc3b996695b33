/*
 * result.h - what a run hands over: the corpus totals, the totals of each
 * --by group, the --per-document rows and the report of what was left
 * out, and nothing of how they were made.
 *
 * Why a type of its own: the writers, storylens merge and the pieces of a
 * split file all need the figures, and none of them needs the workers,
 * batches or threads that made them. The driver (pipeline/) adds stories
 * into a result; split pieces and merged parts are results added into
 * another (sli_result_add, or merge.c reading a part's JSON); the writers
 * (write/) read a const result. Used on one thread at a time.
 */
#ifndef SL_RESULT_H
#define SL_RESULT_H

#include "core/doc.h"
#include "core/options.h"
#include "core/strmap.h"
#include "count/aggregate.h"
#include "count/report.h"
#include "count/seen.h"
#include "lexicon/lexicon.h"

/* One --by field: its values, each with its totals. */
typedef struct sl_group_field {
    const char *field;   /* borrowed from the options */
    sl_strmap values;    /* value -> index into accums */
    sl_accum *accums;
    size_t n, cap;
} sl_group_field;

/* One --per-document row, kept in input order. */
typedef struct sl_docrow {
    char *id;
    uint64_t tokens;
    sl_meta *meta;
    size_t nmeta;
    uint32_t *theme_hits;
    uint32_t *dir;       /* with direction: the story's direction counts (sl_docres.dir) */
} sl_docrow;

typedef struct sl_result {
    const sl_lexicon *lex;   /* borrowed */
    const sl_options *opts;  /* borrowed */
    sl_shape shape;
    sl_accum total;
    sl_group_field *groups;  /* opts->nby */
    sl_docrow *rows;
    size_t nrows, rows_cap;
    sl_report report;        /* skipped records and files, regex failures */
    sl_seen seen;            /* ids and --by fields met (seen.h) */
} sl_result;

/* An empty result for lex and opts (both borrowed: they must outlive it).
 * Release with sli_result_clear, also after a failure. */
sl_status sli_result_init(sl_result *res, const sl_lexicon *lex, const sl_options *opts,
                          sl_error *err);
void sli_result_clear(sl_result *res);

/* Adds one analysed story to the totals and its --by groups; with
 * --per-document its id, metadata and counts move into a row (d and r
 * lose them). */
sl_status sli_result_add_story(sl_result *res, sl_doc *d, sl_docres *r, sl_error *err);

/* Adds the totals and groups of part (a result of the same lexicon and
 * settings, of other stories) to res. Rows and reports are not added: the
 * pieces of a split file have none (split.c). */
sl_status sli_result_add(sl_result *res, const sl_result *part, sl_error *err);

/* The totals of value of the g-th --by field, created empty on first use.
 * Borrowed; NULL when out of memory. */
sl_accum *sli_result_group(sl_result *res, size_t g, const char *value);

/* A new --per-document row at the end, zeroed, counted at once so that
 * sli_result_clear releases what is put in it. NULL when out of memory. */
sl_docrow *sli_result_new_row(sl_result *res);

/* One value of a --by field, for writing groups in byte order of value. */
typedef struct sl_group_value {
    const char *value;     /* borrowed from the field's map */
    const sl_accum *accum;
} sl_group_value;

/* The values of g sorted by strcmp. Caller frees the array; NULL on OOM. */
sl_group_value *sli_group_sorted(const sl_group_field *g);

#endif
