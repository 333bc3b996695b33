/*
 * record.h - what the format readers (txt.c, jsonl.c, csv.c, sniff.c)
 * share with the dispatcher (reader.c): the reader itself, the formats'
 * entry points and the helpers of record.c. Private to the read/ folder.
 *
 * One struct serves every format so reader.c can open, dispatch and free
 * without knowing the formats' internals; each format touches only its own
 * group of fields. Internal names carry the sl_rd_ prefix so they cannot
 * collide with other modules linked into the same library.
 */
#ifndef SL_RECORD_H
#define SL_RECORD_H

#include <stddef.h>
#include <stdio.h>

#include "read/read.h"

/* The stdio buffer of each stream a reader opens or wraps. stdio's own is
 * 4 KB: a system call per 4 KB (25,000 for 100 MB), each a trip through the
 * hypervisor on a virtual machine. glibc ignores the size given to setvbuf
 * with a NULL buffer, so the buffer is the reader's; 64 KB is under glibc's
 * mmap threshold, so a folder of small files costs no mmap each. */
#define SL_RD_BUFFER (64 * 1024)

struct sl_reader {
    sl_input_format fmt;
    FILE *in;
    int owns_in;            /* opened by sli_reader_open: closed on free */
    char *inbuf;            /* in's stdio buffer when we opened it (read.c) */
    char *name;             /* source name for messages, ids and doc->source */
    char *id_base;          /* TXT: the story's id */
    const char *text_field; /* never NULL (defaults applied) */
    const char *id_field;   /* never NULL (defaults applied) */
    unsigned long line;     /* JSONL: lines consumed; CSV: the current line */
    int done;               /* the end was reached: further calls give nothing */

    /* JSONL: getline's buffer, reused for every line. */
    char *lbuf;
    size_t lcap;

    /* CSV/TSV: our own input buffer, so the parser can peek a byte. */
    unsigned char *ibuf;
    size_t ipos, ilen;
    int ieof;
    int ierrno;         /* errno of a read error, 0 if none */
    unsigned long col;  /* byte column of the last byte read (1-based) */
    int started;        /* the BOM check and header read are done */
    char *rec;          /* the current record's fields, each NUL-terminated */
    size_t rec_len, rec_cap;
    size_t *foff, *flen; /* field offsets and lengths into rec */
    size_t nf, fcap;
    char **cols;        /* header names */
    size_t ncols;
    size_t text_col;
    size_t id_col;      /* == ncols when the id column is absent */

    /* CSV/TSV resynchronisation (skip_invalid): the raw bytes of the record
     * being read, and bytes to read again before the input. */
    unsigned char *raw;
    size_t raw_len, raw_cap;
    unsigned char *replay;
    size_t rpos, rlen;

    /* Dialect and encoding (the options; csv.c, sniff.c). */
    int delimiter;      /* --delimiter, 0 = by the header (csv.c) */
    int delim;          /* the separator in use, set when the header is read */
    int cr_lines;       /* CSV/TSV: no LF in the first block, a CR: old Mac line ends */
    const char *encoding; /* --encoding (borrowed), NULL = UTF-8 */
    int txt_given;      /* --input-format txt: no "Unicode Text" guess */
    sl_message_fn on_message; /* notes on how the file is read; may be NULL */
    void *message_user;
    char enc_error[SL_ERROR_TEXT]; /* a byte invalid in --encoding: the
                                    * read error that follows reports this */

    /* Sniffing (read_sniff.c) and skipping. */
    FILE *orig;         /* the source when in was replaced by a wrapper */
    int fresh;          /* in is a regular file opened here, still at offset 0:
                         * the sniff reads its head with pread (sniff.c) */
    off_t size;         /* when fresh: its size at open */
    int skip_invalid;   /* sli_reader_set_skip_invalid */
    int binary;         /* the open failed because the file looks binary */
    int bad_skippable;  /* the last SL_EDATA was one record, moved past */
    unsigned long bad_line;
    char bad_reason[SL_ERROR_TEXT];

    /* Office files (office.c): read whole at open. */
    const char *sheet;         /* borrowed from the options */
    int split_heading;
    struct sl_office_docs *office;
    char *office_note;         /* rows skipped, cells filled: warned once */
};

sl_status sli_rd_txt_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err);
sl_status sli_rd_jsonl_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err);

/* JSONL: one line s[0..n) (BOM and line end already removed) as a story,
 * numbered r->line. The reference path (read_jsonl.c, jansson): replaces
 * invalid UTF-8, parses, and reports every malformed line. On failure doc
 * may hold part of a story: the caller clears it. */
