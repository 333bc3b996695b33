/*
 * write_eval.c - an evaluation as JSON, a tidy long table, or a table for
 * a person. Every figure is computed here from the confusion tables; reals
 * are rounded to 6 decimals like the analysis output, and undefined
 * figures are null (JSON) or NA (tables). Direction columns (T:direction)
 * get their own section after the theme figures, and only when the gold
 * file has one, so a presence-only evaluation reads as it always did.
 */
#include <jansson.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lexicon/lexicon.h"
#include "tune/eval_impl.h"
#include "write/emit.h"
#include "write/figures.h"

typedef struct eval_sums {
    sl_confusion *conf;   /* per gold column (theme columns) */
    sl_scores *scores;
    size_t *coded;        /* stories scored for the column */
    sl_confusion micro_c;
    sl_scores micro, macro;
    size_t nthemes;       /* theme (presence) columns */
    sl_dir_confusion *dconf; /* per gold column (direction columns) */
    sl_dir_scores *dscores;
    sl_dir_confusion dall;   /* the direction columns' matrices summed */
    sl_dir_scores dmicro;
    size_t ndirs;         /* direction columns */
} eval_sums;

static int is_theme(const sl_eval *ev, size_t c)
{
    return ev->gold->cols[c].kind == SL_GOLD_THEME;
}

static int sums_of(const sl_eval *ev, eval_sums *s)
{
    size_t n = ev->gold->ncols;
    memset(s, 0, sizeof *s);
    s->conf = calloc(n, sizeof *s->conf);
    s->scores = calloc(n, sizeof *s->scores);
    s->coded = calloc(n, sizeof *s->coded);
    s->dconf = calloc(n, sizeof *s->dconf);
    s->dscores = calloc(n, sizeof *s->dscores);
    sl_scores *theme_scores = calloc(n + 1, sizeof *theme_scores);
    if (!s->conf || !s->scores || !s->coded || !s->dconf || !s->dscores || !theme_scores) {
        free(theme_scores);
        return -1;
    }
    for (size_t c = 0; c < n; c++) {
        if (!is_theme(ev, c)) {
            sli_eval_dir_table(ev, c, &s->dconf[c]);
            sli_dir_scores_of(&s->dconf[c], &s->dscores[c]);
            for (int g = 0; g < SL_DC_CODED; g++)
                for (int f = 0; f < SL_DC_FOUND; f++)
                    s->dall.m[g][f] += s->dconf[c].m[g][f];
            s->ndirs++;
            continue;
        }
        sli_eval_table(ev, c, &s->conf[c]);
        sli_scores_of(&s->conf[c], &s->scores[c]);
        theme_scores[s->nthemes++] = s->scores[c];
        const sl_confusion *k = &s->conf[c];
        s->coded[c] = (size_t)(k->tp + k->fp + k->fn + k->tn);
        s->micro_c.tp += k->tp;
        s->micro_c.fp += k->fp;
        s->micro_c.fn += k->fn;
        s->micro_c.tn += k->tn;
    }
    sli_scores_of(&s->micro_c, &s->micro);
    sli_scores_macro(theme_scores, s->nthemes, &s->macro);
    sli_dir_scores_of(&s->dall, &s->dmicro);
    free(theme_scores);
    return 0;
}

static void sums_free(eval_sums *s)
{
    free(s->conf);
    free(s->scores);
    free(s->coded);
    free(s->dconf);
    free(s->dscores);
}

/* Gold rows of column col, in corpus order, that are false positives
 * (want_pred 1) or false negatives (want_pred 0). */
static int is_error(const sl_eval *ev, size_t r, size_t col, int want_pred)
{
    const sl_gold *g = ev->gold;
    int gold = g->codes[r * g->ncols + col], pred = ev->pred[r * g->ncols + col];
    return gold >= 0 && pred == want_pred && gold == !want_pred;
}

/* ---- JSON ------------------------------------------------------------- */

static json_t *real(double v, int ok)
{
    return ok ? json_real(sli_fixed(v)) : json_null();
}

static json_t *id_list(sl_jb *b, char *const *ids, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        sli_jb_push(b, a, sli_json_text(ids[i]));
    return a;
}

