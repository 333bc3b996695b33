/*
 * stats.h - the statistics storylens reports beside its counts: intervals
 * on shares, tests of differences between groups and between rounds, and
 * shares corrected for a lexicon's measured error.
 *
 * Pure functions of counts: no allocation, no random numbers, no state, so
 * the figures derived at write time from additive counts are the same for
 * every -j, every sharding and every merge. Each function cites the method
 * it follows; tests/unit/test_stats.c holds worked values.
 */
#ifndef SL_STATS_H
#define SL_STATS_H

#include <stddef.h>
#include <stdint.h>

typedef struct sl_interval {
    double lo, hi;
} sl_interval;

/* ---- distributions ---------------------------------------------------- */

/* The standard normal quantile, 0 < p < 1 (Wichura 1988, AS 241). */
double sli_qnorm(double p);
/* P(Z > z) for a standard normal Z. */
double sli_pnorm_upper(double z);
/* P(X > x) for X chi-square with df degrees of freedom (df > 0). */
double sli_pchisq_upper(double x, double df);
/* z of a two-sided interval at level conf, 0 < conf < 1: sli_qnorm(1 -
 * (1 - conf) / 2); 0.95 -> 1.959964. */
double sli_z(double conf);

/* ---- one share ---------------------------------------------------------- */

/* The Wilson score interval for x of n (Wilson 1927; Newcombe 1998, method
 * 3), clipped to [0, 1]; lo is exactly 0 when x == 0 and hi exactly 1 when
 * x == n. Returns 0 (and leaves *ci alone) when n == 0 or x > n. */
int sli_wilson(uint64_t x, uint64_t n, double z, sl_interval *ci);

/* ---- two shares --------------------------------------------------------- */

/* Newcombe's hybrid score interval for x1/n1 - x2/n2 (Newcombe 1998,
 * method 10, from the two Wilson intervals). Returns 0 when n1 or n2 is 0. */
int sli_newcombe(uint64_t x1, uint64_t n1, uint64_t x2, uint64_t n2, double z, sl_interval *ci);

/* ---- tests of independence --------------------------------------------- */

typedef enum sl_test_kind {
    SL_TEST_NONE = 0,   /* undefined: see sl_test.why */
    SL_TEST_CHISQ,      /* Pearson chi-square, no continuity correction */
    SL_TEST_FISHER      /* Fisher's exact test, two-sided */
} sl_test_kind;

typedef struct sl_test {
    sl_test_kind kind;
    double statistic;    /* Pearson X^2 (computed for both kinds) */
    double df;           /* k - 1 over the non-empty groups */
    double p;            /* the p-value of kind */
    double cramers_v;    /* sqrt(X^2 / N) for a 2 x k table */
    double min_expected; /* the smallest expected count */
    int groups;          /* non-empty groups taken into the table */
    /* Set when kind is SL_TEST_NONE ("fewer than two groups with stories",
     * "no story shows the theme", "every story shows the theme"), or when
     * an exact test was due but too large to enumerate and the chi-square
     * p is given instead ("exact test too large; chi-square p shown").
     * Also "a group has more stories with the theme than stories" when
     * some x[i] > n[i]. Static text, NULL otherwise. When kind is
     * SL_TEST_NONE the numbers are NaN and groups still counts. */
    const char *why;
} sl_test;

/* Whether the theme's share differs between groups: group i has x[i] of
 * n[i] stories with the theme; groups with n[i] == 0 are left out. Fisher's
 * exact test where an expected count is below 5, Pearson chi-square
 * otherwise. Returns 0 when out->kind is SL_TEST_NONE, else 1. */
int sli_independence(const uint64_t *x, const uint64_t *n, size_t k, sl_test *out);

/* Fisher's exact test on the 2 x k table (x[i], n[i] - x[i]): the sum of
 * the probabilities (hypergeometric, margins fixed) of the tables no more
 * probable than the observed one, within a relative 1e-7 as R's
 * fisher.test. Returns a negative value when the enumeration would exceed
 * the work budget (a few million tables, judged by an upper bound before
 * any work) or the table has more than 256 non-empty groups; NaN when
 * some x[i] > n[i]. */
double sli_fisher_2xk(const uint64_t *x, const uint64_t *n, size_t k);

/* Whether x1/n1 and x2/n2 differ: sli_independence on the 2 x 2 table. */
int sli_two_shares(uint64_t x1, uint64_t n1, uint64_t x2, uint64_t n2, sl_test *out);

/* ---- multiple tests ----------------------------------------------------- */

/* p-values adjusted across m tests, as R's p.adjust(method = "holm") and
 * p.adjust(method = "BH"). NaN entries (tests that could not be made) stay
 * NaN and are not counted in m. adj must not alias p. Time is quadratic
 * in m (no allocation): meant for the tests of one report, not millions. */
void sli_p_holm(const double *p, size_t m, double *adj);
void sli_p_bh(const double *p, size_t m, double *adj);

/* ---- shares corrected for measured error ------------------------------- */

typedef struct sl_corrected {
    double share;       /* the Rogan-Gladen estimate, clipped to [0, 1] */
    sl_interval ci;     /* clipped to [0, 1] */
    double sensitivity; /* tp / (tp + fn) on the coded sample */
    double specificity; /* tn / (tn + fp) on the coded sample */
    const char *why;    /* static text when undefined, NULL otherwise */
} sl_corrected;

/* The true share behind an observed x of n, for a classifier whose
 * sensitivity (tp of tp + fn) and specificity (tn of tn + fp) were measured
 * on a hand-coded sample: the Rogan-Gladen estimate (p + Sp - 1) /
 * (Se + Sp - 1) with an interval that carries the uncertainty of all three
 * (Lang and Reiczigel 2014; see stats.c). Returns 0 with out->why set
 * when n == 0, when x > n, when the sample has no coded positive or no
 * coded negative, or when Se + Sp <= 1; share and ci are then NaN, and
 * sensitivity and specificity are NaN only where their sample is empty.
 * When the interval's shrunken Se' + Sp' (one added to each side of the
 * coded counts) is not above 1, ci is the whole [0, 1]. */
int sli_rogan_gladen(uint64_t x, uint64_t n, uint64_t tp, uint64_t fn, uint64_t tn, uint64_t fp,
                     double z, sl_corrected *out);

#endif