sl_status sli_rd_jsonl_parse_ref(sl_reader *r, const char *s, size_t n, sl_doc *doc,
                                sl_error *err);

/* The fast path (read_jsonl_fast.c): SL_RD_DONE when the line is a plain
 * story object and doc (empty on entry) now holds exactly what
 * sli_rd_jsonl_parse_ref would give; SL_RD_NOMEM when an allocation failed
 * (the reference would only fail the same way, after crawling through
 * jansson's byte-by-byte retries); SL_RD_DEFER, with doc left empty and
 * nothing allocated, for anything else - errors included, so only the
 * reference ever reports one. */
typedef enum { SL_RD_DEFER = 0, SL_RD_DONE = 1, SL_RD_NOMEM = 2 } sl_rd_fast;
sl_rd_fast sli_rd_jsonl_fast(const sl_reader *r, const char *s, size_t n, sl_doc *doc);

/* Length of the well-formed UTF-8 sequence at s (n >= 1 bytes left), or 0.
 * Overlong forms, surrogates and code points above U+10FFFF are ill-formed,
 * exactly as jansson judges them. Inline: both JSONL paths call it per
 * non-ASCII character. */
static inline size_t sl_rd_utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* the allowed range of the second byte */
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}
/* Office files (office.c): whether fmt is one, the whole file read at
 * open, its stories handed out, and what is freed. */
int sli_rd_is_office(sl_input_format fmt);
sl_status sli_rd_office_open(sl_reader *r, sl_error *err);
sl_status sli_rd_office_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err);
void sli_rd_office_release(sl_reader *r);
sl_status sli_rd_csv_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err);
void sli_rd_csv_release(sl_reader *r);

/* A story text's copy: NUL-terminated and followed by SL_TEXT_PAD zero
 * bytes (see doc.h). NULL when out of memory. */
char *sli_rd_textdup(const char *s, size_t n);

/* A NUL-terminated copy of s[0..n); NULL when out of memory. */
char *sli_rd_memdup(const char *s, size_t n);

/* An id, a metadata key or value, or a column name s[0..n) as the C string
 * the rest of the run handles, each NUL byte written as the two characters
 * \0: ids and groups are compared, hashed and written as C strings, and a
 * NUL there used to cut them, so "a\u0000b" and "a\u0000c" became one
 * story id "a". (A literal backslash-zero reads the same: README, "Bad
 * input and faults".) NULL when out of memory. */
char *sli_rd_fielddup(const char *s, size_t n);

/* Appends key/value (copied as by sli_rd_fielddup) to doc->meta (see
 * sli_meta_append); SL_ENOMEM on failure. */
sl_status sli_rd_meta_add(sl_doc *doc, const char *key, size_t klen, const char *val,
                         size_t vlen, sl_error *err);

/* "NAME:LINE" as a fresh string, the id of a record without one. */
char *sli_rd_file_line(const sl_reader *r, unsigned long line);

/* A malformed record at line (col 0 = none): fills err with
 * "NAME:LINE[:COL]: reason" and remembers line and reason for
 * sli_reader_skippable(); skippable says whether the reader has moved past
 * the record. Returns SL_EDATA. */
sl_status sli_rd_malformed(sl_reader *r, int skippable, unsigned long line, unsigned long col,
                          sl_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* path's last component (or all of path) without its extension, as a
 * fresh string: a text story's id. NULL when out of memory. path.c. */
char *sli_strip_extension(const char *path, int basename_only);

/* Sniffs r->in (see SL_SNIFF_BYTES in read.h): transcodes UTF-16, refuses
 * a binary file (SL_EDATA, r->binary set), and leaves r->in reading the
 * source from its first byte. read_sniff.c. */
sl_status sli_rd_sniff(sl_reader *r, sl_error *err);
void sli_rd_sniff_release(sl_reader *r);

/* A note on how the file is read (its delimiter, its format), through the
 * options' message handler when there is one. */
void sli_rd_note(const sl_reader *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* 1 when s[0..n) has a CR and no LF: a block of old Mac line ends. */
int sli_rd_cr_only(const unsigned char *s, size_t n);

/* SL_EIO with "NAME: read error: <strerror(errnum)>", or SL_EDATA with
 * r->enc_error when the failed read was a byte invalid in --encoding. */
sl_status sli_rd_read_error(const sl_reader *r, int errnum, sl_error *err);

#endif
