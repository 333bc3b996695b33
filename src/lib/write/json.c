/*
 * json.c - a result as JSON (schema 1), built with jansson.
 *
 * The tree is built only after every story has been summed, on the main
 * thread, so jansson's hash seeding never races. Objects keep insertion
 * order (JSON_PRESERVE_ORDER): themes in lexicon order, groups in byte
 * order of their values, so the bytes depend only on the corpus, the
 * lexicons and the settings. Reals are rounded to 6 decimals and printed
 * with enough digits to show exactly those.
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "write/emit.h"
#include "write/figures.h"
#include "write/inference.h"
#include "write/write.h"

/* ---- building -------------------------------------------------------- */

static json_t *real_or_null(double x, int ok)
{
    return ok ? json_real(x) : json_null();
}

static json_t *str_or_null(const char *s)
{
    return s ? sli_json_text(s) : json_null();
}

/* .documents_by_direction_share and _ci: each direction's stories over
 * all the stories of a (not over those with the theme), as the
 * papers count "19 of 33 stories". */
static void direction_shares(sl_jb *b, json_t *o, const sl_accum *a, size_t t, double z)
{
    static const char *const names[3] = {"improved", "worsened", "mentioned"};
    json_t *share = json_object(), *ci = json_object();
    for (size_t k = 0; k < 3; k++) {
        uint64_t x = a->dir_docs[t * 3 + k];
        sl_interval iv;
        int ok = sli_wilson(x, a->documents, z, &iv);
        sli_jb_set(b, share, names[k],
                   real_or_null(ok ? sli_fixed((double)x / (double)a->documents) : 0, ok));
        sli_jb_set(b, ci, names[k], sli_json_interval(ok, &iv));
    }
    sli_jb_set(b, o, "documents_by_direction_share", share);
    sli_jb_set(b, o, "documents_by_direction_ci", ci);
}

/* .direction, .documents_by_direction and .time of theme t: counts only. */
static void direction_figures(sl_jb *b, json_t *o, const sl_accum *a, size_t t)
{
    const uint64_t *h = a->dir_hits + t * SL_DIR_FIGURES, *d = a->dir_docs + t * 3;
    json_t *dir = json_object(), *docs = json_object(), *time = json_object();
    sli_jb_set(b, dir, "improved", sli_json_count(h[SL_DIR_IMPROVED]));
    sli_jb_set(b, dir, "worsened", sli_json_count(h[SL_DIR_WORSENED]));
    sli_jb_set(b, dir, "mentioned", sli_json_count(h[SL_DIR_MENTIONED]));
    sli_jb_set(b, docs, "improved", sli_json_count(d[0]));
    sli_jb_set(b, docs, "worsened", sli_json_count(d[1]));
    sli_jb_set(b, docs, "mentioned", sli_json_count(d[2]));
    sli_jb_set(b, time, "before", sli_json_count(h[SL_DIR_BEFORE]));
    sli_jb_set(b, time, "after", sli_json_count(h[SL_DIR_AFTER]));
    sli_jb_set(b, time, "unknown", sli_json_count(h[SL_DIR_UNKNOWN]));
    sli_jb_set(b, o, "direction", dir);
    sli_jb_set(b, o, "documents_by_direction", docs);
    sli_jb_set(b, o, "time", time);
}

/* .corrected_share: the share behind the observed one, given the
 * lexicon's error measured by the calibration; null figures and a reason
 * where it cannot be had. */
static json_t *corrected(sl_jb *b, const sl_corrected *c)
{
    json_t *o = json_object();
    int ok = c->why == NULL;
    sli_jb_set(b, o, "share", real_or_null(sli_fixed(c->share), ok));
    sli_jb_set(b, o, "ci", sli_json_interval(ok, &c->ci));
    sli_jb_set(b, o, "sensitivity", real_or_null(sli_fixed(c->sensitivity), ok));
    sli_jb_set(b, o, "specificity", real_or_null(sli_fixed(c->specificity), ok));
    sli_jb_set(b, o, "reason", c->why ? sli_json_text(c->why) : json_null());
    return o;
}

