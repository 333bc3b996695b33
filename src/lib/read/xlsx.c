/*
 * xlsx.c - Excel workbooks (.xlsx, Office Open XML): one sheet (the first
 * in the workbook's order, or --sheet NAME) into a grid for sheet.c.
 *
 * A cell gives its value as text: shared and inline strings as written, a
 * formula its cached result, TRUE/FALSE, an error as Excel shows it
 * (#DIV/0!). A number reads as its cell's number format shows it (25%,
 * 1,234.50, £3.00: numfmt.c), through the cell's style (s=, an index into
 * cellXfs) and that style's numFmtId, built in or a numFmt of styles.xml;
 * a format numfmt.c does not understand gives Excel's General form (15
 * significant digits). A cell whose format is a date or time format reads
 * as ISO 8601 (2024-03-15, 2024-03-15 14:30:00, 14:30:00), not in the
 * locale's order Excel shows (3/15/2024), from the 1900 or 1904 date
 * system the workbook names. A merged cell's
 * value is repeated down its first column (sheet.c).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"
#include "read/office.h"

#define S_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PR_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define MAX_STYLES 65536
/* Excel keeps 200-250 custom number formats per workbook and 255
 * characters per code; beyond these a format is left out (General), so a
 * hostile styles.xml cannot make every cell's lookup or rendering slow. */
#define MAX_FMTS 1024
#define MAX_FMT_CODE 255

typedef struct rich {
    int in_t, skip; /* inside a t; inside phonetic runs (rPh), left out */
} rich;

/* The cell being read. */
typedef struct cell {
    unsigned long row, col;
    char *type;  /* t: s, str, inlineStr, b, e, n, d */
    long style;  /* s */
    sl_buf v;    /* v, or the inline string */
    int in_v;
} cell;

typedef struct numfmt {
    long id;
    char *code; /* formatCode */
} numfmt;

typedef struct book {
    sl_zip *z;
    const sl_office_opts *o;
    char *sheet_name, *sheet_rid, *sheet_path;
    sl_buf names; /* every sheet's name, for the message when --sheet misses */
    int date1904;
    sl_buf strings;  /* shared strings, each NUL-terminated */
    size_t *str_off;
    size_t nstr, str_cap;
    unsigned char *xf_date; /* per cell style: 0 number, 1 date, 2 time */
    const char **xf_code;   /* per cell style: its number format's code, or NULL */
    size_t nxf, xf_cap, xf_fmt_cap;
    numfmt *fmts;           /* styles.xml's own number formats */
    size_t nfmts, fmts_cap;
    int in_xfs;
    rich rs;
    cell c;
    unsigned long row, next_col; /* where a row or cell without r goes */
    sl_grid grid;
    sl_office_docs *out;
} book;

typedef sl_status (*part_fn)(book *b, sl_xml *x, int e, sl_error *err);

/* Runs fn over every event of part entry; absent parts are fine when
 * optional. */
static sl_status each_event(book *b, const char *entry, int optional, part_fn fn, sl_error *err)
{
    char *buf = NULL;
    sl_xml *x = NULL;
    sl_status rc = sli_xml_part(b->z, entry, &x, &buf, err);
    if (rc != SL_OK)
        return rc;
    if (!x)
        return optional ? SL_OK
                        : sli_fail(err, SL_EDATA, "%s: no %s in the archive: not an Excel "
                                   "workbook; save it as .xlsx from Excel or LibreOffice",
                                   b->o->name, entry);
    int e = 0;
    while (rc == SL_OK && (e = sli_xml_next(x, err)) > 0)
        rc = fn(b, x, e, err);
    if (rc == SL_OK && e < 0)
        rc = SL_EDATA;
    sli_xml_close(x);
    free(buf);
    return rc;
}

/* ---- workbook.xml and its relationships ------------------------------------ */

