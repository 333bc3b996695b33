/*
 * result.c - the figures a run hands over (result.h): adding stories,
 * groups and other results, and releasing them.
 *
 * Stories are added on the thread that drives the run, in input order,
 * so --per-document rows come out in input order and groups are created
 * in the order their values first appear; groups are written in byte
 * order of value (sli_group_sorted), so their order never depends on
 * the threads either.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "count/result.h"

/* SL_EUSAGE when one co-occurrence table would pass SL_COOC_TABLE_CELLS:
 * refused before a story is read, rather than killed hours in. */
static sl_status check_cooc_size(sl_result *res, sl_error *err)
{
    size_t nt = res->shape.nthemes, nu = res->shape.nunits;
    res->cooc_cells = 0;
    if (nu == 0)
        return SL_OK;
    if (nt > SL_COOC_TABLE_CELLS / nt / nu)
        return sli_fail(err, SL_EUSAGE,
                        "%zu themes: co-occurrence in %zu unit%s would need %.0f cells a table "
                        "(themes x themes x units; %.1f GB of counts for the corpus and again for "
                        "each --by group, and more to write); at most %zu are kept (1000 themes "
                        "with 2 units, 1414 with one). Give --cooccurrence none for the theme "
                        "counts alone, fewer units (--cooccurrence document), or fewer themes",
                        nt, nu, nu == 1 ? "" : "s", (double)nt * (double)nt * (double)nu,
                        (double)nt * (double)nt * (double)nu * 8 / 1e9, SL_COOC_TABLE_CELLS);
    res->cooc_cells = nt * nt * nu;
    return SL_OK;
}

sl_status sli_result_init(sl_result *res, const sl_lexicon *lex, const sl_options *opts,
                          sl_error *err)
{
    memset(res, 0, sizeof *res);
    res->lex = lex;
    res->opts = opts;
    res->shape.nthemes = lex->nthemes;
    res->shape.nentries = lex->nentries;
    res->shape.nunits = opts->nunits;
    memcpy(res->shape.units, opts->units, sizeof res->shape.units);
    res->shape.direction = opts->modifiers != NULL && !opts->no_direction_figures;
    sli_rows_init(&res->rows, lex->nthemes, res->shape.direction ? SL_DIR_STORY : 0);
    sl_status s = check_cooc_size(res, err);
    if (s != SL_OK)
        return s;
    if (sli_accum_init(&res->total, &res->shape) != 0)
        return sli_fail_nomem(err);
    s = sli_seen_init(&res->seen, opts, err);
    if (s != SL_OK)
        return s;
    res->groups = calloc(opts->nby + 1, sizeof *res->groups);
    if (!res->groups)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < opts->nby; i++) {
        res->groups[i].field = opts->by[i];
        res->groups[i].by_input = strcmp(opts->by[i], SL_BY_INPUT) == 0;
        sli_strmap_init(&res->groups[i].values);
    }
    return SL_OK;
}

void sli_result_clear(sl_result *res)
{
    if (!res)
        return;
    for (size_t g = 0; res->groups && g < res->opts->nby; g++) {
        for (size_t v = 0; v < res->groups[g].n; v++)
            sli_accum_free(&res->groups[g].accums[v]);
        free(res->groups[g].accums);
        sli_strmap_free(&res->groups[g].values);
    }
    free(res->groups);
    sli_rows_free(&res->rows);
    sli_accum_free(&res->total);
    sli_report_free(&res->report);
    sli_seen_free(&res->seen);
    memset(res, 0, sizeof *res);
}

/* The co-occurrence tables res holds: the corpus's and its groups'. */
static size_t cooc_tables(const sl_result *res)
{
    size_t n = 1;
    for (size_t g = 0; g < res->opts->nby; g++)
        n += res->groups[g].n;
    return n;
}

