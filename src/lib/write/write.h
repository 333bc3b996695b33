/*
 * write.h - a const result -> bytes. The writers never see the run that
 * made the result; api.c is the one file that joins the two.
 */
#ifndef SL_WRITE_H
#define SL_WRITE_H

#include <jansson.h>
#include <stdio.h>

#include "count/result.h"

/* Schema 1 JSON (json.c). */
sl_status sli_write_json(const sl_result *res, FILE *out, sl_error *err);
/* The --per-document rows alone, one compact JSON object a line (each as
 * in .documents[]), for pipelines (json.c). */
sl_status sli_write_stories(const sl_result *res, FILE *out, sl_error *err);
/* The same document as a tree, without .documents, for writers that lay
 * it out otherwise (workbook.c reads the per-story rows from res). New
 * reference; NULL (err set) when out of memory or a key clash. */
json_t *sli_json_root(const sl_result *res, sl_error *err);
/* The tidy long table, TSV (sep '\t') or CSV (table.c). */
sl_status sli_write_table(const sl_result *res, FILE *out, char sep, sl_error *err);
/* Where a sheet's cells go, row by row: text, a count, the row's end.
 * Each returns 0, or nonzero when the output failed. */
typedef struct sli_cells {
    int (*text)(void *user, const char *v);
    int (*count)(void *user, uint64_t n);
    int (*end_row)(void *user);
    void *user;
} sli_cells;

/* The story-by-theme sheet (wide.c), a row a story with its header row,
 * into out; needs the per-story rows (opts->per_document), else SL_EUSAGE.
 * sli_write_wide lays it out as TSV or CSV. */
sl_status sli_wide_rows(const sl_result *res, const sli_cells *out, sl_error *err);
sl_status sli_write_wide(const sl_result *res, FILE *out, char sep, sl_error *err);
/* An Excel workbook: themes, groups, tests, the story sheet, co-occurrence
 * and provenance (workbook.c). Needs the per-story rows, as the wide sheet. */
sl_status sli_write_workbook(const sl_result *res, FILE *out, sl_error *err);
/* The human summary, --format table (summary.c). */
sl_status sli_write_summary(const sl_result *res, FILE *out, sl_error *err);

/* The "settings" object the JSON writer writes for res: merge compares
 * each part's with it. New reference; NULL when out of memory. */
json_t *sli_json_settings(const sl_result *res);

/* Adds the analysis JSON at path (a part made by storylens analyse with
 * the same lexicons and settings) into res (merge.c). On failure res may
 * hold part of it: the caller must not write it. */
sl_status sli_merge_part(sl_result *res, const char *path, sl_error *err);

/* SL_EDATA, naming file, the figure's JSON path and the rule, when the
 * part at root breaks a relation every analysis keeps between its counts
 * (a theme's stories within the corpus's, a co-occurrence cell within its
 * diagonal, ...); merge_check.c lists them. Run before anything is added. */
sl_status sli_merge_check(const sl_result *res, const json_t *root, const char *file,
                          sl_error *err);

#endif
