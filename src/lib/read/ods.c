/*
 * ods.c - OpenDocument spreadsheets (.ods, LibreOffice Calc): one table
 * (the first, or --sheet NAME) of content.xml into a grid for sheet.c.
 *
 * ODF stores beside each value the text the cell displays (text:p), so a
 * cell reads as LibreOffice shows it: numbers and dates in the cell's
 * format ("25 %", "03/15/24"). A cell without displayed text falls back
 * to its office:value. Repeated rows and cells (ODF's run-length form;
 * LibreOffice ends a sheet with a million repeated empty rows) cost
 * nothing when empty; filled ones are made one by one, within
 * SL_SHEET_MAX_CELLS. A merged cell's value is repeated down its first
 * column (sheet.c).
 */
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "read/office.h"

#define TABLE_NS "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define TEXT_NS "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define OFFICE_NS "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

typedef struct span {
    unsigned long r1, c1, r2;
} span;

typedef struct calc {
    const sl_office_opts *o;
    sl_office_docs *out;
    sl_grid grid;
    char *name;   /* the table read */
    sl_buf names; /* every table's name, for --sheet's message */
    int in_table, done;
    unsigned long row, col, row_rep;
    sl_cell *cells; /* the row being read */
    size_t ncells, cells_cap;
    /* the cell being read */
    int in_cell, in_p, paras;
    unsigned long col_rep, row_span;
    char *value;
    sl_buf text;
    span *spans;
    size_t nspans, spans_cap;
} calc;

static unsigned long count_attr(sl_xml *x, const char *local)
{
    char *v = sli_xml_attr(x, TABLE_NS, local);
    unsigned long n = v ? strtoul(v, NULL, 10) : 1;
    free(v);
    return n < 1 ? 1 : n > SL_SHEET_MAX_ROWS ? SL_SHEET_MAX_ROWS : n;
}

static sl_status table_start(calc *c, sl_xml *x, sl_error *err)
{
    if (c->in_table) /* a table inside a cell of ours: not a sheet (fuzzing found its name leaked) */
        return sli_xml_skip(x, err) < 0 ? SL_EDATA : SL_OK;
    char *name = sli_xml_attr(x, TABLE_NS, "name");
    const char *n = name ? name : "";
    if ((c->names.n && sli_buf_add(&c->names, ", ", 2) != 0) || sli_buf_add(&c->names, n, strlen(n)) != 0) {
        free(name);
        return sli_fail_nomem(err);
    }
    if (c->done || (c->o->sheet && strcmp(c->o->sheet, n) != 0)) {
        free(name);
        return sli_xml_skip(x, err) < 0 ? SL_EDATA : SL_OK;
    }
    c->name = name;
    c->grid.sheet = name ? name : "";
    c->in_table = 1;
    c->row = 1;
    return SL_OK;
}

static void row_clear(calc *c)
{
    for (size_t i = 0; i < c->ncells; i++)
        free(c->cells[i].text);
    c->ncells = 0;
}

/* The row read, made row_rep times when it holds a value. */
static sl_status row_end(calc *c, sl_error *err)
{
    sl_status rc = SL_OK;
    for (unsigned long k = 0; k < c->row_rep && c->ncells && rc == SL_OK; k++)
        for (size_t i = 0; i < c->ncells && rc == SL_OK; i++) {
            char *t = strdup(c->cells[i].text);
            rc = t ? sli_grid_set(&c->grid, c->o, c->row + k, c->cells[i].col, t, err)
                   : sli_fail_nomem(err);
        }
    row_clear(c);
    c->row += c->row_rep;
    return rc;
}

static sl_status cell_start(calc *c, sl_xml *x)
{
    c->in_cell = 1;
    c->paras = 0;
    sli_buf_reset(&c->text);
    c->col_rep = count_attr(x, "number-columns-repeated");
    c->row_span = count_attr(x, "number-rows-spanned");
    free(c->value);
    c->value = sli_xml_attr(x, OFFICE_NS, "value");
    if (!c->value)
        c->value = sli_xml_attr(x, OFFICE_NS, "date-value");
    if (!c->value)
        c->value = sli_xml_attr(x, OFFICE_NS, "boolean-value");
    return SL_OK;
}

static sl_status keep_cell(calc *c, unsigned long col, const char *t, sl_error *err)
{
    if (col >= SL_SHEET_MAX_COLS || c->ncells >= SL_SHEET_MAX_CELLS)
        return sli_fail(err, SL_EDATA, "%s: sheet \"%s\" row %lu: too many cells; export the "
                        "sheet as CSV", c->o->name, c->grid.sheet, c->row);
    if (SL_GROW(c->cells, c->cells_cap, c->ncells + 1) != 0)
        return sli_fail_nomem(err);
    if (!(c->cells[c->ncells].text = strdup(t)))
        return sli_fail_nomem(err);
    c->cells[c->ncells++].col = col;
    return SL_OK;
}

