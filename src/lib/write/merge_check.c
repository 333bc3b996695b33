/*
 * merge_check.c - the relations between a part's counts that every real
 * analysis keeps, checked before merge adds the part (merge.c).
 *
 * A part that claims more stories with a theme than its corpus holds
 * would add up to figures that look right and are not (a share above 1
 * is the lucky case). Each rule here is one that sums of whole stories
 * cannot break (count/aggregate.c): a story adds at most 1 to a theme's
 * documents and at least 1 to its hits; its net direction goes to at most
 * one of improved, worsened and mentioned (to none when no hit of the
 * theme had a direction); a unit holding two themes holds each; every
 * story falls in exactly one group of each --by field (the empty value
 * when the field is missing) and has one --per-document row. A broken
 * rule fails the part with SL_EDATA, naming the file, the figure's JSON
 * path and the rule. Shape (a missing or negative count) is merge.c's to
 * report: a rule whose counts are not there is skipped here.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "write/figures.h"
#include "write/write.h"

/* Paths longer than this are cut: they only name a figure in a message. */
#define PATH_MAX_LEN 300

typedef struct chk {
    const char *file;
    const sl_result *res;
    sl_error *err;
    sl_status status;
} chk;

static void broken(chk *c, const char *fmt, ...) SL_PRINTF(2, 3);

