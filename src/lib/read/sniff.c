/*
 * read_sniff.c - looking at a source's first bytes before any reader does.
 *
 * Story banks come out of spreadsheets and case systems: some are saved as
 * UTF-16 ("Unicode text" in Excel), some folders hold a stray .docx renamed
 * .txt. A UTF-16 file read as UTF-8 is mostly NUL bytes and would quietly
 * turn into stories with no words, so it is transcoded to UTF-8 (glibc's
 * iconv) before the format reader sees it; ill-formed UTF-16 becomes a 0xFF
 * byte, which the tokeniser counts as invalid UTF-8 like any other bad byte.
 * Without a UTF-16 BOM, a NUL byte in the first SL_SNIFF_BYTES means a
 * binary file (the test ripgrep, git and pcre2grep use): SL_EDATA, and
 * r->binary tells the caller why.
 *
 * The sniffed bytes must still reach the reader. A seekable source is
 * rewound; a pipe is wrapped in a stdio cookie stream that serves the
 * sniffed bytes and then the rest of the pipe. A UTF-16 source is
 * transcoded as it is read, through a cookie stream of its own, so its
 * memory is two buffers whatever its size (a corpus is never loaded
 * whole).
 */
#define _GNU_SOURCE /* fopencookie */
#include "read/record.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/error.h"

/* A stream that reads buf[0..len) and then, if set, rest. */
typedef struct prefixed {
    unsigned char *buf;
    size_t len, pos;
    FILE *rest; /* borrowed */
    char *io;   /* the stream's own buffer (replace_in) */
} prefixed;

static ssize_t prefixed_read(void *cookie, char *out, size_t size)
{
    prefixed *p = cookie;
    if (p->pos < p->len) {
        size_t n = p->len - p->pos < size ? p->len - p->pos : size;
        memcpy(out, p->buf + p->pos, n);
        p->pos += n;
        return (ssize_t)n;
    }
    if (!p->rest)
        return 0;
    size_t n = fread(out, 1, size, p->rest);
    if (n == 0 && ferror(p->rest))
        return -1;
    return (ssize_t)n;
}

static int prefixed_close(void *cookie)
{
    prefixed *p = cookie;
    free(p->buf);
    free(p->io);
    free(p);
    return 0;
}

/* Replaces r->in with a read-only stdio stream over cookie, buffered by io
 * (SL_RD_BUFFER bytes, freed by close with the cookie): its reads of the
 * source then ask for that much at a time, not 4 KB. -1 when out of
 * memory, with nothing changed. */
static int replace_in(sl_reader *r, void *cookie, cookie_read_function_t *rd,
                      cookie_close_function_t *cl, char *io)
{
    cookie_io_functions_t fns = {rd, NULL, NULL, cl};
    FILE *f = io ? fopencookie(cookie, "rb", fns) : NULL;
    if (!f)
        return -1;
    setvbuf(f, io, _IOFBF, SL_RD_BUFFER); /* before any read, as it must be */
    r->orig = r->in;
    r->in = f;
    return 0;
}

/* Replaces r->in with a stream over buf (taken) followed by rest. */
static sl_status wrap(sl_reader *r, unsigned char *buf, size_t len, FILE *rest, sl_error *err)
{
    prefixed *p = calloc(1, sizeof *p);
    if (p) {
        *p = (prefixed){buf, len, 0, rest, malloc(SL_RD_BUFFER)};
        if (replace_in(r, p, prefixed_read, prefixed_close, p->io) == 0)
            return SL_OK;
        free(p->io);
    }
    free(p);
    free(buf);
    return sli_fail_nomem(err);
}

/* A stream of UTF-8 transcoded as it is read, from UTF-16 found by its BOM
 * or from the encoding named by --encoding. */
