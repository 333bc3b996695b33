/*
 * eval_direction.c - scoring direction codes (gold columns "T:direction")
 * against the net direction storylens gives each story for T.
 *
 * A direction column is a multi-class code, so it gets multi-class
 * figures: accuracy, per-class precision/recall/F1, their macro mean and
 * Cohen's kappa, all plain functions of one confusion matrix so they can
 * be tested on matrices worked by hand. The matrix has a fourth column,
 * "absent", for stories the coder gave a direction but storylens found no
 * hit of the theme in: a coded direction is never absent, so that answer
 * is always wrong, and it still counts against recall and accuracy.
 */
#include <string.h>
#include <strings.h>

#include "tune/eval.h"
#include "tune/eval_impl.h"

const char *sli_dir_class_name(int k)
{
    static const char *const names[SL_DC_FOUND] = {"improved", "worsened", "mentioned", "absent"};
    return k >= 0 && k < SL_DC_FOUND ? names[k] : "";
}

int sli_gold_parse_direction(const char *s)
{
    size_t n;
    s = sli_gold_trim(s, &n);
    if (n == 0)
        return -1;
    for (int k = 0; k < SL_DC_CODED; k++) {
        const char *name = sli_dir_class_name(k);
        if (strlen(name) == n && strncasecmp(s, name, n) == 0)
            return k + SL_DIRECTION_IMPROVED;
    }
    return -2;
}

static double part(uint64_t num, uint64_t den, int *ok)
{
    *ok = den > 0;
    return *ok ? (double)num / (double)den : 0.0;
}

void sli_dir_scores_of(const sl_dir_confusion *c, sl_dir_scores *s)
{
    memset(s, 0, sizeof *s);
    for (int g = 0; g < SL_DC_CODED; g++)
        for (int f = 0; f < SL_DC_FOUND; f++) {
            s->coded[g] += c->m[g][f];
            s->found[f] += c->m[g][f];
            s->n += c->m[g][f];
            if (g == f)
                s->correct += c->m[g][f];
        }
    s->accuracy = part(s->correct, s->n, &s->has_accuracy);
    double f1sum = 0, pe = 0;
    int nf1 = 0;
    for (int k = 0; k < SL_DC_CODED; k++) {
        sl_scores *x = &s->cls[k];
        uint64_t tp = c->m[k][k];
        x->precision = part(tp, s->found[k], &x->has_precision);
        x->recall = part(tp, s->coded[k], &x->has_recall);
        x->f1 = part(2 * tp, s->found[k] + s->coded[k], &x->has_f1);
        if (x->has_f1) {
            f1sum += x->f1;
            nf1++;
        }
        pe += (double)s->coded[k] * (double)s->found[k];
    }
    s->has_macro_f1 = nf1 > 0;
    s->macro_f1 = nf1 ? f1sum / nf1 : 0.0;
    if (s->n > 0) {
        double n = (double)s->n;
        pe /= n * n;
        /* pe == 1: both sides put every story in one class; kappa undefined */
        if (pe < 1.0) {
            s->kappa = (s->accuracy - pe) / (1.0 - pe);
            s->has_kappa = 1;
        }
    }
}

/* The class storylens found: its net direction, or ABSENT (0 = none). */
static int found_class(int pred)
{
    return pred >= SL_DIRECTION_IMPROVED && pred <= SL_DIRECTION_MENTIONED
               ? pred - SL_DIRECTION_IMPROVED
               : SL_DC_ABSENT;
}

void sli_eval_dir_table(const sl_eval *ev, size_t col, sl_dir_confusion *c)
{
    const sl_gold *g = ev->gold;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < ev->norder; i++) {
        size_t r = ev->order[i];
        int gold = g->codes[r * g->ncols + col];
        if (gold < SL_DIRECTION_IMPROVED)
            continue; /* not coded */
        c->m[gold - SL_DIRECTION_IMPROVED][found_class(ev->pred[r * g->ncols + col])]++;
    }
}

int sli_eval_dir_mismatch(const sl_eval *ev, size_t r, size_t col, int *coded, int *found)
{
    const sl_gold *g = ev->gold;
    int gold = g->codes[r * g->ncols + col];
    if (gold < SL_DIRECTION_IMPROVED)
        return 0;
    *coded = gold - SL_DIRECTION_IMPROVED;
    *found = found_class(ev->pred[r * g->ncols + col]);
    return *coded != *found;
}
