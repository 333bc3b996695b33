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
#include "count/rows.h"
#include "count/seen.h"
#include "lexicon/lexicon.h"

/* One --by field: its values, each with its totals. */
typedef struct sl_group_field {
    const char *field;   /* borrowed from the options */
    int by_input;        /* field is SL_BY_INPUT: the group is the story's input */
    sl_strmap values;    /* value -> index into accums */
    sl_accum *accums;
    size_t n, cap;
} sl_group_field;

/* Co-occurrence grows with the square of the theme count, in the counts
 * of every table (the corpus's and each --by group's: 8 bytes a cell), in
 * each worker's scratch and most of all in the output, which writes every
 * cell three times (counts, Jaccard, NPMI): one table of 2,000,000 cells
 * (1,000 themes, two units) took 9.5 s and 640 MB to write, and 10,000
 * themes would need 100 times that. So the corpus's table holds at most
 * SL_COOC_TABLE_CELLS cells (themes x themes x units: 1,000 themes with
 * the two default units, 1,414 with one), refused before anything is
 * read, and a result's tables together at most SL_COOC_RESULT_CELLS,
 * refused when a --by group would pass it (50 themes with two units: 799
 * groups). */
#define SL_COOC_TABLE_CELLS ((size_t)2000000)
#define SL_COOC_RESULT_CELLS ((size_t)4000000)

typedef struct sl_result {
    const sl_lexicon *lex;   /* borrowed */
    const sl_options *opts;  /* borrowed */
    sl_shape shape;
    sl_accum total;
    sl_group_field *groups;  /* opts->nby */
    sl_rows rows;            /* --per-document, in input order */
    sl_report report;        /* skipped records and files, regex failures */
    size_t cooc_cells;       /* co-occurrence cells a table holds (themes^2 x units) */
    int cooc_full;           /* a group was refused: SL_COOC_RESULT_CELLS reached */
    sl_seen seen;            /* ids and --by fields met (seen.h) */
    const char *input;       /* the INPUT being read, as named (--by @file);
                              * borrowed from report's file names */
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
 * Borrowed; NULL when out of memory, or when a new group's co-occurrence
 * would pass SL_COOC_RESULT_CELLS (res->cooc_full is then set). */
sl_accum *sli_result_group(sl_result *res, size_t g, const char *value);

/* The error for a NULL from sli_result_group: out of memory, or (SL_EDATA)
 * too many groups for the co-occurrence tables, with what to do. */
sl_status sli_result_group_fail(const sl_result *res, size_t g, sl_error *err);

/* One value of a --by field, for writing groups in byte order of value. */
typedef struct sl_group_value {
    const char *value;     /* borrowed from the field's map */
    const sl_accum *accum;
} sl_group_value;

/* The values of g sorted by strcmp. Caller frees the array; NULL on OOM. */
sl_group_value *sli_group_sorted(const sl_group_field *g);

#endif