typedef struct transcoder {
    FILE *src; /* borrowed: the source, after the bytes already in in */
    iconv_t cd;
    sl_reader *r;     /* borrowed: where a strict transcoder's error goes */
    const char *from; /* the source encoding, for messages */
    int strict;       /* named by --encoding: a bad byte is an error */
    int failed;       /* the error is in r->enc_error: the next read fails */
    size_t unit;      /* bytes of a code unit (a bad one is skipped) */
    unsigned long line, col; /* where the next UTF-8 character made stands */
    int lines_known;  /* cr_lines decided (on the first block made) */
    int cr_lines, last_cr;
    unsigned char in[SL_RD_BUFFER]; /* source bytes read and not yet converted */
    size_t in_pos, in_len;
    unsigned char out[SL_RD_BUFFER]; /* UTF-8 converted and not yet served */
    size_t out_pos, out_len;
    int eof;  /* src is at its end */
    char *io; /* the stream's own buffer (replace_in) */
} transcoder;

/* Moves the unconverted bytes to the front of t->in and reads more after
 * them. -1 on a read error. */
static int refill(transcoder *t)
{
    size_t left = t->in_len - t->in_pos;
    memmove(t->in, t->in + t->in_pos, left);
    t->in_pos = 0;
    t->in_len = left;
    size_t n = fread(t->in + left, 1, sizeof t->in - left, t->src);
    t->in_len += n;
    if (n == 0) {
        if (ferror(t->src))
            return -1;
        t->eof = 1;
    }
    return 0;
}

/* Follows the line and column of the UTF-8 made, s[0..n), so a bad byte
 * can be placed as the CSV reader counts lines: LF and CR LF end a line,
 * and so does a lone CR in a CSV/TSV file of old Mac line ends (csv.c).
 * The column counts characters. */
static void track(transcoder *t, const unsigned char *s, size_t n)
{
    if (!t->lines_known && n) {
        sl_input_format f = t->r->fmt;
        t->cr_lines = (f == SL_INPUT_CSV || f == SL_INPUT_TSV) && sli_rd_cr_only(s, n);
        t->lines_known = 1;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if ((c == '\n' && !t->last_cr) || (c == '\r' && t->cr_lines)) {
            t->line++;
            t->col = 0;
        } else if (c != '\n' && (c & 0xC0) != 0x80)
            t->col++;
        t->last_cr = c == '\r' && t->cr_lines;
    }
}

/* A strict transcoder's bad byte at t->in[t->in_pos]: the error the
 * reader reports at its next read. cut: the file ends inside a character. */
static void bad_byte(transcoder *t, int cut)
{
    sl_reader *r = t->r;
    unsigned b = t->in[t->in_pos];
    if (cut)
        snprintf(r->enc_error, sizeof r->enc_error,
                 "%s:%lu:%lu: the file ends inside a %s character: it is cut short, or "
                 "in another encoding; name that with --encoding (or save the file as UTF-8)",
                 r->name, t->line, t->col + 1, t->from);
    else
        snprintf(r->enc_error, sizeof r->enc_error,
                 "%s:%lu:%lu: byte 0x%02X is not valid %s: the file is in another "
                 "encoding; name that with --encoding (or save the file as UTF-8)",
                 r->name, t->line, t->col + 1, b, t->from);
    t->failed = 1;
}

/* Fills t->out from t->in, reading more as needed. A bad code unit (an
 * invalid byte, an unpaired surrogate: EILSEQ; a unit cut short by the
 * end of the file: EINVAL there, elsewhere EINVAL only means the chunk
 * ended mid-character) is an error when strict; else it becomes a 0xFF
 * byte, as a whole-file conversion would make it, which the tokeniser
 * counts as invalid UTF-8. */
static int convert(transcoder *t)
{
    t->out_pos = t->out_len = 0;
    while (!t->failed && t->out_len + 8 <= sizeof t->out) {
        if (t->in_len - t->in_pos < 4 && !t->eof && refill(t) != 0)
            return -1;
        size_t ileft = t->in_len - t->in_pos, oleft = sizeof t->out - t->out_len;
        if (ileft == 0)
            break; /* and t->eof */
        char *ip = (char *)t->in + t->in_pos, *op = (char *)t->out + t->out_len;
        size_t made = t->out_len;
        size_t rc = iconv(t->cd, &ip, &ileft, &op, &oleft);
        int e = errno;
        t->in_pos = (size_t)((unsigned char *)ip - t->in);
        t->out_len = (size_t)((unsigned char *)op - t->out);
        track(t, t->out + made, t->out_len - made);
        if (rc != (size_t)-1 || e == E2BIG)
            continue;
        if (e == EINVAL && !t->eof) {
            if (refill(t) != 0)
                return -1;
            continue;
        }
        if (t->strict) {
            bad_byte(t, e == EINVAL);
            break; /* what was made before it is served first */
        }
        t->out[t->out_len++] = 0xFF; /* one bad byte stands for the bad unit */
        track(t, t->out + t->out_len - 1, 1);
        t->in_pos += ileft < t->unit ? ileft : t->unit;
    }
    return 0;
}

