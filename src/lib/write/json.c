/*
 * write_json.c - the analysis as JSON (schema 1), built with jansson.
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

#include "pipeline/analysis.h"
#include "core/error.h"

/* ---- output ------------------------------------------------------------ */

typedef struct dump_buf {
    FILE *out;
    size_t n;
    int failed;
    char b[1 << 16];
} dump_buf;

static int dump_flush(dump_buf *d)
{
    if (d->n && fwrite(d->b, 1, d->n, d->out) != d->n)
        d->failed = 1;
    d->n = 0;
    return d->failed ? -1 : 0;
}

static int dump_piece(const char *piece, size_t size, void *data)
{
    dump_buf *d = data;
    if (size > sizeof d->b - d->n && dump_flush(d) != 0)
        return -1;
    if (size > sizeof d->b) /* a long string: straight through */
        return fwrite(piece, 1, size, d->out) == size ? 0 : -1;
    memcpy(d->b + d->n, piece, size);
    d->n += size;
    return 0;
}

int sli_json_write(const json_t *root, FILE *out, size_t flags)
{
    dump_buf *d = malloc(sizeof *d);
    if (!d)
        return json_dumpf(root, out, flags) != 0 || fputc('\n', out) == EOF ? -1 : 0;
    d->out = out;
    d->n = 0;
    d->failed = 0;
    int rc = json_dump_callback(root, dump_piece, d, flags) != 0 ||
             dump_piece("\n", 1, d) != 0 || dump_flush(d) != 0
                 ? -1
                 : 0;
    free(d);
    return rc;
}

/* ---- derived figures (shared with write_table.c) ---------------------- */

double sli_fixed(double x)
{
    double r = round(x * 1e6) / 1e6;
    return r == 0 ? 0.0 : r; /* no "-0.0" */
}

double sli_jaccard(uint64_t ab, uint64_t a, uint64_t b, int *ok)
{
    uint64_t uni = a + b - ab;
    *ok = uni > 0;
    return *ok ? sli_fixed((double)ab / (double)uni) : 0;
}

/* Normalised PMI: log(p(ab) / (p(a) p(b))) / -log p(ab), in [-1, 1]; -1
 * when the themes never share a unit, 1 when they share every unit;
 * undefined when either theme is absent. */
double sli_npmi(uint64_t ab, uint64_t a, uint64_t b, uint64_t n, int *ok)
{
    *ok = a > 0 && b > 0 && n > 0;
    if (!*ok)
        return 0;
    if (ab == 0)
        return -1.0;
    if (ab == n)
        return 1.0;
    double pab = (double)ab / (double)n, pa = (double)a / (double)n, pb = (double)b / (double)n;
    return sli_fixed(log(pab / (pa * pb)) / -log(pab));
}

const char *sli_unit_name(const sl_unit *u, char *buf, size_t size)
{
    switch (u->kind) {
    case SL_UNIT_DOCUMENT:
        return "document";
    case SL_UNIT_PARAGRAPH:
        return "paragraph";
    case SL_UNIT_SENTENCE:
        return "sentence";
    case SL_UNIT_WINDOW:
        snprintf(buf, size, "window:%u", (unsigned)u->window);
        return buf;
    }
    return "unknown";
}

const char *sli_polarity_name(sl_polarity p)
{
    return p == SL_PROBLEM ? "problem" : p == SL_ASSET ? "asset" : "neutral";
}

/* ---- building -------------------------------------------------------- */

/* jansson returns -1 from json_object_set_new on OOM and frees the value;
 * building continues and a single check at the end reports the failure. */
typedef struct builder {
    int oom;
} builder;

static void set(builder *b, json_t *obj, const char *key, json_t *v)
{
    if (!v || !obj || json_object_set_new(obj, key, v) != 0)
        b->oom = 1;
}

static void append(builder *b, json_t *arr, json_t *v)
{
    if (!v || !arr || json_array_append_new(arr, v) != 0)
        b->oom = 1;
}

static json_t *count(uint64_t n)
{
    return json_integer((json_int_t)n);
}

