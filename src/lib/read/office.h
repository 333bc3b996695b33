/*
 * office.h - what the office readers share, private to read/: the bounded
 * zip archive (zip.c, libzip), the bounded XML pull parser (xml.c,
 * libxml2's xmlReader), a growing text buffer and list of stories
 * (story.c), the word-processor readers (docx.c, odt.c) and the
 * spreadsheet readers (xlsx.c, ods.c, sheet.c: a grid of cells -> one
 * story per row as CSV gives).
 *
 * An office file is a zip archive of XML parts, so it cannot be streamed
 * like a text file: a document is read whole into a list of stories at
 * open, within the limits below, and handed out one at a time.
 */
#ifndef SL_OFFICE_H
#define SL_OFFICE_H

#include <stddef.h>

#include "core/doc.h"
#include "storylens/storylens.h"

/* Bytes one document may inflate to, over all the parts read: a zip bomb
 * stops here instead of filling memory (README, "Bad input and faults"). */
#define SL_OFFICE_MAX_BYTES ((size_t)256 << 20)
/* A part over SL_OFFICE_RATIO_FLOOR bytes that inflates more than this
 * many times its compressed size is refused before it is inflated: real
 * office XML compresses 5-30 times, a bomb about 1000. */
#define SL_OFFICE_MAX_RATIO 200
#define SL_OFFICE_RATIO_FLOOR ((size_t)1 << 20)
/* Element nesting; office XML stays under 40, a hostile file need not. */
#define SL_XML_MAX_DEPTH 256
/* Spreadsheets: Excel's own grid, and the cells kept at once (ODS repeats
 * a cell or row by a count; a repeated filled row must not become
 * billions of cells). */
#define SL_SHEET_MAX_ROWS 1048576ul
#define SL_SHEET_MAX_COLS 16384ul
#define SL_SHEET_MAX_CELLS ((size_t)16 << 20)
/* Shared strings of one workbook (each costs its text and an offset). */
#define SL_SHEET_MAX_STRINGS ((size_t)4 << 20)

typedef enum sl_office_kind { SL_OFFICE_DOCX, SL_OFFICE_ODT, SL_OFFICE_XLSX, SL_OFFICE_ODS } sl_office_kind;

typedef struct sl_office_opts {
    const char *name;       /* the file, as messages and doc->source name it */
    const char *id_base;    /* a document story's id (path without extension) */
    const char *text_field; /* sheets: the text column */
    const char *id_field;   /* sheets: the id column */
    const char *sheet;      /* sheets: the sheet to read; NULL = the first */
    int split_heading;      /* documents: one story per Heading 1/2 section */
    size_t max_bytes;       /* 0 = SL_OFFICE_MAX_BYTES (tests set less) */
} sl_office_opts;

/* The stories of one file, in order; notes say what was left out. */
typedef struct sl_office_docs {
    sl_doc *docs;
    size_t n, cap, pos;
    unsigned long empty_rows; /* sheets: rows with no value, skipped */
    unsigned long filled;     /* sheets: cells filled from a merged cell above */
    sl_error damaged;         /* the file could not be read (SL_EDATA): given by the
                               * first read, so --skip-invalid, set after the open,
                               * can skip the file (office.c) */
} sl_office_docs;

/* Reads path as kind into out (empty on entry; on failure it may hold
 * stories read so far: free it with sli_office_docs_free). SL_EDATA with
 * "FILE: ..." for a damaged or hostile file (the caller opened the file
 * already, so libzip's failures are about the archive), SL_ENOMEM. */
sl_status sli_office_load(sl_office_kind kind, const char *path, const sl_office_opts *o,
                         sl_office_docs *out, sl_error *err);
void sli_office_docs_free(sl_office_docs *d);
/* A new empty story at the end of d (SL_ENOMEM). */
sl_status sli_office_push(sl_office_docs *d, sl_doc **doc, sl_error *err);

/* ---- zip.c ---------------------------------------------------------------- */
typedef struct sl_zip sl_zip;
sl_status sli_zip_open(sl_zip **out, const char *path, size_t max_bytes, sl_error *err);
/* The part entry inflated into a fresh NUL-terminated *buf of *len bytes;
 * *buf NULL (SL_OK) when the archive has no such part. */
sl_status sli_zip_read(sl_zip *z, const char *entry, char **buf, size_t *len, sl_error *err);
const char *sli_zip_name(const sl_zip *z);
void sli_zip_close(sl_zip *z);

/* ---- xml.c ---------------------------------------------------------------- */
typedef struct sl_xml sl_xml;
enum { SL_XML_START = 1, SL_XML_END, SL_XML_TEXT };
/* Parses buf[0..len) (part entry of file) with no network, no DTD and no
 * entity expansion. */
sl_status sli_xml_open(sl_xml **out, const char *buf, size_t len, const char *file,
                      const char *entry, sl_error *err);
/* The next event: SL_XML_START (an empty element gives START then END),
 * SL_XML_END, SL_XML_TEXT (text or CDATA, whitespace included); 0 at the
 * end; -1 with err filled (SL_EDATA, "FILE: ENTRY:LINE: ..."). */