static ssize_t transcoder_read(void *cookie, char *buf, size_t size)
{
    transcoder *t = cookie;
    if (t->out_pos == t->out_len) {
        if (t->failed) {
            errno = EILSEQ;
            return -1;
        }
        if (convert(t) != 0)
            return -1;
        if (t->out_len == 0 && t->failed) {
            errno = EILSEQ;
            return -1;
        }
    }
    size_t n = t->out_len - t->out_pos < size ? t->out_len - t->out_pos : size;
    memcpy(buf, t->out + t->out_pos, n);
    t->out_pos += n;
    return (ssize_t)n;
}

static int transcoder_close(void *cookie)
{
    transcoder *t = cookie;
    iconv_close(t->cd);
    free(t->io);
    free(t);
    return 0;
}

/* Replaces r->in with a stream of UTF-8 transcoded from the source in
 * encoding from: its n sniffed bytes in head (taken), of which the first
 * skip (a BOM) are dropped, then the rest of r->in. strict: a bad byte is
 * an error (--encoding), else it counts as invalid UTF-8. */
static sl_status transcode(sl_reader *r, unsigned char *head, size_t n, size_t skip,
                           const char *from, int strict, sl_error *err)
{
    transcoder *t = calloc(1, sizeof *t);
    if (!t) {
        free(head);
        return sli_fail_nomem(err);
    }
    t->cd = iconv_open("UTF-8", from);
    if (t->cd == (iconv_t)-1) {
        int e = errno;
        free(t);
        free(head);
        return sli_fail(err, SL_EINTERNAL, "%s: cannot convert from %s: %s", r->name, from,
                        strerror(e));
    }
    t->src = r->in; /* the rest is zero from calloc */
    t->r = r;
    t->from = from;
    t->strict = strict;
    t->unit = strncmp(from, "UTF-16", 6) == 0 ? 2 : 1; /* lenient only from a BOM */
    t->line = 1;
    t->in_len = n - skip; /* SL_SNIFF_BYTES fit in t->in */
    memcpy(t->in, head + skip, n - skip);
    free(head);
    t->io = malloc(SL_RD_BUFFER);
    if (replace_in(r, t, transcoder_read, transcoder_close, t->io) == 0)
        return SL_OK;
    iconv_close(t->cd);
    free(t->io);
    free(t);
    return sli_fail_nomem(err);
}

_Static_assert(SL_SNIFF_BYTES <= SL_RD_BUFFER, "the sniffed bytes fit the transcoder's input");

sl_sniffed sli_sniff_head(const unsigned char *head, size_t n)
{
    if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        return SL_SNIFF_UTF16;
    return memchr(head, '\0', n) ? SL_SNIFF_BINARY : SL_SNIFF_TEXT;
}

/* name without case, '-' or '_' ("utf-16le" -> "UTF16LE"), cut to fit. */
static void squeeze(const char *name, char *out, size_t cap)
{
    size_t k = 0;
    for (; *name && k + 1 < cap; name++)
        if (*name != '-' && *name != '_')
            out[k++] = (char)(*name >= 'a' && *name <= 'z' ? *name - 'a' + 'A' : *name);
    out[k] = '\0';
}

/* Whether name is an encoding of 16 or 32-bit units, whose text is full
 * of NUL bytes: the binary test does not apply. */
static int wide_encoding(const char *name)
{
    char s[48];
    squeeze(name, s, sizeof s);
    return strncmp(s, "UTF16", 5) == 0 || strncmp(s, "UTF32", 5) == 0 ||
           strncmp(s, "UCS2", 4) == 0 || strncmp(s, "UCS4", 4) == 0;
}

