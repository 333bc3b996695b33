/*
 * compare.c - "storylens compare": two analyses, e.g. round 2 and round 3
 * of a story bank, theme by theme.
 *
 * Reads the counts two analysis JSON files hold (stories, stories with
 * each theme, stories by direction) and writes, per theme, both shares
 * with Wilson intervals, the difference B - A with Newcombe's hybrid score
 * interval and the p-value of the 2 x 2 test (Fisher's exact where an
 * expected count is below 5), p adjusted across themes. Analyses made with
 * other lexicons count other things, so they are refused unless the user
 * says otherwise; the message names the file that differs.
 */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "write/emit.h"
#include "write/figures.h"
#include "write/inference.h"
#include "write/write.h"

static const char *const dir_names[3] = {"improved", "worsened", "mentioned"};

/* One side of the comparison, as read. */
typedef struct side {
    const char *path;
    json_t *root;
    uint64_t documents;
    json_t *themes;  /* borrowed from root */
    int direction;
} side;

/* Row r of the comparison: theme t, measure m (0: documents, 1..3: the
 * directions); a figure and its test. */
typedef struct cell {
    uint64_t xa, xb;
    int in_a, in_b;
    sl_test test;
    double p_adjusted;
} cell;

typedef struct cmp {
    side a, b;
    const sl_options *opts;
    double z;
    size_t nthemes, nmeasures;
    const char **names;  /* theme names, borrowed from a's JSON */
    cell *cells;         /* nthemes * nmeasures */
} cmp;

static sl_status bad(sl_error *err, const char *path, const char *what)
{
    return sli_fail(err, SL_EDATA, "%s: %s; compare the JSON that \"storylens analyse\" or "
                                   "\"storylens merge\" wrote", path, what);
}

static sl_status load_side(side *s, sl_error *err)
{
    json_error_t je;
    s->root = json_load_file(s->path, 0, &je);
    if (!s->root)
        return je.line < 0 ? sli_fail(err, SL_ENOINPUT, "%s: %s", s->path, je.text)
                           : sli_fail(err, SL_EDATA, "%s:%d:%d: %s", s->path, je.line,
                                      je.column, je.text);
    json_t *docs = json_object_get(json_object_get(s->root, "corpus"), "documents");
    s->themes = json_object_get(s->root, "themes");
    if (!json_is_integer(json_object_get(s->root, "schema")) || !json_is_integer(docs) ||
        json_integer_value(docs) < 0 || !json_is_object(s->themes))
        return bad(err, s->path, "not an analysis (no schema, corpus.documents or themes)");
    s->documents = (uint64_t)json_integer_value(docs);
    s->direction = json_is_true(json_object_get(json_object_get(s->root, "settings"),
                                                "direction"));
    return SL_OK;
}

/* The sha256 lists under key, in order, of both sides. */
static sl_status same_files(const cmp *c, const char *key, sl_error *err)
{
    const json_t *fa = json_object_get(c->a.root, key), *fb = json_object_get(c->b.root, key);
    size_t na = json_array_size(fa), nb = json_array_size(fb);
    for (size_t i = 0; i < na || i < nb; i++) {
        const json_t *x = json_array_get(fa, i), *y = json_array_get(fb, i);
        const char *sa = json_string_value(json_object_get(x, "sha256"));
        const char *sb = json_string_value(json_object_get(y, "sha256"));
        if (sa && sb && strcmp(sa, sb) == 0)
            continue;
        const char *name = json_string_value(json_object_get(x ? x : y, "path"));
        return sli_fail(err, SL_EDATA,
                        "%s and %s were made with different %s (%s %s); analyse both "
                        "rounds with the same files, or give --allow-different-lexicons",
                        c->a.path, c->b.path, key, name ? name : "a file",
                        !x || !y ? "is in one only" : "differs by sha256");
    }
    return SL_OK;
}

/* The count of measure m (0: documents, 1..3: a direction) of a theme of
 * side s: a whole number no larger than the side's stories, as analyse
 * writes it; anything else is not an analysis and is refused. */
