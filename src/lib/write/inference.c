/*
 * inference.c - what the writers say about how sure a figure is
 * (inference.h): the z of the run's confidence level, the tests of a --by
 * field across its groups, shares corrected by a calibration, and the
 * calibration itself, read from "storylens eval" JSON.
 *
 * Every figure here is a function of counts the result already holds, so
 * it is computed again by each writer rather than stored: a merged or
 * split result gives the same bytes as one run.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "lexicon/lexicon.h"
#include "write/figures.h"
#include "write/inference.h"

double sli_result_z(const sl_result *res)
{
    return sli_z(res->opts->confidence);
}

/* ---- corrected shares -------------------------------------------------- */

int sli_corrected_share(const sl_result *res, const sl_accum *a, size_t t, sl_corrected *out)
{
    const sl_calibration *cal = res->opts->calibration;
    if (!cal)
        return 0;
    memset(out, 0, sizeof *out);
    const sl_cal_theme *c = t < cal->nthemes ? &cal->theme[t] : NULL;
    if (!c || !c->coded) {
        out->why = "the theme was not coded in the calibration sample";
        return 1;
    }
    sli_rogan_gladen(a->theme_docs[t], a->documents, c->tp, c->fn, c->tn, c->fp,
                     sli_result_z(res), out);
    return 1;
}

/* ---- tests between groups ---------------------------------------------- */

const char *sli_test_name(sl_test_kind kind)
{
    return kind == SL_TEST_CHISQ ? "chi-square" : kind == SL_TEST_FISHER ? "fisher" : "none";
}

const char *sli_adjust_name(sl_adjust how)
{
    return how == SL_ADJUST_BH ? "BH" : "holm";
}

const char *sli_adjust_label(sl_adjust how)
{
    return how == SL_ADJUST_BH ? "Benjamini-Hochberg" : "Holm";
}

void sli_adjust(sl_adjust how, const double *p, size_t m, double *adj)
{
    if (how == SL_ADJUST_BH)
        sli_p_bh(p, m, adj);
    else
        sli_p_holm(p, m, adj);
}

/* Fewer stories than this in a group and its own share says little: a
 * Wilson interval on 4 stories spans more than half the scale. */
#define SMALL_GROUP 5

static const char *field_note(const sl_test *t, const uint64_t *n, size_t k)
{
    if (t->why)
        return t->why;
    for (size_t i = 0; i < k; i++)
        if (n[i] > 0 && n[i] < SMALL_GROUP)
            return "a group has fewer than 5 stories: its own share says little";
    return NULL;
}

void sli_field_tests_free(sl_field_tests *ft)
{
    free(ft->test);
    free(ft->p_adjusted);
    free(ft->note);
    memset(ft, 0, sizeof *ft);
}

sl_status sli_field_tests(const sl_result *res, size_t g, sl_field_tests *out, sl_error *err)
{
    const sl_group_field *gf = &res->groups[g];
    size_t nt = res->lex->nthemes, k = gf->n;
    memset(out, 0, sizeof *out);
    /* byte order of the values, so sums of reals come out the same however
     * the groups were filled (split pieces, merged parts) */
    sl_group_value *vals = sli_group_sorted(gf);
    uint64_t *x = malloc((k + 1) * sizeof *x), *n = malloc((k + 1) * sizeof *n);
    double *p = malloc((nt + 1) * sizeof *p);
    out->test = calloc(nt + 1, sizeof *out->test);
    out->p_adjusted = malloc((nt + 1) * sizeof *out->p_adjusted);
    out->note = calloc(nt + 1, sizeof *out->note);
    sl_status s = SL_OK;
    if (!vals || !x || !n || !p || !out->test || !out->p_adjusted || !out->note) {
        s = sli_fail_nomem(err);
        goto done;
    }
    for (size_t i = 0; i < k; i++)
        n[i] = vals[i].accum->documents;
    for (size_t t = 0; t < nt; t++) {
        for (size_t i = 0; i < k; i++)
            x[i] = vals[i].accum->theme_docs[t];
        p[t] = sli_independence(x, n, k, &out->test[t]) ? out->test[t].p : NAN;
        out->note[t] = field_note(&out->test[t], n, k);
    }
    sli_adjust(res->opts->adjust, p, nt, out->p_adjusted);
done:
    free(vals);
    free(x);
    free(n);
    free(p);
    if (s != SL_OK)
        sli_field_tests_free(out);
    return s;
}