static json_t *theme_figures(sl_jb *b, const sl_result *res, const sl_accum *a, size_t t,
                             int describe)
{
    double z = sli_result_z(res);
    sl_interval ci;
    sl_corrected cs;
    const sl_lexicon *lex = res->lex;
    const sl_theme *th = &lex->themes[t];
    json_t *o = json_object();
    if (describe) {
        sli_jb_set(b, o, "label", str_or_null(th->label));
        sli_jb_set(b, o, "description", str_or_null(th->description));
        sli_jb_set(b, o, "polarity", sli_json_text(sli_polarity_name(th->polarity)));
        sli_jb_set(b, o, "parent", th->parent >= 0 ? sli_json_text(lex->themes[th->parent].name)
                                            : json_null());
    }
    sli_jb_set(b, o, "hits", sli_json_count(a->theme_hits[t]));
    sli_jb_set(b, o, "documents", sli_json_count(a->theme_docs[t]));
    sli_jb_set(b, o, "document_share",
        real_or_null(a->documents ? sli_fixed((double)a->theme_docs[t] / (double)a->documents) : 0,
                     a->documents > 0));
    int ok = sli_wilson(a->theme_docs[t], a->documents, z, &ci);
    sli_jb_set(b, o, "document_share_ci", sli_json_interval(ok, &ci));
    if (sli_corrected_share(res, a, t, &cs))
        sli_jb_set(b, o, "corrected_share", corrected(b, &cs));
    sli_jb_set(b, o, "hits_per_1000_tokens",
        real_or_null(a->tokens ? sli_fixed(1000.0 * (double)a->theme_hits[t] / (double)a->tokens)
                               : 0,
                     a->tokens > 0));
    json_t *entries = json_object();
    for (size_t e = 0; e < lex->nentries; e++)
        if (lex->entries[e].theme == t && !lex->entries[e].exclusion)
            sli_jb_set(b, entries, lex->entries[e].source, sli_json_count(a->entry_hits[e]));
    sli_jb_set(b, o, "entries", entries);
    if (a->dir_hits) {
        direction_figures(b, o, a, t);
        direction_shares(b, o, a, t, z);
    }
    return o;
}

static json_t *themes_object(sl_jb *b, const sl_result *res, const sl_accum *a, int describe)
{
    json_t *o = json_object();
    for (size_t t = 0; t < res->lex->nthemes; t++)
        sli_jb_set(b, o, res->lex->themes[t].name, theme_figures(b, res, a, t, describe));
    return o;
}

typedef enum matrix_kind { M_COUNTS, M_JACCARD, M_NPMI } matrix_kind;

static json_t *matrix(sl_jb *b, const sl_result *res, const sl_accum *a, size_t u,
                      matrix_kind kind)
{
    const sl_shape *sh = &res->shape;
    json_t *o = json_object();
    for (size_t x = 0; x < sh->nthemes; x++) {
        json_t *row = json_object();
        uint64_t cx = sli_accum_pair(a, sh, u, x, x);
        for (size_t y = 0; y < sh->nthemes; y++) {
            uint64_t cy = sli_accum_pair(a, sh, u, y, y), cxy = sli_accum_pair(a, sh, u, x, y);
            int ok = 1;
            json_t *v = kind == M_COUNTS ? sli_json_count(cxy)
                      : kind == M_JACCARD ? real_or_null(sli_jaccard(cxy, cx, cy, &ok), 1)
                      : real_or_null(sli_npmi(cxy, cx, cy, a->units[u], &ok), 1);
            if (!ok) {
                json_decref(v);
                v = json_null();
            }
            sli_jb_set(b, row, res->lex->themes[y].name, v);
        }
        sli_jb_set(b, o, res->lex->themes[x].name, row);
    }
    return o;
}

