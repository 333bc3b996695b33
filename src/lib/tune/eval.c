/*
 * eval.c - hand codes in, confusion tables out (storylens eval).
 *
 * A gold file is a CSV/TSV with an id column and one column per theme
 * holding 1, 0, or nothing / "?" (not coded). It is read with the corpus
 * CSV reader (the id column doubles as the "text" so every other column
 * arrives as metadata, in header order). The analysis then calls
 * sl_eval_story() once per story in input order; a story counts as showing
 * theme T when at least one hit is counted for T (its own entries or a
 * descendant's). Only stories that are both in the corpus and in the gold
 * file, with the theme coded, enter T's table; the others are listed in the
 * output, never silently dropped. A column "T:direction" codes the
 * story's net direction for T instead (eval_direction.c scores it).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "direction/direction.h"
#include "core/error.h"
#include "tune/eval.h"
#include "tune/eval_impl.h"
#include "lexicon/lexicon.h"
#include "read/read.h"

/* ---- arithmetic ------------------------------------------------------- */

static double ratio(uint64_t num, uint64_t den, int *ok)
{
    *ok = den > 0;
    return *ok ? (double)num / (double)den : 0.0;
}

void sli_scores_of(const sl_confusion *c, sl_scores *s)
{
    memset(s, 0, sizeof *s);
    s->precision = ratio(c->tp, c->tp + c->fp, &s->has_precision);
    s->recall = ratio(c->tp, c->tp + c->fn, &s->has_recall);
    s->f1 = ratio(2 * c->tp, 2 * c->tp + c->fp + c->fn, &s->has_f1);
    double n = (double)(c->tp + c->fp + c->fn + c->tn);
    if (n > 0) {
        double po = (double)(c->tp + c->tn) / n;
        double pe = ((double)(c->tp + c->fp) * (double)(c->tp + c->fn) +
                     (double)(c->fn + c->tn) * (double)(c->fp + c->tn)) / (n * n);
        /* pe == 1 when both coders put every story in the same class:
         * agreement by chance is then certain and kappa is undefined. */
        if (pe < 1.0) {
            s->kappa = (po - pe) / (1.0 - pe);
            s->has_kappa = 1;
        }
    }
}

static void mean_into(double *dst, int *has, const double *v, const int *ok, size_t n,
                      size_t stride)
{
    double sum = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const int *o = (const int *)((const char *)ok + i * stride);
        if (*o) {
            sum += *(const double *)((const char *)v + i * stride);
            k++;
        }
    }
    *has = k > 0;
    *dst = k ? sum / (double)k : 0.0;
}

void sli_scores_macro(const sl_scores *per, size_t n, sl_scores *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0)
        return;
    size_t st = sizeof *per;
    mean_into(&out->precision, &out->has_precision, &per->precision, &per->has_precision, n, st);
    mean_into(&out->recall, &out->has_recall, &per->recall, &per->has_recall, n, st);
    mean_into(&out->f1, &out->has_f1, &per->f1, &per->has_f1, n, st);
    mean_into(&out->kappa, &out->has_kappa, &per->kappa, &per->has_kappa, n, st);
}

/* ---- gold file -------------------------------------------------------- */

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

static sl_status grow_rows(sl_gold *g, size_t *cap)
{
    if (g->nids < *cap)
        return SL_OK;
    size_t nc = *cap ? *cap * 2 : 64;
    char **ids = realloc(g->ids, nc * sizeof *ids);
    if (ids)
        g->ids = ids;
    unsigned long *lines = realloc(g->lines, nc * sizeof *lines);
    if (lines)
        g->lines = lines;
    int8_t *codes = realloc(g->codes, nc * g->ncols);
    if (codes)
        g->codes = codes;
    if (!ids || !lines || !codes)
        return SL_ENOMEM;
    *cap = nc;
    return SL_OK;
}