static sl_status on_workbook(book *b, sl_xml *x, int e, sl_error *err)
{
    if (e != SL_XML_START)
        return SL_OK;
    if (sli_xml_is(x, S_NS, "workbookPr")) {
        char *v = sli_xml_attr(x, NULL, "date1904");
        b->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
        free(v);
    }
    if (!sli_xml_is(x, S_NS, "sheet"))
        return SL_OK;
    char *name = sli_xml_attr(x, NULL, "name"), *rid = sli_xml_attr(x, R_NS, "id");
    sl_status rc = SL_OK;
    if (!name || !rid)
        rc = SL_OK; /* a sheet entry we cannot use */
    else if (sli_buf_add(&b->names, b->names.n ? ", " : "", b->names.n ? 2 : 0) != 0 ||
             sli_buf_add(&b->names, name, strlen(name)) != 0)
        rc = sli_fail_nomem(err);
    else if (!b->sheet_rid && (!b->o->sheet || strcmp(b->o->sheet, name) == 0)) {
        b->sheet_name = name;
        b->sheet_rid = rid;
        return SL_OK;
    }
    free(name);
    free(rid);
    return rc;
}

static sl_status on_rels(book *b, sl_xml *x, int e, sl_error *err)
{
    if (e != SL_XML_START || !sli_xml_is(x, PR_NS, "Relationship") || b->sheet_path)
        return SL_OK;
    char *id = sli_xml_attr(x, NULL, "Id"), *target = sli_xml_attr(x, NULL, "Target");
    sl_status rc = SL_OK;
    if (id && target && strcmp(id, b->sheet_rid) == 0) {
        size_t n = strlen(target) + 4;
        if ((b->sheet_path = malloc(n)) == NULL)
            rc = sli_fail_nomem(err);
        else if (target[0] == '/') /* from the package root */
            snprintf(b->sheet_path, n, "%s", target + 1);
        else
            snprintf(b->sheet_path, n, "xl/%s", target);
    }
    free(id);
    free(target);
    return rc;
}

static sl_status find_sheet(book *b, sl_error *err)
{
    sl_status rc = each_event(b, "xl/workbook.xml", 0, on_workbook, err);
    if (rc != SL_OK)
        return rc;
    if (!b->sheet_rid && b->o->sheet)
        return sli_fail(err, SL_EDATA, "%s: no sheet \"%s\" (sheets: %s); give --sheet one of "
                        "them", b->o->name, b->o->sheet, b->names.s ? b->names.s : "none");
    if (!b->sheet_rid)
        return sli_fail(err, SL_EDATA, "%s: the workbook lists no sheet; save it again from "
                        "Excel or LibreOffice", b->o->name);
    if ((rc = each_event(b, "xl/_rels/workbook.xml.rels", 0, on_rels, err)) != SL_OK)
        return rc;
    if (!b->sheet_path)
        return sli_fail(err, SL_EDATA, "%s: sheet \"%s\" has no part in the archive; save it "
                        "again from Excel or LibreOffice", b->o->name, b->sheet_name);
    return SL_OK;
}

/* ---- sharedStrings.xml ----------------------------------------------------- */

/* Text of an si or is element: its t elements, phonetic guides left out. */
static int rich_event(rich *s, sl_xml *x, int e, sl_buf *out)
{
    if (e == SL_XML_START && sli_xml_is(x, S_NS, "rPh"))
        s->skip = 1;
    else if (e == SL_XML_END && sli_xml_is(x, S_NS, "rPh"))
        s->skip = 0;
    else if (sli_xml_is(x, S_NS, "t") && e != SL_XML_TEXT)
        s->in_t = e == SL_XML_START;
    else if (e == SL_XML_TEXT && s->in_t && !s->skip)
        return sli_buf_add(out, sli_xml_text(x), strlen(sli_xml_text(x)));
    return 0;
}

