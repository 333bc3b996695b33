/*
 * merge.c - adding analyses of disjoint shards back into one run.
 *
 * A corpus too big for one machine is split into shards, each analysed
 * alone; "storylens merge" then reads each part (the JSON that analyse
 * wrote) and adds its counts into a result (count/result.h), which the
 * ordinary writers write. No story is analysed, so no worker is started.
 * Every figure in schema 1 is either an additive count (documents, tokens, hits, unit and pair counts) or derived
 * from counts when written (shares, rates, Jaccard, NPMI), so the merged
 * output is byte for byte what one run over the whole corpus writes.
 *
 * A part is refused unless its schema and storylens version, its settings
 * (compared with what this run would write) and its lexicons' sha256, in
 * order, are those of this run: a part made with other lexicons or
 * settings counts other things, and adding it would give figures that
 * are wrong without looking wrong. Lexicon paths are not compared: shards
 * are analysed on other machines with the lexicons in other places. Nor
 * is a part whose counts break a relation no analysis can (a theme in
 * more stories than the corpus holds): merge_check.c.
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "direction/direction.h"
#include "write/figures.h"
#include "write/write.h"

/* The part being read: its name for messages and the first problem. */
typedef struct part {
    const char *path;
    sl_error *err;
    sl_status status;
} part;

static void bad(part *p, const char *what, const char *key)
{
    if (p->status == SL_OK)
        p->status = sli_fail(p->err, SL_EDATA,
                            "%s: %s%s%s; a part must be the unedited JSON output of "
                            "\"storylens analyse\"",
                            p->path, what, key ? " " : "", key ? key : "");
}

/* A count at obj[key]: a non-negative integer, or a recorded problem. */
static uint64_t count_at(part *p, const json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_integer(v) || json_integer_value(v) < 0) {
        bad(p, "missing or negative count", key);
        return 0;
    }
    return (uint64_t)json_integer_value(v);
}

static json_t *object_at(part *p, const json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_object(v)) {
        bad(p, "missing object", key);
        return NULL;
    }
    return v;
}