static sl_status count_in(const side *s, const char *name, size_t m, uint64_t *out,
                          sl_error *err)
{
    const json_t *theme = json_object_get(s->themes, name);
    const json_t *v = m == 0 ? json_object_get(theme, "documents")
                             : json_object_get(json_object_get(theme, "documents_by_direction"),
                                               dir_names[m - 1]);
    *out = 0;
    if (!theme)
        return SL_OK;
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        (uint64_t)json_integer_value(v) > s->documents)
        return sli_fail(err, SL_EDATA,
                        "%s: themes.%s.%s%s is not a count of at most corpus.documents (%llu); "
                        "compare the JSON that \"storylens analyse\" or \"storylens merge\" wrote",
                        s->path, name, m ? "documents_by_direction." : "documents",
                        m ? dir_names[m - 1] : "", (unsigned long long)s->documents);
    *out = (uint64_t)json_integer_value(v);
    return SL_OK;
}

/* Fills the cells: counts, tests, then p adjusted across themes per measure. */
static sl_status fill(cmp *c, sl_error *err)
{
    double *p = malloc((c->nthemes + 1) * sizeof *p), *adj = malloc((c->nthemes + 1) * sizeof *adj);
    if (!p || !adj) {
        free(p);
        free(adj);
        return sli_fail_nomem(err);
    }
    for (size_t m = 0; m < c->nmeasures; m++) {
        for (size_t t = 0; t < c->nthemes; t++) {
            cell *x = &c->cells[t * c->nmeasures + m];
            const json_t *ta = json_object_get(c->a.themes, c->names[t]);
            const json_t *tb = json_object_get(c->b.themes, c->names[t]);
            x->in_a = json_is_object(ta);
            x->in_b = json_is_object(tb);
            if (count_in(&c->a, c->names[t], m, &x->xa, err) != SL_OK ||
                count_in(&c->b, c->names[t], m, &x->xb, err) != SL_OK) {
                free(p);
                free(adj);
                return err->code;
            }
            int ok = x->in_a && x->in_b &&
                     sli_two_shares(x->xa, c->a.documents, x->xb, c->b.documents, &x->test);
            p[t] = ok ? x->test.p : NAN;
        }
        sli_adjust(c->opts->adjust, p, c->nthemes, adj);
        for (size_t t = 0; t < c->nthemes; t++)
            c->cells[t * c->nmeasures + m].p_adjusted = adj[t];
    }
    free(p);
    free(adj);
    return SL_OK;
}

/* Every theme of A, then those only in B, in their files' order. */
static sl_status theme_names(cmp *c, sl_error *err)
{
    size_t n = json_object_size(c->a.themes) + json_object_size(c->b.themes);
    c->names = calloc(n + 1, sizeof *c->names);
    if (!c->names)
        return sli_fail_nomem(err);
    const char *k;
    json_t *v;
    json_object_foreach(c->a.themes, k, v) c->names[c->nthemes++] = k;
    json_object_foreach(c->b.themes, k, v) if (!json_object_get(c->a.themes, k))
        c->names[c->nthemes++] = k;
    c->nmeasures = c->a.direction && c->b.direction ? 4 : 1;
    c->cells = calloc(c->nthemes * c->nmeasures + 1, sizeof *c->cells);
    return c->cells ? SL_OK : sli_fail_nomem(err);
}

static sl_status prepare(cmp *c, int allow_other, sl_error *err)
{
    sl_status s = load_side(&c->a, err);
    if (s == SL_OK)
        s = load_side(&c->b, err);
    if (s == SL_OK && !allow_other)
        s = same_files(c, "lexicons", err);
    if (s == SL_OK && !allow_other && c->a.direction && c->b.direction)
        s = same_files(c, "modifiers", err);
    if (s == SL_OK)
        s = theme_names(c, err);
    if (s == SL_OK)
        s = fill(c, err);
    return s;
}

/* ---- JSON ---------------------------------------------------------------- */

