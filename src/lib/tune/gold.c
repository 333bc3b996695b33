/*
 * gold.c - reading hand codes (gold.h): headers, theme cells, direction
 * cells, and the file itself through the corpus CSV reader (the id column
 * doubles as the "text", so every other column arrives as metadata, in
 * header order).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/error.h"
#include "core/vec.h"
#include "direction/direction.h"
#include "read/read.h"
#include "tune/gold.h"
#include "tune/scores.h"

int sli_gold_parse_header(const char *h, sl_gold_column *col, char *msg, size_t size)
{
    memset(col, 0, sizeof *col);
    if (!*h) {
        snprintf(msg, size, "a column has no name; name it after the theme it codes");
        return -1;
    }
    /* "T:qualifier" columns code more than presence; an unknown qualifier
     * is refused rather than read as a theme named "T:x". */
    const char *colon = strchr(h, ':');
    size_t tlen = colon ? (size_t)(colon - h) : strlen(h);
    if (colon && strcmp(colon + 1, "direction") != 0) {
        snprintf(msg, size, "column \"%s\": unknown qualifier \"%s\"; name the column after a "
                 "theme (1/0 codes) or THEME:direction (improved/worsened/mentioned)", h,
                 colon + 1);
        return -1;
    }
    if (tlen == 0) {
        snprintf(msg, size, "column \"%s\" names no theme; write THEME:direction", h);
        return -1;
    }
    col->header = strdup(h);
    col->theme = strndup(h, tlen);
    col->kind = colon ? SL_GOLD_DIRECTION : SL_GOLD_THEME;
    if (!col->header || !col->theme) {
        free(col->header);
        free(col->theme);
        snprintf(msg, size, "out of memory");
        return -1;
    }
    return 0;
}

const char *sli_gold_trim(const char *s, size_t *n)
{
    while (*s == ' ' || *s == '\t')
        s++;
    *n = strlen(s);
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
        (*n)--;
    if (*n == 1 && s[0] == '?')
        *n = 0;
    return s;
}

int sli_gold_parse_cell(const char *s)
{
    size_t n;
    s = sli_gold_trim(s, &n);
    if (n == 0)
        return -1;
    if (n == 1 && (s[0] == '0' || s[0] == '1'))
        return s[0] - '0';
    return -2;
}

void sl_gold_free(sl_gold *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->ncols; i++) {
        free(g->cols[i].header);
        free(g->cols[i].theme);
    }
    for (size_t i = 0; i < g->nids; i++)
        free(g->ids[i]);
    free(g->cols);
    free(g->ids);
    free(g->lines);
    free(g->codes);
    free(g->path);
    sli_strmap_free(&g->index);
    free(g);
}

static sl_status take_columns(sl_gold *g, const sl_doc *d, sl_error *err)
{
    g->cols = calloc(d->nmeta + 1, sizeof *g->cols);
    if (!g->cols)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < d->nmeta; i++) {
        char msg[512];
        if (sli_gold_parse_header(d->meta[i].key, &g->cols[i], msg, sizeof msg) != 0)
            return sli_fail(err, SL_EDATA, "%s:1: %s", g->path, msg);
        g->ncols++;
    }
    if (g->ncols == 0)
        return sli_fail(err, SL_EDATA, "%s:1: no theme columns; add one column per theme "
                       "holding 1, 0 or nothing", g->path);
    return SL_OK;
}

/* Room for one more row. ids and lines share the row capacity *cap: each
 * grows from it, and it moves only once both have. codes, ncols bytes a
 * row, keeps its own capacity in bytes, *codes_cap. */
static sl_status grow_rows(sl_gold *g, size_t *cap, size_t *codes_cap)
{
    size_t need = g->nids + 1, c = *cap;
    if (SL_GROW(g->ids, c, need) != 0)
        return SL_ENOMEM;
    c = *cap;
    if (SL_GROW(g->lines, c, need) != 0)
        return SL_ENOMEM;
    *cap = c;
    if (g->ncols && need > SIZE_MAX / g->ncols)
        return SL_ENOMEM;
    if (SL_GROW(g->codes, *codes_cap, need * g->ncols) != 0)
        return SL_ENOMEM;
    return SL_OK;
}

