/*
 * summary.c - a result as the human summary (--format table): the corpus,
 * one row per theme, and with --by a theme x group table per field.
 *
 * A person at a terminal wants to compare sites at a glance: one row per
 * theme, one column per group, the share of the group's stories that show
 * the theme. Columns are aligned by display width (text/width.c), not
 * bytes, so place names and theme names in any script line up.
 *
 * Every share carries its interval, "36% (24-50)" (with an en dash): a
 * person reading "Eastbrook 100%" must see at once that it rests on nine
 * stories.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "write/inference.h"
#include "write/write.h"

#define EN_DASH "\xe2\x80\x93"

/* A group column is at most this wide; longer values are cut. */
#define GROUP_MAX_WIDTH 14

static int name_width(const sl_lexicon *lex)
{
    int w = 5;
    for (size_t t = 0; t < lex->nthemes; t++) {
        int n = (int)sl_display_width(lex->themes[t].name);
        w = n > w ? n : w;
    }
    return w;
}

/* "36% (24–50)": x of n as a whole percent with its interval; "-" for n 0. */
static void share_cell(char *buf, size_t size, uint64_t x, uint64_t n, double z)
{
    sl_interval ci;
    if (!sli_wilson(x, n, z, &ci)) {
        snprintf(buf, size, "-");
        return;
    }
    snprintf(buf, size, "%.0f%% (%.0f" EN_DASH "%.0f)", 100.0 * (double)x / (double)n,
             100.0 * ci.lo, 100.0 * ci.hi);
}

static void corrected_cell(char *buf, size_t size, const sl_result *res, const sl_accum *a,
                           size_t t)
{
    sl_corrected c;
    if (!sli_corrected_share(res, a, t, &c) || c.why)
        snprintf(buf, size, "n/a");
    else
        snprintf(buf, size, "%.0f%% (%.0f" EN_DASH "%.0f)", 100 * c.share, 100 * c.ci.lo,
                 100 * c.ci.hi);
}

static const char *group_name(const char *v)
{
    return *v ? v : "(none)";
}


static void put_group_header(FILE *out, const sl_group_value *vals, size_t n, const int *cw,
                             const char *field, int tw)
{
    fputc('\n', out);
    sl_put_padded(out, field, (size_t)tw, 0, 0);
    for (size_t i = 0; i < n; i++) {
        fputs("  ", out);
        const char *g = group_name(vals[i].value);
        int w = (int)sl_display_width(g);
        for (int k = w < GROUP_MAX_WIDTH ? w : GROUP_MAX_WIDTH; k < cw[i]; k++)
            fputc(' ', out);
        sl_put_padded(out, g, 0, GROUP_MAX_WIDTH, 0);
    }
    fputc('\n', out);
}

static void put_group_rows(FILE *out, const sl_result *res, const sl_group_value *vals,
                           size_t n, const int *cw, int tw)
{
    char buf[48];
    double z = sli_result_z(res);
    sl_put_padded(out, "stories", (size_t)tw, 0, 0);
    for (size_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%" PRIu64, vals[i].accum->documents);
        fputs("  ", out);
        sl_put_padded(out, buf, (size_t)cw[i], 0, 1);
    }
    fputc('\n', out);
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        sl_put_padded(out, res->lex->themes[t].name, (size_t)tw, 0, 0);
        for (size_t i = 0; i < n; i++) {
            const sl_accum *a = vals[i].accum;
            share_cell(buf, sizeof buf, a->theme_docs[t], a->documents, z);
            fputs("  ", out);
            sl_put_padded(out, buf, (size_t)cw[i], 0, 1);
        }
        fputc('\n', out);
    }
}

/* Whether each theme's share differs between the groups of field g. */
static sl_status put_field_tests(FILE *out, const sl_result *res, size_t g, int tw,
                                 sl_error *err)
{
    sl_field_tests ft;
    sl_status s = sli_field_tests(res, g, &ft, err);
    if (s != SL_OK)
        return s;
    fprintf(out, "\ndifference between the groups of %s (p adjusted by %s across themes)\n",
            res->groups[g].field, sli_adjust_label(res->opts->adjust));
    sl_put_padded(out, "theme", (size_t)tw, 0, 0);
    fprintf(out, "  %-10s  %6s  %6s  ", "test", "p", "adj. p");
    sl_put_padded(out, "Cram\xc3\xa9r's V", 10, 0, 1); /* by columns: the e-acute is 2 bytes */
    fputs("  note\n", out);
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        const sl_test *x = &ft.test[t];
        sl_put_padded(out, res->lex->themes[t].name, (size_t)tw, 0, 0);
        if (x->kind == SL_TEST_NONE)
            fprintf(out, "  %-10s  %6s  %6s  %10s", "-", "-", "-", "-");
        else
            fprintf(out, "  %-10s  %6.3f  %6.3f  %10.2f", sli_test_name(x->kind), x->p,
                    ft.p_adjusted[t], x->cramers_v);
        fprintf(out, "%s%s\n", ft.note[t] ? "  " : "", ft.note[t] ? ft.note[t] : "");
    }
    sli_field_tests_free(&ft);
    return SL_OK;
}

