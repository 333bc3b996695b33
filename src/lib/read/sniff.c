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

/* A stream of UTF-8 transcoded from UTF-16 as it is read. */
typedef struct transcoder {
    FILE *src; /* borrowed: the source, after the bytes already in in */
    iconv_t cd;
    unsigned char in[SL_RD_BUFFER]; /* UTF-16 read and not yet converted */
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

/* Fills t->out from t->in, reading more as needed; bad code units become
 * 0xFF bytes, as a whole-file conversion would make them: an unpaired
 * surrogate (EILSEQ), or a unit cut short by the end of the file (EINVAL
 * there; elsewhere EINVAL only means the chunk ended mid-character). */
static int convert(transcoder *t)
{
    t->out_pos = t->out_len = 0;
    while (t->out_len + 8 <= sizeof t->out) {
        if (t->in_len - t->in_pos < 4 && !t->eof && refill(t) != 0)
            return -1;
        size_t ileft = t->in_len - t->in_pos, oleft = sizeof t->out - t->out_len;
        if (ileft == 0)
            break; /* and t->eof */
        char *ip = (char *)t->in + t->in_pos, *op = (char *)t->out + t->out_len;
        size_t rc = iconv(t->cd, &ip, &ileft, &op, &oleft);
        t->in_pos = (size_t)((unsigned char *)ip - t->in);
        t->out_len = (size_t)((unsigned char *)op - t->out);
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        if (errno == EINVAL && !t->eof) {
            if (refill(t) != 0)
                return -1;
            continue;
        }
        t->out[t->out_len++] = 0xFF; /* one bad byte stands for the bad unit */
        t->in_pos += ileft < 2 ? ileft : 2;
    }
    return 0;
}

static ssize_t transcoder_read(void *cookie, char *buf, size_t size)
{
    transcoder *t = cookie;
    if (t->out_pos == t->out_len && convert(t) != 0)
        return -1;
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

/* Replaces r->in with a stream of UTF-8 transcoded from the UTF-16 source:
 * its n sniffed bytes in head (taken), BOM first, then the rest of r->in. */
static sl_status transcode(sl_reader *r, unsigned char *head, size_t n, sl_error *err)
{
    int big = head[0] == 0xFE;
    transcoder *t = malloc(sizeof *t);
    if (!t) {
        free(head);
        return sli_fail_nomem(err);
    }
    t->cd = iconv_open("UTF-8", big ? "UTF-16BE" : "UTF-16LE");
    if (t->cd == (iconv_t)-1) {
        int e = errno;
        free(t);
        free(head);
        return sli_fail(err, SL_EINTERNAL, "%s: cannot convert UTF-16: %s", r->name,
                       strerror(e));
    }
    t->src = r->in;
    t->in_pos = 0;
    t->in_len = n - 2; /* after the BOM; SL_SNIFF_BYTES fit in t->in */
    memcpy(t->in, head + 2, n - 2);
    free(head);
    t->out_pos = t->out_len = 0;
    t->eof = 0;
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

sl_status sli_rd_sniff(sl_reader *r, sl_error *err)
{
    size_t cap = SL_SNIFF_BYTES;
    unsigned char *head = malloc(cap);
    if (!head)
        return sli_fail_nomem(err);
    off_t start = ftello(r->in);
    errno = 0;
    size_t n = fread(head, 1, SL_SNIFF_BYTES, r->in);
    if (ferror(r->in)) {
        free(head);
        return sli_rd_read_error(r, errno, err);
    }
    sl_sniffed kind = sli_sniff_head(head, n);
    if (kind == SL_SNIFF_UTF16)
        return transcode(r, head, n, err);
    if (kind == SL_SNIFF_BINARY) {
        free(head);
        r->binary = 1;
        return sli_fail(err, SL_EDATA,
                       "%s: looks like a binary file (a NUL byte in the first %d KiB); "
                       "storylens reads UTF-8 or UTF-16 text: export the stories as "
                       "text, CSV or JSONL",
                       r->name, SL_SNIFF_BYTES / 1024);
    }
    if (start >= 0 && fseeko(r->in, start, SEEK_SET) == 0) {
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