static json_t *real_or_null(double x, int ok)
{
    return ok ? json_real(sli_fixed(x)) : json_null();
}

static json_t *one_side(sl_jb *b, uint64_t x, uint64_t n, int present, double z)
{
    if (!present)
        return json_null();
    sl_interval ci;
    int ok = sli_wilson(x, n, z, &ci);
    json_t *o = json_object();
    sli_jb_set(b, o, "documents", sli_json_count(x));
    sli_jb_set(b, o, "share", real_or_null(ok ? (double)x / (double)n : 0, ok));
    sli_jb_set(b, o, "ci", sli_json_interval(ok, &ci));
    return o;
}

static json_t *cell_json(sl_jb *b, const cmp *c, const cell *x)
{
    json_t *o = json_object();
    sl_interval d;
    int both = x->in_a && x->in_b;
    int ok = both && sli_newcombe(x->xb, c->b.documents, x->xa, c->a.documents, c->z, &d);
    int tested = both && x->test.kind != SL_TEST_NONE;
    sli_jb_set(b, o, "a", one_side(b, x->xa, c->a.documents, x->in_a, c->z));
    sli_jb_set(b, o, "b", one_side(b, x->xb, c->b.documents, x->in_b, c->z));
    sli_jb_set(b, o, "difference",
               real_or_null(ok ? (double)x->xb / (double)c->b.documents -
                                     (double)x->xa / (double)c->a.documents
                               : 0,
                            ok));
    sli_jb_set(b, o, "difference_ci", sli_json_interval(ok, &d));
    sli_jb_set(b, o, "test", tested ? sli_json_text(sli_test_name(x->test.kind)) : json_null());
    sli_jb_set(b, o, "p", real_or_null(x->test.p, tested));
    sli_jb_set(b, o, "p_adjusted", real_or_null(x->p_adjusted, tested));
    const char *why = !x->in_a ? "the theme is not in A" : !x->in_b ? "the theme is not in B"
                      : x->test.why;
    sli_jb_set(b, o, "note", why ? sli_json_text(why) : json_null());
    return o;
}

static json_t *source(sl_jb *b, const side *s)
{
    json_t *o = json_object();
    sli_jb_set(b, o, "path", sli_json_text(s->path));
    sli_jb_set(b, o, "documents", sli_json_count(s->documents));
    json_t *lex = json_object_get(s->root, "lexicons");
    sli_jb_set(b, o, "lexicons", lex ? json_incref(lex) : json_null());
    return o;
}

static sl_status write_json(const cmp *c, FILE *out, sl_error *err)
{
    sl_jb b = {0};
    json_t *root = json_object(), *st = json_object(), *themes = json_object();
    sli_jb_set(&b, root, "schema", json_integer(SL_SCHEMA));
    sli_jb_set(&b, root, "storylens", sli_json_text(SL_VERSION));
    sli_jb_set(&b, st, "confidence", json_real(c->opts->confidence));
    sli_jb_set(&b, st, "interval", sli_json_text("wilson"));
    sli_jb_set(&b, st, "difference", sli_json_text("b - a, newcombe hybrid score interval"));
    sli_jb_set(&b, st, "test", sli_json_text(SLI_TEST_RULE));
    sli_jb_set(&b, st, "adjust", sli_json_text(sli_adjust_name(c->opts->adjust)));
    sli_jb_set(&b, root, "statistics", st);
    sli_jb_set(&b, root, "a", source(&b, &c->a));
    sli_jb_set(&b, root, "b", source(&b, &c->b));
    for (size_t t = 0; t < c->nthemes; t++) {
        const cell *row = &c->cells[t * c->nmeasures];
        json_t *o = cell_json(&b, c, &row[0]);
        if (c->nmeasures > 1) {
            json_t *dir = json_object();
            for (size_t m = 1; m < c->nmeasures; m++)
                sli_jb_set(&b, dir, dir_names[m - 1], cell_json(&b, c, &row[m]));
            sli_jb_set(&b, o, "documents_by_direction", dir);
        }
        sli_jb_set(&b, themes, c->names[t], o);
    }
    sli_jb_set(&b, root, "themes", themes);
    return sli_jb_finish(&b, root, out,
                         JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15), err);
}