static json_t *cooccurrence(sl_jb *b, const sl_result *res, const sl_accum *a)
{
    json_t *o = json_object();
    for (size_t u = 0; u < res->shape.nunits; u++) {
        char buf[32];
        json_t *unit = json_object();
        sli_jb_set(b, unit, "units", sli_json_count(a->units[u]));
        sli_jb_set(b, unit, "counts", matrix(b, res, a, u, M_COUNTS));
        sli_jb_set(b, unit, "jaccard", matrix(b, res, a, u, M_JACCARD));
        sli_jb_set(b, unit, "npmi", matrix(b, res, a, u, M_NPMI));
        sli_jb_set(b, o, sli_unit_name(&res->shape.units[u], buf, sizeof buf), unit);
    }
    return o;
}

static json_t *corpus_figures(sl_jb *b, const sl_accum *a)
{
    json_t *o = json_object();
    sli_jb_set(b, o, "documents", sli_json_count(a->documents));
    sli_jb_set(b, o, "tokens", sli_json_count(a->tokens));
    sli_jb_set(b, o, "sentences", sli_json_count(a->sentences));
    sli_jb_set(b, o, "paragraphs", sli_json_count(a->paragraphs));
    sli_jb_set(b, o, "invalid_utf8_bytes", sli_json_count(a->invalid_utf8));
    return o;
}

/* What the run left out (report.h): skipped records and files, and regex
 * entries that failed on a story. Always written, empty when nothing was
 * left out, so a consumer can check them without testing for presence. */

static void corpus_reports(sl_jb *b, json_t *corpus, const sl_report *rp)
{
    json_t *skipped = json_array(), *failures = json_array();
    for (size_t i = 0; i < rp->nskips; i++) {
        const sl_skip *k = &rp->skips[i];
        json_t *o = json_object();
        sli_jb_set(b, o, "file", sli_json_text(k->file));
        sli_jb_set(b, o, "line", k->line ? sli_json_count(k->line) : json_null());
        sli_jb_set(b, o, "reason", sli_json_text(k->reason));
        sli_jb_push(b, skipped, o);
    }
    for (size_t i = 0; i < rp->nrfail; i++) {
        const sl_regex_failure *f = &rp->rfail[i];
        json_t *o = json_object();
        sli_jb_set(b, o, "story", sli_json_text(f->story));
        sli_jb_set(b, o, "entry", sli_json_text(f->entry));
        sli_jb_set(b, o, "reason", sli_json_text(f->reason));
        sli_jb_push(b, failures, o);
    }
    sli_jb_set(b, corpus, "skipped", skipped);
    sli_jb_set(b, corpus, "regex_failures", failures);
}

static json_t *settings(sl_jb *b, const sl_result *res)
{
    const sl_options *op = res->opts;
    json_t *o = json_object(), *units = json_array(), *by = json_array();
    sli_jb_set(b, o, "language", sli_json_text(res->lex->language));
    sli_jb_set(b, o, "text_field", sli_json_text(op->text_field));
    sli_jb_set(b, o, "id_field", sli_json_text(op->id_field));
    for (size_t u = 0; u < res->shape.nunits; u++) {
        char buf[32];
        sli_jb_push(b, units, sli_json_text(sli_unit_name(&res->shape.units[u], buf, sizeof buf)));
    }
    sli_jb_set(b, o, "cooccurrence", units);
    for (size_t i = 0; i < op->nby; i++)
        sli_jb_push(b, by, sli_json_text(op->by[i]));
    sli_jb_set(b, o, "by", by);
    sli_jb_set(b, o, "per_document", json_boolean(op->per_document));
    if (res->shape.direction)
        sli_jb_set(b, o, "direction", json_true());
    return o;
}

static json_t *lexicons(sl_jb *b, const sl_lexicon *lex)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < lex->nfiles; i++) {
        json_t *f = json_object();
        sli_jb_set(b, f, "path", sli_json_text(sli_lexfile_name(&lex->files[i])));
        sli_jb_set(b, f, "sha256", sli_json_text(lex->files[i].sha256));
        sli_jb_set(b, f, "bundled", json_boolean(lex->files[i].bundled != NULL));
        sli_jb_push(b, arr, f);
    }
    return arr;
}