static void put_scores(sl_jb *b, json_t *o, const sl_scores *s)
{
    sli_jb_set(b, o, "precision", real(s->precision, s->has_precision));
    sli_jb_set(b, o, "recall", real(s->recall, s->has_recall));
    sli_jb_set(b, o, "f1", real(s->f1, s->has_f1));
    sli_jb_set(b, o, "kappa", real(s->kappa, s->has_kappa));
}

static void put_table(sl_jb *b, json_t *o, const sl_confusion *c)
{
    sli_jb_set(b, o, "tp", sli_json_count(c->tp));
    sli_jb_set(b, o, "fp", sli_json_count(c->fp));
    sli_jb_set(b, o, "fn", sli_json_count(c->fn));
    sli_jb_set(b, o, "tn", sli_json_count(c->tn));
}

static json_t *errors_json(sl_jb *b, const sl_eval *ev, size_t col, int want_pred)
{
    json_t *a = json_array();
    for (size_t i = 0; i < ev->norder; i++)
        if (is_error(ev, ev->order[i], col, want_pred))
            sli_jb_push(b, a, sli_json_text(ev->gold->ids[ev->order[i]]));
    return a;
}

static json_t *themes_json(sl_jb *b, const sl_eval *ev, const eval_sums *s)
{
    json_t *themes = json_object();
    for (size_t c = 0; c < ev->gold->ncols; c++) {
        if (!is_theme(ev, c))
            continue;
        json_t *t = json_object();
        sli_jb_set(b, t, "coded", sli_json_count(s->coded[c]));
        put_table(b, t, &s->conf[c]);
        put_scores(b, t, &s->scores[c]);
        sli_jb_set(b, t, "false_positives", errors_json(b, ev, c, 1));
        sli_jb_set(b, t, "false_negatives", errors_json(b, ev, c, 0));
        sli_jb_set(b, themes, ev->gold->cols[c].theme, t);
    }
    return themes;
}

static json_t *missing_gold_json(sl_jb *b, const sl_eval *ev)
{
    json_t *a = json_array();
    for (size_t r = 0; r < ev->gold->nids; r++)
        if (!ev->row_seen[r])
            sli_jb_push(b, a, sli_json_text(ev->gold->ids[r]));
    return a;
}

static json_t *dir_json(sl_jb *b, const sl_dir_confusion *c, const sl_dir_scores *d)
{
    json_t *o = json_object();
    sli_jb_set(b, o, "coded", sli_json_count(d->n));
    sli_jb_set(b, o, "correct", sli_json_count(d->correct));
    sli_jb_set(b, o, "accuracy", real(d->accuracy, d->has_accuracy));
    sli_jb_set(b, o, "macro_f1", real(d->macro_f1, d->has_macro_f1));
    sli_jb_set(b, o, "kappa", real(d->kappa, d->has_kappa));
    json_t *classes = json_object(), *conf = json_object();
    for (int k = 0; k < SL_DC_CODED; k++) {
        json_t *x = json_object(), *row = json_object();
        sli_jb_set(b, x, "coded", sli_json_count(d->coded[k]));
        sli_jb_set(b, x, "found", sli_json_count(d->found[k]));
        sli_jb_set(b, x, "precision", real(d->cls[k].precision, d->cls[k].has_precision));
        sli_jb_set(b, x, "recall", real(d->cls[k].recall, d->cls[k].has_recall));
        sli_jb_set(b, x, "f1", real(d->cls[k].f1, d->cls[k].has_f1));
        sli_jb_set(b, classes, sli_dir_class_name(k), x);
        for (int f = 0; f < SL_DC_FOUND; f++)
            sli_jb_set(b, row, sli_dir_class_name(f), sli_json_count(c->m[k][f]));
        sli_jb_set(b, conf, sli_dir_class_name(k), row);
    }
    sli_jb_set(b, o, "classes", classes);
    sli_jb_set(b, o, "confusion", conf);
    return o;
}

/* .directions[T]: the figures, then the stories coded one way and found
 * another, in corpus order. */