static sl_status on_strings(book *b, sl_xml *x, int e, sl_error *err)
{
    if (e == SL_XML_START && sli_xml_is(x, S_NS, "si")) {
        if (b->nstr >= SL_SHEET_MAX_STRINGS)
            return sli_fail(err, SL_EDATA, "%s: more than %zu shared strings; split the "
                            "workbook or export the sheet as CSV", b->o->name,
                            SL_SHEET_MAX_STRINGS);
        if (SL_GROW(b->str_off, b->str_cap, b->nstr + 1) != 0)
            return sli_fail_nomem(err);
        b->str_off[b->nstr++] = b->strings.n;
        b->rs = (rich){0};
        return SL_OK;
    }
    if (e == SL_XML_END && sli_xml_is(x, S_NS, "si"))
        return sli_buf_add(&b->strings, "", 1) != 0 ? sli_fail_nomem(err) : SL_OK;
    if (b->nstr && rich_event(&b->rs, x, e, &b->strings) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

/* ---- styles.xml: which cell styles are dates ------------------------------- */

/* 1 date (or date and time), 2 time only, 0 neither: what a format code
 * shows, its quoted text, escapes and [colour] brackets left out. */
static int code_kind(const char *code)
{
    int date = 0, time = 0, month = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            while (p[1] && p[1] != '"')
                p++;
            p += p[1] != '\0';
        } else if (*p == '\\' && p[1])
            p++;
        else if (*p == '[') {
            const char *q = strchr(p, ']');
            if (q && (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 's'))
                time = 1; /* elapsed time: [h]:mm */
            if (q)
                p = q;
        } else if (strchr("dDyY", *p))
            date = 1;
        else if (strchr("hHsS", *p))
            time = 1;
        else if (*p == 'm' || *p == 'M')
            month = 1;
    }
    if (date || (month && !time))
        return 1;
    return time ? 2 : 0;
}

static int builtin_kind(long id)
{
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return 1; /* 27-36, 50-58: the East Asian date formats */
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47))
        return 2;
    return 0;
}

/* The code of number format id: the workbook's own, else a built-in one. */
static const char *fmt_code(const book *b, long id)
{
    for (size_t i = b->nfmts; i-- > 0;) /* the last definition wins */
        if (b->fmts[i].id == id)
            return b->fmts[i].code;
    return sli_numfmt_builtin(id);
}

static int custom_kind(const book *b, long id)
{
    for (size_t i = b->nfmts; i-- > 0;)
        if (b->fmts[i].id == id)
            return code_kind(b->fmts[i].code);
    return -1;
}

static sl_status add_fmt(book *b, sl_xml *x, long id, sl_error *err)
{
    char *code = sli_xml_attr(x, NULL, "formatCode");
    if (!code || b->nfmts >= MAX_FMTS || strlen(code) > MAX_FMT_CODE) {
        free(code); /* a format without a code is General */
        return SL_OK;
    }
    if (SL_GROW(b->fmts, b->fmts_cap, b->nfmts + 1) != 0) {
        free(code);
        return sli_fail_nomem(err);
    }
    b->fmts[b->nfmts++] = (numfmt){id, code};
    return SL_OK;
}

static sl_status on_styles(book *b, sl_xml *x, int e, sl_error *err)
{
    if (sli_xml_is(x, S_NS, "cellXfs") && e != SL_XML_TEXT)
        b->in_xfs = e == SL_XML_START;
    if (e != SL_XML_START)
        return SL_OK;
    char *id = sli_xml_attr(x, NULL, "numFmtId");
    long n = id ? strtol(id, NULL, 10) : 0;
    free(id);
    if (sli_xml_is(x, S_NS, "numFmt"))
        return add_fmt(b, x, n, err);
    if (b->in_xfs && sli_xml_is(x, S_NS, "xf") && b->nxf < MAX_STYLES) {
        if (SL_GROW(b->xf_date, b->xf_cap, b->nxf + 1) != 0 ||
            SL_GROW(b->xf_code, b->xf_fmt_cap, b->nxf + 1) != 0)
            return sli_fail_nomem(err);
        int k = custom_kind(b, n);
        b->xf_code[b->nxf] = fmt_code(b, n); /* the codes stay where they are */
        b->xf_date[b->nxf++] = (unsigned char)(k >= 0 ? k : builtin_kind(n));
    }
    return SL_OK;
}

/* ---- a cell's text ---------------------------------------------------------- */

/* Days since 1970-01-01 -> y, m, d (Howard Hinnant's civil_from_days). */
static void civil(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned long doe = (unsigned long)(z - era * 146097);
    unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned long mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = (long)yoe + era * 400 + (*m <= 2);
}

