/*
 * table.c - a result as a tidy long table (TSV or CSV).
 *
 * One figure per row, for charts and shell pipelines:
 *   by  group  document  section  unit  theme  item  measure  value
 * by/group are filled in rows of a --by group, document in --per-document
 * rows, unit in co-occurrence rows, item holds an entry (section entry) or
 * the second theme (section cooccurrence). Undefined figures are NA. An
 * interval is two rows, MEASURE.lower and MEASURE.upper.
 * Rows come in the same order as the JSON, so both are stable.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "write/figures.h"
#include "write/inference.h"
#include "write/write.h"

typedef struct row_ctx {
    FILE *out;
    char sep;
    const char *by, *group, *document;
} row_ctx;

static void put_field(const row_ctx *c, const char *s)
{
    if (!s)
        return;
    if (c->sep == '\t') {
        for (; *s; s++)
            fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, c->out);
        return;
    }
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, c->out);
        return;
    }
    fputc('"', c->out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', c->out);
        fputc(*s, c->out);
    }
    fputc('"', c->out);
}

void sl_table_field(FILE *out, char sep, const char *s)
{
    row_ctx c = {.out = out, .sep = sep};
    put_field(&c, s);
}

static void row(const row_ctx *c, const char *section, const char *unit, const char *theme,
                const char *item, const char *measure, const char *value)
{
    const char *f[] = {c->by, c->group, c->document, section, unit, theme, item, measure, value};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        if (i)
            fputc(c->sep, c->out);
        put_field(c, f[i]);
    }
    fputc('\n', c->out);
}

static void row_count(const row_ctx *c, const char *section, const char *unit, const char *theme,
                      const char *item, const char *measure, uint64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, v);
    row(c, section, unit, theme, item, measure, buf);
}

static void row_real(const row_ctx *c, const char *section, const char *unit, const char *theme,
                     const char *item, const char *measure, double v, int ok)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", v);
    row(c, section, unit, theme, item, measure, ok ? buf : "NA");
}

/* MEASURE, MEASURE.lower and MEASURE.upper: x of n with its interval. */
static void share_rows(const row_ctx *c, const char *theme, const char *measure, uint64_t x,
                       uint64_t n, double z)
{
    char m[96];
    sl_interval ci;
    int ok = sli_wilson(x, n, z, &ci);
    row_real(c, "theme", NULL, theme, NULL, measure, ok ? sli_fixed((double)x / (double)n) : 0, ok);
    snprintf(m, sizeof m, "%s.lower", measure);
    row_real(c, "theme", NULL, theme, NULL, m, sli_fixed(ci.lo), ok);
    snprintf(m, sizeof m, "%s.upper", measure);
    row_real(c, "theme", NULL, theme, NULL, m, sli_fixed(ci.hi), ok);
}

static void corrected_rows(const row_ctx *c, const sl_result *res, const sl_accum *a, size_t t)
{
    sl_corrected cs;
    if (!sli_corrected_share(res, a, t, &cs))
        return;
    const char *name = res->lex->themes[t].name;
    int ok = cs.why == NULL;
    row_real(c, "theme", NULL, name, NULL, "corrected_share", sli_fixed(cs.share), ok);
    row_real(c, "theme", NULL, name, NULL, "corrected_share.lower", sli_fixed(cs.ci.lo), ok);
    row_real(c, "theme", NULL, name, NULL, "corrected_share.upper", sli_fixed(cs.ci.hi), ok);
    row_real(c, "theme", NULL, name, NULL, "corrected_share.sensitivity",
             sli_fixed(cs.sensitivity), ok);
    row_real(c, "theme", NULL, name, NULL, "corrected_share.specificity",
             sli_fixed(cs.specificity), ok);
    if (!ok)
        row(c, "theme", NULL, name, NULL, "corrected_share.reason", cs.why);
}

/* The direction figures of theme t, measures named by their JSON paths. */
static void direction_rows(const row_ctx *c, const char *name, const sl_accum *a, size_t t,
                           double z)
{
    static const char *const hit_measures[SL_DIR_FIGURES] = {
        "direction.improved", "direction.worsened", "direction.mentioned",
        "time.before", "time.after", "time.unknown"};
    static const char *const doc_measures[3] = {
        "documents_by_direction.improved", "documents_by_direction.worsened",
        "documents_by_direction.mentioned"};
    for (size_t k = 0; k < 3; k++)
        row_count(c, "theme", NULL, name, NULL, hit_measures[k],
                  a->dir_hits[t * SL_DIR_FIGURES + k]);
    for (size_t k = 0; k < 3; k++)
        row_count(c, "theme", NULL, name, NULL, doc_measures[k], a->dir_docs[t * 3 + k]);
    for (size_t k = 0; k < 3; k++) {
        char m[96];
        snprintf(m, sizeof m, "%s.share", doc_measures[k]);
        share_rows(c, name, m, a->dir_docs[t * 3 + k], a->documents, z);
    }
    for (size_t k = 3; k < SL_DIR_FIGURES; k++)
        row_count(c, "theme", NULL, name, NULL, hit_measures[k],
                  a->dir_hits[t * SL_DIR_FIGURES + k]);
}