static json_t *directions_json(sl_jb *b, const sl_eval *ev, const eval_sums *s)
{
    json_t *dirs = json_object();
    for (size_t c = 0; c < ev->gold->ncols; c++) {
        if (is_theme(ev, c))
            continue;
        json_t *o = dir_json(b, &s->dconf[c], &s->dscores[c]);
        json_t *mis = json_array();
        for (size_t i = 0; i < ev->norder; i++) {
            int coded, found;
            size_t r = ev->order[i];
            if (!sli_eval_dir_mismatch(ev, r, c, &coded, &found))
                continue;
            json_t *m = json_object();
            sli_jb_set(b, m, "id", sli_json_text(ev->gold->ids[r]));
            sli_jb_set(b, m, "coded", sli_json_text(sli_dir_class_name(coded)));
            sli_jb_set(b, m, "found", sli_json_text(sli_dir_class_name(found)));
            sli_jb_push(b, mis, m);
        }
        sli_jb_set(b, o, "mismatches", mis);
        sli_jb_set(b, dirs, ev->gold->cols[c].theme, o);
    }
    return dirs;
}

static sl_status write_json(const sl_eval *ev, const eval_sums *s, FILE *out, sl_error *err)
{
    sl_jb b = {0};
    json_t *root = json_object();
    sli_jb_set(&b, root, "storylens", sli_json_text(SL_VERSION));
    json_t *lexs = json_array();
    for (size_t i = 0; i < ev->lex->nfiles; i++) {
        json_t *f = json_object();
        sli_jb_set(&b, f, "path", sli_json_text(sli_lexfile_name(&ev->lex->files[i])));
        sli_jb_set(&b, f, "sha256", sli_json_text(ev->lex->files[i].sha256));
        sli_jb_set(&b, f, "bundled", json_boolean(ev->lex->files[i].bundled != NULL));
        sli_jb_push(&b, lexs, f);
    }
    sli_jb_set(&b, root, "lexicons", lexs);
    json_t *gold = json_object();
    sli_jb_set(&b, gold, "path", sli_json_text(ev->gold->path));
    sli_jb_set(&b, gold, "stories", sli_json_count(ev->gold->nids));
    sli_jb_set(&b, gold, "not_in_corpus", missing_gold_json(&b, ev));
    sli_jb_set(&b, root, "gold", gold);
    json_t *corpus = json_object();
    sli_jb_set(&b, corpus, "documents", sli_json_count(ev->ndocs));
    sli_jb_set(&b, corpus, "scored", sli_json_count(ev->norder));
    sli_jb_set(&b, corpus, "not_in_gold", id_list(&b, ev->extra, ev->nextra));
    sli_jb_set(&b, root, "corpus", corpus);
    sli_jb_set(&b, root, "themes", themes_json(&b, ev, s));
    json_t *micro = json_object();
    put_table(&b, micro, &s->micro_c);
    put_scores(&b, micro, &s->micro);
    sli_jb_set(&b, root, "micro", micro);
    json_t *macro = json_object();
    sli_jb_set(&b, macro, "themes", sli_json_count(s->nthemes));
    put_scores(&b, macro, &s->macro);
    sli_jb_set(&b, root, "macro", macro);
    if (s->ndirs) {
        sli_jb_set(&b, root, "directions", directions_json(&b, ev, s));
        json_t *dm = dir_json(&b, &s->dall, &s->dmicro);
        sli_jb_set(&b, dm, "columns", sli_json_count(s->ndirs));
        sli_jb_set(&b, root, "direction_micro", dm);
    }
    return sli_jb_finish(&b, root, out,
                         JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15), err);
}

/* ---- tidy long table -------------------------------------------------- */

static void trow(FILE *out, char sep, const char *section, const char *theme,
                 const char *measure, const char *value)
{
    fprintf(out, "%s%c%s%c%s%c", section, sep, theme, sep, measure, sep);
    if (!strchr(value, sep) && !strpbrk(value, "\"\r\n")) {
        fprintf(out, "%s\n", value);
        return;
    }
    fputc('"', out);
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputs("\"\n", out);
}

static void trow_n(FILE *out, char sep, const char *section, const char *theme,
                   const char *measure, uint64_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, v);
    trow(out, sep, section, theme, measure, buf);
}

static void trow_r(FILE *out, char sep, const char *section, const char *theme,
                   const char *measure, double v, int ok)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", sli_fixed(v));
    trow(out, sep, section, theme, measure, ok ? buf : "NA");
}