/* Whether name is UTF-16 without a byte order: iconv would read it
 * big-endian, but Windows, where such files come from, writes it
 * little-endian. */
static int plain_utf16(const char *name)
{
    char s[48];
    squeeze(name, s, sizeof s);
    return strcmp(s, "UTF16") == 0;
}

/* Excel saves "Unicode Text" as a UTF-16 .txt with a BOM, one row a line,
 * cells split by tabs: read as one story it would be the whole table.
 * So a UTF-16 .txt whose first line has a tab is read as TSV, with a note,
 * unless --input-format txt was given. u = the UTF-16 text after any
 * BOM, n bytes, big = its byte order. */
static void unicode_text_guess(sl_reader *r, const unsigned char *u, size_t n, int big)
{
    size_t len = strlen(r->name);
    if (r->fmt != SL_INPUT_TXT || r->txt_given || len < 4 ||
        sli_format_of_path(r->name) != SL_INPUT_TXT ||
        (strcmp(r->name + len - 4, ".txt") != 0 && strcmp(r->name + len - 4, ".TXT") != 0))
        return;
    for (size_t i = 0; i + 1 < n; i += 2) {
        unsigned unit = big ? (unsigned)(u[i] << 8 | u[i + 1]) : (unsigned)(u[i + 1] << 8 | u[i]);
        if (unit == '\n' || unit == '\r')
            return;
        if (unit == '\t') {
            r->fmt = SL_INPUT_TSV;
            sli_rd_note(r, "%s: read as TSV (one story a row under a header row): UTF-16 "
                           "text with tabs in its first line, as Excel saves \"Unicode "
                           "Text\"; give --input-format txt to read it as one story",
                        r->name);
            return;
        }
    }
}

/* The head of a file read with --encoding: a BOM wins over the name (it
 * cannot be mistaken, and a folder of exports may mix them), else the
 * named encoding, strictly. Takes head. */
static sl_status sniff_named(sl_reader *r, unsigned char *head, size_t n, sl_error *err)
{
    const char *enc = r->encoding;
    sl_sniffed kind = sli_sniff_head(head, n);
    if (kind == SL_SNIFF_UTF16) {
        int big = head[0] == 0xFE;
        unicode_text_guess(r, head + 2, n - 2, big);
        return transcode(r, head, n, 2, big ? "UTF-16BE" : "UTF-16LE", 1, err);
    }
    if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0)
        return transcode(r, head, n, 0, "UTF-8", 1, err); /* the readers drop the BOM */
    if (wide_encoding(enc)) {
        char sq[48];
        squeeze(enc, sq, sizeof sq);
        if (strcmp(sq, "UTF16") == 0 || strcmp(sq, "UTF16LE") == 0 || strcmp(sq, "UTF16BE") == 0)
            unicode_text_guess(r, head, n, strcmp(sq, "UTF16BE") == 0);
        return transcode(r, head, n, 0, plain_utf16(enc) ? "UTF-16LE" : enc, 1, err);
    }
    if (kind == SL_SNIFF_BINARY) {
        free(head);
        r->binary = 1;
        return sli_fail(err, SL_EDATA,
                        "%s: looks like a binary file (a NUL byte in the first %d KiB); "
                        "storylens reads text: export the stories as text, CSV or JSONL",
                        r->name, SL_SNIFF_BYTES / 1024);
    }
    return transcode(r, head, n, 0, enc, 1, err);
}

/* A regular file this reader opened is still at offset 0: its head is read
 * with pread, which leaves the offset there, so nothing is rewound (ftello
 * and fseeko cost a folder of small stories two lseeks and a second read
 * a file), and a file that ends within the head is served from it, with no
 * read of the file after the sniff. Returns the bytes read, or -1 with
 * errno on a read error. */