static json_t *group_figures(sl_jb *b, const sl_result *res, const sl_accum *a)
{
    json_t *o = json_object();
    sli_jb_set(b, o, "documents", sli_json_count(a->documents));
    sli_jb_set(b, o, "tokens", sli_json_count(a->tokens));
    sli_jb_set(b, o, "themes", themes_object(b, res, a, 0));
    sli_jb_set(b, o, "cooccurrence", cooccurrence(b, res, a));
    return o;
}

static json_t *groups(sl_jb *b, const sl_result *res)
{
    json_t *o = json_object();
    for (size_t g = 0; g < res->opts->nby; g++) {
        const sl_group_field *gf = &res->groups[g];
        sl_group_value *vals = sli_group_sorted(gf);
        json_t *field = json_object();
        for (size_t i = 0; vals && i < gf->n; i++)
            sli_jb_set(b, field, vals[i].value, group_figures(b, res, vals[i].accum));
        if (!vals)
            b->oom = 1;
        free(vals);
        sli_jb_set(b, o, gf->field, field);
    }
    return o;
}

static json_t *field_tests(sl_jb *b, const sl_result *res, const sl_field_tests *ft)
{
    json_t *o = json_object();
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        const sl_test *x = &ft->test[t];
        int ok = x->kind != SL_TEST_NONE;
        json_t *r = json_object();
        sli_jb_set(b, r, "test", ok ? sli_json_text(sli_test_name(x->kind)) : json_null());
        sli_jb_set(b, r, "groups", sli_json_count((uint64_t)x->groups));
        sli_jb_set(b, r, "statistic", real_or_null(sli_fixed(x->statistic), ok));
        sli_jb_set(b, r, "df", ok ? json_integer((json_int_t)x->df) : json_null());
        sli_jb_set(b, r, "p", real_or_null(sli_fixed(x->p), ok));
        sli_jb_set(b, r, "p_adjusted", real_or_null(sli_fixed(ft->p_adjusted[t]), ok));
        sli_jb_set(b, r, "cramers_v", real_or_null(sli_fixed(x->cramers_v), ok));
        sli_jb_set(b, r, "min_expected", real_or_null(sli_fixed(x->min_expected), ok));
        sli_jb_set(b, r, "note", ft->note[t] ? sli_json_text(ft->note[t]) : json_null());
        sli_jb_set(b, o, res->lex->themes[t].name, r);
    }
    return o;
}

/* .group_tests: for each --by field and theme, whether the theme's share
 * differs between the field's groups. Apart from .groups, whose keys are
 * the data's own values. */
static json_t *group_tests(sl_jb *b, const sl_result *res)
{
    json_t *o = json_object();
    for (size_t g = 0; g < res->opts->nby; g++) {
        sl_field_tests ft;
        sl_error err;
        if (sli_field_tests(res, g, &ft, &err) != SL_OK) {
            b->oom = 1;
            continue;
        }
        sli_jb_set(b, o, res->groups[g].field, field_tests(b, res, &ft));
        sli_field_tests_free(&ft);
    }
    return o;
}

/* .statistics: how the intervals, tests and corrections were made. */
static json_t *statistics(sl_jb *b, const sl_result *res)
{
    const sl_options *op = res->opts;
    json_t *o = json_object();
    sli_jb_set(b, o, "confidence", json_real(op->confidence));
    sli_jb_set(b, o, "interval", sli_json_text("wilson"));
    sli_jb_set(b, o, "test", sli_json_text(SLI_TEST_RULE));
    sli_jb_set(b, o, "adjust", sli_json_text(sli_adjust_name(op->adjust)));
    if (op->calibration) {
        json_t *c = json_object();
        sli_jb_set(b, c, "path", sli_json_text(op->calibration->path));
        sli_jb_set(b, c, "sha256", sli_json_text(op->calibration->sha256));
        sli_jb_set(b, c, "method", sli_json_text("rogan-gladen"));
        sli_jb_set(b, o, "calibration", c);
    }
    return o;
}

