/*
 * summary.c - a result as the human summary (--format table): the corpus,
 * one row per theme, and with --by a theme x group table per field.
 *
 * A person at a terminal wants to compare sites at a glance: one row per
 * theme, one column per group, the share of the group's stories that show
 * the theme. Columns are aligned by display width (text/width.c), not
 * bytes, so place names and theme names in any script line up.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "write/write.h"

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
    char buf[32];
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
            if (a->documents)
                snprintf(buf, sizeof buf, "%.1f%%",
                         100.0 * (double)a->theme_docs[t] / (double)a->documents);
            else
                snprintf(buf, sizeof buf, "-");
            fputs("  ", out);
            sl_put_padded(out, buf, (size_t)cw[i], 0, 1);
        }
        fputc('\n', out);
    }
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
            cw[i] = w > GROUP_MAX_WIDTH ? GROUP_MAX_WIDTH : w < 6 ? 6 : w; /* "100.0%" */
        }
        char title[128];
        snprintf(title, sizeof title, "share of stories by %s", gf->field);
        int w = (int)sl_display_width(title) > tw ? (int)sl_display_width(title) : tw;
        put_group_header(out, vals, gf->n, cw, title, w);
        put_group_rows(out, res, vals, gf->n, cw, w);
        free(vals);
        free(cw);
    }
    if (ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}

sl_status sli_write_summary(const sl_result *res, FILE *out, sl_error *err)
{
    const sl_accum *a = &res->total;
    const sl_lexicon *lex = res->lex;
    int w = name_width(lex);
    fprintf(out, "%" PRIu64 " stories, %" PRIu64 " tokens\n", a->documents, a->tokens);
    /* what --skip-invalid left out must be seen by a person too */
    if (res->report.nskips)
        fprintf(out, "%zu records or files skipped (see the warnings or .corpus.skipped)\n",
                res->report.nskips);
    if (res->report.nrfail)
        fprintf(out, "%zu regex entries dropped from a story (see .corpus.regex_failures)\n",
                res->report.nrfail);
    fputc('\n', out);
    fprintf(out, "%-*s  %8s  %7s  %6s  %9s  %s\n", w, "theme", "stories", "share", "hits",
            "per 1000", "label");
    for (size_t t = 0; t < lex->nthemes; t++) {
        double share = a->documents ? 100.0 * (double)a->theme_docs[t] / (double)a->documents : 0;
        double rate = a->tokens ? 1000.0 * (double)a->theme_hits[t] / (double)a->tokens : 0;
        sl_put_padded(out, lex->themes[t].name, (size_t)w, 0, 0); /* by display width, not bytes */
        fprintf(out, "  %8" PRIu64 "  %6.1f%%  %6" PRIu64 "  %9.2f  %s\n", a->theme_docs[t],
                share, a->theme_hits[t], rate,
                lex->themes[t].label ? lex->themes[t].label : "");
    }
    sl_status s = write_groups(res, out, err);
    if (s != SL_OK)
        return s;
    if (ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}
