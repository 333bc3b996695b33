/*
 * eval_impl.h - the state of one evaluation, shared by eval.c (which fills
 * it from the story handler) and write_eval.c (which writes it).
 */
#ifndef SL_EVAL_IMPL_H
#define SL_EVAL_IMPL_H

#include "tune/eval.h"

struct sl_eval {
    const sl_gold *gold;       /* borrowed */
    const sl_lexicon *lex;     /* borrowed */
    size_t *theme_of;          /* gold column -> lexicon theme */
    size_t *col_of;            /* lexicon theme -> gold column, SIZE_MAX if none */
    uint8_t *row_seen;         /* gold row met in the corpus */
    uint8_t *pred;             /* gold row x column: the lexicon found the theme */
    size_t *order;             /* gold rows in corpus input order */
    size_t norder, order_cap;
    char **extra;              /* corpus ids with no gold row, input order */
    size_t nextra, extra_cap;
    char **dup;                /* corpus ids met a second time */
    size_t ndup, dup_cap;
    unsigned long long ndocs;  /* corpus stories */
    int oom;
    /* direction columns: pred holds the story's net sl_direction for T
     * (0: no hit, absent); counts is per-story scratch, ncols x SL_DIR_FIGURES */
    size_t *dcol_of;           /* lexicon theme -> direction column, SIZE_MAX if none */
    uint32_t *counts;
    int no_direction;          /* a hit came without a direction: direction was off */
};

/* The confusion table of gold column col over the stories seen so far. */
void sli_eval_table(const sl_eval *ev, size_t col, sl_confusion *c);

/* The confusion matrix of direction column col over the stories seen. */
void sli_eval_dir_table(const sl_eval *ev, size_t col, sl_dir_confusion *c);
/* Whether gold row r disagrees on direction column col; *coded and *found
 * get the two classes of a coded row. */
int sli_eval_dir_mismatch(const sl_eval *ev, size_t r, size_t col, int *coded, int *found);

#endif
