/*
 * scores.c - confusion tables -> precision, recall, F1, kappa (scores.h).
 */
#include <string.h>

#include "tune/scores.h"

static double ratio(uint64_t num, uint64_t den, int *ok)
{
    *ok = den > 0;
    return *ok ? (double)num / (double)den : 0.0;
}

void sli_scores_of(const sl_confusion *c, sl_scores *s)
{
    memset(s, 0, sizeof *s);
    s->precision = ratio(c->tp, c->tp + c->fp, &s->has_precision);
    s->recall = ratio(c->tp, c->tp + c->fn, &s->has_recall);
    s->f1 = ratio(2 * c->tp, 2 * c->tp + c->fp + c->fn, &s->has_f1);
    double n = (double)(c->tp + c->fp + c->fn + c->tn);
    if (n > 0) {
        double po = (double)(c->tp + c->tn) / n;
        double pe = ((double)(c->tp + c->fp) * (double)(c->tp + c->fn) +
                     (double)(c->fn + c->tn) * (double)(c->fp + c->tn)) / (n * n);
        /* pe == 1 when both coders put every story in the same class:
         * agreement by chance is then certain and kappa is undefined. */
        if (pe < 1.0) {
            s->kappa = (po - pe) / (1.0 - pe);
            s->has_kappa = 1;
        }
    }
}

static void mean_into(double *dst, int *has, const double *v, const int *ok, size_t n,
                      size_t stride)
{
    double sum = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const int *o = (const int *)((const char *)ok + i * stride);
        if (*o) {
            sum += *(const double *)((const char *)v + i * stride);
            k++;
        }
    }
    *has = k > 0;
    *dst = k ? sum / (double)k : 0.0;
}

void sli_scores_macro(const sl_scores *per, size_t n, sl_scores *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return;
    size_t st = sizeof *per;
    mean_into(&out->precision, &out->has_precision, &per->precision, &per->has_precision, n, st);
    mean_into(&out->recall, &out->has_recall, &per->recall, &per->has_recall, n, st);
    mean_into(&out->f1, &out->has_f1, &per->f1, &per->has_f1, n, st);
    mean_into(&out->kappa, &out->has_kappa, &per->kappa, &per->has_kappa, n, st);
}

const char *sli_dir_class_name(int k)
{
    static const char *const names[SL_DC_FOUND] = {"improved", "worsened", "mentioned", "absent"};
    return k >= 0 && k < SL_DC_FOUND ? names[k] : "";
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