/* A date serial as ISO 8601; 0 when it is no date Excel would show. */
static int serial_text(const book *b, double v, int kind, char *out, size_t n)
{
    if (!(v >= 0 && v < 2958466)) /* Excel's dates end at 9999-12-31 */
        return 0;
    long days = (long)floor(v);
    long secs = lround((v - (double)days) * 86400.0);
    if (secs >= 86400) {
        days++;
        secs -= 86400;
    }
    long y;
    unsigned m, d;
    if (b->date1904)
        civil(days - 24107, &y, &m, &d); /* 1904-01-01 is day 0 */
    else if (days == 60) {
        y = 1900, m = 2, d = 29; /* Lotus's leap day, which Excel keeps */
    } else
        civil(days - (days < 60 ? 25568 : 25569), &y, &m, &d);
    int hh = (int)(secs / 3600), mm = (int)(secs / 60 % 60), ss = (int)(secs % 60);
    if (kind == 2)
        snprintf(out, n, "%02d:%02d:%02d", hh, mm, ss);
    else if (secs)
        snprintf(out, n, "%04ld-%02u-%02u %02d:%02d:%02d", y, m, d, hh, mm, ss);
    else
        snprintf(out, n, "%04ld-%02u-%02u", y, m, d);
    return 1;
}

/* A number cell: a date or time if its style says so, else as its number
 * format shows it, else General. */
static char *number_text(const book *b, const cell *c)
{
    char *end = NULL;
    const char *s = c->v.s ? c->v.s : "";
    double v = strtod(s, &end);
    if (!*s || !end || *end || !isfinite(v))
        return strdup(s); /* not a number after all: keep what is written */
    int styled = c->style >= 0 && (size_t)c->style < b->nxf;
    int kind = styled ? b->xf_date[c->style] : 0;
    char out[128];
    if (kind && serial_text(b, v, kind, out, sizeof out))
        return strdup(out);
    const char *code = styled ? b->xf_code[c->style] : NULL;
    if (!kind && code && sli_numfmt(v, code, out, sizeof out) == 0)
        return strdup(out);
    sli_numfmt_general(v, out, sizeof out);
    return strdup(out);
}

static char *cell_value(const book *b, const cell *c)
{
    const char *t = c->type ? c->type : "n";
    const char *v = c->v.s ? c->v.s : "";
    if (strcmp(t, "s") == 0) {
        char *end = NULL;
        unsigned long i = strtoul(v, &end, 10);
        /* an index past the table is a damaged file, but one cell: empty */
        return strdup(*v && !*end && i < b->nstr ? b->strings.s + b->str_off[i] : "");
    }
    if (strcmp(t, "b") == 0)
        return strdup(strcmp(v, "1") == 0 ? "TRUE" : *v ? "FALSE" : "");
    if (strcmp(t, "n") == 0)
        return number_text(b, c);
    return strdup(v); /* str (a formula's text), inlineStr, e (#N/A), d (ISO) */
}

/* ---- the sheet ---------------------------------------------------------------- */

static sl_status cell_start(book *b, sl_xml *x, sl_error *err)
{
    char *ref = sli_xml_attr(x, NULL, "r"), *s = sli_xml_attr(x, NULL, "s");
    cell *c = &b->c;
    c->row = b->row;
    c->col = b->next_col;
    if (ref && sli_cell_ref(ref, &c->row, &c->col) != 0) {
        sl_status rc = sli_fail(err, SL_EDATA, "%s: sheet \"%s\": bad cell reference \"%s\"; "
                                "save the file again from Excel or LibreOffice", b->o->name,
                                b->sheet_name, ref);
        free(ref);
        free(s);
        return rc;
    }
    free(ref);
    c->style = s ? strtol(s, NULL, 10) : -1;
    free(s);
    free(c->type);
    c->type = sli_xml_attr(x, NULL, "t");
    sli_buf_reset(&c->v);
    b->rs = (rich){0};
    b->next_col = c->col + 1;
    return SL_OK;
}