json_t *sli_json_interval(int ok, const sl_interval *ci)
{
    if (!ok)
        return json_null();
    json_t *a = json_array();
    if (a && (json_array_append_new(a, json_real(sli_fixed(ci->lo))) ||
              json_array_append_new(a, json_real(sli_fixed(ci->hi))))) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* ---- the calibration ---------------------------------------------------- */

static sl_status cal_fail(sl_error *err, const char *path, const char *what)
{
    return sli_fail(err, SL_EDATA,
                    "%s: %s; give --calibration the JSON that \"storylens eval\" writes for a "
                    "hand-coded sample, made with the same lexicons",
                    path, what);
}

/* The eval's lexicons, by sha256 in order, against lex's. */
static sl_status cal_check_lexicons(const json_t *root, const char *path, const sl_lexicon *lex,
                                    sl_error *err)
{
    const json_t *files = json_object_get(root, "lexicons");
    if (!json_is_array(files))
        return cal_fail(err, path, "no \"lexicons\" array");
    if (json_array_size(files) != lex->nfiles)
        return sli_fail(err, SL_EDATA,
                        "%s: made with %zu lexicon files, this run has %zu; calibrate with "
                        "the same lexicons (or --allow-different-lexicons)",
                        path, json_array_size(files), lex->nfiles);
    for (size_t i = 0; i < lex->nfiles; i++) {
        const char *sha = json_string_value(json_object_get(json_array_get(files, i), "sha256"));
        if (!sha || strcmp(sha, lex->files[i].sha256) != 0)
            return sli_fail(err, SL_EDATA,
                            "%s: made with another version of %s (sha256 differs); run "
                            "\"storylens eval\" again with this lexicon (or "
                            "--allow-different-lexicons)",
                            path, lex->files[i].path);
    }
    return SL_OK;
}

static int count_at(const json_t *o, const char *key, uint64_t *v)
{
    const json_t *j = json_object_get(o, key);
    if (!json_is_integer(j) || json_integer_value(j) < 0)
        return 0;
    *v = (uint64_t)json_integer_value(j);
    return 1;
}

static sl_status cal_themes(sl_calibration *cal, const json_t *root, const char *path,
                            const sl_lexicon *lex, sl_error *err)
{
    const json_t *themes = json_object_get(root, "themes");
    if (!json_is_object(themes))
        return cal_fail(err, path, "no \"themes\" object");
    for (size_t t = 0; t < lex->nthemes; t++) {
        const json_t *o = json_object_get(themes, lex->themes[t].name);
        if (!o)
            continue;
        sl_cal_theme *c = &cal->theme[t];
        if (!json_is_object(o) || !count_at(o, "tp", &c->tp) || !count_at(o, "fn", &c->fn) ||
            !count_at(o, "tn", &c->tn) || !count_at(o, "fp", &c->fp))
            return sli_fail(err, SL_EDATA,
                            "%s: themes.%s lacks tp, fn, tn and fp as counts; give it the JSON "
                            "\"storylens eval\" writes",
                            path, lex->themes[t].name);
        c->coded = 1;
    }
    return SL_OK;
}

static sl_status cal_read(sl_calibration *cal, const char *path, const sl_lexicon *lex,
                          int allow_other, sl_error *err)
{
    size_t len;
    char *buf;
    sl_status rs = sli_read_file(path, &buf, &len, err);
    if (rs != SL_OK) /* its message speaks of a lexicon */
        return rs == SL_ENOMEM ? rs
               : sli_fail(err, rs, "%s: cannot read the calibration: %s", path, strerror(errno));
    sli_sha256_hex(buf, len, cal->sha256);
    json_error_t je;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
    free(buf);
    if (!root)
        return sli_fail(err, SL_EDATA, "%s:%d:%d: %s; give --calibration the JSON that "
                        "\"storylens eval\" writes", path, je.line, je.column, je.text);
    sl_status s = SL_OK;
    if (!json_is_object(root) || !json_object_get(root, "gold"))
        s = cal_fail(err, path, "not the output of storylens eval (no \"gold\")");
    if (s == SL_OK && !allow_other)
        s = cal_check_lexicons(root, path, lex, err);
    if (s == SL_OK)
        s = cal_themes(cal, root, path, lex, err);
    json_decref(root);
    return s;
}

sl_status sl_calibration_load(sl_calibration **out, const char *path, const sl_lexicon *lex,
                              int allow_other_lexicons, sl_error *err)
{
    *out = NULL;
    sl_calibration *cal = calloc(1, sizeof *cal);
    if (!cal || !(cal->path = strdup(path)) ||
        !(cal->theme = calloc(lex->nthemes + 1, sizeof *cal->theme))) {
        sl_calibration_free(cal);
        return sli_fail_nomem(err);
    }
    cal->nthemes = lex->nthemes;
    sl_status s = cal_read(cal, path, lex, allow_other_lexicons, err);
    if (s != SL_OK) {
        sl_calibration_free(cal);
        return s;
    }
    *out = cal;
    return SL_OK;
}

void sl_calibration_free(sl_calibration *cal)
{
    if (!cal)
        return;
    free(cal->path);
    free(cal->theme);
    free(cal);
}