/* ---- tables -------------------------------------------------------------- */

/* Tidy rows: theme, direction (empty for all stories), measure, value. */
static void put_row(FILE *out, char sep, const char *theme, const char *dir, const char *measure,
                    const char *value)
{
    sl_table_field(out, sep, theme);
    fputc(sep, out);
    sl_table_field(out, sep, dir);
    fputc(sep, out);
    sl_table_field(out, sep, measure);
    fputc(sep, out);
    sl_table_field(out, sep, value);
    fputc('\n', out);
}

static void put_real(FILE *out, char sep, const char *theme, const char *dir,
                     const char *measure, double v, int ok)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", sli_fixed(v));
    put_row(out, sep, theme, dir, measure, ok ? buf : "NA");
}

static void side_rows(FILE *out, char sep, const char *theme, const char *dir, const char *who,
                      uint64_t x, uint64_t n, int present, double z)
{
    char m[32], buf[32];
    sl_interval ci;
    int ok = present && sli_wilson(x, n, z, &ci);
    snprintf(buf, sizeof buf, "%" PRIu64, x);
    snprintf(m, sizeof m, "%s.documents", who);
    put_row(out, sep, theme, dir, m, present ? buf : "NA");
    snprintf(m, sizeof m, "%s.share", who);
    put_real(out, sep, theme, dir, m, ok ? (double)x / (double)n : 0, ok);
    snprintf(m, sizeof m, "%s.share.lower", who);
    put_real(out, sep, theme, dir, m, ci.lo, ok);
    snprintf(m, sizeof m, "%s.share.upper", who);
    put_real(out, sep, theme, dir, m, ci.hi, ok);
}

static void cell_rows(FILE *out, char sep, const cmp *c, const char *theme, const char *dir,
                      const cell *x)
{
    sl_interval d = {0, 0};
    int both = x->in_a && x->in_b;
    int ok = both && sli_newcombe(x->xb, c->b.documents, x->xa, c->a.documents, c->z, &d);
    int tested = both && x->test.kind != SL_TEST_NONE;
    side_rows(out, sep, theme, dir, "a", x->xa, c->a.documents, x->in_a, c->z);
    side_rows(out, sep, theme, dir, "b", x->xb, c->b.documents, x->in_b, c->z);
    put_real(out, sep, theme, dir, "difference",
             ok ? (double)x->xb / (double)c->b.documents - (double)x->xa / (double)c->a.documents
                : 0,
             ok);
    put_real(out, sep, theme, dir, "difference.lower", d.lo, ok);
    put_real(out, sep, theme, dir, "difference.upper", d.hi, ok);
    put_row(out, sep, theme, dir, "test", tested ? sli_test_name(x->test.kind) : "NA");
    put_real(out, sep, theme, dir, "p", x->test.p, tested);
    put_real(out, sep, theme, dir, "p_adjusted", x->p_adjusted, tested);
}

static sl_status write_table(const cmp *c, FILE *out, char sep)
{
    static const char *const head[4] = {"theme", "direction", "measure", "value"};
    for (size_t i = 0; i < 4; i++) {
        if (i)
            fputc(sep, out);
        fputs(head[i], out);
    }
    fputc('\n', out);
    for (size_t t = 0; t < c->nthemes; t++)
        for (size_t m = 0; m < c->nmeasures; m++)
            cell_rows(out, sep, c, c->names[t], m ? dir_names[m - 1] : NULL,
                      &c->cells[t * c->nmeasures + m]);
    return SL_OK;
}

/* ---- the summary ----------------------------------------------------------- */

#define EN_DASH "\xe2\x80\x93"