static sl_status cell_end(book *b, sl_error *err)
{
    cell *c = &b->c;
    char *text = cell_value(b, c);
    if (!text)
        return sli_fail_nomem(err);
    if (!*text) {
        free(text); /* a styled empty cell: nothing to keep */
        return SL_OK;
    }
    return sli_grid_set(&b->grid, b->o, c->row, c->col, text, err);
}

static sl_status row_start(book *b, sl_xml *x, sl_error *err)
{
    char *r = sli_xml_attr(x, NULL, "r");
    unsigned long n = r ? strtoul(r, NULL, 10) : b->row + 1;
    free(r);
    if (n < 1 || n > SL_SHEET_MAX_ROWS)
        return sli_fail(err, SL_EDATA, "%s: sheet \"%s\": row number out of range; save the "
                        "file again from Excel or LibreOffice", b->o->name, b->sheet_name);
    b->row = n;
    b->next_col = 0;
    return SL_OK;
}

static sl_status merge(book *b, sl_xml *x, sl_error *err)
{
    char *ref = sli_xml_attr(x, NULL, "ref");
    char *colon = ref ? strchr(ref, ':') : NULL;
    unsigned long r1, c1, r2, c2;
    sl_status rc = SL_OK;
    if (colon) {
        *colon = '\0';
        if (sli_cell_ref(ref, &r1, &c1) == 0 && sli_cell_ref(colon + 1, &r2, &c2) == 0)
            rc = sli_grid_merge(&b->grid, b->o, r1, c1, r2, b->out, err);
    }
    free(ref);
    return rc;
}

static sl_status on_sheet(book *b, sl_xml *x, int e, sl_error *err)
{
    if (e == SL_XML_TEXT) {
        const char *t = sli_xml_text(x);
        if (b->c.in_v && sli_buf_add(&b->c.v, t, strlen(t)) != 0)
            return sli_fail_nomem(err);
        if (!b->c.in_v && rich_event(&b->rs, x, e, &b->c.v) != 0)
            return sli_fail_nomem(err);
        return SL_OK;
    }
    if (sli_xml_is(x, S_NS, "v")) {
        b->c.in_v = e == SL_XML_START;
        return SL_OK;
    }
    if (sli_xml_is(x, S_NS, "c"))
        return e == SL_XML_START ? cell_start(b, x, err) : cell_end(b, err);
    if (sli_xml_is(x, S_NS, "row") && e == SL_XML_START)
        return row_start(b, x, err);
    if (sli_xml_is(x, S_NS, "mergeCell") && e == SL_XML_START)
        return merge(b, x, err);
    if (sli_xml_is(x, S_NS, "f") && e == SL_XML_START)
        return sli_xml_skip(x, err) < 0 ? SL_EDATA : SL_OK; /* the formula, not its value */
    if (rich_event(&b->rs, x, e, &b->c.v) != 0)
        return sli_fail_nomem(err);
    return SL_OK;
}

static void book_free(book *b)
{
    free(b->sheet_name);
    free(b->sheet_rid);
    free(b->sheet_path);
    sli_buf_free(&b->names);
    sli_buf_free(&b->strings);
    free(b->str_off);
    free(b->xf_date);
    free(b->xf_code);
    for (size_t i = 0; i < b->nfmts; i++)
        free(b->fmts[i].code);
    free(b->fmts);
    free(b->c.type);
    sli_buf_free(&b->c.v);
    sli_grid_free(&b->grid);
}

sl_status sli_xlsx_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err)
{
    book b = {.z = z, .o = o, .out = out};
    sl_status rc = find_sheet(&b, err);
    if (rc == SL_OK)
        rc = each_event(&b, "xl/sharedStrings.xml", 1, on_strings, err);
    if (rc == SL_OK)
        rc = each_event(&b, "xl/styles.xml", 1, on_styles, err);
    b.grid.sheet = b.sheet_name;
    if (rc == SL_OK)
        rc = each_event(&b, b.sheet_path, 0, on_sheet, err);
    if (rc == SL_OK)
        rc = sli_grid_stories(&b.grid, o, out, err);
    book_free(&b);
    return rc;
}
