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
    if (sli_accum_init(&res->total, &res->shape) != 0)
        return sli_fail_nomem(err);
    sl_status s = sli_seen_init(&res->seen, opts, err);
    if (s != SL_OK)
        return s;
    res->groups = calloc(opts->nby + 1, sizeof *res->groups);
    if (!res->groups)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < opts->nby; i++) {
        res->groups[i].field = opts->by[i];
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
    for (size_t i = 0; i < res->nrows; i++) {
        sl_docrow *r = &res->rows[i];
        sl_doc d = {.id = r->id, .meta = r->meta, .nmeta = r->nmeta};
        sli_doc_clear(&d);
        free(r->theme_hits);
        free(r->dir);
    }
    free(res->rows);
    sli_accum_free(&res->total);
    sli_report_free(&res->report);
    sli_seen_free(&res->seen);
    memset(res, 0, sizeof *res);
}

sl_accum *sli_result_group(sl_result *res, size_t g, const char *value)
{
    sl_group_field *gf = &res->groups[g];
    int inserted;
    uint32_t *idx = sli_strmap_put(&gf->values, value, strlen(value), (uint32_t)gf->n, &inserted);
    if (!idx)
        return NULL;
    if (!inserted)
        return &gf->accums[*idx];
    if (SL_GROW(gf->accums, gf->cap, gf->n + 1) != 0 ||
        sli_accum_init(&gf->accums[gf->n], &res->shape) != 0)
        return NULL;
    return &gf->accums[gf->n++];
}

sl_docrow *sli_result_new_row(sl_result *res)
{
    if (SL_GROW(res->rows, res->rows_cap, res->nrows + 1) != 0)
        return NULL;
    sl_docrow *r = &res->rows[res->nrows++];
    memset(r, 0, sizeof *r);
    return r;
}

/* Moves the story's id, metadata and theme hits into a --per-document row. */
static int keep_row(sl_result *res, sl_doc *d, sl_docres *r)
{
    sl_docrow *row = sli_result_new_row(res);
    if (!row)
        return -1;
    *row = (sl_docrow){d->id, r->tokens, d->meta, d->nmeta, r->theme_hits, r->dir};
    r->dir = NULL;
    d->id = NULL;
    d->meta = NULL;
    d->nmeta = 0;
    r->theme_hits = NULL;
    return 0;
}

sl_status sli_result_add_story(sl_result *res, sl_doc *d, sl_docres *r, sl_error *err)
{
    sl_status s = sli_seen_story(&res->seen, d, err);
    if (s != SL_OK)
        return s;
    sli_accum_add(&res->total, &res->shape, r);
    for (size_t g = 0; g < res->opts->nby; g++) {
        const char *v = sli_doc_meta(d, res->groups[g].field);
        res->seen.missing[g] += v == NULL;
        sl_accum *a = sli_result_group(res, g, v ? v : "");
        if (!a)
            return sli_fail_nomem(err);
        sli_accum_add(a, &res->shape, r);
    }
    if (res->opts->per_document && keep_row(res, d, r) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
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
                return sli_fail_nomem(err);
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
