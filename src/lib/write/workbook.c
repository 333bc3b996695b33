/*
 * workbook.c - a result as an Excel workbook (--format xlsx), through
 * libxlsxwriter.
 *
 * Sheets: themes, groups and group_tests (with --by), stories (the wide
 * sheet of wide.c), cooccurrence (one row a pair of themes and unit) and
 * provenance (version, settings, lexicons with their SHA-256, corpus).
 * Every figure is read from the JSON document json.c builds, so the
 * workbook can never disagree with the JSON; counts and shares are
 * numbers, an undefined figure an empty cell; each header row is bold and
 * frozen so it stays in view.
 *
 * Rows are written in order with constant_memory on, so libxlsxwriter
 * keeps one row in memory and the rest in its temporary files: a sheet of
 * a million stories costs disk, not RAM. Excel's limits (1,048,576 rows,
 * 16,384 columns) are errors that say which format to use instead.
 *
 * libxlsxwriter writes to a file name, not a stream: the workbook is made
 * in a private temporary directory and copied to out, so -o stays atomic
 * and standard output works. Its creation time is fixed (the zip epoch,
 * 1980-01-01), so the same corpus gives the same bytes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/error.h"
#include "write/write.h"

#define ZIP_EPOCH 315532800 /* 1980-01-01T00:00:00Z */

typedef struct book {
    lxw_workbook *wb;
    lxw_format *bold;
    lxw_worksheet *ws; /* the sheet being written */
    lxw_row_t row;
    lxw_col_t col;
    int failed;  /* 1: a write failed; 2: past Excel's rows or columns */
} book;

