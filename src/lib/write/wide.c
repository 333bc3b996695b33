/*
 * wide.c - a result's per-story rows as one sheet: a row a story, a column
 * a theme (--format wide, wide-tsv; the stories sheet of --format xlsx).
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
    const sli_cells *out;
    sl_strmap cols;     /* metadata field -> its column */
    const char **keys;  /* the metadata columns, in order (copies: rows are read back one at a time) */
    size_t nkeys, cap;
    const char **cell;  /* one row's metadata values by column (scratch) */
} sheet;

/* One header cell prefix + name + suffix. */
static int text_joined(const sheet *s, const char *prefix, const char *name, const char *suffix)
{
    size_t n = strlen(prefix) + strlen(name) + strlen(suffix) + 1;
    char *v = malloc(n);
    if (!v)
        return -1;
    snprintf(v, n, "%s%s%s", prefix, name, suffix);
    int rc = s->out->text(s->out->user, v);
    free(v);
    return rc;
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
    if (!(s->keys[s->nkeys] = strdup(key))) /* the row it came from is gone by the header */
        return -1;
    s->nkeys++;
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

static int header(sheet *s, const sl_result *res)
{
    const sli_cells *o = s->out;
    int rc = o->text(o->user, "id") | o->text(o->user, "tokens");
    for (size_t k = 0; k < s->nkeys; k++)
        rc |= text_joined(s, fixed_column(res, s->keys[k]) ? "meta:" : "", s->keys[k], "");
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        rc |= o->text(o->user, res->lex->themes[t].name);
        if (res->shape.direction)
            rc |= text_joined(s, "", res->lex->themes[t].name, ":direction");
    }
    return rc | o->end_row(o->user);
}

static int row(sheet *s, const sl_result *res, const sl_docrow *r)
{
    const sli_cells *o = s->out;
    int rc = o->text(o->user, r->id) | o->count(o->user, r->tokens);
    for (size_t k = 0; k < s->nkeys; k++)
        s->cell[k] = "";
    for (size_t k = 0; k < r->nmeta; k++)
        s->cell[*sli_strmap_get(&s->cols, r->meta[k].key, strlen(r->meta[k].key))] =
            r->meta[k].value;
    for (size_t k = 0; k < s->nkeys; k++)
        rc |= o->text(o->user, s->cell[k]);
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        rc |= o->count(o->user, r->theme_hits[t]);
        if (res->shape.direction) {
            int net = r->dir ? sli_direction_net(r->dir + t * SL_DIR_STORY)
                             : SL_DIRECTION_NONE;
            rc |= o->text(o->user,
                          net == SL_DIRECTION_NONE ? "" : sl_direction_name((sl_direction)net));
        }
    }
    return rc | o->end_row(o->user);
}

sl_status sli_wide_rows(const sl_result *res, const sli_cells *out, sl_error *err)
{
    if (!res->opts->per_document)
        return sli_fail(err, SL_EUSAGE, "the wide sheet needs the per-story rows "
                                        "(--per-document)");
    sheet s = {.out = out};
    sli_strmap_init(&s.cols);
    sl_status st = SL_OK;
    sl_rows_cursor c; /* read twice: the metadata columns are known only at the end */
    sli_rows_cursor_init(&c, &res->rows);
    for (const sl_docrow *r; st == SL_OK && (r = sli_rows_next(&c)) != NULL;)
        for (size_t k = 0; k < r->nmeta && st == SL_OK; k++)
            if (add_key(&s, r->meta[k].key) != 0)
                st = sli_fail_nomem(err);
    if (st == SL_OK)
        st = sli_rows_cursor_status(&c, err);
    sli_rows_cursor_free(&c);
    if (st == SL_OK && s.nkeys && !(s.cell = malloc(s.nkeys * sizeof *s.cell)))
        st = sli_fail_nomem(err);
    int rc = st == SL_OK ? header(&s, res) : 0;
    sli_rows_cursor_init(&c, &res->rows);
    for (const sl_docrow *r; st == SL_OK && rc == 0 && (r = sli_rows_next(&c)) != NULL;)
        rc = row(&s, res, r);
    if (st == SL_OK)
        st = sli_rows_cursor_status(&c, err);
    sli_rows_cursor_free(&c);
    if (st == SL_OK && rc != 0)
        st = sli_fail(err, SL_EIO, "cannot write the story sheet");
    sli_strmap_free(&s.cols);
    for (size_t k = 0; k < s.nkeys; k++)
        free((char *)s.keys[k]);
    free(s.keys);
    free(s.cell);
    return st;
}

/* ---- as CSV or TSV ------------------------------------------------------ */

typedef struct delimited {
    FILE *f;
    char sep;
    int first; /* the next cell starts a row */
} delimited;

static int put_text(void *u, const char *v)
{
    delimited *d = u;
    if (!d->first)
        fputc(d->sep, d->f);
    d->first = 0;
    sl_table_field(d->f, d->sep, v);
    return 0;
}

static int put_count(void *u, uint64_t n)
{
    char num[24];
    snprintf(num, sizeof num, "%" PRIu64, n);
    return put_text(u, num);
}

static int put_end(void *u)
{
    delimited *d = u;
    d->first = 1;
    return fputc('\n', d->f) == EOF;
}

sl_status sli_write_wide(const sl_result *res, FILE *out, char sep, sl_error *err)
{
    delimited d = {out, sep, 1};
    sli_cells cells = {put_text, put_count, put_end, &d};
    return sli_wide_rows(res, &cells, err);
}