static json_t *load(part *p)
{
    json_error_t jerr;
    json_t *root = json_load_file(p->path, 0, &jerr);
    if (!root) {
        if (jerr.line < 0) /* not opened or not read: jansson knows no position */
            p->status = sli_fail(p->err, SL_ENOINPUT, "%s: %s", p->path, jerr.text);
        else
            p->status = sli_fail(p->err, SL_EDATA, "%s:%d:%d: %s", p->path, jerr.line,
                                jerr.column, jerr.text);
        return NULL;
    }
    json_t *schema = json_object_get(root, "schema");
    json_t *version = json_object_get(root, "storylens");
    if (!json_is_object(root) || !json_is_integer(schema))
        bad(p, "not an analysis (no \"schema\")", NULL);
    else if (json_integer_value(schema) != SL_SCHEMA || !json_is_string(version) ||
             strcmp(json_string_value(version), SL_VERSION) != 0)
        p->status = sli_fail(p->err, SL_EDATA,
                            "%s: written by another storylens (schema %d, version %s), this is "
                            "schema %d, version %s; analyse every shard with the same storylens",
                            p->path, (int)json_integer_value(schema),
                            json_is_string(version) ? json_string_value(version) : "?", SL_SCHEMA,
                            SL_VERSION);
    if (p->status != SL_OK) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* ---- settings ---------------------------------------------------------- */

static sl_status set_units(sl_options *opts, const json_t *units, part *p)
{
    size_t i, len = 0;
    json_t *u;
    json_array_foreach(units, i, u) len += json_string_length(u) + 1;
    char *list = calloc(len + 1, 1);
    if (!list)
        return sli_fail_nomem(p->err);
    json_array_foreach(units, i, u)
    {
        if (i)
            strcat(list, ",");
        strcat(list, json_string_value(u));
    }
    sl_status s = sl_options_set_cooccurrence(opts, list, NULL);
    free(list);
    if (s != SL_OK)
        bad(p, "unknown co-occurrence unit in", "settings.cooccurrence");
    return p->status;
}

sl_status sl_part_settings(sl_options *opts, char *language, size_t size, const char *path,
                           sl_error *err)
{
    part p = {path, err, SL_OK};
    json_t *root = load(&p);
    if (!root)
        return p.status;
    json_t *st = object_at(&p, root, "settings");
    json_t *lang = json_object_get(st, "language"), *tf = json_object_get(st, "text_field");
    json_t *idf = json_object_get(st, "id_field"), *units = json_object_get(st, "cooccurrence");
    json_t *by = json_object_get(st, "by"), *perdoc = json_object_get(st, "per_document");
    if (p.status == SL_OK &&
        (!json_is_string(lang) || !json_is_string(tf) || !json_is_string(idf) ||
         !json_is_array(units) || !json_is_array(by) || !json_is_boolean(perdoc)))
        bad(&p, "incomplete", "settings");
    if (p.status == SL_OK) {
        snprintf(language, size, "%s", json_string_value(lang));
        if (sl_options_set_text_field(opts, json_string_value(tf)) != SL_OK ||
            sl_options_set_id_field(opts, json_string_value(idf)) != SL_OK ||
            sl_options_set_per_document(opts, json_is_true(perdoc)) != SL_OK)
            bad(&p, "empty field name in", "settings");
    }
    if (p.status == SL_OK)
        set_units(opts, units, &p);
    size_t i;
    json_t *f;
    json_array_foreach(by, i, f) if (p.status == SL_OK &&
                                     (!json_is_string(f) ||
                                      sl_options_add_by(opts, json_string_value(f)) != SL_OK))
        bad(&p, "bad field in", "settings.by");
    json_decref(root);
    return p.status;
}

sl_status sl_part_direction(int *on, const char *path, sl_error *err)
{
    part p = {path, err, SL_OK};
    json_t *root = load(&p);
    if (!root)
        return p.status;
    *on = json_is_true(json_object_get(object_at(&p, root, "settings"), "direction"));
    /* --no-direction over lexicons with avoided(), negated() or ended()
     * entries: the modifiers judged those, and the part lists them */
    if (!*on && json_is_array(json_object_get(root, "modifiers")))
        *on = 2;
    json_decref(root);
    return p.status;
}

/* Whether the files listed at key ("lexicons", "modifiers") have the sha256
 * of lex's files, in order. */
static int same_files(const json_t *root, const char *key, const sl_lexicon *lex)
{
    const json_t *files = json_object_get(root, key);
    if (!lex)
        return files == NULL;
    int same = json_is_array(files) && json_array_size(files) == lex->nfiles;
    for (size_t i = 0; same && i < lex->nfiles; i++) {
        json_t *sha = json_object_get(json_array_get(files, i), "sha256");
        same = json_is_string(sha) && strcmp(json_string_value(sha), lex->files[i].sha256) == 0;
    }
    return same;
}

/* The part must have been made with this run's settings and lexicons. */
static void check_same_run(part *p, const sl_result *res, const json_t *root)
{
    json_t *mine = sli_json_settings(res);
    if (!mine) {
        p->status = sli_fail_nomem(p->err);
        return;
    }
    if (!json_equal(mine, json_object_get(root, "settings")))
        p->status = sli_fail(p->err, SL_EDATA,
                            "%s: made with other settings than the first part (language, "
                            "fields, --cooccurrence, --by or --per-document); analyse every "
                            "shard with the same options",
                            p->path);
    json_decref(mine);
    if (p->status == SL_OK && !same_files(root, "modifiers", res->opts->modifiers))
        p->status = sli_fail(p->err, SL_EDATA,
                            "%s: made with other modifier lexicons (their sha256 differ from "
                            "those loaded here); merge with the modifiers every shard used",
                            p->path);
    if (p->status == SL_OK && !same_files(root, "lexicons", res->lex))
        p->status = sli_fail(p->err, SL_EDATA,
                            "%s: made with other lexicons (their sha256 differ from those "
                            "loaded here, or their number or order does); merge with the "
                            "lexicon files every shard was analysed with",
                            p->path);
}

/* ---- counts ------------------------------------------------------------ */

/* .direction, .time and .documents_by_direction of one theme: counts. */
static void add_direction(part *p, sl_accum *a, size_t t, const json_t *th)
{
    static const char *const dirs[] = {"improved", "worsened", "mentioned"};
    static const char *const times[] = {"before", "after", "unknown"};
    json_t *dir = object_at(p, th, "direction"), *time = object_at(p, th, "time");
    json_t *docs = object_at(p, th, "documents_by_direction");
    uint64_t *h = a->dir_hits + t * SL_DIR_FIGURES;
    for (size_t k = 0; k < 3 && p->status == SL_OK; k++) {
        h[SL_DIR_IMPROVED + k] += count_at(p, dir, dirs[k]);
        h[SL_DIR_BEFORE + k] += count_at(p, time, times[k]);
        a->dir_docs[t * 3 + k] += count_at(p, docs, dirs[k]);
    }
}

static void add_themes(part *p, const sl_result *res, sl_accum *a, const json_t *themes)
{
    const sl_lexicon *lex = res->lex;
    for (size_t t = 0; t < lex->nthemes; t++) {
        json_t *th = object_at(p, themes, lex->themes[t].name);
        a->theme_hits[t] += count_at(p, th, "hits");
        a->theme_docs[t] += count_at(p, th, "documents");
        if (a->dir_hits && p->status == SL_OK)
            add_direction(p, a, t, th);
    }
    /* An entry written twice in a theme is one key in the JSON: each copy
     * gets the key's count, and the writer again shows the last copy's. */
    for (size_t e = 0; e < lex->nentries && p->status == SL_OK; e++) {
        const sl_entry *en = &lex->entries[e];
        if (en->exclusion)
            continue;
        json_t *th = json_object_get(themes, lex->themes[en->theme].name);
        json_t *entries = object_at(p, th, "entries");
        a->entry_hits[e] += count_at(p, entries, en->source);
    }
}

static void add_cooccurrence(part *p, const sl_result *res, sl_accum *a, const json_t *cooc)
{
    const sl_shape *sh = &res->shape;
    size_t nt = sh->nthemes;
    for (size_t u = 0; u < sh->nunits && p->status == SL_OK; u++) {
        char buf[32];
        json_t *unit = object_at(p, cooc, sli_unit_name(&sh->units[u], buf, sizeof buf));
        a->units[u] += count_at(p, unit, "units");
        json_t *counts = object_at(p, unit, "counts");
        for (size_t x = 0; x < nt && p->status == SL_OK; x++) {
            json_t *row = object_at(p, counts, res->lex->themes[x].name);
            for (size_t y = x; y < nt && p->status == SL_OK; y++)
                a->pairs[sl_pair_cell(nt, u, x, y)] += count_at(p, row, res->lex->themes[y].name);
        }
    }
}

static void add_total(part *p, sl_result *res, const json_t *root)
{
    sl_accum *a = &res->total;
    json_t *c = object_at(p, root, "corpus");
    a->documents += count_at(p, c, "documents");
    a->tokens += count_at(p, c, "tokens");
    a->sentences += count_at(p, c, "sentences");
    a->paragraphs += count_at(p, c, "paragraphs");
    a->invalid_utf8 += count_at(p, c, "invalid_utf8_bytes");
    add_themes(p, res, a, object_at(p, root, "themes"));
    add_cooccurrence(p, res, a, object_at(p, root, "cooccurrence"));
}

static void add_groups(part *p, sl_result *res, const json_t *root)
{
    json_t *groups = object_at(p, root, "groups");
    for (size_t g = 0; g < res->opts->nby && p->status == SL_OK; g++) {
        json_t *field = object_at(p, groups, res->groups[g].field);
        const char *value;
        json_t *fig;
        json_object_foreach(field, value, fig)
        {
            sl_accum *a = sli_result_group(res, g, value);
            if (!a) {
                p->status = sli_result_group_fail(res, g, p->err);
                return;
            }
            a->documents += count_at(p, fig, "documents");
            a->tokens += count_at(p, fig, "tokens");
            add_themes(p, res, a, object_at(p, fig, "themes"));
            add_cooccurrence(p, res, a, object_at(p, fig, "cooccurrence"));
        }
    }
}

/* ---- --per-document rows ----------------------------------------------- */

/* Through sli_meta_append, as the readers do: the row is freed as a story's
 * metadata is (sli_doc_clear), which knows only that layout. */
static int row_meta(sl_docrow *r, const json_t *meta)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)meta, key, v)
    {
        if (!json_is_string(v))
            return 1;
        const char *s = json_string_value(v);
        if (sli_meta_append(&r->meta, &r->nmeta, key, strlen(key), s, strlen(s)) != 0)
            return -1;
    }
    return 0;
}

