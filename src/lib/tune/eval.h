/*
 * eval.h - scoring a lexicon against hand-coded stories (storylens eval).
 *
 * The gold file is read by the corpus CSV reader; each column header is
 * parsed into an sl_gold_column so that a later kind of column (a theme
 * with a qualifier, "T:direction") is one more case in one function, not a
 * new parser. Stories arrive through the analysis story handler, in input
 * order on the caller's thread; the arithmetic below is plain functions of
 * a confusion table so it can be tested on tables worked by hand.
 */
#ifndef SL_EVAL_H
#define SL_EVAL_H

#include <stddef.h>
#include <stdint.h>

#include "storylens/storylens.h"
#include "core/strmap.h"

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

/* What a gold column codes. THEME: 1/0/empty/? per story. DIRECTION
 * ("T:direction"): improved/worsened/mentioned/empty/? per story, the
 * story's net direction for T. */
typedef enum sl_gold_kind { SL_GOLD_THEME = 0, SL_GOLD_DIRECTION } sl_gold_kind;

typedef struct sl_gold_column {
    char *header;       /* as written */
    char *theme;        /* the theme it codes */
    sl_gold_kind kind;
} sl_gold_column;

/* Parses one header cell. Returns 0, or -1 with why in msg. */
int sli_gold_parse_header(const char *header, sl_gold_column *col, char *msg, size_t msgsize);

/* A cell: 1 (present), 0 (absent), -1 (not coded: empty or "?"), or -2
 * (not a code). Surrounding blanks are ignored. */
int sli_gold_parse_cell(const char *cell);

/* The cell without surrounding blanks (and a CR): its start, its length in
 * *n; *n is 0 for a blank or "?" cell, which means "not coded". */
const char *sli_gold_trim(const char *cell, size_t *n);

/* A direction cell: SL_DIRECTION_IMPROVED, _WORSENED or _MENTIONED (any
 * case), -1 (not coded: empty or "?"), or -2 (not a direction). */
int sli_gold_parse_direction(const char *cell);

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

struct sl_gold {
    char *path;
    sl_gold_column *cols;
    size_t ncols;
    char **ids;          /* nids, in file order */
    unsigned long *lines;
    int8_t *codes;       /* nids * ncols */
    size_t nids;
    sl_strmap index;     /* id -> row */
};

#endif
