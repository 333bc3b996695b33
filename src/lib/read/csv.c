/*
 * read_csv.c - CSV and TSV sources (RFC 4180; delimiter ',', ';', '|' or
 * '\t').
 *
 * A byte-at-a-time state machine over our own input buffer, so one record is
 * held at a time and a field may be any size. Quoted fields may hold the
 * delimiter, doubled quotes ("") and line breaks; physical lines are counted
 * here so a story's line is where its record starts, even after a quoted
 * newline. Records end at LF or CRLF (a lone CR inside a field is data), the
 * last record may lack a line end, and empty lines between records are
 * skipped. The header row names the columns; a UTF-8 BOM before it is
 * dropped.
 *
 * Spreadsheets write CSV in their own dialects. Excel with European
 * settings separates fields by ';': when the header line has no ',' outside
 * quotes and has a ';', the file is read with ';' and a note says so
 * (--delimiter chooses; a header with both keeps ','). An old Mac CSV
 * ends its lines with a lone CR: when the first block read (64 KB) has a CR
 * and no LF at all, a lone CR ends a line too, outside quotes a record, and
 * inside quotes it stays data but counts as a line. The test is on the
 * whole block rather than on each CR, so a stray CR inside a field of an
 * ordinary LF file stays data, as it always was, and cannot split a record.
 *
 * Leniency, chosen to match what spreadsheet programs accept: a quote inside
 * an unquoted field (ab"c, or a field starting with a space) is an ordinary
 * character. What follows a closing quote is strict ("ab"c is an error):
 * there the writer's quoting is broken and guessing could merge records.
 */
#include "read/record.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"

#define IBUF_SIZE 65536

/* ---- input ---------------------------------------------------------------- */

static int fill(sl_reader *r)
{
    if (r->ieof)
        return 0;
    errno = 0;
    r->ilen = fread(r->ibuf, 1, IBUF_SIZE, r->in);
    r->ipos = 0;
    if (r->ilen < IBUF_SIZE) {
        r->ieof = 1;
        if (ferror(r->in))
            r->ierrno = errno ? errno : EIO;
    }
    return 1;
}

/* Keeps a copy of each byte of the record being read, so that a malformed
 * record can be read again from its second line (see resync). */
static int raw_put(sl_reader *r, int c)
{
    if (SL_GROW(r->raw, r->raw_cap, r->raw_len + 1) != 0)
        return -1;
    r->raw[r->raw_len++] = (unsigned char)c;
    return 0;
}

/* The next byte, or EOF; a read error also gives EOF and sets r->ierrno.
 * Bytes given back by resync come first. */
static int next_byte(sl_reader *r)
{
    int c;
    if (r->rpos < r->rlen) {
        c = r->replay[r->rpos++];
    } else {
        if (r->ipos == r->ilen && (fill(r) <= 0 || r->ilen == 0))
            return EOF;
        c = r->ibuf[r->ipos++];
    }
    r->col++;
    if (r->skip_invalid && raw_put(r, c) != 0) {
        r->ierrno = ENOMEM;
        return EOF;
    }
    return c;
}

static int peek_byte(sl_reader *r)
{
    if (r->rpos < r->rlen)
        return r->replay[r->rpos];
    if (r->ipos == r->ilen && (fill(r) <= 0 || r->ilen == 0))
        return EOF;
    return r->ibuf[r->ipos];
}

static void new_line(sl_reader *r)
{
    r->line++;
    r->col = 0;
}

/* ---- the record buffer ---------------------------------------------------- */

static int rec_put(sl_reader *r, char c)
{
    if (SL_GROW(r->rec, r->rec_cap, r->rec_len + 2) != 0)
        return -1;
    r->rec[r->rec_len++] = c;
    return 0;
}

/* Inside a quoted field, the bytes up to the next quote or line break are
 * plain data: they are taken from the input buffer in one step (the
 * state machine's per-byte work is for the bytes that change its state).
 * Returns -1 when out of memory. Bytes being replayed by resync take the
 * byte-wise path. */