/* A story's net direction for each theme it mentions. */
static json_t *document_direction(sl_jb *b, const sl_result *res, const uint32_t *dir)
{
    json_t *o = json_object();
    for (size_t t = 0; t < res->lex->nthemes; t++) {
        int net = sli_direction_net(dir + t * SL_DIR_STORY);
        if (net != SL_DIRECTION_NONE)
            sli_jb_set(b, o, res->lex->themes[t].name, sli_json_text(sl_direction_name((sl_direction)net)));
    }
    return o;
}

/* One --per-document row as its object in .documents. */
static json_t *document(sl_jb *b, const sl_result *res, const sl_docrow *r)
{
    json_t *d = json_object(), *meta = json_object(), *th = json_object();
    sli_jb_set(b, d, "id", sli_json_text(r->id));
    sli_jb_set(b, d, "tokens", sli_json_count(r->tokens));
    for (size_t k = 0; k < r->nmeta; k++)
        sli_jb_set(b, meta, r->meta[k].key, sli_json_text(r->meta[k].value));
    sli_jb_set(b, d, "metadata", meta);
    for (size_t t = 0; t < res->lex->nthemes; t++)
        if (r->theme_hits[t])
            sli_jb_set(b, th, res->lex->themes[t].name, sli_json_count(r->theme_hits[t]));
    sli_jb_set(b, d, "themes", th);
    if (r->dir)
        sli_jb_set(b, d, "direction", document_direction(b, res, r->dir));
    return d;
}

#define JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15))

/* The writer below gives the bytes one dump of the whole tree would give,
 * but holds only one group or one row as jansson objects at a time: as one
 * tree, 4,000 --by groups took 690 MB (a group's themes are some 30 objects
 * each) and 12,000 --per-document rows 46 MB. Large members are written
 * member by member, in jansson's layout: "{", then for each member ","
 * (after the first), a newline, the depth's indent, the key, ": " and the
 * value; then a newline, the parent's indent and "}". */
static int put_member(FILE *out, size_t i, size_t depth, const char *key)
{
    json_t *k = sli_json_text(key); /* escaped as jansson escapes a key */
    char *text = k ? json_dumps(k, JSON_ENCODE_ANY) : NULL;
    int rc = !text || fprintf(out, "%s\n%*s%s: ", i ? "," : "", (int)(2 * depth), "", text) < 0;
    free(text);
    json_decref(k);
    return rc ? -1 : 0;
}

static int put_close(FILE *out, size_t n, size_t depth, char closing)
{
    return (n ? fprintf(out, "\n%*s%c", (int)(2 * depth - 2), "", closing)
              : fprintf(out, "%c", closing)) < 0 ? -1 : 0;
}

/* v at depth (its first line after its key), released. */
static int put_value(FILE *out, json_t *v, size_t depth)
{
    int rc = sli_json_write_shaped(v, out, JSON_FLAGS, 2 * depth, 0);
    json_decref(v);
    return rc;
}

/* The keys of a --by field's groups, as the object of them would hold
 * them: two values that differ only in bytes that are not UTF-8 are one
 * key, which sli_jb_failed reports. */
static sl_status check_keys(const sl_group_value *vals, size_t n, sl_error *err)
{
    sl_jb b = {0};
    json_t *keys = json_object();
    for (size_t i = 0; i < n; i++)
        sli_jb_set(&b, keys, vals[i].value, json_null());
    b.oom |= keys == NULL;
    json_decref(keys);
    return sli_jb_failed(&b, err);
}

static sl_status write_field(const sl_result *res, const sl_group_field *gf, FILE *out,
                             sl_error *err)
{
    sl_group_value *vals = sli_group_sorted(gf);
    if (!vals)
        return sli_fail_nomem(err);
    sl_status s = SL_OK; /* the keys were checked before anything was written (check_names) */
    int bad = fputc('{', out) == EOF;
    for (size_t i = 0; !bad && i < gf->n; i++) {
        sl_jb b = {0};
        json_t *v = group_figures(&b, res, vals[i].accum);
        if ((s = sli_jb_failed(&b, err)) != SL_OK) {
            json_decref(v);
            break;
        }
        bad = put_member(out, i, 3, vals[i].value) != 0 || put_value(out, v, 3) != 0;
    }
    free(vals);
    if (s != SL_OK)
        return s;
    return bad || put_close(out, gf->n, 3, '}') != 0 ? sli_fail(err, SL_EIO, "cannot write the output")
                                                       : SL_OK;
}