static void theme_rows(const row_ctx *c, const sl_result *res, const sl_accum *a)
{
    const sl_lexicon *lex = res->lex;
    double z = sli_result_z(res);
    for (size_t t = 0; t < lex->nthemes; t++) {
        const char *name = lex->themes[t].name;
        row_count(c, "theme", NULL, name, NULL, "hits", a->theme_hits[t]);
        row_count(c, "theme", NULL, name, NULL, "documents", a->theme_docs[t]);
        share_rows(c, name, "document_share", a->theme_docs[t], a->documents, z);
        corrected_rows(c, res, a, t);
        row_real(c, "theme", NULL, name, NULL, "hits_per_1000_tokens",
                 a->tokens ? sli_fixed(1000.0 * (double)a->theme_hits[t] / (double)a->tokens) : 0,
                 a->tokens > 0);
        for (size_t e = 0; e < lex->nentries; e++)
            if (lex->entries[e].theme == t && !lex->entries[e].exclusion)
                row_count(c, "entry", NULL, name, lex->entries[e].source, "hits",
                          a->entry_hits[e]);
        if (a->dir_hits)
            direction_rows(c, name, a, t, z);
    }
}

static void cooc_rows(const row_ctx *c, const sl_result *res, const sl_accum *a)
{
    const sl_shape *sh = &res->shape;
    for (size_t u = 0; u < sh->nunits; u++) {
        char buf[32];
        const char *unit = sli_unit_name(&sh->units[u], buf, sizeof buf);
        row_count(c, "cooccurrence", unit, NULL, NULL, "units", a->units[u]);
        for (size_t x = 0; x < sh->nthemes; x++)
            for (size_t y = 0; y < sh->nthemes; y++) {
                const char *tx = res->lex->themes[x].name, *ty = res->lex->themes[y].name;
                uint64_t cx = sli_accum_pair(a, sh, u, x, x), cy = sli_accum_pair(a, sh, u, y, y);
                uint64_t cxy = sli_accum_pair(a, sh, u, x, y);
                int ok;
                row_count(c, "cooccurrence", unit, tx, ty, "count", cxy);
                double j = sli_jaccard(cxy, cx, cy, &ok);
                row_real(c, "cooccurrence", unit, tx, ty, "jaccard", j, ok);
                double n = sli_npmi(cxy, cx, cy, a->units[u], &ok);
                row_real(c, "cooccurrence", unit, tx, ty, "npmi", n, ok);
            }
    }
}

static void corpus_rows(const row_ctx *c, const sl_accum *a, int full)
{
    row_count(c, "corpus", NULL, NULL, NULL, "documents", a->documents);
    row_count(c, "corpus", NULL, NULL, NULL, "tokens", a->tokens);
    if (!full)
        return;
    row_count(c, "corpus", NULL, NULL, NULL, "sentences", a->sentences);
    row_count(c, "corpus", NULL, NULL, NULL, "paragraphs", a->paragraphs);
    row_count(c, "corpus", NULL, NULL, NULL, "invalid_utf8_bytes", a->invalid_utf8);
}

/* Section group_test: for field g, whether each theme's share differs
 * between its groups (the by column names the field, group is empty). */
static sl_status test_rows(row_ctx *c, const sl_result *res, size_t g, sl_error *err)
{
    sl_field_tests ft;
    sl_status s = sli_field_tests(res, g, &ft, err);
    if (s != SL_OK)
        return s;
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        const sl_test *x = &ft.test[t];
        const char *name = res->lex->themes[t].name;
        int ok = x->kind != SL_TEST_NONE;
        row(c, "group_test", NULL, name, NULL, "test", ok ? sli_test_name(x->kind) : "NA");
        row_count(c, "group_test", NULL, name, NULL, "groups", (uint64_t)x->groups);
        row_real(c, "group_test", NULL, name, NULL, "statistic", sli_fixed(x->statistic), ok);
        row_real(c, "group_test", NULL, name, NULL, "df", x->df, ok);
        row_real(c, "group_test", NULL, name, NULL, "p", sli_fixed(x->p), ok);
        row_real(c, "group_test", NULL, name, NULL, "p_adjusted", sli_fixed(ft.p_adjusted[t]), ok);
        row_real(c, "group_test", NULL, name, NULL, "cramers_v", sli_fixed(x->cramers_v), ok);
        row_real(c, "group_test", NULL, name, NULL, "min_expected", sli_fixed(x->min_expected),
                 ok);
        if (ft.note[t])
            row(c, "group_test", NULL, name, NULL, "note", ft.note[t]);
    }
    sli_field_tests_free(&ft);
    return SL_OK;
}

