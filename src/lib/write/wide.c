/*
 * wide.c - a result's per-story rows as one sheet: a row a story, a column
 * a theme (--format wide, wide-tsv).
 *
 * The first table an analyst opens in R, pandas or a spreadsheet is the
 * story-by-theme matrix (LIWC and quanteda write it too): id, tokens, the
 * story's metadata, then each theme's hits, zeros written, and with
 * direction its net direction. Each column holds one type: counts are
 * integers, the rest text; a direction cell is empty when the story has no
 * hit of the theme. Metadata columns are the union of the stories' fields
 * in the order they are first met, so the same corpus gives the same
 * header at every -j. A metadata field named like a fixed or theme column
 * is written "meta:NAME", so no header repeats.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/strmap.h"
#include "direction/direction.h"
#include "write/write.h"

typedef struct sheet {
    FILE *out;
    char sep;
    sl_strmap cols;     /* metadata field -> its column */
    const char **keys;  /* the metadata columns, in order (borrowed from the rows) */
    size_t nkeys, cap;
    const char **cell;  /* one row's metadata values by column (scratch) */
} sheet;

static void field(const sheet *s, int first, const char *v)
{
    if (!first)
        fputc(s->sep, s->out);
    sl_table_field(s->out, s->sep, v);
}

/* One cell "prefix" + name + "suffix", quoted as a whole. */
static int field_joined(const sheet *s, const char *prefix, const char *name, const char *suffix)
{
    size_t n = strlen(prefix) + strlen(name) + strlen(suffix) + 1;
    char *v = malloc(n);
    if (!v)
        return -1;
    snprintf(v, n, "%s%s%s", prefix, name, suffix);
    field(s, 0, v);
    free(v);
    return 0;
}

static int add_key(sheet *s, const char *key)
{
    int inserted;
    uint32_t *slot = sli_strmap_put(&s->cols, key, strlen(key), (uint32_t)s->nkeys, &inserted);
    if (!slot)
        return -1;
    if (!inserted)
        return 0;
    if (s->nkeys == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 16;
        const char **p = realloc(s->keys, ncap * sizeof *p);
        if (!p)
            return -1;
        s->keys = p;
        s->cap = ncap;
    }
    s->keys[s->nkeys++] = key;
    return 0;
}

/* Is name a column the sheet writes besides metadata? */
static int fixed_column(const sl_result *res, const char *name)
{
    if (strcmp(name, "id") == 0 || strcmp(name, "tokens") == 0)
        return 1;
    size_t n = strlen(name);
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        const char *th = res->lex->themes[t].name;
        size_t m = strlen(th);
        if (strcmp(name, th) == 0 ||
            (res->shape.direction && n == m + 10 && strncmp(name, th, m) == 0 &&
             strcmp(name + m, ":direction") == 0))
            return 1;
    }
    return 0;
}

static int write_header(sheet *s, const sl_result *res)
{
    field(s, 1, "id");
    field(s, 0, "tokens");
    for (size_t k = 0; k < s->nkeys; k++)
        if (field_joined(s, fixed_column(res, s->keys[k]) ? "meta:" : "", s->keys[k], "") != 0)
            return -1;
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        field(s, 0, res->lex->themes[t].name);
        if (res->shape.direction &&
            field_joined(s, "", res->lex->themes[t].name, ":direction") != 0)
            return -1;
    }
    fputc('\n', s->out);
    return 0;
}

static void write_row(sheet *s, const sl_result *res, const sl_docrow *r)
{
    char num[24];
    field(s, 1, r->id);
    snprintf(num, sizeof num, "%" PRIu64, r->tokens);
    field(s, 0, num);
    for (size_t k = 0; k < s->nkeys; k++)
        s->cell[k] = "";
    for (size_t k = 0; k < r->nmeta; k++)
        s->cell[*sli_strmap_get(&s->cols, r->meta[k].key, strlen(r->meta[k].key))] =
            r->meta[k].value;
    for (size_t k = 0; k < s->nkeys; k++)
        field(s, 0, s->cell[k]);
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        snprintf(num, sizeof num, "%" PRIu32, r->theme_hits[t]);
        field(s, 0, num);
        if (res->shape.direction) {
            int net = r->dir ? sli_direction_net(r->dir + t * SL_DIR_STORY)
                             : SL_DIRECTION_NONE;
            field(s, 0, net == SL_DIRECTION_NONE ? "" : sl_direction_name((sl_direction)net));
        }
    }
    fputc('\n', s->out);
}

sl_status sli_write_wide(const sl_result *res, FILE *out, char sep, sl_error *err)
{
    if (!res->opts->per_document)
        return sli_fail(err, SL_EUSAGE, "the wide sheet needs the per-story rows "
                                        "(--per-document)");
    sheet s = {.out = out, .sep = sep};
    sli_strmap_init(&s.cols);
    sl_status st = SL_OK;
    for (size_t i = 0; i < res->nrows && st == SL_OK; i++)
        for (size_t k = 0; k < res->rows[i].nmeta && st == SL_OK; k++)
            if (add_key(&s, res->rows[i].meta[k].key) != 0)
                st = sli_fail_nomem(err);
    if (st == SL_OK && s.nkeys && !(s.cell = malloc(s.nkeys * sizeof *s.cell)))
        st = sli_fail_nomem(err);
    if (st == SL_OK && write_header(&s, res) != 0)
        st = sli_fail_nomem(err);
    for (size_t i = 0; i < res->nrows && st == SL_OK; i++)
        write_row(&s, res, &res->rows[i]);
    sli_strmap_free(&s.cols);
    free(s.keys);
    free(s.cell);
    return st;
}