static void scores_rows(FILE *out, char sep, const char *section, const char *theme,
                        const sl_confusion *c, const sl_scores *s)
{
    if (c) {
        trow_n(out, sep, section, theme, "tp", c->tp);
        trow_n(out, sep, section, theme, "fp", c->fp);
        trow_n(out, sep, section, theme, "fn", c->fn);
        trow_n(out, sep, section, theme, "tn", c->tn);
    }
    trow_r(out, sep, section, theme, "precision", s->precision, s->has_precision);
    trow_r(out, sep, section, theme, "recall", s->recall, s->has_recall);
    trow_r(out, sep, section, theme, "f1", s->f1, s->has_f1);
    trow_r(out, sep, section, theme, "kappa", s->kappa, s->has_kappa);
}

/* One direction column's figures as rows: measures named like the JSON
 * paths (improved.precision, confusion.worsened.absent, ...). */
static void dir_rows(FILE *out, char sep, const char *section, const char *theme,
                     const sl_dir_confusion *c, const sl_dir_scores *d)
{
    char m[64];
    trow_n(out, sep, section, theme, "coded", d->n);
    trow_n(out, sep, section, theme, "correct", d->correct);
    trow_r(out, sep, section, theme, "accuracy", d->accuracy, d->has_accuracy);
    trow_r(out, sep, section, theme, "macro_f1", d->macro_f1, d->has_macro_f1);
    trow_r(out, sep, section, theme, "kappa", d->kappa, d->has_kappa);
    for (int k = 0; k < SL_DC_CODED; k++) {
        const char *name = sli_dir_class_name(k);
        const sl_scores *x = &d->cls[k];
        snprintf(m, sizeof m, "%s.coded", name);
        trow_n(out, sep, section, theme, m, d->coded[k]);
        snprintf(m, sizeof m, "%s.found", name);
        trow_n(out, sep, section, theme, m, d->found[k]);
        snprintf(m, sizeof m, "%s.precision", name);
        trow_r(out, sep, section, theme, m, x->precision, x->has_precision);
        snprintf(m, sizeof m, "%s.recall", name);
        trow_r(out, sep, section, theme, m, x->recall, x->has_recall);
        snprintf(m, sizeof m, "%s.f1", name);
        trow_r(out, sep, section, theme, m, x->f1, x->has_f1);
    }
    for (int k = 0; k < SL_DC_CODED; k++)
        for (int f = 0; f < SL_DC_FOUND; f++) {
            snprintf(m, sizeof m, "confusion.%s.%s", sli_dir_class_name(k), sli_dir_class_name(f));
            trow_n(out, sep, section, theme, m, c->m[k][f]);
        }
}

/* Theme names cannot hold a separator; an id holding one (or a quote or a
 * line end) is quoted as RFC 4180 says. */
static void write_table(const sl_eval *ev, const eval_sums *s, FILE *out, char sep)
{
    const sl_gold *g = ev->gold;
    fprintf(out, "section%ctheme%cmeasure%cvalue\n", sep, sep, sep);
    trow_n(out, sep, "corpus", "", "documents", ev->ndocs);
    trow_n(out, sep, "corpus", "", "scored", ev->norder);
    for (size_t i = 0; i < ev->nextra; i++)
        trow(out, sep, "corpus", "", "not_in_gold", ev->extra[i]);
    trow_n(out, sep, "gold", "", "stories", g->nids);
    for (size_t r = 0; r < g->nids; r++)
        if (!ev->row_seen[r])
            trow(out, sep, "gold", "", "not_in_corpus", g->ids[r]);
    for (size_t c = 0; c < g->ncols; c++) {
        const char *t = g->cols[c].theme;
        if (!is_theme(ev, c))
            continue;
        trow_n(out, sep, "theme", t, "coded", s->coded[c]);
        scores_rows(out, sep, "theme", t, &s->conf[c], &s->scores[c]);
        for (int want = 1; want >= 0; want--)
            for (size_t i = 0; i < ev->norder; i++)
                if (is_error(ev, ev->order[i], c, want))
                    trow(out, sep, "theme", t, want ? "false_positive" : "false_negative",
                         g->ids[ev->order[i]]);
    }
    scores_rows(out, sep, "micro", "", &s->micro_c, &s->micro);
    scores_rows(out, sep, "macro", "", NULL, &s->macro);
    for (size_t c = 0; c < g->ncols; c++) {
        if (is_theme(ev, c))
            continue;
        dir_rows(out, sep, "direction", g->cols[c].theme, &s->dconf[c], &s->dscores[c]);
        for (size_t i = 0; i < ev->norder; i++) {
            int coded, found;
            char m[64];
            if (!sli_eval_dir_mismatch(ev, ev->order[i], c, &coded, &found))
                continue;
            snprintf(m, sizeof m, "mismatch.%s.%s", sli_dir_class_name(coded),
                     sli_dir_class_name(found));
            trow(out, sep, "direction", g->cols[c].theme, m, g->ids[ev->order[i]]);
        }
    }
    if (s->ndirs)
        dir_rows(out, sep, "direction_micro", "", &s->dall, &s->dmicro);
}