static json_t *real_or_null(double x, int ok)
{
    return ok ? json_real(x) : json_null();
}

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* .direction, .documents_by_direction and .time of theme t: counts only. */
static void direction_figures(builder *b, json_t *o, const sl_accum *a, size_t t)
{
    const uint64_t *h = a->dir_hits + t * SL_DIR_FIGURES, *d = a->dir_docs + t * 3;
    json_t *dir = json_object(), *docs = json_object(), *time = json_object();
    set(b, dir, "improved", count(h[SL_DIR_IMPROVED]));
    set(b, dir, "worsened", count(h[SL_DIR_WORSENED]));
    set(b, dir, "mentioned", count(h[SL_DIR_MENTIONED]));
    set(b, docs, "improved", count(d[0]));
    set(b, docs, "worsened", count(d[1]));
    set(b, docs, "mentioned", count(d[2]));
    set(b, time, "before", count(h[SL_DIR_BEFORE]));
    set(b, time, "after", count(h[SL_DIR_AFTER]));
    set(b, time, "unknown", count(h[SL_DIR_UNKNOWN]));
    set(b, o, "direction", dir);
    set(b, o, "documents_by_direction", docs);
    set(b, o, "time", time);
}

static json_t *theme_figures(builder *b, const sl_analysis *an, const sl_accum *a, size_t t,
                             int describe)
{
    const sl_lexicon *lex = an->lex;
    const sl_theme *th = &lex->themes[t];
    json_t *o = json_object();
    if (describe) {
        set(b, o, "label", str_or_null(th->label));
        set(b, o, "description", str_or_null(th->description));
        set(b, o, "polarity", json_string(sli_polarity_name(th->polarity)));
        set(b, o, "parent", th->parent >= 0 ? json_string(lex->themes[th->parent].name)
                                            : json_null());
    }
    set(b, o, "hits", count(a->theme_hits[t]));
    set(b, o, "documents", count(a->theme_docs[t]));
    set(b, o, "document_share",
        real_or_null(a->documents ? sli_fixed((double)a->theme_docs[t] / (double)a->documents) : 0,
                     a->documents > 0));
    set(b, o, "hits_per_1000_tokens",
        real_or_null(a->tokens ? sli_fixed(1000.0 * (double)a->theme_hits[t] / (double)a->tokens)
                               : 0,
                     a->tokens > 0));
    json_t *entries = json_object();
    for (size_t e = 0; e < lex->nentries; e++)
        if (lex->entries[e].theme == t && !lex->entries[e].exclusion)
            set(b, entries, lex->entries[e].source, count(a->entry_hits[e]));
    set(b, o, "entries", entries);
    if (a->dir_hits)
        direction_figures(b, o, a, t);
    return o;
}

static json_t *themes_object(builder *b, const sl_analysis *an, const sl_accum *a, int describe)
{
    json_t *o = json_object();
    for (size_t t = 0; t < an->lex->nthemes; t++)
        set(b, o, an->lex->themes[t].name, theme_figures(b, an, a, t, describe));
    return o;
}

typedef enum matrix_kind { M_COUNTS, M_JACCARD, M_NPMI } matrix_kind;

static json_t *matrix(builder *b, const sl_analysis *an, const sl_accum *a, size_t u,
                      matrix_kind kind)
{
    const sl_shape *sh = &an->shape;
    json_t *o = json_object();
    for (size_t x = 0; x < sh->nthemes; x++) {
        json_t *row = json_object();
        uint64_t cx = sli_accum_pair(a, sh, u, x, x);
        for (size_t y = 0; y < sh->nthemes; y++) {
            uint64_t cy = sli_accum_pair(a, sh, u, y, y), cxy = sli_accum_pair(a, sh, u, x, y);
            int ok = 1;
            json_t *v = kind == M_COUNTS ? count(cxy)
                      : kind == M_JACCARD ? real_or_null(sli_jaccard(cxy, cx, cy, &ok), 1)
                      : real_or_null(sli_npmi(cxy, cx, cy, a->units[u], &ok), 1);
            if (!ok) {
                json_decref(v);
                v = json_null();
            }
            set(b, row, an->lex->themes[y].name, v);
        }
        set(b, o, an->lex->themes[x].name, row);
    }
    return o;
}

static json_t *cooccurrence(builder *b, const sl_analysis *an, const sl_accum *a)
{
    json_t *o = json_object();
    for (size_t u = 0; u < an->shape.nunits; u++) {
        char buf[32];
        json_t *unit = json_object();
        set(b, unit, "units", count(a->units[u]));
        set(b, unit, "counts", matrix(b, an, a, u, M_COUNTS));
        set(b, unit, "jaccard", matrix(b, an, a, u, M_JACCARD));
        set(b, unit, "npmi", matrix(b, an, a, u, M_NPMI));
        set(b, o, sli_unit_name(&an->shape.units[u], buf, sizeof buf), unit);
    }
    return o;
}