static sl_status group_rows(row_ctx *c, const sl_result *res, sl_error *err)
{
    for (size_t g = 0; g < res->opts->nby; g++) {
        const sl_group_field *gf = &res->groups[g];
        sl_group_value *vals = sli_group_sorted(gf);
        if (!vals)
            return sli_fail_nomem(err);
        c->by = gf->field;
        for (size_t i = 0; i < gf->n; i++) {
            c->group = vals[i].value;
            corpus_rows(c, vals[i].accum, 0);
            theme_rows(c, res, vals[i].accum);
            cooc_rows(c, res, vals[i].accum);
        }
        free(vals);
        c->group = NULL;
        sl_status s = test_rows(c, res, g, err);
        if (s != SL_OK)
            return s;
    }
    c->by = c->group = NULL;
    return SL_OK;
}

static sl_status document_rows(row_ctx *c, const sl_result *res, sl_error *err)
{
    sl_rows_cursor rc;
    sli_rows_cursor_init(&rc, &res->rows);
    for (const sl_docrow *r; (r = sli_rows_next(&rc)) != NULL;) {
        c->document = r->id;
        row_count(c, "document", NULL, NULL, NULL, "tokens", r->tokens);
        for (size_t t = 0; t < res->lex->nthemes; t++)
            row_count(c, "document", NULL, res->lex->themes[t].name, NULL, "hits",
                      r->theme_hits[t]);
        for (size_t t = 0; r->dir && t < res->lex->nthemes; t++) {
            int net = sli_direction_net(r->dir + t * SL_DIR_STORY);
            if (net != SL_DIRECTION_NONE)
                row(c, "document", NULL, res->lex->themes[t].name, NULL, "direction",
                    sl_direction_name((sl_direction)net));
        }
    }
    c->document = NULL;
    sl_status s = sli_rows_cursor_status(&rc, err);
    sli_rows_cursor_free(&rc);
    return s;
}

/* Section statistics: how the intervals, tests and corrections were made. */
static void statistics_rows(const row_ctx *c, const sl_result *res)
{
    const sl_options *op = res->opts;
    row_real(c, "statistics", NULL, NULL, NULL, "confidence", op->confidence, 1);
    row(c, "statistics", NULL, NULL, NULL, "adjust", sli_adjust_name(op->adjust));
    if (op->calibration)
        row(c, "statistics", NULL, NULL, op->calibration->path, "calibration.sha256",
            op->calibration->sha256);
}

/* What the run left out (report.h), after the corpus figures: one row per
 * skipped record (item FILE:LINE) or file (item FILE) and per regex entry
 * that failed on a story (document = the story, item = the entry's
 * LEXICON:LINE:COL); measure "reason", the value says why. */
static void report_rows(const row_ctx *c, const sl_report *rp)
{
    for (size_t i = 0; i < rp->nskips; i++) {
        const sl_skip *k = &rp->skips[i];
        char where[4096];
        if (k->line)
            snprintf(where, sizeof where, "%s:%lu", k->file, k->line);
        else
            snprintf(where, sizeof where, "%s", k->file);
        row(c, "skipped", NULL, NULL, where, "reason", k->reason);
    }
    row_ctx d = *c;
    for (size_t i = 0; i < rp->nrfail; i++) {
        d.document = rp->rfail[i].story;
        row(&d, "regex_failure", NULL, NULL, rp->rfail[i].entry, "reason", rp->rfail[i].reason);
    }
}

sl_status sli_write_table(const sl_result *res, FILE *out, char sep, sl_error *err)
{
    row_ctx c = {.out = out, .sep = sep};
    const char *head[] = {"by", "group", "document", "section", "unit", "theme", "item",
                          "measure", "value"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        fprintf(out, "%s%s", i ? (sep == '\t' ? "\t" : ",") : "", head[i]);
    fputc('\n', out);
    corpus_rows(&c, &res->total, 1);
    statistics_rows(&c, res);
    report_rows(&c, &res->report);
    theme_rows(&c, res, &res->total);
    cooc_rows(&c, res, &res->total);
    sl_status s = group_rows(&c, res, err);
    if (s != SL_OK)
        return s;
    if ((s = document_rows(&c, res, err)) != SL_OK)
        return s;
    if (ferror(out))
        return sli_fail(err, SL_EIO, "cannot write the output");
    return SL_OK;
}