/* ---- table for a person ----------------------------------------------- */

static void cell_r(FILE *out, double v, int ok)
{
    if (ok)
        fprintf(out, " %9.3f", sli_fixed(v));
    else
        fprintf(out, " %9s", "-");
}

static void summary_line(FILE *out, const char *name, int w, const sl_confusion *c,
                         const sl_scores *s, size_t coded)
{
    fprintf(out, "%-*s", w, name);
    if (c)
        fprintf(out, " %6zu %5" PRIu64 " %5" PRIu64 " %5" PRIu64 " %5" PRIu64, coded, c->tp,
                c->fp, c->fn, c->tn);
    else
        fprintf(out, " %6s %5s %5s %5s %5s", "", "", "", "", "");
    cell_r(out, s->precision, s->has_precision);
    cell_r(out, s->recall, s->has_recall);
    cell_r(out, s->f1, s->has_f1);
    cell_r(out, s->kappa, s->has_kappa);
    fputc('\n', out);
}

static void id_line(FILE *out, const sl_eval *ev, size_t c, int want)
{
    int any = 0;
    for (size_t i = 0; i < ev->norder; i++)
        if (is_error(ev, ev->order[i], c, want)) {
            if (!any)
                fprintf(out, "  %s %s:", ev->gold->cols[c].theme,
                        want ? "false positives" : "false negatives");
            fprintf(out, " %s", ev->gold->ids[ev->order[i]]);
            any = 1;
        }
    if (any)
        fputc('\n', out);
}

/* One line of the direction table. */
static void dir_line(FILE *out, const char *name, int w, const sl_dir_scores *d)
{
    fprintf(out, "%-*s %6" PRIu64 " %7" PRIu64, w, name, d->n, d->correct);
    cell_r(out, d->accuracy, d->has_accuracy);
    cell_r(out, d->macro_f1, d->has_macro_f1);
    cell_r(out, d->kappa, d->has_kappa);
    fputc('\n', out);
}

/* A direction column's confusion matrix, each coded class's row with its
 * precision, recall and F1, then the stories coded one way and found
 * another. */
static void dir_matrix(FILE *out, const sl_eval *ev, size_t c, const eval_sums *s)
{
    const sl_dir_confusion *m = &s->dconf[c];
    const sl_dir_scores *d = &s->dscores[c];
    fprintf(out, "%s: coded (rows) against found (columns)\n", ev->gold->cols[c].header);
    fprintf(out, "  %-10s %9s %9s %9s %9s %9s %9s %9s\n", "", "improved", "worsened",
            "mentioned", "absent", "precision", "recall", "f1");
    for (int k = 0; k < SL_DC_CODED; k++) {
        fprintf(out, "  %-10s", sli_dir_class_name(k));
        for (int f = 0; f < SL_DC_FOUND; f++)
            fprintf(out, " %9" PRIu64, m->m[k][f]);
        cell_r(out, d->cls[k].precision, d->cls[k].has_precision);
        cell_r(out, d->cls[k].recall, d->cls[k].has_recall);
        cell_r(out, d->cls[k].f1, d->cls[k].has_f1);
        fputc('\n', out);
    }
    int any = 0;
    for (size_t i = 0; i < ev->norder; i++) {
        int coded, found;
        size_t r = ev->order[i];
        if (!sli_eval_dir_mismatch(ev, r, c, &coded, &found))
            continue;
        fprintf(out, "%s %s (coded %s, found %s)", any ? "," : "  mismatches:", ev->gold->ids[r],
                sli_dir_class_name(coded), sli_dir_class_name(found));
        any = 1;
    }
    if (any)
        fputc('\n', out);
}