/* Adds one record: its id must be new and every cell a code. */
static sl_status add_row(sl_gold *g, sl_doc *d, size_t *cap, size_t *codes_cap, sl_error *err)
{
    size_t idlen = strlen(d->text);
    if (idlen == 0)
        return sli_fail(err, SL_EDATA, "%s:%lu: empty id; give every coded story its id",
                       g->path, d->line);
    if (grow_rows(g, cap, codes_cap) != SL_OK)
        return sli_fail_nomem(err);
    int inserted;
    uint32_t *v = sli_strmap_put(&g->index, d->text, idlen, (uint32_t)g->nids, &inserted);
    if (!v)
        return sli_fail_nomem(err);
    if (!inserted)
        return sli_fail(err, SL_EDATA, "%s:%lu: id \"%s\" is coded twice (first at line %lu); "
                       "keep one row per story", g->path, d->line, d->text, g->lines[*v]);
    for (size_t c = 0; c < g->ncols; c++) {
        int dir = g->cols[c].kind == SL_GOLD_DIRECTION;
        int code = dir ? sli_gold_parse_direction(d->meta[c].value)
                       : sli_gold_parse_cell(d->meta[c].value);
        if (code == -2)
            return sli_fail(err, SL_EDATA, "%s:%lu: story %s, column %s: \"%s\" is not a code; "
                           "write %s, or nothing (or ?) when not coded",
                           g->path, d->line, d->text, g->cols[c].header, d->meta[c].value,
                           dir ? "improved, worsened or mentioned" : "1, 0");
        g->codes[g->nids * g->ncols + c] = (int8_t)code;
    }
    g->lines[g->nids] = d->line;
    g->ids[g->nids++] = d->text;
    d->text = NULL;
    return SL_OK;
}

/* The reader speaks of a missing text column; here it is the id column. */
static sl_status gold_read_error(sl_status s, const char *id_field, sl_error *err)
{
    if (err && s == SL_EDATA && strstr(err->text, "no column \"") && strstr(err->text, "--text-field")) {
        char *p = strstr(err->text, "use --text-field");
        if (p)
            snprintf(p, sizeof err->text - (size_t)(p - err->text),
                     "name the id column with --id-field (now \"%s\")", id_field);
    }
    return s;
}

static sl_status read_gold(sl_gold *g, sl_reader *r, const char *id_field, sl_error *err)
{
    size_t cap = 0, codes_cap = 0; /* rows; bytes of codes */
    sl_doc d = {0};
    for (;;) {
        int got = 0;
        sl_status s = sli_reader_next(r, &d, &got, err);
        if (s != SL_OK)
            return gold_read_error(s, id_field, err);
        if (!got)
            return SL_OK;
        if (g->ncols == 0)
            s = take_columns(g, &d, err);
        if (s == SL_OK)
            s = add_row(g, &d, &cap, &codes_cap, err);
        sli_doc_clear(&d);
        if (s != SL_OK)
            return s;
    }
}

sl_status sl_gold_load(sl_gold **out, const char *path, const char *id_field, sl_error *err)
{
    *out = NULL;
    sl_input_format fmt = sli_format_of_path(path);
    if (fmt != SL_INPUT_CSV && fmt != SL_INPUT_TSV)
        return sli_fail(err, SL_EUSAGE, "%s: a gold file is a .csv or .tsv file", path);
    sl_gold *g = calloc(1, sizeof *g);
    if (!g || !(g->path = strdup(path))) {
        free(g);
        return sli_fail_nomem(err);
    }
    sli_strmap_init(&g->index);
    const char *idf = id_field ? id_field : "id";
    sl_read_opts ro = {.text_field = idf, .id_field = idf};
    sl_reader *r;
    sl_status s = sli_reader_open(&r, path, NULL, fmt, &ro, err);
    if (s == SL_OK) {
        s = read_gold(g, r, idf, err);
        sli_reader_free(r);
    }
    if (s == SL_OK && g->nids == 0)
        s = sli_fail(err, SL_EDATA, "%s: no coded stories", path);
    if (s != SL_OK) {
        sl_gold_free(g);
        return s;
    }
    *out = g;
    return SL_OK;
}

int sli_gold_parse_direction(const char *s)
{
    size_t n;
    s = sli_gold_trim(s, &n);
    if (n == 0)
        return -1;
    for (int k = 0; k < SL_DC_CODED; k++) {
        const char *name = sli_dir_class_name(k);
        if (strlen(name) == n && strncasecmp(s, name, n) == 0)
            return k + SL_DIRECTION_IMPROVED;
    }
    return -2;
}

