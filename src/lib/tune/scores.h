/*
 * scores.h - agreement figures of a lexicon with hand codes, as plain
 * functions of a confusion table, so each can be tested on a table worked
 * by hand: precision, recall, F1 and Cohen's kappa of a theme (2x2), and
 * accuracy, per-class figures, macro F1 and kappa of a direction column
 * (coded class x found class).
 */
#ifndef SL_SCORES_H
#define SL_SCORES_H

#include <stddef.h>
#include <stdint.h>

/* A 2x2 table for one theme: predicted (lexicon) against gold (hand code). */
typedef struct sl_confusion {
    uint64_t tp, fp, fn, tn;
} sl_confusion;

/* Derived figures; each has_* is 0 where the figure is undefined (its
 * denominator is 0), and the figure is then written as null / NA. */
typedef struct sl_scores {
    double precision, recall, f1, kappa;
    int has_precision, has_recall, has_f1, has_kappa;
} sl_scores;

/* precision = tp/(tp+fp); recall = tp/(tp+fn); f1 = 2tp/(2tp+fp+fn);
 * kappa = (po-pe)/(1-pe) with po = (tp+tn)/n and
 * pe = ((tp+fp)(tp+fn) + (fn+tn)(fp+tn))/n^2. Unrounded. */
void sli_scores_of(const sl_confusion *c, sl_scores *out);

/* Macro averages: the mean of each figure over the themes where it is
 * defined; undefined when it is defined for none. */
void sli_scores_macro(const sl_scores *per, size_t n, sl_scores *out);

/* ---- direction columns: multi-class scores ----------------------------
 * Classes in sl_direction order less one (improved 0, worsened 1,
 * mentioned 2); ABSENT is what storylens answers for a story where it
 * counted no hit for the theme: never a coder's class, so always wrong. */
enum { SL_DC_IMPROVED, SL_DC_WORSENED, SL_DC_MENTIONED, SL_DC_ABSENT, SL_DC_FOUND };
#define SL_DC_CODED 3

/* Coded class (rows) against found class (columns). */
typedef struct sl_dir_confusion {
    uint64_t m[SL_DC_CODED][SL_DC_FOUND];
} sl_dir_confusion;

typedef struct sl_dir_scores {
    uint64_t n, correct;            /* coded stories; on the diagonal */
    uint64_t coded[SL_DC_CODED];    /* row sums */
    uint64_t found[SL_DC_FOUND];    /* column sums */
    double accuracy, macro_f1, kappa;
    int has_accuracy, has_macro_f1, has_kappa;
    sl_scores cls[SL_DC_CODED];     /* precision, recall, f1 of each class (no kappa) */
} sl_dir_scores;

/* accuracy = correct/n; per class k: precision = m[k][k]/found[k],
 * recall = m[k][k]/coded[k], f1 = 2 m[k][k]/(found[k] + coded[k]);
 * macro_f1 = mean f1 over the classes where it is defined; Cohen's kappa
 * = (po - pe)/(1 - pe), po = correct/n, pe = sum_k coded[k] found[k] / n^2
 * (ABSENT adds nothing to pe: no coder writes it). Unrounded. */
void sli_dir_scores_of(const sl_dir_confusion *c, sl_dir_scores *out);

/* "improved", "worsened", "mentioned", "absent". */
const char *sli_dir_class_name(int k);

#endif
