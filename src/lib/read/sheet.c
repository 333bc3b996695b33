/*
 * sheet.c - a spreadsheet's grid of cell texts (filled by xlsx.c or
 * ods.c) as CSV would give it: the first row holding a value is the
 * header, every later row one story; the --text-field column is the text,
 * the --id-field column the id (else FILE:ROW, the row number the
 * spreadsheet shows), every other column metadata. Rows without a value
 * are skipped and counted; a value under a column with no header is an
 * error, as a CSV record with too many fields is.
 *
 * The grid is sparse (only cells with a value are kept) and bounded by
 * SL_SHEET_MAX_CELLS, so a sheet's size in memory follows its content, not
 * the extent of its rows and columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "read/office.h"
#include "read/record.h"

int sli_cell_ref(const char *ref, unsigned long *row, unsigned long *col)
{
    unsigned long c = 0, r = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z'; p++)
        if ((c = c * 26 + (unsigned long)(*p - 'A' + 1)) > SL_SHEET_MAX_COLS)
            return -1;
    if (p == ref || *p < '1' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++)
        if ((r = r * 10 + (unsigned long)(*p - '0')) > SL_SHEET_MAX_ROWS)
            return -1;
    if (*p)
        return -1;
    *row = r;
    *col = c - 1;
    return 0;
}

/* "B" for column 1: how the spreadsheet names a column. */
static void col_name(unsigned long col, char out[8])
{
    char tmp[8];
    int n = 0;
    for (unsigned long c = col + 1; c && n < 7; c = (c - 1) / 26)
        tmp[n++] = (char)('A' + (c - 1) % 26);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
}

static sl_status too_big(const sl_grid *g, const sl_office_opts *o, const char *what,
                         sl_error *err)
{
    return sli_fail(err, SL_EDATA, "%s: sheet \"%s\" has %s; split the sheet or export it as "
                    "CSV", o->name, g->sheet ? g->sheet : "", what);
}

/* The row numbered num, made when absent (rows mostly arrive in order). */
static sl_row *row_at(sl_grid *g, unsigned long num, int make)
{
    size_t lo = 0, hi = g->n;
    if (g->n && g->rows[g->n - 1].num < num)
        lo = g->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->rows[mid].num < num)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < g->n && g->rows[lo].num == num)
        return &g->rows[lo];
    if (!make || SL_GROW(g->rows, g->cap, g->n + 1) != 0)
        return NULL;
    memmove(g->rows + lo + 1, g->rows + lo, (g->n - lo) * sizeof *g->rows);
    g->n++;
    memset(&g->rows[lo], 0, sizeof g->rows[lo]);
    g->rows[lo].num = num;
    return &g->rows[lo];
}

static sl_cell *cell_at(sl_row *r, unsigned long col)
{
    size_t lo = 0, hi = r->n;
    if (r->n && r->cells[r->n - 1].col < col)
        lo = r->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->cells[mid].col < col)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->n && r->cells[lo].col == col)
        return &r->cells[lo];
    if (SL_GROW(r->cells, r->cap, r->n + 1) != 0)
        return NULL;
    memmove(r->cells + lo + 1, r->cells + lo, (r->n - lo) * sizeof *r->cells);
    r->n++;
    r->cells[lo] = (sl_cell){col, NULL};
    return &r->cells[lo];
}

sl_status sli_grid_set(sl_grid *g, const sl_office_opts *o, unsigned long row, unsigned long col,
                      char *text, sl_error *err)
{
    if (row < 1 || row > SL_SHEET_MAX_ROWS || col >= SL_SHEET_MAX_COLS) {
        free(text);
        return too_big(g, o, "a cell outside the 1048576 x 16384 grid", err);
    }
    if (g->ncells >= SL_SHEET_MAX_CELLS) {
        free(text);
        return too_big(g, o, "more than 16 million cells with a value", err);
    }
    sl_row *r = row_at(g, row, 1);
    sl_cell *c = r ? cell_at(r, col) : NULL;
    if (!c) {
        free(text);
        return sli_fail_nomem(err);
    }
    if (!c->text)
        g->ncells++;
    free(c->text);
    c->text = text;
    return SL_OK;
}

static int row_has_value(const sl_row *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->cells[i].text && r->cells[i].text[0])
            return 1;
    return 0;
}

/* The last cell holding a value (a row of no value has none). */
static const sl_cell *last_value(const sl_row *r)
{
    for (size_t i = r->n; i > 0; i--)
        if (r->cells[i - 1].text && r->cells[i - 1].text[0])
            return &r->cells[i - 1];
    return NULL;
}

static const char *cell_text(const sl_row *r, unsigned long col)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->cells[i].col == col)
            return r->cells[i].text ? r->cells[i].text : "";
    return "";
}

sl_status sli_grid_merge(sl_grid *g, const sl_office_opts *o, unsigned long r1, unsigned long c1,
                        unsigned long r2, sl_office_docs *out, sl_error *err)
{
    sl_row *top = row_at(g, r1, 0);
    const char *v = top ? cell_text(top, c1) : "";
    if (!*v)
        return SL_OK;
    /* Only rows that exist: an empty row inside a merge stays empty, and a
     * merge over a million rows makes no rows. */
    for (size_t i = 0; i < g->n; i++) {
        sl_row *r = &g->rows[i];
        if (r->num <= r1 || r->num > r2 || !row_has_value(r) || *cell_text(r, c1))
            continue;
        char *copy = strdup(v);
        if (!copy)
            return sli_fail_nomem(err);
        sl_status rc = sli_grid_set(g, o, r->num, c1, copy, err);
        if (rc != SL_OK)
            return rc;
        out->filled++;
    }
    return SL_OK;
}