static sl_status write_groups(const sl_result *res, FILE *out, sl_error *err)
{
    int tw = name_width(res->lex);
    for (size_t g = 0; g < res->opts->nby; g++) {
        const sl_group_field *gf = &res->groups[g];
        sl_group_value *vals = sli_group_sorted(gf);
        int *cw = malloc((gf->n + 1) * sizeof *cw);
        if (!vals || !cw) {
            free(vals);
            free(cw);
            return sli_fail_nomem(err);
        }
        for (size_t i = 0; i < gf->n; i++) {
            int w = (int)sl_display_width(group_name(vals[i].value));
            /* at least "100% (100–100)" */
            cw[i] = w > GROUP_MAX_WIDTH ? GROUP_MAX_WIDTH : w < 14 ? 14 : w;
        }
        char title[128];
        snprintf(title, sizeof title, "share of stories by %s", gf->field);
        int w = (int)sl_display_width(title) > tw ? (int)sl_display_width(title) : tw;
        put_group_header(out, vals, gf->n, cw, title, w);
        put_group_rows(out, res, vals, gf->n, cw, w);
        free(vals);
        free(cw);
        sl_status s = put_field_tests(out, res, g, tw, err);
        if (s != SL_OK)
            return s;
    }
    if (ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}

/* One row per theme: stories, share with its interval, the corrected
 * share with --calibration, hits, rate and label. */
static void write_themes(const sl_result *res, FILE *out)
{
    const sl_accum *a = &res->total;
    const sl_lexicon *lex = res->lex;
    int w = name_width(lex), cal = res->opts->calibration != NULL;
    double z = sli_result_z(res);
    char head[32];
    snprintf(head, sizeof head, "share (%g%% CI)", 100 * res->opts->confidence);
    sl_put_padded(out, "theme", (size_t)w, 0, 0);
    fprintf(out, "  %8s  ", "stories");
    sl_put_padded(out, head, 18, 0, 1);
    if (cal)
        fprintf(out, "  %18s", "corrected");
    fprintf(out, "  %6s  %9s  %s\n", "hits", "per 1000", "label");
    for (size_t t = 0; t < lex->nthemes; t++) {
        char cell[48];
        double rate = a->tokens ? 1000.0 * (double)a->theme_hits[t] / (double)a->tokens : 0;
        sl_put_padded(out, lex->themes[t].name, (size_t)w, 0, 0); /* by display width, not bytes */
        fprintf(out, "  %8" PRIu64 "  ", a->theme_docs[t]);
        share_cell(cell, sizeof cell, a->theme_docs[t], a->documents, z);
        sl_put_padded(out, cell, 18, 0, 1);
        if (cal) {
            corrected_cell(cell, sizeof cell, res, a, t);
            fputs("  ", out);
            sl_put_padded(out, cell, 18, 0, 1);
        }
        fprintf(out, "  %6" PRIu64 "  %9.2f  %s\n", a->theme_hits[t], rate,
                lex->themes[t].label ? lex->themes[t].label : "");
    }
    if (cal)
        fprintf(out, "\ncorrected: the share given the lexicon's error measured in %s "
                "(Rogan-Gladen); n/a where the sample did not code the theme or sensitivity + "
                "specificity <= 1\n", res->opts->calibration->path);
}

/* With direction of change: each theme's stories by their net direction,
 * as shares of all the stories ("13 of 50 stories show isolation
 * improved"), with intervals. */
static void write_directions(const sl_result *res, FILE *out)
{
    const sl_accum *a = &res->total;
    if (!a->dir_docs)
        return;
    static const char *const names[3] = {"improved", "worsened", "mentioned"};
    int w = name_width(res->lex);
    double z = sli_result_z(res);
    fputs("\nstories by direction of change (share of all stories)\n", out);
    sl_put_padded(out, "theme", (size_t)w, 0, 0);
    for (size_t k = 0; k < 3; k++) { /* over a count (6) and a share (14) */
        fputs("  ", out);
        sl_put_padded(out, names[k], 22, 0, 1);
    }
    fputc('\n', out);
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        sl_put_padded(out, res->lex->themes[t].name, (size_t)w, 0, 0);
        for (size_t k = 0; k < 3; k++) {
            char cell[48];
            uint64_t x = a->dir_docs[t * 3 + k];
            share_cell(cell, sizeof cell, x, a->documents, z);
            fprintf(out, "  %6" PRIu64 "  ", x);
            sl_put_padded(out, cell, 14, 0, 1);
        }
        fputc('\n', out);
    }
}

sl_status sli_write_summary(const sl_result *res, FILE *out, sl_error *err)
{
    const sl_accum *a = &res->total;
    fprintf(out, "%" PRIu64 " stories, %" PRIu64 " tokens\n", a->documents, a->tokens);
    /* what --skip-invalid left out must be seen by a person too */
    if (res->report.nskips)
        fprintf(out, "%zu records or files skipped (see the warnings or .corpus.skipped)\n",
                res->report.nskips);
    if (res->report.nrfail)
        fprintf(out, "%zu regex entries dropped from a story (see .corpus.regex_failures)\n",
                res->report.nrfail);
    fputc('\n', out);
    write_themes(res, out);
    write_directions(res, out);
    sl_status s = write_groups(res, out, err);
    if (s != SL_OK)
        return s;
    if (ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}