static ssize_t pread_head(sl_reader *r, unsigned char *head, size_t cap)
{
    size_t n = 0;
    while (n < cap) {
        ssize_t k = pread(fileno(r->in), head + n, cap - n, (off_t)n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        if (k == 0)
            break;
        n += (size_t)k;
        if ((off_t)n == r->size) /* the end, as fstat saw it: no read to find it */
            break;
    }
    return (ssize_t)n;
}

/* The head of r->in: *after is set when r->in now stands after it (a
 * stream read with fread), clear when it is still at 0 (pread). */
static sl_status read_head(sl_reader *r, unsigned char *head, size_t *n, int *after,
                           off_t *start, sl_error *err)
{
    errno = 0;
    *start = -1;
    *after = !r->fresh;
    if (r->fresh) {
        ssize_t k = pread_head(r, head, SL_SNIFF_BYTES);
        if (k < 0)
            return sli_rd_read_error(r, errno, err);
        *n = (size_t)k;
        return SL_OK;
    }
    *start = ftello(r->in);
    *n = fread(head, 1, SL_SNIFF_BYTES, r->in);
    return ferror(r->in) ? sli_rd_read_error(r, errno, err) : SL_OK;
}

sl_status sli_rd_sniff(sl_reader *r, sl_error *err)
{
    unsigned char *head = malloc(SL_SNIFF_BYTES);
    if (!head)
        return sli_fail_nomem(err);
    size_t n = 0;
    int after;
    off_t start;
    sl_status rc = read_head(r, head, &n, &after, &start, err);
    if (rc != SL_OK) {
        free(head);
        return rc;
    }
    sl_sniffed kind = sli_sniff_head(head, n);
    if ((r->encoding || kind == SL_SNIFF_UTF16) && !after &&
        fseeko(r->in, (off_t)n, SEEK_SET) != 0) { /* the transcoders read on after head */
        free(head);
        return sli_rd_read_error(r, errno, err);
    }
    if (r->encoding)
        return sniff_named(r, head, n, err);
    if (kind == SL_SNIFF_UTF16) {
        int big = head[0] == 0xFE;
        unicode_text_guess(r, head + 2, n - 2, big);
        return transcode(r, head, n, 2, big ? "UTF-16BE" : "UTF-16LE", 0, err);
    }
    if (kind == SL_SNIFF_BINARY) {
        free(head);
        r->binary = 1;
        return sli_fail(err, SL_EDATA,
                       "%s: looks like a binary file (a NUL byte in the first %d KiB); "
                       "storylens reads UTF-8 or UTF-16 text: export the stories as "
                       "text, CSV or JSONL",
                       r->name, SL_SNIFF_BYTES / 1024);
    }
    if (!after && n < SL_SNIFF_BYTES) /* the whole file */
        return wrap(r, head, n, NULL, err);
    if (!after || (start >= 0 && fseeko(r->in, start, SEEK_SET) == 0)) {
        free(head);
        return SL_OK;
    }
    return wrap(r, head, n, r->in, err);
}

void sli_rd_sniff_release(sl_reader *r)
{
    if (!r->orig)
        return;
    fclose(r->in);
    r->in = r->orig;
    r->orig = NULL;
}

/* ---- advice on invalid UTF-8 ---------------------------------------------- */

static int ascii_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* What a byte of Windows-1252 read as UTF-8 tells: -1 it is no character
 * there (0x81 0x8D 0x8F 0x90 0x9D), 1 a typographic mark Windows-1252
 * text is full of (euro, ellipsis, curly quotes, dashes), 2 an accented
 * letter (0xC0-0xFE but for x and the division sign), else 0. */
static int cp1252_kind(unsigned c)
{
    if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D)
        return -1;
    if (c == 0x80 || c == 0x85 || (c >= 0x91 && c <= 0x97))
        return 1;
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && c != 0xFF ? 2 : 0;
}

int sli_looks_cp1252(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t run = 0, evidence = 0;
    for (size_t i = 0; i < n;) {
        size_t k = sl_rd_utf8_seq(s + i, n - i);
        if (k) {
            i += k;
            run = 0;
            continue;
        }
        int kind = cp1252_kind(s[i]);
        if (kind < 0 || ++run > 3) /* long runs: a double-byte text, or junk */
            return 0;
        int beside = (i > 0 && ascii_letter(s[i - 1])) || (i + 1 < n && ascii_letter(s[i + 1]));
        evidence += kind == 1 || (kind == 2 && beside);
        i++;
    }
    return evidence > 0;
}