static json_t *corpus_figures(builder *b, const sl_accum *a)
{
    json_t *o = json_object();
    set(b, o, "documents", count(a->documents));
    set(b, o, "tokens", count(a->tokens));
    set(b, o, "sentences", count(a->sentences));
    set(b, o, "paragraphs", count(a->paragraphs));
    set(b, o, "invalid_utf8_bytes", count(a->invalid_utf8));
    return o;
}

/* What the run left out (report.h): skipped records and files, and regex
 * entries that failed on a story. Always written, empty when nothing was
 * left out, so a consumer can check them without testing for presence. */
static json_t *safe_string(const char *s);

static void corpus_reports(builder *b, json_t *corpus, const sl_report *rp)
{
    json_t *skipped = json_array(), *failures = json_array();
    for (size_t i = 0; i < rp->nskips; i++) {
        const sl_skip *k = &rp->skips[i];
        json_t *o = json_object();
        set(b, o, "file", safe_string(k->file));
        set(b, o, "line", k->line ? count(k->line) : json_null());
        set(b, o, "reason", safe_string(k->reason));
        append(b, skipped, o);
    }
    for (size_t i = 0; i < rp->nrfail; i++) {
        const sl_regex_failure *f = &rp->rfail[i];
        json_t *o = json_object();
        set(b, o, "story", safe_string(f->story));
        set(b, o, "entry", safe_string(f->entry));
        set(b, o, "reason", safe_string(f->reason));
        append(b, failures, o);
    }
    set(b, corpus, "skipped", skipped);
    set(b, corpus, "regex_failures", failures);
}

static json_t *settings(builder *b, const sl_analysis *an)
{
    const sl_options *op = an->opts;
    json_t *o = json_object(), *units = json_array(), *by = json_array();
    set(b, o, "language", json_string(an->lex->language));
    set(b, o, "text_field", json_string(op->text_field));
    set(b, o, "id_field", json_string(op->id_field));
    for (size_t u = 0; u < an->shape.nunits; u++) {
        char buf[32];
        append(b, units, json_string(sli_unit_name(&an->shape.units[u], buf, sizeof buf)));
    }
    set(b, o, "cooccurrence", units);
    for (size_t i = 0; i < op->nby; i++)
        append(b, by, json_string(op->by[i]));
    set(b, o, "by", by);
    set(b, o, "per_document", json_boolean(op->per_document));
    if (op->modifiers)
        set(b, o, "direction", json_true());
    return o;
}

static json_t *lexicons(builder *b, const sl_lexicon *lex)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < lex->nfiles; i++) {
        json_t *f = json_object();
        set(b, f, "path", json_string(lex->files[i].path));
        set(b, f, "sha256", json_string(lex->files[i].sha256));
        append(b, arr, f);
    }
    return arr;
}

static json_t *group_figures(builder *b, const sl_analysis *an, const sl_accum *a)
{
    json_t *o = json_object();
    set(b, o, "documents", count(a->documents));
    set(b, o, "tokens", count(a->tokens));
    set(b, o, "themes", themes_object(b, an, a, 0));
    set(b, o, "cooccurrence", cooccurrence(b, an, a));
    return o;
}

static json_t *groups(builder *b, const sl_analysis *an)
{
    json_t *o = json_object();
    for (size_t g = 0; g < an->opts->nby; g++) {
        const sl_group_field *gf = &an->groups[g];
        sl_group_value *vals = sli_group_sorted(gf);
        json_t *field = json_object();
        for (size_t i = 0; vals && i < gf->n; i++)
            set(b, field, vals[i].value, group_figures(b, an, vals[i].accum));
        if (!vals)
            b->oom = 1;
        free(vals);
        set(b, o, gf->field, field);
    }
    return o;
}

/* A string jansson accepts: invalid UTF-8 (possible in CSV and text
 * stories) becomes U+FFFD, as jq does. */
static json_t *safe_string(const char *s)
{
    json_t *v = json_string(s);
    if (v)
        return v;
    size_t n = strlen(s);
    char *fixed = malloc(3 * n + 1);
    if (!fixed)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
            json_t *probe = len && i + len <= n ? json_stringn(s + i, len) : NULL;
            if (!probe) {
                memcpy(fixed + o, "\xEF\xBF\xBD", 3);
                o += 3;
                i++;
                continue;
            }
            json_decref(probe);
        }
        memcpy(fixed + o, s + i, len);
        o += len;
        i += len;
    }
    v = json_stringn(fixed, o);
    free(fixed);
    return v;
}

