/*
 * write_summary.c - the --by part of the human summary (--format table).
 *
 * A person at a terminal wants to compare sites at a glance: one row per
 * theme, one column per group, the share of the group's stories that show
 * the theme. Columns are aligned by display width (utf8proc), not bytes,
 * so place names and theme names in any script line up.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "core/error.h"
#include "write/summary.h"

/* A group column is at most this wide; longer values are cut. */
#define GROUP_MAX_WIDTH 14

static int char_width(utf8proc_int32_t cp)
{
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 1 : w;
}

int sli_display_width(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    int w = 0;
    while (*p) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
        if (n <= 0) { /* an invalid byte: shown as one replacement cell */
            w++;
            p++;
            continue;
        }
        w += char_width(cp);
        p += n;
    }
    return w;
}

void sli_put_padded(FILE *out, const char *s, int width, int max_width)
{
    int w = sli_display_width(s);
    if (max_width > 1 && w > max_width) {
        /* Keep whole characters up to max_width - 1 columns, then "…". */
        const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
        w = 0;
        while (*p) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
            int cw = n > 0 ? char_width(cp) : 1;
            if (w + cw > max_width - 1)
                break;
            fwrite(p, 1, n > 0 ? (size_t)n : 1, out);
            w += cw;
            p += n > 0 ? n : 1;
        }
        fputs("\xe2\x80\xa6", out);
        w++;
    } else {
        fputs(s, out);
    }
    for (; w < width; w++)
        fputc(' ', out);
}

static int theme_width(const sl_lexicon *lex)
{
    int w = 5;
    for (size_t t = 0; t < lex->nthemes; t++) {
        int n = sli_display_width(lex->themes[t].name);
        w = n > w ? n : w;
    }
    return w;
}

static const char *group_name(const char *v)
{
    return *v ? v : "(none)";
}

/* Right-aligns s (already known to be w columns wide) in width columns. */
static void put_right(FILE *out, const char *s, int width)
{
    for (int w = sli_display_width(s); w < width; w++)
        fputc(' ', out);
    fputs(s, out);
}

static void put_group_header(FILE *out, const sl_group_value *vals, size_t n, const int *cw,
                             const char *field, int tw)
{
    fputc('\n', out);
    sli_put_padded(out, field, tw, 0);
    for (size_t i = 0; i < n; i++) {
        fputs("  ", out);
        const char *g = group_name(vals[i].value);
        int w = sli_display_width(g);
        for (int k = w < GROUP_MAX_WIDTH ? w : GROUP_MAX_WIDTH; k < cw[i]; k++)
            fputc(' ', out);
        sli_put_padded(out, g, 0, GROUP_MAX_WIDTH);
    }
    fputc('\n', out);
}

static void put_group_rows(FILE *out, const sl_analysis *an, const sl_group_value *vals,
                           size_t n, const int *cw, int tw)
{
    char buf[32];
    sli_put_padded(out, "stories", tw, 0);
    for (size_t i = 0; i < n; i++) {
        snprintf(buf, sizeof buf, "%" PRIu64, vals[i].accum->documents);
        fputs("  ", out);
        put_right(out, buf, cw[i]);
    }
    fputc('\n', out);
    for (size_t t = 0; t < an->lex->nthemes; t++) {
        sli_put_padded(out, an->lex->themes[t].name, tw, 0);
        for (size_t i = 0; i < n; i++) {
            const sl_accum *a = vals[i].accum;
            if (a->documents)
                snprintf(buf, sizeof buf, "%.1f%%",
                         100.0 * (double)a->theme_docs[t] / (double)a->documents);
            else
                snprintf(buf, sizeof buf, "-");
            fputs("  ", out);
            put_right(out, buf, cw[i]);
        }
        fputc('\n', out);
    }
}

sl_status sli_write_summary_groups(const sl_analysis *an, FILE *out, sl_error *err)
{
    int tw = theme_width(an->lex);
    for (size_t g = 0; g < an->opts->nby; g++) {
        const sl_group_field *gf = &an->groups[g];
        sl_group_value *vals = sli_group_sorted(gf);
        int *cw = malloc((gf->n + 1) * sizeof *cw);
        if (!vals || !cw) {
            free(vals);
            free(cw);
            return sli_fail_nomem(err);
        }
        for (size_t i = 0; i < gf->n; i++) {
            int w = sli_display_width(group_name(vals[i].value));
            cw[i] = w > GROUP_MAX_WIDTH ? GROUP_MAX_WIDTH : w < 6 ? 6 : w; /* "100.0%" */
        }
        char title[128];
        snprintf(title, sizeof title, "share of stories by %s", gf->field);
        int w = sli_display_width(title) > tw ? sli_display_width(title) : tw;
        put_group_header(out, vals, gf->n, cw, title, w);
        put_group_rows(out, an, vals, gf->n, cw, w);
        free(vals);
        free(cw);
    }
    if (ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}