int sli_xml_next(sl_xml *x, sl_error *err);
/* The current element is namespace ns (a URI) and local name. */
int sli_xml_is(const sl_xml *x, const char *ns, const char *local);
/* Attribute ns:local of the current element (ns NULL: no namespace), a
 * fresh string, or NULL. */
char *sli_xml_attr(sl_xml *x, const char *ns, const char *local);
const char *sli_xml_text(const sl_xml *x);
/* Skips the rest of the current element (after its START): the next
 * event is the one after its END. -1 with err on a parse error. */
int sli_xml_skip(sl_xml *x, sl_error *err);
unsigned long sli_xml_line(const sl_xml *x);
void sli_xml_close(sl_xml *x);
/* Reads part entry of z and opens it; *x NULL (SL_OK) when absent. */
sl_status sli_xml_part(sl_zip *z, const char *entry, sl_xml **x, char **buf, sl_error *err);

/* ---- a growing text (story.c) ------------------------------------------ */
typedef struct sl_buf {
    char *s;
    size_t n, cap;
} sl_buf;
int sli_buf_add(sl_buf *b, const char *s, size_t n);
void sli_buf_free(sl_buf *b);
/* Empties b, its text "" (not the last text) for whoever reads b->s. */
void sli_buf_reset(sl_buf *b);
/* (xml.c) The text of the element just started (its START read), to its END,
 * into t (reset first). SL_EDATA when the part ends inside it. */
sl_status sli_xml_element_text(sl_xml *x, sl_buf *t, sl_error *err);

/* ---- the formats ---------------------------------------------------------- */
sl_status sli_docx_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err);
sl_status sli_odt_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err);
sl_status sli_xlsx_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err);
sl_status sli_ods_load(sl_zip *z, const sl_office_opts *o, sl_office_docs *out, sl_error *err);

/* What docx.c and odt.c share (story.c): paragraphs gathered into one
 * story per document, or per heading section. */
typedef struct sl_story_builder {
    const sl_office_opts *o;
    sl_office_docs *out;
    sl_buf text;      /* the current story's paragraphs */
    sl_buf para;      /* the paragraph being read */
    sl_buf heading;   /* split: the current section's heading */
    unsigned section; /* split: sections begun (0: text before any heading) */
    sl_meta *props;   /* document properties, copied into every story */
    size_t nprops;
} sl_story_builder;
/* Ends the paragraph being read: heading (1 or 2) starts a section when
 * splitting, else it is a paragraph like any other. */
sl_status sli_story_para_end(sl_story_builder *b, int heading, sl_error *err);
/* Ends the document: the last story. */
sl_status sli_story_finish(sl_story_builder *b, sl_error *err);
sl_status sli_story_prop(sl_story_builder *b, const char *key, const char *val, sl_error *err);
void sli_story_free(sl_story_builder *b);

/* ---- sheet.c: a grid of cell texts -> one story per row ------------------ */
typedef struct sl_cell {
    unsigned long col; /* 0-based */
    char *text;        /* owned */
} sl_cell;
typedef struct sl_row {
    unsigned long num; /* 1-based, as the spreadsheet shows it */
    sl_cell *cells;    /* in column order */
    size_t n, cap;
} sl_row;
typedef struct sl_grid {
    const char *sheet; /* its name, for messages (borrowed) */
    sl_row *rows;      /* in row order */
    size_t n, cap;
    size_t ncells;
} sl_grid;
/* Sets cell (row, col) to text (taken; freed on failure); rows and cells
 * arrive in order, except merge fills. */
sl_status sli_grid_set(sl_grid *g, const sl_office_opts *o, unsigned long row, unsigned long col,
                      char *text, sl_error *err);
/* Fills the merged region's other rows in its first column with its
 * top-left value, in rows that hold some other value. */
sl_status sli_grid_merge(sl_grid *g, const sl_office_opts *o, unsigned long r1, unsigned long c1,
                        unsigned long r2, sl_office_docs *out, sl_error *err);
/* The first row with a value is the header; every later row a story. */
sl_status sli_grid_stories(const sl_grid *g, const sl_office_opts *o, sl_office_docs *out,
                          sl_error *err);
void sli_grid_free(sl_grid *g);
/* "A1" style reference -> 1-based row and 0-based column; -1 if bad. */
int sli_cell_ref(const char *ref, unsigned long *row, unsigned long *col);

/* ---- numfmt.c: a number as an .xlsx number format shows it --------------- */
/* v as format code shows it (en-US: "1,234.50", "25%", "£3.00",
 * "1.23E+04") into out[0..n); 0, or -1 when the code is not understood
 * (a fraction, a condition, a date, text "@") or out is too small: the
 * caller then writes v in General form. */
int sli_numfmt(double v, const char *code, char *out, size_t n);
/* Excel's General form: 15 significant digits at most, no trailing zeros,
 * 1.5E+20 beyond (0.1, 1234.5, 3). */
void sli_numfmt_general(double v, char *out, size_t n);
/* The code of a built-in numFmtId that is no date ("0.00%" for 10), or
 * NULL: dates are xlsx.c's, and 5-8 (the locale's currency) and the
 * fractions are not applied. Static. */
const char *sli_numfmt_builtin(long id);

#endif