/* A part keeps only each story's net direction per theme: one hit of it,
 * as the end state, gives the same net direction (sli_direction_net),
 * which is all the writers show of a row. */
static void row_direction(part *p, const sl_result *res, sl_docrow *r, const json_t *dir)
{
    r->dir = calloc(res->lex->nthemes * SL_DIR_STORY + 1, sizeof *r->dir);
    if (!r->dir) {
        p->status = sli_fail_nomem(p->err);
        return;
    }
    const char *theme;
    json_t *v;
    json_object_foreach((json_t *)dir, theme, v)
    {
        size_t t = 0;
        while (t < res->lex->nthemes && strcmp(res->lex->themes[t].name, theme) != 0)
            t++;
        const char *name = json_string_value(v);
        int k = !name ? -1 : strcmp(name, "improved") == 0 ? SL_DIR_IMPROVED
                : strcmp(name, "worsened") == 0 ? SL_DIR_WORSENED
                : strcmp(name, "mentioned") == 0 ? SL_DIR_MENTIONED : -1;
        if (t == res->lex->nthemes || k < 0) {
            bad(p, "an unknown theme or direction in", "documents[].direction");
            return;
        }
        uint32_t *c = r->dir + t * SL_DIR_STORY;
        c[k] = 1;
        if (k != SL_DIR_MENTIONED)
            c[SL_DIR_NET] = (uint32_t)(k == SL_DIR_IMPROVED ? SL_DIRECTION_IMPROVED
                                                             : SL_DIRECTION_WORSENED);
    }
}