static void check(book *b, lxw_error e)
{
    if (e == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        b->failed = 2;
    else if (e != LXW_NO_ERROR && !b->failed)
        b->failed = 1;
}

/* ---- cells ------------------------------------------------------------ */

/* Row 0 is the header: bold. */
static lxw_format *style(const book *b)
{
    return b->row == 0 ? b->bold : NULL;
}

static void put_text(book *b, const char *v)
{
    if (v && *v)
        check(b, worksheet_write_string(b->ws, b->row, b->col, v, style(b)));
    b->col++;
}

static void put_number(book *b, double v)
{
    check(b, worksheet_write_number(b->ws, b->row, b->col, v, style(b)));
    b->col++;
}

/* A JSON value as a cell: numbers as numbers, null as an empty cell. */
static void put_json(book *b, const json_t *v)
{
    if (json_is_number(v))
        put_number(b, json_number_value(v));
    else if (json_is_string(v))
        put_text(b, json_string_value(v));
    else if (json_is_boolean(v))
        put_text(b, json_is_true(v) ? "true" : "false");
    else
        b->col++;
}

static void end_row(book *b)
{
    b->row++;
    b->col = 0;
}

/* A new sheet with its header row, bold and frozen. */
static sl_status past_limits(sl_error *err)
{
    return sli_fail(err, SL_EDATA, "a sheet would pass Excel's 1,048,576 rows or 16,384 "
                                   "columns; use --format wide, tsv or json");
}

static void sheet(book *b, const char *name, const char *const *head)
{
    b->ws = workbook_add_worksheet(b->wb, name);
    b->row = 0;
    b->col = 0;
    if (!b->ws) {
        b->failed = 1;
        return;
    }
    worksheet_freeze_panes(b->ws, 1, 0);
    worksheet_set_column(b->ws, 0, 0, 28, NULL);
    if (!head[0])
        return; /* the caller writes its own header row */
    for (size_t i = 0; head[i]; i++)
        put_text(b, head[i]);
    end_row(b);
}

/* ---- sheets ----------------------------------------------------------- */

/* Stories, share with its interval, and stories by direction of one theme
 * (of the corpus or a group). */
static void share_cells(book *b, const json_t *t, int direction)
{
    const json_t *ci = json_object_get(t, "document_share_ci");
    put_json(b, json_object_get(t, "documents"));
    put_json(b, json_object_get(t, "document_share"));
    put_json(b, json_array_get(ci, 0));
    put_json(b, json_array_get(ci, 1));
    if (direction) {
        const json_t *d = json_object_get(t, "documents_by_direction");
        put_json(b, json_object_get(d, "improved"));
        put_json(b, json_object_get(d, "worsened"));
        put_json(b, json_object_get(d, "mentioned"));
    }
}

static void themes_sheet(book *b, const json_t *root, int direction)
{
    static const char *const head[] = {"theme", "label", "parent", "polarity", "stories",
                                       "share", "share_lower", "share_upper", "improved",
                                       "worsened", "mentioned", NULL};
    static const char *const plain[] = {"theme", "label", "parent", "polarity", "stories",
                                        "share", "share_lower", "share_upper", NULL};
    sheet(b, "themes", direction ? head : plain);
    const char *name;
    const json_t *t;
    json_object_foreach((json_t *)json_object_get(root, "themes"), name, t) {
        put_text(b, name);
        put_json(b, json_object_get(t, "label"));
        put_json(b, json_object_get(t, "parent"));
        put_json(b, json_object_get(t, "polarity"));
        share_cells(b, t, direction);
        end_row(b);
    }
}

static void groups_sheet(book *b, const json_t *root, int direction)
{
    static const char *const head[] = {"by", "group", "group_stories", "theme", "stories",
                                       "share", "share_lower", "share_upper", "improved",
                                       "worsened", "mentioned", NULL};
    static const char *const plain[] = {"by", "group", "group_stories", "theme", "stories",
                                        "share", "share_lower", "share_upper", NULL};
    sheet(b, "groups", direction ? head : plain);
    const char *field, *value, *theme;
    const json_t *values, *g, *t;
    json_object_foreach((json_t *)json_object_get(root, "groups"), field, values)
        json_object_foreach((json_t *)values, value, g)
            json_object_foreach((json_t *)json_object_get(g, "themes"), theme, t) {
                put_text(b, field);
                put_text(b, value);
                put_json(b, json_object_get(g, "documents"));
                put_text(b, theme);
                share_cells(b, t, direction);
                end_row(b);
            }
}

static void tests_sheet(book *b, const json_t *root)
{
    static const char *const head[] = {"by", "theme", "test", "groups", "statistic", "df", "p",
                                       "p_adjusted", "cramers_v", "min_expected", "note", NULL};
    sheet(b, "group_tests", head);
    const char *field, *theme;
    const json_t *themes, *t;
    json_object_foreach((json_t *)json_object_get(root, "group_tests"), field, themes)
        json_object_foreach((json_t *)themes, theme, t) {
            put_text(b, field);
            put_text(b, theme);
            for (size_t i = 2; head[i]; i++)
                put_json(b, json_object_get(t, head[i]));
            end_row(b);
        }
}

static void cooccurrence_sheet(book *b, const json_t *root)
{
    static const char *const head[] = {"unit", "theme_a", "theme_b", "count", "jaccard", "npmi",
                                       NULL};
    sheet(b, "cooccurrence", head);
    const char *unit, *a, *c;
    const json_t *u, *row, *n;
    json_object_foreach((json_t *)json_object_get(root, "cooccurrence"), unit, u) {
        json_object_foreach((json_t *)json_object_get(u, "counts"), a, row) {
            int on = 0; /* each pair once: theme_b from theme_a on, in theme order */
            json_object_foreach((json_t *)row, c, n) {
                on = on || strcmp(a, c) == 0;
                if (!on)
                    continue;
                put_text(b, unit);
                put_text(b, a);
                put_text(b, c);
                put_json(b, n);
                put_json(b, json_object_get(json_object_get(json_object_get(u, "jaccard"), a), c));
                put_json(b, json_object_get(json_object_get(json_object_get(u, "npmi"), a), c));
                end_row(b);
            }
        }
    }
}

/* ---- the stories sheet: wide.c's cells into this workbook -------------- */

static int cell_text(void *u, const char *v)
{
    book *b = u;
    put_text(b, v);
    return b->failed;
}

static int cell_count(void *u, uint64_t n)
{
    book *b = u;
    put_number(b, (double)n);
    return b->failed;
}

static int cell_end(void *u)
{
    book *b = u;
    end_row(b);
    return b->failed;
}

static sl_status stories_sheet(book *b, const sl_result *res, sl_error *err)
{
    static const char *const none[] = {NULL};
    sheet(b, "stories", none); /* wide.c writes its own header row */
    sli_cells cells = {cell_text, cell_count, cell_end, b};
    sl_status s = sli_wide_rows(res, &cells, err);
    return b->failed == 2 ? past_limits(err) : s;
}

/* ---- provenance ------------------------------------------------------- */

static void pair(book *b, const char *key, const json_t *v)
{
    put_text(b, key);
    if (json_is_array(v)) {
        char *s = NULL;
        size_t n = 0;
        FILE *f = open_memstream(&s, &n);
        size_t i;
        const json_t *x;
        json_array_foreach(v, i, x)
            if (f && json_is_string(x))
                fprintf(f, "%s%s", i ? "," : "", json_string_value(x));
        if (!f || fclose(f) != 0)
            b->failed = 1;
        put_text(b, s);
        free(s);
    } else {
        put_json(b, v);
    }
    end_row(b);
}

static void provenance_sheet(book *b, const json_t *root)
{
    static const char *const head[] = {"key", "value", "sha256", NULL};
    sheet(b, "provenance", head);
    pair(b, "storylens", json_object_get(root, "storylens"));
    pair(b, "schema", json_object_get(root, "schema"));
    const char *k;
    const json_t *v;
    static const char *const objects[] = {"settings", "statistics", "corpus", NULL};
    for (size_t i = 0; objects[i]; i++)
        json_object_foreach((json_t *)json_object_get(root, objects[i]), k, v) {
            if (json_is_object(v))
                continue;
            char key[128];
            snprintf(key, sizeof key, "%s.%s", objects[i], k);
            if (json_is_array(v) && strcmp(objects[i], "corpus") == 0) {
                /* skipped files, regex failures: how many (the JSON lists them) */
                json_t *n = json_integer((json_int_t)json_array_size(v));
                pair(b, key, n);
                json_decref(n);
            } else {
                pair(b, key, v);
            }
        }
    static const char *const files[] = {"lexicons", "modifiers", NULL};
    for (size_t i = 0; files[i]; i++) {
        size_t j;
        const json_t *f;
        json_array_foreach(json_object_get(root, files[i]), j, f) {
            put_text(b, files[i]);
            put_json(b, json_object_get(f, "path"));
            put_json(b, json_object_get(f, "sha256"));
            end_row(b);
        }
    }
}

/* ---- the workbook ----------------------------------------------------- */

static sl_status build(const char *path, const sl_result *res, const json_t *root,
                       const char *tmpdir, sl_error *err)
{
    lxw_workbook_options o = {.constant_memory = LXW_TRUE, .tmpdir = (char *)tmpdir};
    book b = {.wb = workbook_new_opt(path, &o)};
    if (!b.wb)
        return sli_fail(err, SL_EIO, "cannot make the workbook in %s", tmpdir);
    lxw_doc_properties props = {.title = "storylens analysis", .created = ZIP_EPOCH};
    workbook_set_properties(b.wb, &props);
    b.bold = workbook_add_format(b.wb);
    format_set_bold(b.bold);
    int direction = res->shape.direction;
    themes_sheet(&b, root, direction);
    if (json_object_get(root, "groups")) {
        groups_sheet(&b, root, direction);
        tests_sheet(&b, root);
    }
    sl_status s = stories_sheet(&b, res, err);
    cooccurrence_sheet(&b, root);
    provenance_sheet(&b, root);
    lxw_error e = workbook_close(b.wb);
    if (s == SL_OK && b.failed == 2)
        s = past_limits(err);
    else if (s == SL_OK && (b.failed || e != LXW_NO_ERROR))
        s = sli_fail(err, SL_EIO, "cannot write the workbook: %s", lxw_strerror(e));
    return s;
}

/* Copies the file at path to out. */
static sl_status copy_out(const char *path, FILE *out, sl_error *err)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return sli_fail(err, SL_EIO, "cannot read the workbook back: %s", strerror(errno));
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            break;
    int bad = ferror(in) || ferror(out);
    fclose(in);
    return bad ? sli_fail(err, SL_EIO, "cannot write the output") : SL_OK;
}

sl_status sli_write_workbook(const sl_result *res, FILE *out, sl_error *err)
{
    json_t *root = sli_json_root(res, err);
    if (!root)
        return err ? err->code : SL_ENOMEM;
    const char *tmp = getenv("TMPDIR");
    char dir[4096], path[4200];
    snprintf(dir, sizeof dir, "%s/storylens-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    sl_status s;
    if (!mkdtemp(dir)) {
        s = sli_fail(err, SL_EIO, "cannot make a temporary directory in %s: %s (set TMPDIR)",
                     tmp && *tmp ? tmp : "/tmp", strerror(errno));
    } else {
        snprintf(path, sizeof path, "%s/analysis.xlsx", dir);
        s = build(path, res, root, dir, err);
        if (s == SL_OK)
            s = copy_out(path, out, err);
        unlink(path);
        rmdir(dir);
    }
    json_decref(root);
    return s;
}