static sl_status write_groups(const sl_result *res, FILE *out, sl_error *err)
{
    if (put_member(out, 1, 1, "groups") != 0 || fputc('{', out) == EOF)
        return sli_fail(err, SL_EIO, "cannot write the output");
    for (size_t g = 0; g < res->opts->nby; g++) {
        if (put_member(out, g, 2, res->groups[g].field) != 0)
            return sli_fail(err, SL_EIO, "cannot write the output");
        sl_status s = write_field(res, &res->groups[g], out, err);
        if (s != SL_OK)
            return s;
    }
    if (put_close(out, res->opts->nby, 2, '}') != 0)
        return sli_fail(err, SL_EIO, "cannot write the output");
    sl_jb b = {0};
    json_t *tests = group_tests(&b, res);
    sl_status s = sli_jb_failed(&b, err);
    if (s != SL_OK) {
        json_decref(tests);
        return s;
    }
    return put_member(out, 1, 1, "group_tests") != 0 || put_value(out, tests, 1) != 0
               ? sli_fail(err, SL_EIO, "cannot write the output")
               : SL_OK;
}

/* .documents, a --per-document row at a time. */
static sl_status write_documents(const sl_result *res, FILE *out, sl_error *err)
{
    if (put_member(out, 1, 1, "documents") != 0 || fputc('[', out) == EOF)
        return sli_fail(err, SL_EIO, "cannot write the output");
    sl_rows_cursor c;
    sli_rows_cursor_init(&c, &res->rows);
    sl_status s = SL_OK;
    int bad = 0;
    const sl_docrow *r;
    for (size_t i = 0; !bad && (r = sli_rows_next(&c)) != NULL; i++) {
        sl_jb b = {0};
        json_t *d = document(&b, res, r);
        if ((s = sli_jb_failed(&b, err)) != SL_OK) {
            json_decref(d);
            break;
        }
        bad = fprintf(out, "%s\n    ", i ? "," : "") < 0 || put_value(out, d, 2) != 0;
    }
    if (s == SL_OK)
        s = sli_rows_cursor_status(&c, err);
    sli_rows_cursor_free(&c);
    if (s != SL_OK)
        return s;
    return bad || put_close(out, res->rows.n, 2, ']') != 0
               ? sli_fail(err, SL_EIO, "cannot write the output")
               : SL_OK;
}

/* The names of the members written one at a time, checked before a byte
 * is written: a clash found half way would leave half a document on
 * standard output. Group values a field at a time; a row's metadata keys
 * only when one of them is not UTF-8 (the only way two can clash). */
static sl_status check_names(const sl_result *res, sl_error *err)
{
    sl_status s = SL_OK;
    for (size_t g = 0; s == SL_OK && g < res->opts->nby; g++) {
        sl_group_value *vals = sli_group_sorted(&res->groups[g]);
        s = vals ? check_keys(vals, res->groups[g].n, err) : sli_fail_nomem(err);
        free(vals);
    }
    if (s != SL_OK || !res->opts->per_document)
        return s;
    sl_rows_cursor c;
    sli_rows_cursor_init(&c, &res->rows);
    for (const sl_docrow *r; s == SL_OK && (r = sli_rows_next(&c)) != NULL;) {
        size_t k = 0;
        while (k < r->nmeta && sli_json_key_ok(r->meta[k].key))
            k++;
        if (k == r->nmeta)
            continue;
        sl_jb b = {0};
        json_t *meta = json_object();
        for (k = 0; k < r->nmeta; k++)
            sli_jb_set(&b, meta, r->meta[k].key, json_null());
        b.oom |= meta == NULL;
        json_decref(meta);
        s = sli_jb_failed(&b, err);
    }
    if (s == SL_OK)
        s = sli_rows_cursor_status(&c, err);
    sli_rows_cursor_free(&c);
    return s;
}