/* A story's net direction for each theme it mentions. */
static json_t *document_direction(builder *b, const sl_analysis *an, const uint32_t *dir)
{
    json_t *o = json_object();
    for (size_t t = 0; t < an->lex->nthemes; t++) {
        int net = sli_direction_net(dir + t * SL_DIR_FIGURES);
        if (net != SL_DIRECTION_NONE)
            set(b, o, an->lex->themes[t].name, json_string(sl_direction_name((sl_direction)net)));
    }
    return o;
}

static json_t *documents(builder *b, const sl_analysis *an)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < an->nrows; i++) {
        const sl_docrow *r = &an->rows[i];
        json_t *d = json_object(), *meta = json_object(), *th = json_object();
        set(b, d, "id", safe_string(r->id));
        set(b, d, "tokens", count(r->tokens));
        for (size_t k = 0; k < r->nmeta; k++)
            set(b, meta, r->meta[k].key, safe_string(r->meta[k].value));
        set(b, d, "metadata", meta);
        for (size_t t = 0; t < an->lex->nthemes; t++)
            if (r->theme_hits[t])
                set(b, th, an->lex->themes[t].name, count(r->theme_hits[t]));
        set(b, d, "themes", th);
        if (r->dir)
            set(b, d, "direction", document_direction(b, an, r->dir));
        append(b, arr, d);
    }
    return arr;
}

sl_status sli_write_json(const sl_analysis *an, FILE *out, sl_error *err)
{
    builder b = {0};
    json_t *root = json_object();
    set(&b, root, "schema", json_integer(SL_SCHEMA));
    set(&b, root, "storylens", json_string(SL_VERSION));
    set(&b, root, "settings", settings(&b, an));
    set(&b, root, "lexicons", lexicons(&b, an->lex));
    if (an->opts->modifiers)
        set(&b, root, "modifiers", lexicons(&b, an->opts->modifiers));
    json_t *corpus = corpus_figures(&b, &an->total);
    if (corpus)
        corpus_reports(&b, corpus, &an->report);
    set(&b, root, "corpus", corpus);
    set(&b, root, "themes", themes_object(&b, an, &an->total, 1));
    set(&b, root, "cooccurrence", cooccurrence(&b, an, &an->total));
    if (an->opts->nby)
        set(&b, root, "groups", groups(&b, an));
    if (an->opts->per_document)
        set(&b, root, "documents", documents(&b, an));
    sl_status s = SL_OK;
    if (b.oom)
        s = sli_fail_nomem(err);
    else if (sli_json_write(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                          JSON_REAL_PRECISION(15)) != 0)
        s = sli_fail(err, SL_EIO, "cannot write the output");
    json_decref(root);
    return s;
}

/* One story as a JSON object: id, text, then its metadata fields (a field
 * named id or text in the metadata is left out: the story's own wins). */
json_t *sli_json_story(const char *id, const char *text, size_t text_len, const sl_meta *meta,
                      size_t nmeta)
{
    json_t *o = json_object();
    builder b = {0};
    set(&b, o, "id", safe_string(id));
    json_t *t = json_stringn(text, text_len);
    if (!t) {
        char *copy = malloc(text_len + 1);
        if (copy) {
            /* NUL bytes cannot reach safe_string through a C string: drop them */
            size_t k = 0;
            for (size_t i = 0; i < text_len; i++)
                if (text[i])
                    copy[k++] = text[i];
            copy[k] = '\0';
            t = safe_string(copy);
            free(copy);
        }
    }
    set(&b, o, "text", t);
    for (size_t i = 0; i < nmeta; i++)
        if (strcmp(meta[i].key, "id") != 0 && strcmp(meta[i].key, "text") != 0)
            set(&b, o, meta[i].key, safe_string(meta[i].value));
    if (b.oom) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The "settings" object this analysis writes: merge.c compares each part's
 * with it. New reference; NULL when out of memory. */
json_t *sli_json_settings(const sl_analysis *an)
{
    builder b = {0};
    json_t *o = settings(&b, an);
    if (b.oom) {
        json_decref(o);
        return NULL;
    }
    return o;
}