static int take_quoted_run(sl_reader *r)
{
    if (r->rpos < r->rlen || r->ipos >= r->ilen)
        return 0;
    const unsigned char *b = r->ibuf + r->ipos;
    size_t avail = r->ilen - r->ipos;
    const unsigned char *q = memchr(b, '"', avail);
    size_t n = q ? (size_t)(q - b) : avail;
    const unsigned char *nl = memchr(b, '\n', n);
    if (nl)
        n = (size_t)(nl - b);
    const unsigned char *cr = r->cr_lines ? memchr(b, '\r', n) : NULL;
    if (cr) /* old Mac line ends: a CR is counted as a line */
        n = (size_t)(cr - b);
    if (n == 0)
        return 0;
    if (SL_GROW(r->rec, r->rec_cap, r->rec_len + n + 1) != 0)
        return -1;
    memcpy(r->rec + r->rec_len, b, n);
    r->rec_len += n;
    if (r->skip_invalid)
        for (size_t i = 0; i < n; i++)
            if (raw_put(r, b[i]) != 0)
                return -1;
    r->ipos += n;
    r->col += n;
    return 0;
}

static int field_begin(sl_reader *r)
{
    /* foff and flen share fcap: each grows from it, and it moves only
     * once both have */
    size_t cap = r->fcap;
    if (SL_GROW(r->foff, cap, r->nf + 1) != 0)
        return -1;
    cap = r->fcap;
    if (SL_GROW(r->flen, cap, r->nf + 1) != 0)
        return -1;
    r->fcap = cap;
    r->foff[r->nf] = r->rec_len;
    return 0;
}

/* Closes the current field: NUL-terminates it so it can serve as a C string. */
static int field_end(sl_reader *r)
{
    r->flen[r->nf] = r->rec_len - r->foff[r->nf];
    if (rec_put(r, '\0') != 0)
        return -1;
    r->nf++;
    return 0;
}

/* ---- the parser ----------------------------------------------------------- */

enum csv_state { AT_START, UNQUOTED, QUOTED, AFTER_QUOTE };

typedef struct rec_parse {
    enum csv_state st;
    int started;             /* the record has content (not an empty line) */
    unsigned long line;      /* where the record starts */
    unsigned long qline, qcol; /* where the open quote is */
    size_t raw_start;        /* offset in r->raw of the record's first byte */
} rec_parse;

/* A CR followed by LF or the end is part of the line end; returns 1 then. */
static int cr_ends_line(sl_reader *r)
{
    int p = peek_byte(r);
    return p == '\n' || p == EOF;
}

/* A lone CR in a file of old Mac line ends: a line end by itself. */
static int lone_cr(sl_reader *r, int c)
{
    return c == '\r' && r->cr_lines && peek_byte(r) != '\n';
}

/* The end of the first line in s[0..n): where the next line starts, or
 * NULL when the line does not end there. */
static unsigned char *after_line_end(const sl_reader *r, unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            return s + i + 1;
        if (s[i] == '\r' && r->cr_lines)
            return s + i + 1 + (i + 1 < n && s[i + 1] == '\n');
    }
    return NULL;
}

/* One byte outside quotes. Returns 1 when the record is complete, 0 to go
 * on, -1 out of memory. */
static int step_plain(sl_reader *r, rec_parse *p, int c, int delim)
{
    if (c == EOF || c == '\n') {
        if (!p->started) {
            if (c == '\n')
                new_line(r);
            return c == EOF ? 1 : 0; /* an empty line: skipped */
        }
        if (field_end(r) != 0)
            return -1;
        if (c == '\n')
            new_line(r);
        return 1;
    }
    if (c == '\r' && cr_ends_line(r))
        return 0;
    if (!p->started) {
        p->started = 1;
        p->line = r->line;
        p->raw_start = r->raw_len ? r->raw_len - 1 : 0;
    }
    if (c == delim) {
        if (field_end(r) != 0 || field_begin(r) != 0)
            return -1;
        p->st = AT_START;
    } else if (c == '"' && p->st == AT_START) {
        p->st = QUOTED;
        p->qline = r->line;
        p->qcol = r->col;
    } else {
        if (rec_put(r, (char)c) != 0)
            return -1;
        p->st = UNQUOTED;
    }
    return 0;
}