static sl_status cell_end(calc *c, sl_error *err)
{
    const char *t = c->text.n ? c->text.s : c->value ? c->value : "";
    sl_status rc = SL_OK;
    c->in_cell = 0;
    for (unsigned long k = 0; *t && k < c->col_rep && rc == SL_OK; k++)
        rc = keep_cell(c, c->col + k, t, err);
    if (rc == SL_OK && *t && c->row_span > 1) {
        if (SL_GROW(c->spans, c->spans_cap, c->nspans + 1) != 0)
            return sli_fail_nomem(err);
        c->spans[c->nspans++] = (span){c->row, c->col, c->row + c->row_span - 1};
    }
    c->col += c->col_rep;
    if (c->col > SL_SHEET_MAX_COLS)
        c->col = SL_SHEET_MAX_COLS; /* empty repeats to the sheet's edge */
    return rc;
}

static sl_status cell_text(calc *c, sl_xml *x, int e, sl_error *err)
{
    const char *add = NULL;
    if (e == SL_XML_START && sli_xml_is(x, OFFICE_NS, "annotation"))
        return sli_xml_skip(x, err) < 0 ? SL_EDATA : SL_OK;
    if (sli_xml_is(x, TEXT_NS, "p") && e != SL_XML_TEXT) {
        if (e == SL_XML_START && c->paras++)
            add = "\n"; /* a cell's paragraphs, as its lines */
    } else if (e == SL_XML_START && sli_xml_is(x, TEXT_NS, "s"))
        add = " ";
    else if (e == SL_XML_START && sli_xml_is(x, TEXT_NS, "tab"))
        add = "\t";
    else if (e == SL_XML_START && sli_xml_is(x, TEXT_NS, "line-break"))
        add = "\n";
    else if (e == SL_XML_TEXT && c->paras)
        add = sli_xml_text(x);
    if (add && sli_buf_add(&c->text, add, strlen(add)) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

static int is_cell(const sl_xml *x)
{
    return sli_xml_is(x, TABLE_NS, "table-cell") || sli_xml_is(x, TABLE_NS, "covered-table-cell");
}

static sl_status on_event(calc *c, sl_xml *x, int e, sl_error *err)
{
    if (e == SL_XML_START && sli_xml_is(x, TABLE_NS, "table"))
        return table_start(c, x, err);
    if (!c->in_table)
        return SL_OK;
    if (e == SL_XML_END && sli_xml_is(x, TABLE_NS, "table")) {
        c->in_table = 0;
        c->done = 1;
        return SL_OK;
    }
    if (c->in_cell && !(e == SL_XML_END && is_cell(x)))
        return cell_text(c, x, e, err);
    if (e == SL_XML_START && sli_xml_is(x, TABLE_NS, "table-row")) {
        c->row_rep = count_attr(x, "number-rows-repeated");
        c->col = 0;
        return SL_OK;
    }
    if (e == SL_XML_END && sli_xml_is(x, TABLE_NS, "table-row"))
        return row_end(c, err);
    if (is_cell(x) && e != SL_XML_TEXT)
        return e == SL_XML_START ? cell_start(c, x) : cell_end(c, err);
    return SL_OK;
}

static void calc_free(calc *c)
{
    row_clear(c);
    free(c->cells);
    free(c->name);
    free(c->value);
    free(c->spans);
    sli_buf_free(&c->names);
    sli_buf_free(&c->text);
    sli_grid_free(&c->grid);
}

static sl_status read_table(calc *c, sl_zip *z, sl_error *err)
{
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = sli_xml_part(z, "content.xml", &x, &buf, err);
    if (rc == SL_OK && !x)
        rc = sli_fail(err, SL_EDATA, "%s: no content.xml in the archive: not an OpenDocument "
                      "file; save it as .ods from LibreOffice or Excel", c->o->name);
    int e = 0;
    while (rc == SL_OK && (e = sli_xml_next(x, err)) > 0)
        rc = on_event(c, x, e, err);
    if (rc == SL_OK && e < 0)
        rc = SL_EDATA;
    sli_xml_close(x);
    free(buf);
    return rc;
}

sl_status sli_ods_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err)
{
    calc c = {.o = o, .out = out};
    sl_status rc = read_table(&c, z, err);
    if (rc == SL_OK && !c.done && o->sheet)
        rc = sli_fail(err, SL_EDATA, "%s: no sheet \"%s\" (sheets: %s); give --sheet one of "
                      "them", o->name, o->sheet, c.names.s ? c.names.s : "none");
    for (size_t i = 0; i < c.nspans && rc == SL_OK; i++)
        rc = sli_grid_merge(&c.grid, o, c.spans[i].r1, c.spans[i].c1, c.spans[i].r2, out, err);
    if (rc == SL_OK)
        rc = sli_grid_stories(&c.grid, o, out, err);
    calc_free(&c);
    return rc;
}