void sli_grid_free(sl_grid *g)
{
    for (size_t i = 0; i < g->n; i++) {
        for (size_t j = 0; j < g->rows[i].n; j++)
            free(g->rows[i].cells[j].text);
        free(g->rows[i].cells);
    }
    free(g->rows);
    memset(g, 0, sizeof *g);
}

/* ---- the header and the stories ----------------------------------------- */

typedef struct header {
    char **names; /* per column; an empty header cell is named by its letter */
    unsigned long ncols;
    unsigned long text_col, id_col; /* == ncols when absent */
    unsigned long row;
} header;

static void header_free(header *h)
{
    for (unsigned long i = 0; i < h->ncols; i++)
        free(h->names[i]);
    free(h->names);
}

static sl_status missing_text(const sl_grid *g, const sl_office_opts *o, const header *h,
                              sl_error *err)
{
    char list[SL_ERROR_TEXT / 2];
    size_t used = 0;
    list[0] = '\0';
    for (unsigned long i = 0; i < h->ncols && used < sizeof list; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", h->names[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return sli_fail(err, SL_EDATA, "%s: sheet \"%s\" row %lu: no column \"%s\" in the header "
                    "(columns: %s); use --text-field", o->name, g->sheet, h->row,
                    o->text_field, list);
}

static sl_status take_header(const sl_grid *g, const sl_row *r, const sl_office_opts *o,
                             header *h, sl_error *err)
{
    h->row = r->num;
    h->ncols = last_value(r)->col + 1;
    if (!(h->names = calloc(h->ncols, sizeof *h->names)))
        return sli_fail_nomem(err);
    for (unsigned long c = 0; c < h->ncols; c++) {
        const char *t = cell_text(r, c);
        char letter[8];
        col_name(c, letter);
        if (!(h->names[c] = sli_rd_fielddup(*t ? t : letter, strlen(*t ? t : letter))))
            return sli_fail_nomem(err);
        for (unsigned long j = 0; j < c; j++)
            if (strcmp(h->names[j], h->names[c]) == 0)
                return sli_fail(err, SL_EDATA, "%s: sheet \"%s\" row %lu: column \"%s\" "
                                "appears twice in the header; rename one", o->name, g->sheet,
                                h->row, h->names[c]);
    }
    h->text_col = h->id_col = h->ncols;
    for (unsigned long c = 0; c < h->ncols; c++) {
        if (h->text_col == h->ncols && strcmp(h->names[c], o->text_field) == 0)
            h->text_col = c;
        else if (h->id_col == h->ncols && strcmp(h->names[c], o->id_field) == 0)
            h->id_col = c;
    }
    return h->text_col == h->ncols ? missing_text(g, o, h, err) : SL_OK;
}

static sl_status row_story(const sl_grid *g, const sl_row *r, const header *h,
                           const sl_office_opts *o, sl_office_docs *out, sl_error *err)
{
    const sl_cell *last = last_value(r);
    if (last->col >= h->ncols) {
        char letter[8];
        col_name(last->col, letter);
        return sli_fail(err, SL_EDATA, "%s: sheet \"%s\" cell %s%lu has a value but its column "
                        "has no header; give the column a name in row %lu", o->name, g->sheet,
                        letter, r->num, h->row);
    }
    sl_doc *d;
    sl_status rc = sli_office_push(out, &d, err);
    if (rc != SL_OK)
        return rc;
    const char *text = cell_text(r, h->text_col);
    const char *id = h->id_col < h->ncols ? cell_text(r, h->id_col) : "";
    d->text = sli_rd_textdup(text, strlen(text));
    d->text_len = strlen(text);
    d->id = *id ? sli_rd_fielddup(id, strlen(id)) : sli_file_line(o->name, r->num);
    d->id_from_line = !*id;
    d->source = o->name;
    d->line = r->num;
    if (!d->text || !d->id)
        return sli_fail_nomem(err);
    for (unsigned long c = 0; c < h->ncols && rc == SL_OK; c++) {
        if (c == h->text_col || c == h->id_col)
            continue;
        const char *v = cell_text(r, c);
        rc = sli_rd_meta_add(d, h->names[c], strlen(h->names[c]), v, strlen(v), err);
    }
    return rc;
}

sl_status sli_grid_stories(const sl_grid *g, const sl_office_opts *o, sl_office_docs *out,
                          sl_error *err)
{
    size_t i = 0;
    while (i < g->n && !row_has_value(&g->rows[i]))
        i++;
    if (i == g->n)
        return SL_OK; /* an empty sheet holds no stories, as an empty CSV */
    header h = {0};
    sl_status rc = take_header(g, &g->rows[i], o, &h, err);
    unsigned long prev = g->rows[i].num;
    for (i++; i < g->n && rc == SL_OK; i++) {
        const sl_row *r = &g->rows[i];
        if (!row_has_value(r))
            continue;
        out->empty_rows += r->num - prev - 1; /* rows between with no value */
        prev = r->num;
        rc = row_story(g, r, &h, o, out, err);
    }
    header_free(&h);
    return rc;
}