sl_accum *sli_result_group(sl_result *res, size_t g, const char *value)
{
    sl_group_field *gf = &res->groups[g];
    uint32_t *known = sli_strmap_get(&gf->values, value, strlen(value));
    if (known)
        return &gf->accums[*known];
    if (res->cooc_cells && (cooc_tables(res) + 1) > SL_COOC_RESULT_CELLS / res->cooc_cells) {
        res->cooc_full = 1;
        return NULL;
    }
    int inserted;
    uint32_t *idx = sli_strmap_put(&gf->values, value, strlen(value), (uint32_t)gf->n, &inserted);
    if (!idx)
        return NULL;
    if (SL_GROW(gf->accums, gf->cap, gf->n + 1) != 0 ||
        sli_accum_init(&gf->accums[gf->n], &res->shape) != 0)
        return NULL;
    return &gf->accums[gf->n++];
}

sl_status sli_result_group_fail(const sl_result *res, size_t g, sl_error *err)
{
    if (!res->cooc_full)
        return sli_fail_nomem(err);
    size_t tables = SL_COOC_RESULT_CELLS / res->cooc_cells;
    return sli_fail(err, SL_EDATA,
                    "--by %s: more than %zu groups, each with a co-occurrence table of %zu cells "
                    "(themes x themes x units); the tables of a run hold at most %zu cells. Give "
                    "--cooccurrence none (or fewer units) to count themes in every group, or --by "
                    "a field with fewer values",
                    res->groups[g].field, tables - 1, res->cooc_cells, SL_COOC_RESULT_CELLS);
}

sl_status sli_result_add_story(sl_result *res, sl_doc *d, sl_docres *r, sl_error *err)
{
    sl_status s = sli_seen_story(&res->seen, d, err);
    if (s != SL_OK)
        return s;
    sli_accum_add(&res->total, &res->shape, r);
    for (size_t g = 0; g < res->opts->nby; g++) {
        const char *v = sli_doc_meta(d, res->groups[g].field);
        if (res->groups[g].by_input && v) /* which would the group be? */
            return sli_fail(err, SL_EDATA,
                            "%s:%lu: the story has a field named \"%s\", which --by %s keeps "
                            "for the input a story was read from; rename the field",
                            d->source ? d->source : "-", d->line, SL_BY_INPUT, SL_BY_INPUT);
        if (res->groups[g].by_input)
            v = res->input ? res->input : "-";
        res->seen.missing[g] += v == NULL;
        sl_accum *a = sli_result_group(res, g, v ? v : "");
        if (!a)
            return sli_result_group_fail(res, g, err);
        sli_accum_add(a, &res->shape, r);
    }
    if (!res->opts->per_document)
        return SL_OK;
    sl_docrow row = {d->id, r->tokens, d->meta, d->nmeta, r->theme_hits, r->dir};
    return sli_rows_add(&res->rows, &row, err);
}

sl_status sli_result_add(sl_result *res, const sl_result *part, sl_error *err)
{
    sli_accum_merge(&res->total, &res->shape, &part->total);
    for (size_t g = 0; g < res->opts->nby; g++) {
        sl_group_value *v = sli_group_sorted(&part->groups[g]);
        if (!v)
            return sli_fail_nomem(err);
        for (size_t k = 0; k < part->groups[g].n; k++) {
            sl_accum *a = sli_result_group(res, g, v[k].value);
            if (!a) {
                free(v);
                return sli_result_group_fail(res, g, err);
            }
            sli_accum_merge(a, &res->shape, v[k].accum);
        }
        free(v);
    }
    return SL_OK;
}

static int cmp_group_value(const void *a, const void *b)
{
    return strcmp(((const sl_group_value *)a)->value, ((const sl_group_value *)b)->value);
}

sl_group_value *sli_group_sorted(const sl_group_field *g)
{
    sl_group_value *v = malloc((g->n + 1) * sizeof *v);
    if (!v)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < g->values.cap; i++) {
        const sl_strmap_slot *s = &g->values.slots[i];
        if (s->hash)
            v[k++] = (sl_group_value){g->values.arena + s->key_off, &g->accums[s->value]};
    }
    qsort(v, k, sizeof *v, cmp_group_value);
    return v;
}