static void dir_summary(const sl_eval *ev, const eval_sums *s, FILE *out, int w)
{
    const sl_gold *g = ev->gold;
    fprintf(out, "%s%-*s %6s %7s %9s %9s %9s\n", s->nthemes ? "\n" : "", w, "direction", "coded", "correct", "accuracy",
            "macro f1", "kappa");
    for (size_t c = 0; c < g->ncols; c++)
        if (!is_theme(ev, c))
            dir_line(out, g->cols[c].theme, w, &s->dscores[c]);
    dir_line(out, "micro", w, &s->dmicro);
    for (size_t c = 0; c < g->ncols; c++)
        if (!is_theme(ev, c)) {
            fputc('\n', out);
            dir_matrix(out, ev, c, s);
        }
}

static void write_summary(const sl_eval *ev, const eval_sums *s, FILE *out)
{
    const sl_gold *g = ev->gold;
    int w = 8;
    for (size_t c = 0; c < g->ncols; c++)
        if ((int)strlen(g->cols[c].theme) > w)
            w = (int)strlen(g->cols[c].theme);
    fprintf(out, "%llu stories, %zu scored against %s\n\n", ev->ndocs, ev->norder, g->path);
    if (s->nthemes) { /* a gold file of direction columns only has no theme table */
        fprintf(out, "%-*s %6s %5s %5s %5s %5s %9s %9s %9s %9s\n", w, "theme", "coded", "tp",
                "fp", "fn", "tn", "precision", "recall", "f1", "kappa");
        for (size_t c = 0; c < g->ncols; c++)
            if (is_theme(ev, c))
                summary_line(out, g->cols[c].theme, w, &s->conf[c], &s->scores[c], s->coded[c]);
        summary_line(out, "micro", w, &s->micro_c, &s->micro,
                     (size_t)(s->micro_c.tp + s->micro_c.fp + s->micro_c.fn + s->micro_c.tn));
        summary_line(out, "macro", w, NULL, &s->macro, 0);
        fputc('\n', out);
    }
    for (size_t c = 0; c < g->ncols; c++) {
        if (!is_theme(ev, c))
            continue;
        id_line(out, ev, c, 1);
        id_line(out, ev, c, 0);
    }
    if (ev->nextra) {
        fprintf(out, "  not in the gold file:");
        for (size_t i = 0; i < ev->nextra; i++)
            fprintf(out, " %s", ev->extra[i]);
        fputc('\n', out);
    }
    int any = 0;
    for (size_t r = 0; r < g->nids; r++)
        if (!ev->row_seen[r]) {
            fprintf(out, "%s %s", any ? "" : "  coded but not in the corpus:", g->ids[r]);
            any = 1;
        }
    if (any)
        fputc('\n', out);
    if (s->ndirs)
        dir_summary(ev, s, out, w);
}

sl_status sl_eval_write(const sl_eval *ev, FILE *out, sl_format fmt, sl_error *err)
{
    if (ev->oom)
        return sli_fail_nomem(err);
    if (ev->ndup)
        return sli_fail(err, SL_EDATA, "story id \"%s\" occurs more than once in the corpus; "
                       "eval pairs stories with their codes by id, so ids must be unique "
                       "(see --id-field)", ev->dup[0]);
    for (size_t c = 0; c < ev->gold->ncols; c++)
        if (ev->no_direction && !is_theme(ev, c))
            return sli_fail(err, SL_EUSAGE, "%s:1: column \"%s\" codes the direction of change, "
                           "which is off; drop --no-direction (or the column)",
                           ev->gold->path, ev->gold->cols[c].header);
    eval_sums s;
    if (sums_of(ev, &s) != 0) {
        sums_free(&s);
        return sli_fail_nomem(err);
    }
    sl_status st = SL_OK;
    if (fmt == SL_FORMAT_JSON)
        st = write_json(ev, &s, out, err);
    else if (fmt == SL_FORMAT_TABLE)
        write_summary(ev, &s, out);
    else
        write_table(ev, &s, out, fmt == SL_FORMAT_CSV ? ',' : '\t');
    sums_free(&s);
    if (st == SL_OK && ferror(out))
        st = sli_fail(err, SL_EIO, "cannot write the output");
    return st;
}