static void broken(chk *c, const char *fmt, ...)
{
    if (c->status != SL_OK)
        return;
    char rule[SL_ERROR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(rule, sizeof rule, fmt, ap);
    va_end(ap);
    c->status = sli_fail(c->err, SL_EDATA,
                         "%s: %s; a part must be the unedited JSON output of "
                         "\"storylens analyse\"",
                         c->file, rule);
}

/* The count at o[key], if it is one: merge.c reports it otherwise. */
static int get(const json_t *o, const char *key, uint64_t *v)
{
    json_t *j = json_object_get(o, key);
    if (!json_is_integer(j) || json_integer_value(j) < 0)
        return 0;
    *v = (uint64_t)json_integer_value(j);
    return 1;
}

/* Sums saturate: a forged count near 2^63 must not wrap into a small one. */
static uint64_t add_sat(uint64_t a, uint64_t b)
{
    return a + b < a ? UINT64_MAX : a + b;
}

/* prefix.key as jq writes it, or prefix["key"] for a key that is not a
 * plain name (a group value, a theme named with a dot or a space). */
static void jpath(char *out, const char *prefix, const char *key)
{
    int plain = (*key >= 'A' && *key <= 'Z') || (*key >= 'a' && *key <= 'z') || *key == '_';
    for (const char *k = key; plain && *k; k++)
        plain = (*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z') || *k == '_' ||
                (*k >= '0' && *k <= '9');
    if (plain)
        snprintf(out, PATH_MAX_LEN, "%s%s%s", prefix, *prefix ? "." : "", key);
    else
        snprintf(out, PATH_MAX_LEN, "%s[\"%s\"]", prefix, key);
}

/* counts[x][y]'s path under the counts object at prefix. */
static void cell_path(char *out, const char *prefix, const char *x, const char *y)
{
    char row[PATH_MAX_LEN];
    jpath(row, prefix, x);
    jpath(out, row, y);
}

/* ---- themes ------------------------------------------------------------ */

static uint64_t sum_counts(const json_t *o)
{
    const char *key;
    json_t *v;
    uint64_t sum = 0;
    json_object_foreach((json_t *)o, key, v)
        if (json_is_integer(v) && json_integer_value(v) > 0)
            sum = add_sat(sum, (uint64_t)json_integer_value(v));
    return sum;
}

static void direction_rule(chk *c, const char *tp, const json_t *th, uint64_t docs)
{
    const json_t *d = json_object_get(th, "documents_by_direction");
    uint64_t i = 0, w = 0, m = 0;
    if (!get(d, "improved", &i) || !get(d, "worsened", &w) || !get(d, "mentioned", &m))
        return;
    uint64_t sum = add_sat(add_sat(i, w), m);
    if (sum > docs)
        broken(c,
               "%s.documents_by_direction: improved + worsened + mentioned (%llu) exceeds "
               "%s.documents (%llu)",
               tp, (unsigned long long)sum, tp, (unsigned long long)docs);
}

/* One theme in a scope of ndocs stories (docs_path names that count). */
static void theme_rules(chk *c, const char *tp, const json_t *th, const char *docs_path,
                        const uint64_t *ndocs)
{
    uint64_t docs = 0, hits = 0;
    int has_docs = get(th, "documents", &docs), has_hits = get(th, "hits", &hits);
    if (has_docs && ndocs && docs > *ndocs)
        broken(c, "%s.documents (%llu) exceeds %s (%llu)", tp, (unsigned long long)docs,
               docs_path, (unsigned long long)*ndocs);
    if (has_docs && has_hits && docs > hits)
        broken(c, "%s.documents (%llu) exceeds %s.hits (%llu)", tp, (unsigned long long)docs, tp,
               (unsigned long long)hits);
    const json_t *entries = json_object_get(th, "entries");
    uint64_t esum = sum_counts(entries);
    if (has_hits && json_is_object(entries) && esum > hits)
        broken(c, "the hits of %s.entries (%llu in all) exceed %s.hits (%llu)", tp,
               (unsigned long long)esum, tp, (unsigned long long)hits);
    if (has_docs && c->res->shape.direction)
        direction_rule(c, tp, th, docs);
}

/* ---- co-occurrence ----------------------------------------------------- */

/* One unit's counts matrix, its diagonal read first (diag, has). */
static void cell_rules(chk *c, const char *up, const json_t *counts, const uint64_t *diag,
                       const char *has)
{
    const sl_lexicon *lex = c->res->lex;
    size_t nt = lex->nthemes;
    for (size_t x = 0; x < nt && c->status == SL_OK; x++) {
        const char *nx = lex->themes[x].name;
        const json_t *row = json_object_get(counts, nx);
        for (size_t y = x + 1; y < nt && c->status == SL_OK; y++) {
            const char *ny = lex->themes[y].name;
            uint64_t xy = 0, yx = 0;
            if (!get(row, ny, &xy))
                continue;
            char cxy[PATH_MAX_LEN], b[PATH_MAX_LEN];
            cell_path(cxy, up, nx, ny);
            if (get(json_object_get(counts, ny), nx, &yx) && xy != yx) {
                cell_path(b, up, ny, nx);
                broken(c, "%s (%llu) differs from %s (%llu)", cxy, (unsigned long long)xy, b,
                       (unsigned long long)yx);
            }
            for (int k = 0; k < 2; k++) {
                size_t t = k ? y : x;
                if (!has[t] || xy <= diag[t])
                    continue;
                cell_path(b, up, lex->themes[t].name, lex->themes[t].name);
                broken(c, "%s (%llu) exceeds the diagonal %s (%llu)", cxy,
                       (unsigned long long)xy, b, (unsigned long long)diag[t]);
            }
        }
    }
}

/* The diagonal: no more units with a theme than units; in the document
 * unit, exactly the theme's documents. */
static void diagonal_rules(chk *c, const char *up, const char *cp, const sl_unit *unit,
                           const json_t *counts, const json_t *themes, const char *tprefix,
                           uint64_t *diag, char *has, const uint64_t *nunits)
{
    const sl_lexicon *lex = c->res->lex;
    for (size_t x = 0; x < lex->nthemes && c->status == SL_OK; x++) {
        const char *nx = lex->themes[x].name;
        has[x] = (char)get(json_object_get(counts, nx), nx, &diag[x]);
        if (!has[x])
            continue;
        char d[PATH_MAX_LEN], tp[PATH_MAX_LEN];
        cell_path(d, cp, nx, nx);
        jpath(tp, tprefix, nx);
        uint64_t docs = 0;
        if (nunits && diag[x] > *nunits)
            broken(c, "%s (%llu) exceeds %s.units (%llu)", d, (unsigned long long)diag[x],
                   up, (unsigned long long)*nunits);
        else if (unit->kind == SL_UNIT_DOCUMENT &&
                 get(json_object_get(themes, nx), "documents", &docs) && diag[x] != docs)
            broken(c, "%s (%llu) differs from %s.documents (%llu)", d,
                   (unsigned long long)diag[x], tp, (unsigned long long)docs);
    }
}

static void unit_rules(chk *c, const char *cp, const sl_unit *unit, const json_t *uo,
                       const json_t *themes, const char *tprefix, const char *docs_path,
                       const uint64_t *ndocs, uint64_t *diag, char *has)
{
    char name[32], up[PATH_MAX_LEN];
    jpath(up, cp, sli_unit_name(unit, name, sizeof name));
    uint64_t n = 0;
    int has_n = get(uo, "units", &n);
    if (has_n && ndocs && unit->kind == SL_UNIT_DOCUMENT && n != *ndocs)
        broken(c, "%s.units (%llu) differs from %s (%llu)", up, (unsigned long long)n, docs_path,
               (unsigned long long)*ndocs);
    char counts_path[PATH_MAX_LEN];
    jpath(counts_path, up, "counts");
    const json_t *counts = json_object_get(uo, "counts");
    diagonal_rules(c, up, counts_path, unit, counts, themes, tprefix, diag, has,
                   has_n ? &n : NULL);
    if (c->status == SL_OK)
        cell_rules(c, counts_path, counts, diag, has);
}

/* ---- scopes: the corpus and each group ------------------------------- */

/* The themes and co-occurrence of the scope at prefix ("" for the corpus),
 * which holds ndocs stories (NULL: not known). */
static void scope_rules(chk *c, const char *prefix, const json_t *obj, const char *docs_path,
                        const uint64_t *ndocs)
{
    const sl_lexicon *lex = c->res->lex;
    const json_t *themes = json_object_get(obj, "themes");
    char tprefix[PATH_MAX_LEN], cp[PATH_MAX_LEN], tp[PATH_MAX_LEN];
    jpath(tprefix, prefix, "themes");
    jpath(cp, prefix, "cooccurrence");
    for (size_t t = 0; t < lex->nthemes && c->status == SL_OK; t++) {
        jpath(tp, tprefix, lex->themes[t].name);
        theme_rules(c, tp, json_object_get(themes, lex->themes[t].name), docs_path, ndocs);
    }
    const sl_shape *sh = &c->res->shape;
    uint64_t *diag = calloc(lex->nthemes + 1, sizeof *diag);
    char *has = calloc(lex->nthemes + 1, 1);
    if (!diag || !has)
        c->status = sli_fail_nomem(c->err);
    const json_t *cooc = json_object_get(obj, "cooccurrence");
    for (size_t u = 0; u < sh->nunits && c->status == SL_OK; u++) {
        char name[32];
        const json_t *uo = json_object_get(cooc, sli_unit_name(&sh->units[u], name, sizeof name));
        unit_rules(c, cp, &sh->units[u], uo, themes, tprefix, docs_path, ndocs, diag, has);
    }
    free(diag);
    free(has);
}

/* Each --by field splits the corpus: its groups' stories add up to it. */
static void group_rules(chk *c, const json_t *groups, const uint64_t *ndocs)
{
    const sl_options *op = c->res->opts;
    for (size_t g = 0; g < op->nby && c->status == SL_OK; g++) {
        char fp[PATH_MAX_LEN], gp[PATH_MAX_LEN], dp[PATH_MAX_LEN];
        jpath(fp, "groups", op->by[g]);
        const char *value;
        json_t *fig;
        uint64_t sum = 0;
        json_object_foreach(json_object_get(groups, op->by[g]), value, fig)
        {
            uint64_t n = 0;
            int has_n = get(fig, "documents", &n);
            if (has_n)
                sum = add_sat(sum, n);
            jpath(gp, fp, value);
            jpath(dp, gp, "documents");
            scope_rules(c, gp, fig, dp, has_n ? &n : NULL);
            if (c->status != SL_OK)
                return;
        }
        if (ndocs && sum != *ndocs)
            broken(c, "the documents of the groups in %s (%llu in all) differ from "
                      "corpus.documents (%llu): every story is in one group of each field",
                   fp, (unsigned long long)sum, (unsigned long long)*ndocs);
    }
}

sl_status sli_merge_check(const sl_result *res, const json_t *root, const char *file,
                          sl_error *err)
{
    chk c = {file, res, err, SL_OK};
    uint64_t n = 0;
    const uint64_t *ndocs = get(json_object_get(root, "corpus"), "documents", &n) ? &n : NULL;
    scope_rules(&c, "", root, "corpus.documents", ndocs);
    if (c.status == SL_OK && res->opts->nby)
        group_rules(&c, json_object_get(root, "groups"), ndocs);
    const json_t *docs = json_object_get(root, "documents");
    if (c.status == SL_OK && res->opts->per_document && ndocs && json_is_array(docs) &&
        json_array_size(docs) != *ndocs)
        broken(&c, "documents (%zu rows) differs from corpus.documents (%llu): a part has one "
                   "row per story",
               json_array_size(docs), (unsigned long long)*ndocs);
    return c.status;
}