/* Adds one record: its id must be new and every cell a code. */
static sl_status add_row(sl_gold *g, sl_doc *d, size_t *cap, sl_error *err)
{
    size_t idlen = strlen(d->text);
    if (idlen == 0)
        return sli_fail(err, SL_EDATA, "%s:%lu: empty id; give every coded story its id",
                       g->path, d->line);
    if (grow_rows(g, cap) != SL_OK)
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
    size_t cap = 0;
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
            s = add_row(g, &d, &cap, err);
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

/* ---- scoring the stories ---------------------------------------------- */

sl_status sl_eval_new(sl_eval **out, const sl_gold *g, const sl_lexicon *lex, sl_error *err)
{
    *out = NULL;
    sl_eval *ev = calloc(1, sizeof *ev);
    if (!ev)
        return sli_fail_nomem(err);
    ev->gold = g;
    ev->lex = lex;
    ev->theme_of = calloc(g->ncols, sizeof *ev->theme_of);
    ev->col_of = malloc((lex->nthemes + 1) * sizeof *ev->col_of);
    ev->row_seen = calloc(g->nids, 1);
    ev->pred = calloc(g->nids * g->ncols + 1, 1);
    ev->dcol_of = malloc((lex->nthemes + 1) * sizeof *ev->dcol_of);
    ev->counts = calloc(g->ncols * SL_DIR_FIGURES + 1, sizeof *ev->counts);
    if (!ev->theme_of || !ev->col_of || !ev->row_seen || !ev->pred || !ev->dcol_of ||
        !ev->counts) {
        sl_eval_free(ev);
        return sli_fail_nomem(err);
    }
    for (size_t t = 0; t < lex->nthemes; t++)
        ev->col_of[t] = ev->dcol_of[t] = SIZE_MAX;
    for (size_t c = 0; c < g->ncols; c++) {
        size_t t = 0;
        while (t < lex->nthemes && strcmp(lex->themes[t].name, g->cols[c].theme) != 0)
            t++;
        if (t == lex->nthemes) {
            sl_eval_free(ev);
            return sli_fail(err, SL_EDATA, "%s:1: column \"%s\" names no theme of the lexicons; "
                           "rename it or load the lexicon that defines it",
                           g->path, g->cols[c].header);
        }
        ev->theme_of[c] = t;
        if (g->cols[c].kind == SL_GOLD_DIRECTION)
            ev->dcol_of[t] = c;
        else
            ev->col_of[t] = c;
    }
    *out = ev;
    return SL_OK;
}

void sl_eval_free(sl_eval *ev)
{
    if (!ev)
        return;
    for (size_t i = 0; i < ev->nextra; i++)
        free(ev->extra[i]);
    for (size_t i = 0; i < ev->ndup; i++)
        free(ev->dup[i]);
    free(ev->extra);
    free(ev->dup);
    free(ev->order);
    free(ev->theme_of);
    free(ev->col_of);
    free(ev->row_seen);
    free(ev->pred);
    free(ev->dcol_of);
    free(ev->counts);
    free(ev);
}

static int push_id(char ***list, size_t *n, const char *id)
{
    char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l)
        return -1;
    *list = l;
    if (!(l[*n] = strdup(id)))
        return -1;
    (*n)++;
    return 0;
}

/* The story's net direction for each direction column's theme, from its
 * hits counted for that theme (hit.theme == T), as
 * .themes[T].documents_by_direction counts it. */
static void direction_of_story(sl_eval *ev, size_t row, const sl_hit_view *hits, size_t nhits)
{
    const sl_gold *g = ev->gold;
    memset(ev->counts, 0, g->ncols * SL_DIR_FIGURES * sizeof *ev->counts);
    for (size_t h = 0; h < nhits; h++) {
        if (hits[h].direction == SL_DIRECTION_NONE)
            ev->no_direction = 1; /* every hit has one when direction is on */
        size_t c = hits[h].theme < ev->lex->nthemes ? ev->dcol_of[hits[h].theme] : SIZE_MAX;
        if (c == SIZE_MAX)
            continue;
        uint32_t *k = ev->counts + c * SL_DIR_FIGURES;
        switch (hits[h].direction) {
        case SL_DIRECTION_IMPROVED: k[SL_DIR_IMPROVED]++; break;
        case SL_DIRECTION_WORSENED: k[SL_DIR_WORSENED]++; break;
        case SL_DIRECTION_MENTIONED: k[SL_DIR_MENTIONED]++; break;
        case SL_DIRECTION_NONE: break;
        }
    }
    for (size_t c = 0; c < g->ncols; c++)
        if (g->cols[c].kind == SL_GOLD_DIRECTION)
            ev->pred[row * g->ncols + c] =
                (uint8_t)sli_direction_net(ev->counts + c * SL_DIR_FIGURES);
}

void sl_eval_story(void *user, const sl_story_view *story, const sl_hit_view *hits, size_t nhits)
{
    sl_eval *ev = user;
    const sl_gold *g = ev->gold;
    ev->ndocs++;
    uint32_t *row = sli_strmap_get(&g->index, story->id, strlen(story->id));
    if (!row) {
        ev->oom |= push_id(&ev->extra, &ev->nextra, story->id) != 0;
        return;
    }
    if (ev->row_seen[*row]) {
        ev->oom |= push_id(&ev->dup, &ev->ndup, story->id) != 0;
        return;
    }
    ev->row_seen[*row] = 1;
    size_t *o = realloc(ev->order, (ev->norder + 1) * sizeof *o);
    if (!o) {
        ev->oom = 1;
        return;
    }
    ev->order = o;
    ev->order[ev->norder++] = *row;
    for (size_t h = 0; h < nhits; h++) {
        size_t c = hits[h].theme < ev->lex->nthemes ? ev->col_of[hits[h].theme] : SIZE_MAX;
        if (c != SIZE_MAX)
            ev->pred[(size_t)*row * g->ncols + c] = 1;
    }
    direction_of_story(ev, *row, hits, nhits);
}

void sli_eval_table(const sl_eval *ev, size_t col, sl_confusion *c)
{
    const sl_gold *g = ev->gold;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < ev->norder; i++) {
        size_t r = ev->order[i];
        int gold = g->codes[r * g->ncols + col], pred = ev->pred[r * g->ncols + col];
        if (gold < 0)
            continue;
        if (pred && gold)
            c->tp++;
        else if (pred)
            c->fp++;
        else if (gold)
            c->fn++;
        else
            c->tn++;
    }
}