/* A part's row read into r, whose buffers the caller frees. */
static void read_row(part *p, const sl_result *res, sl_docrow *r, const json_t *d)
{
    json_t *id = json_object_get(d, "id"), *meta = object_at(p, d, "metadata");
    json_t *themes = object_at(p, d, "themes");
    r->tokens = count_at(p, d, "tokens");
    if (p->status != SL_OK)
        return;
    if (!json_is_string(id)) {
        bad(p, "a document without a string", "id");
        return;
    }
    r->id = strdup(json_string_value(id));
    r->theme_hits = calloc(res->lex->nthemes + 1, sizeof *r->theme_hits);
    int m = r->id && r->theme_hits ? row_meta(r, meta) : -1;
    if (m != 0) {
        if (m < 0)
            p->status = sli_fail_nomem(p->err);
        else
            bad(p, "a document's metadata value is not a string in", "documents");
        return;
    }
    for (size_t t = 0; t < res->lex->nthemes && p->status == SL_OK; t++)
        if (json_object_get(themes, res->lex->themes[t].name))
            r->theme_hits[t] = (uint32_t)count_at(p, themes, res->lex->themes[t].name);
    if (p->status == SL_OK && res->shape.direction)
        row_direction(p, res, r, object_at(p, d, "direction"));
}

static void add_row(part *p, sl_result *res, const json_t *d)
{
    sl_docrow r = {0};
    read_row(p, res, &r, d);
    if (p->status == SL_OK)
        p->status = sli_rows_add(&res->rows, &r, p->err);
    sl_doc doc = {.id = r.id, .meta = r.meta, .nmeta = r.nmeta}; /* freed as a story's are */
    sli_doc_clear(&doc);
    free(r.theme_hits);
    free(r.dir);
}

static void add_rows(part *p, sl_result *res, const json_t *root)
{
    json_t *docs = json_object_get(root, "documents");
    if (!json_is_array(docs)) {
        bad(p, "missing array", "documents");
        return;
    }
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        if (p->status != SL_OK)
            return;
        add_row(p, res, d);
    }
}

sl_status sli_merge_part(sl_result *res, const char *path, sl_error *err)
{
    part p = {path, err, SL_OK};
    json_t *root = load(&p);
    if (root)
        check_same_run(&p, res, root);
    if (p.status == SL_OK)
        p.status = sli_merge_check(res, root, path, err);
    if (p.status == SL_OK)
        add_total(&p, res, root);
    if (p.status == SL_OK && res->opts->nby)
        add_groups(&p, res, root);
    if (p.status == SL_OK && res->opts->per_document)
        add_rows(&p, res, root);
    json_decref(root);
    return p.status;
}