static void share_text(char *buf, size_t size, uint64_t x, uint64_t n, int present, double z)
{
    sl_interval ci;
    if (!present || !sli_wilson(x, n, z, &ci))
        snprintf(buf, size, "-");
    else
        snprintf(buf, size, "%.0f%% (%.0f" EN_DASH "%.0f)", 100.0 * (double)x / (double)n,
                 100 * ci.lo, 100 * ci.hi);
}

static void summary_line(FILE *out, const cmp *c, const char *label, int w, const cell *x)
{
    char sa[48], sb[48], sd[64], sp[32];
    sl_interval d;
    share_text(sa, sizeof sa, x->xa, c->a.documents, x->in_a, c->z);
    share_text(sb, sizeof sb, x->xb, c->b.documents, x->in_b, c->z);
    if (x->in_a && x->in_b && sli_newcombe(x->xb, c->b.documents, x->xa, c->a.documents, c->z, &d))
        snprintf(sd, sizeof sd, "%+.0f (%+.0f to %+.0f)",
                 100 * ((double)x->xb / (double)c->b.documents -
                        (double)x->xa / (double)c->a.documents),
                 100 * d.lo, 100 * d.hi);
    else
        snprintf(sd, sizeof sd, "-");
    if (x->in_a && x->in_b && x->test.kind != SL_TEST_NONE)
        snprintf(sp, sizeof sp, "%6.3f  %6.3f", x->test.p, x->p_adjusted);
    else
        snprintf(sp, sizeof sp, "%6s  %6s", "-", "-");
    sl_put_padded(out, label, (size_t)w, 0, 0);
    fputs("  ", out);
    sl_put_padded(out, sa, 15, 0, 1);
    fputs("  ", out);
    sl_put_padded(out, sb, 15, 0, 1);
    fputs("  ", out);
    sl_put_padded(out, sd, 20, 0, 1);
    fprintf(out, "  %s\n", sp);
}

static sl_status write_summary(const cmp *c, FILE *out)
{
    int w = 5;
    for (size_t t = 0; t < c->nthemes; t++) {
        int n = (int)sl_display_width(c->names[t]);
        w = n > w ? n : w;
    }
    fprintf(out, "A: %s (%" PRIu64 " stories)\nB: %s (%" PRIu64 " stories)\n", c->a.path,
            c->a.documents, c->b.path, c->b.documents);
    for (size_t m = 0; m < c->nmeasures; m++) {
        fprintf(out, "\nshare of stories%s%s; B - A in points, p adjusted by %s across themes\n",
                m ? " " : "", m ? dir_names[m - 1] : "",
                sli_adjust_label(c->opts->adjust));
        sl_put_padded(out, "theme", (size_t)w, 0, 0);
        fprintf(out, "  %15s  %15s  %20s  %6s  %6s\n", "A", "B", "B - A", "p", "adj. p");
        for (size_t t = 0; t < c->nthemes; t++)
            summary_line(out, c, c->names[t], w, &c->cells[t * c->nmeasures + m]);
    }
    return SL_OK;
}

sl_status sl_compare_write(const char *a, const char *b, const sl_options *opts,
                           int allow_other_lexicons, FILE *out, sl_format fmt, sl_error *err)
{
    cmp c = {.a = {.path = a}, .b = {.path = b}, .opts = opts, .z = sli_z(opts->confidence)};
    sl_status s = prepare(&c, allow_other_lexicons, err);
    if (s == SL_OK) {
        switch (fmt) {
        case SL_FORMAT_JSON: s = write_json(&c, out, err); break;
        case SL_FORMAT_TSV: s = write_table(&c, out, '\t'); break;
        case SL_FORMAT_CSV: s = write_table(&c, out, ','); break;
        case SL_FORMAT_TABLE: s = write_summary(&c, out); break;
        default: s = sli_fail(err, SL_EUSAGE, "compare writes json, tsv, csv or table"); break;
        }
    }
    if (s == SL_OK && ferror(out))
        s = sli_fail(err, SL_EIO, "cannot write the output");
    json_decref(c.a.root);
    json_decref(c.b.root);
    free(c.names);
    free(c.cells);
    return s;
}