sl_status sli_write_stories(const sl_result *res, FILE *out, sl_error *err)
{
    if (!res->opts->per_document)
        return sli_fail(err, SL_EUSAGE, "a line a story needs the per-story rows "
                                        "(--per-document)");
    sl_status s = check_names(res, err);
    sl_rows_cursor c;
    sli_rows_cursor_init(&c, &res->rows);
    int bad = 0;
    for (const sl_docrow *r; s == SL_OK && !bad && (r = sli_rows_next(&c)) != NULL;) {
        sl_jb b = {0};
        json_t *d = document(&b, res, r);
        if ((s = sli_jb_failed(&b, err)) == SL_OK)
            bad = json_dumpf(d, out, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                         JSON_REAL_PRECISION(15)) != 0 ||
                  fputc('\n', out) == EOF;
        json_decref(d);
    }
    if (s == SL_OK)
        s = sli_rows_cursor_status(&c, err);
    sli_rows_cursor_free(&c);
    if (s == SL_OK && bad)
        s = sli_fail(err, SL_EIO, "cannot write the output");
    return s;
}

/* Everything but .groups, .group_tests and .documents. */
static json_t *root_head(sl_jb *b, const sl_result *res)
{
    json_t *root = json_object();
    sli_jb_set(b, root, "schema", json_integer(SL_SCHEMA));
    sli_jb_set(b, root, "storylens", sli_json_text(SL_VERSION));
    sli_jb_set(b, root, "settings", settings(b, res));
    sli_jb_set(b, root, "lexicons", lexicons(b, res->lex));
    if (res->opts->modifiers)
        sli_jb_set(b, root, "modifiers", lexicons(b, res->opts->modifiers));
    sli_jb_set(b, root, "statistics", statistics(b, res));
    json_t *corpus = corpus_figures(b, &res->total);
    if (corpus)
        corpus_reports(b, corpus, &res->report);
    sli_jb_set(b, root, "corpus", corpus);
    sli_jb_set(b, root, "themes", themes_object(b, res, &res->total, 1));
    sli_jb_set(b, root, "cooccurrence", cooccurrence(b, res, &res->total));
    if (!root)
        b->oom = 1;
    return root;
}

sl_status sli_write_json(const sl_result *res, FILE *out, sl_error *err)
{
    sl_status s = check_names(res, err);
    if (s != SL_OK)
        return s;
    sl_jb b = {0};
    json_t *root = root_head(&b, res);
    if ((s = sli_jb_failed(&b, err)) != SL_OK) {
        json_decref(root);
        return s;
    }
    int bad = sli_json_write_shaped(root, out, JSON_FLAGS, 0, 2) != 0; /* open: no "\n}" */
    json_decref(root);
    if (bad)
        return sli_fail(err, SL_EIO, "cannot write the output");
    if (res->opts->nby && (s = write_groups(res, out, err)) != SL_OK)
        return s;
    if (res->opts->per_document && (s = write_documents(res, out, err)) != SL_OK)
        return s;
    return fputs("\n}\n", out) == EOF ? sli_fail(err, SL_EIO, "cannot write the output") : SL_OK;
}

json_t *sli_json_root(const sl_result *res, sl_error *err)
{
    sl_jb b = {0};
    json_t *root = root_head(&b, res);
    if (res->opts->nby) {
        sli_jb_set(&b, root, "groups", groups(&b, res));
        sli_jb_set(&b, root, "group_tests", group_tests(&b, res));
    }
    if (sli_jb_failed(&b, err) != SL_OK) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* The "settings" object this analysis writes: merge.c compares each part's
 * with it. New reference; NULL when out of memory. */
json_t *sli_json_settings(const sl_result *res)
{
    sl_jb b = {0};
    json_t *o = settings(&b, res);
    if (b.oom) {
        json_decref(o);
        return NULL;
    }
    return o;
}
