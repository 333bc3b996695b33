/*
 * inference.h - the statistics every writer shows beside the counts:
 * intervals on shares, the tests of each --by field, shares corrected for
 * measured error, and the calibration they come from. Derived when written
 * from the result's additive counts, so merge, sharding and every -j give
 * the same figures.
 */
#ifndef SL_INFERENCE_H
#define SL_INFERENCE_H

#include <jansson.h>

#include "count/result.h"
#include "stats/stats.h"

/* What a calibration holds for one theme of the lexicon it was loaded for. */
typedef struct sl_cal_theme {
    int coded;                /* the sample coded the theme */
    uint64_t tp, fn, tn, fp;
} sl_cal_theme;

struct sl_calibration {
    char *path;
    char sha256[65];
    size_t nthemes;           /* the lexicon's */
    sl_cal_theme *theme;
};

/* z of the run's confidence level. */
double sli_result_z(const sl_result *res);

/* Theme t's share in a, corrected by the run's calibration. 0 when the
 * run has none; else 1, with out->why set when undefined. */
int sli_corrected_share(const sl_result *res, const sl_accum *a, size_t t, sl_corrected *out);

/* The tests of --by field g, one per theme, p adjusted across themes. */
typedef struct sl_field_tests {
    sl_test *test;          /* nthemes */
    double *p_adjusted;     /* nthemes; NaN where there is no test */
    const char **note;      /* nthemes; static text or NULL */
} sl_field_tests;

sl_status sli_field_tests(const sl_result *res, size_t g, sl_field_tests *out, sl_error *err);
void sli_field_tests_free(sl_field_tests *ft);

/* p-values adjusted as the options say (NaN stays NaN). */
void sli_adjust(sl_adjust how, const double *p, size_t m, double *adj);
const char *sli_adjust_name(sl_adjust how);   /* "holm", "BH": as JSON writes it */
const char *sli_adjust_label(sl_adjust how);  /* "Holm", "Benjamini-Hochberg": for a person */

/* How a test between shares is chosen, as .statistics.test says it. */
#define SLI_TEST_RULE "chi-square; fisher where an expected count is below 5"
const char *sli_test_name(sl_test_kind kind);

/* [lo, hi] rounded as every real, or null (steals nothing). */
json_t *sli_json_interval(int ok, const sl_interval *ci);

#endif
