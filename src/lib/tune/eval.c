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
 * story's net direction for T instead, scored as a multi-class code.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "direction/direction.h"
#include "core/error.h"
#include "core/vec.h"
#include "tune/eval.h"
#include "tune/eval_impl.h"
#include "lexicon/lexicon.h"
#include "read/read.h"

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
    ev->counts = calloc(g->ncols * SL_DIR_STORY + 1, sizeof *ev->counts);
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

static int push_id(char ***list, size_t *n, size_t *cap, const char *id)
{
    if (sli_grow(list, cap, *n + 1, sizeof **list) != 0 || !((*list)[*n] = strdup(id)))
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
    memset(ev->counts, 0, g->ncols * SL_DIR_STORY * sizeof *ev->counts);
    for (size_t h = 0; h < nhits; h++) {
        if (hits[h].direction == SL_DIRECTION_NONE)
            ev->no_direction = 1; /* every hit has one when direction is on */
        size_t c = hits[h].theme < ev->lex->nthemes ? ev->dcol_of[hits[h].theme] : SIZE_MAX;
        if (c == SIZE_MAX)
            continue;
        if (hits[h].direction != SL_DIRECTION_NONE) /* in text order within a theme */
            sli_direction_vote(ev->counts + c * SL_DIR_STORY, (int)hits[h].direction,
                               (int)hits[h].time);
    }
    for (size_t c = 0; c < g->ncols; c++)
        if (g->cols[c].kind == SL_GOLD_DIRECTION)
            ev->pred[row * g->ncols + c] =
                (uint8_t)sli_direction_net(ev->counts + c * SL_DIR_STORY);
}

void sl_eval_story(void *user, const sl_story_view *story, const sl_hit_view *hits, size_t nhits)
{
    sl_eval *ev = user;
    const sl_gold *g = ev->gold;
    ev->ndocs++;
    uint32_t *row = sli_strmap_get(&g->index, story->id, strlen(story->id));
    if (!row) {
        ev->oom |= push_id(&ev->extra, &ev->nextra, &ev->extra_cap, story->id) != 0;
        return;
    }
    if (ev->row_seen[*row]) {
        ev->oom |= push_id(&ev->dup, &ev->ndup, &ev->dup_cap, story->id) != 0;
        return;
    }
    ev->row_seen[*row] = 1;
    if (SL_GROW(ev->order, ev->order_cap, ev->norder + 1) != 0) {
        ev->oom = 1;
        return;
    }
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

/* The class storylens found: its net direction, or ABSENT (0 = none). */
static int found_class(int pred)
{
    return pred >= SL_DIRECTION_IMPROVED && pred <= SL_DIRECTION_MENTIONED
               ? pred - SL_DIRECTION_IMPROVED
               : SL_DC_ABSENT;
}

void sli_eval_dir_table(const sl_eval *ev, size_t col, sl_dir_confusion *c)
{
    const sl_gold *g = ev->gold;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < ev->norder; i++) {
        size_t r = ev->order[i];
        int gold = g->codes[r * g->ncols + col];
        if (gold < SL_DIRECTION_IMPROVED)
            continue; /* not coded */
        c->m[gold - SL_DIRECTION_IMPROVED][found_class(ev->pred[r * g->ncols + col])]++;
    }
}

int sli_eval_dir_mismatch(const sl_eval *ev, size_t r, size_t col, int *coded, int *found)
{
    const sl_gold *g = ev->gold;
    int gold = g->codes[r * g->ncols + col];
    if (gold < SL_DIRECTION_IMPROVED)
        return 0;
    *coded = gold - SL_DIRECTION_IMPROVED;
    *found = found_class(ev->pred[r * g->ncols + col]);
    return *coded != *found;
}