/* After a record whose quoting is broken, reading resumes at the line after
 * the one where the record starts: the bytes read since then are given
 * back to be read again, or, when the record's first line is not over yet,
 * the rest of that line is dropped. One stray quote thus costs the record
 * it opens in, never the rest of the file. Returns -1 out of memory. */
static int resync(sl_reader *r, const rec_parse *p)
{
    size_t from = p->raw_start < r->raw_len ? p->raw_start : r->raw_len;
    unsigned char *next = after_line_end(r, r->raw + from, r->raw_len - from);
    if (next) {
        size_t keep = (size_t)(r->raw + r->raw_len - next);
        size_t left = r->rlen - r->rpos;
        unsigned char *buf = malloc(keep + left + 1);
        if (!buf)
            return -1;
        memcpy(buf, next, keep);
        if (left)
            memcpy(buf + keep, r->replay + r->rpos, left);
        free(r->replay);
        r->replay = buf;
        r->rpos = 0;
        r->rlen = keep + left;
    } else {
        int c;
        while ((c = next_byte(r)) != EOF && c != '\n' && !(c == '\r' && r->cr_lines))
            ;
        if (c == '\r' && peek_byte(r) == '\n')
            next_byte(r);
    }
    r->line = p->line + 1;
    r->col = 0;
    r->raw_len = 0;
    return 0;
}

/* A record whose quoting is broken: resynchronise when records may be
 * skipped, and report it. */
static sl_status broken_quoting(sl_reader *r, const rec_parse *p, unsigned long line,
                                unsigned long col, const char *what, sl_error *err)
{
    int skippable = r->skip_invalid && !r->ierrno;
    if (skippable && resync(r, p) != 0)
        return sli_fail_nomem(err);
    sl_status s = sli_rd_malformed(r, skippable, line, col, err, "%s", what);
    if (skippable) {
        /* the skipped record is listed where it starts; say where it broke */
        size_t n = strlen(r->bad_reason);
        snprintf(r->bad_reason + n, sizeof r->bad_reason - n, " (at line %lu, column %lu)",
                 line, col);
        r->bad_line = p->line;
    }
    return s;
}

static sl_status read_record(sl_reader *r, int *got, unsigned long *line, sl_error *err)
{
    const int delim = r->delim;
    rec_parse p = {AT_START, 0, r->line, 0, 0, 0};
    r->raw_len = 0;
    r->rec_len = 0;
    r->nf = 0;
    if (field_begin(r) != 0)
        return sli_fail_nomem(err);
    for (;;) {
        if (p.st == QUOTED && take_quoted_run(r) != 0)
            return sli_fail_nomem(err);
        int c = next_byte(r);
        int done = 0;
        if (c == EOF && r->ierrno)
            return sli_rd_read_error(r, r->ierrno, err);
        if (p.st == QUOTED) {
            if (c == EOF)
                return broken_quoting(r, &p, p.qline, p.qcol,
                                      "quote opened here is never closed", err);
            if (c == '"')
                p.st = AFTER_QUOTE;
            else if (rec_put(r, (char)c) != 0)
                return sli_fail_nomem(err);
            if (c == '\n' || lone_cr(r, c)) /* a CR stays data, but is a line */
                new_line(r);
            continue;
        }
        if (lone_cr(r, c))
            c = '\n';
        if (p.st == AFTER_QUOTE) {
            if (c == '"') {
                p.st = QUOTED; /* a doubled quote stands for one */
                if (rec_put(r, '"') != 0)
                    return sli_fail_nomem(err);
                continue;
            }
            if (c != EOF && c != '\n' && c != delim && !(c == '\r' && cr_ends_line(r)))
                return broken_quoting(r, &p, r->line, r->col,
                                      "unexpected character after a closing quote; "
                                      "write a quote inside a quoted field as \"\"",
                                      err);
        }
        done = step_plain(r, &p, c, delim);
        if (done < 0)
            return sli_fail_nomem(err);
        if (done) {
            *got = p.started;
            *line = p.line;
            return SL_OK;
        }
    }
}

/* ---- header and records --------------------------------------------------- */

/* A character in the column names that would separate fields better than
 * the one in use: the advice of a missing text column. */
static int other_delimiter(const sl_reader *r)
{
    static const char seps[] = ";\t|,";
    for (const char *d = seps; *d; d++)
        for (size_t i = 0; *d != r->delim && i < r->ncols; i++)
            if (strchr(r->cols[i], *d))
                return *d;
    return 0;
}

static sl_status missing_text_column(sl_reader *r, unsigned long line, sl_error *err)
{
    char list[SL_ERROR_TEXT / 2];
    size_t used = 0;
    list[0] = '\0';
    for (size_t i = 0; i < r->ncols && used < sizeof list; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", r->cols[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    int d = other_delimiter(r);
    const char *q = d == ';' ? "';'" : d == '|' ? "'|'" : "','";
    if (d)
        return sli_fail(err, SL_EDATA,
                        "%s:%lu: no column \"%s\" in the header (columns: %s); the header "
                        "holds %s: if that separates the fields, give --delimiter %s; "
                        "else use --text-field",
                        r->name, line, r->text_field, list, d == '\t' ? "a tab" : q,
                        d == '\t' ? "tab" : q);
    return sli_fail(err, SL_EDATA,
                   "%s:%lu: no column \"%s\" in the header (columns: %s); use --text-field",
                   r->name, line, r->text_field, list);
}

static sl_status take_header(sl_reader *r, unsigned long line, sl_error *err)
{
    r->cols = calloc(r->nf, sizeof *r->cols);
    if (!r->cols)
        return sli_fail_nomem(err);
    r->ncols = r->nf;
    for (size_t i = 0; i < r->nf; i++)
        if ((r->cols[i] = sli_rd_fielddup(r->rec + r->foff[i], r->flen[i])) == NULL)
            return sli_fail_nomem(err);
    for (size_t i = 0; i < r->ncols; i++)
        for (size_t j = 0; j < i; j++)
            if (strcmp(r->cols[i], r->cols[j]) == 0)
                return sli_fail(err, SL_EDATA,
                               "%s:%lu: column \"%s\" appears twice in the header "
                               "(columns %zu and %zu); rename one",
                               r->name, line, r->cols[i], j + 1, i + 1);
    r->text_col = r->id_col = r->ncols;
    for (size_t i = 0; i < r->ncols; i++) {
        if (r->text_col == r->ncols && strcmp(r->cols[i], r->text_field) == 0)
            r->text_col = i;
        else if (r->id_col == r->ncols && strcmp(r->cols[i], r->id_field) == 0)
            r->id_col = i;
    }
    if (r->text_col == r->ncols)
        return missing_text_column(r, line, err);
    return SL_OK;
}

/* Drops a UTF-8 BOM at the very start of the input. */
static void skip_bom(sl_reader *r)
{
    if (peek_byte(r) != 0xEF || r->ilen - r->ipos < 3)
        return;
    if (memcmp(r->ibuf + r->ipos, "\xEF\xBB\xBF", 3) == 0)
        r->ipos += 3;
}

/* Whether the header line (in the first block read) has c outside quotes. */
static int header_has(const sl_reader *r, int c)
{
    int quoted = 0;
    for (size_t i = r->ipos; i < r->ilen; i++) {
        int b = r->ibuf[i];
        if (b == '"')
            quoted = !quoted;
        else if (!quoted && (b == '\n' || b == '\r'))
            return 0;
        else if (!quoted && b == c)
            return 1;
    }
    return 0;
}

/* The separator: a .tsv's tab, --delimiter, else ',' unless the header has
 * no ',' and has ';' (Excel's CSV with European settings). */
static void choose_delimiter(sl_reader *r)
{
    r->delim = r->fmt == SL_INPUT_TSV ? '\t' : r->delimiter ? r->delimiter : ',';
    if (r->fmt == SL_INPUT_TSV || r->delimiter || header_has(r, ',') || !header_has(r, ';'))
        return;
    r->delim = ';';
    sli_rd_note(r, "%s: read with ';' as the delimiter (the header has no ','); give "
                   "--delimiter to choose", r->name);
}

static sl_status start(sl_reader *r, sl_error *err)
{
    r->started = 1;
    r->line = 1;
    if ((r->ibuf = malloc(IBUF_SIZE)) == NULL)
        return sli_fail_nomem(err);
    skip_bom(r);
    peek_byte(r); /* the first block, for the two tests on it */
    r->cr_lines = sli_rd_cr_only(r->ibuf + r->ipos, r->ilen - r->ipos);
    choose_delimiter(r);
    int got = 0;
    unsigned long line = 1;
    sl_status rc = read_record(r, &got, &line, err);
    if (rc != SL_OK)
        return rc;
    if (!got) {
        r->done = 1; /* an empty file: no header, no stories */
        return SL_OK;
    }
    return take_header(r, line, err);
}

static sl_status fill_doc(sl_reader *r, unsigned long line, sl_doc *doc, sl_error *err)
{
    size_t t = r->text_col, id = r->id_col;
    doc->text = sli_rd_textdup(r->rec + r->foff[t], r->flen[t]);
    doc->text_len = r->flen[t];
    /* An empty id cell names nothing: fall back to FILE:LINE as if absent. */
    if (id < r->ncols && r->flen[id] > 0)
        doc->id = sli_rd_fielddup(r->rec + r->foff[id], r->flen[id]);
    else {
        doc->id = sli_rd_file_line(r, line);
        doc->id_from_line = 1;
    }
    if (!doc->text || !doc->id)
        return sli_fail_nomem(err);
    for (size_t i = 0; i < r->ncols; i++) {
        if (i == t || i == id)
            continue;
        sl_status rc = sli_rd_meta_add(doc, r->cols[i], strlen(r->cols[i]), r->rec + r->foff[i],
                                      r->flen[i], err);
        if (rc != SL_OK)
            return rc;
    }
    doc->source = r->name;
    doc->line = line;
    return SL_OK;
}

sl_status sli_rd_csv_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err)
{
    sl_status rc = SL_OK;
    if (!r->started && (rc = start(r, err)) != SL_OK) {
        r->done = 1; /* without a usable header no record can be read */
        r->bad_skippable = 0;
        return rc;
    }
    if (r->done)
        return SL_OK;
    int have = 0;
    unsigned long line = 0;
    if ((rc = read_record(r, &have, &line, err)) != SL_OK)
        return rc;
    if (!have) {
        r->done = 1;
        return SL_OK;
    }
    if (r->nf != r->ncols)
        return sli_rd_malformed(r, 1, line, 0, err, "record has %zu fields, the header has %zu",
                               r->nf, r->ncols);
    if ((rc = fill_doc(r, line, doc, err)) != SL_OK) {
        sli_doc_clear(doc);
        return rc;
    }
    *got = 1;
    return SL_OK;
}

void sli_rd_csv_release(sl_reader *r)
{
    for (size_t i = 0; i < r->ncols; i++)
        free(r->cols[i]);
    free(r->cols);
    free(r->rec);
    free(r->foff);
    free(r->flen);
    free(r->ibuf);
    free(r->raw);
    free(r->replay);
    r->cols = NULL;
    r->ncols = 0;
}
