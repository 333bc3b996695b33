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
 * sniffed bytes and then the rest of the pipe. A transcoded source is held
 * whole in memory (about twice its size): UTF-16 exports are spreadsheet
 * sized, and streaming iconv would buy little.
 */
#define _GNU_SOURCE /* fopencookie */
#include "read_impl.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "error.h"

/* A stream that reads buf[0..len) and then, if set, rest. */
typedef struct prefixed {
    unsigned char *buf;
    size_t len, pos;
    FILE *rest; /* borrowed */
    char *io;   /* the stream's own buffer, SL_RD_BUFFER bytes: its reads of
                 * rest then ask for that much at a time, not 4 KB */
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

/* Replaces r->in with a stream over buf (taken) followed by rest. */
static sl_status wrap(sl_reader *r, unsigned char *buf, size_t len, FILE *rest, sl_error *err)
{
    prefixed *p = calloc(1, sizeof *p);
    FILE *f = NULL;
    if (p) {
        *p = (prefixed){buf, len, 0, rest, malloc(SL_RD_BUFFER)};
        cookie_io_functions_t io = {prefixed_read, NULL, NULL, prefixed_close};
        f = p->io ? fopencookie(p, "rb", io) : NULL;
    }
    if (!f) {
        if (p)
            free(p->io);
        free(p);
        free(buf);
        return sl_fail_nomem(err);
    }
    setvbuf(f, p->io, _IOFBF, SL_RD_BUFFER); /* before any read, as it must be */
    r->orig = r->in;
    r->in = f;
    return SL_OK;
}

/* Appends the rest of r->in to *buf (len bytes used, cap allocated). */
static sl_status slurp_rest(sl_reader *r, unsigned char **buf, size_t *len, size_t *cap,
                            sl_error *err)
{
    for (;;) {
        if (*cap - *len < 65536) {
            size_t ncap = *cap * 2 + 65536;
            unsigned char *p = realloc(*buf, ncap);
            if (!p)
                return sl_fail_nomem(err);
            *buf = p;
            *cap = ncap;
        }
        size_t n = fread(*buf + *len, 1, *cap - *len, r->in);
        *len += n;
        if (n == 0)
            break;
    }
    return ferror(r->in) ? sl_rd_read_error(r, errno, err) : SL_OK;
}

/* UTF-16 (after its BOM) to UTF-8; bad code units become 0xFF bytes. */
static sl_status utf16_to_utf8(sl_reader *r, const unsigned char *in, size_t n, int big_endian,
                               unsigned char **out, size_t *out_len, sl_error *err)
{
    iconv_t cd = iconv_open("UTF-8", big_endian ? "UTF-16BE" : "UTF-16LE");
    if (cd == (iconv_t)-1)
        return sl_fail(err, SL_EINTERNAL, "%s: cannot convert UTF-16: %s", r->name,
                       strerror(errno));
    size_t cap = n + n / 2 + 16, used = 0;
    unsigned char *buf = malloc(cap);
    char *ip = (char *)in;
    size_t ileft = n;
    sl_status s = buf ? SL_OK : sl_fail_nomem(err);
    while (s == SL_OK && ileft > 0) {
        if (cap - used < 16) {
            unsigned char *p = realloc(buf, cap * 2);
            if (!p) {
                s = sl_fail_nomem(err);
                break;
            }
            buf = p;
            cap *= 2;
        }
        char *op = (char *)buf + used;
        size_t oleft = cap - used;
        size_t rc = iconv(cd, &ip, &ileft, &op, &oleft);
        used = (size_t)((unsigned char *)op - buf);
        if (rc != (size_t)-1 || errno == E2BIG)
            continue;
        /* EILSEQ (an unpaired surrogate) or EINVAL (a truncated unit at the
         * end): one bad byte stands for the bad unit, and reading goes on. */
        buf[used++] = 0xFF;
        size_t skip = ileft < 2 ? ileft : 2;
        ip += skip;
        ileft -= skip;
    }
    iconv_close(cd);
    if (s != SL_OK) {
        free(buf);
        return s;
    }
    *out = buf;
    *out_len = used;
    return SL_OK;
}

static sl_status transcode(sl_reader *r, unsigned char *head, size_t n, size_t cap,
                           sl_error *err)
{
    int big = head[0] == 0xFE;
    sl_status s = slurp_rest(r, &head, &n, &cap, err);
    unsigned char *utf8 = NULL;
    size_t len = 0;
    if (s == SL_OK)
        s = utf16_to_utf8(r, head + 2, n - 2, big, &utf8, &len, err);
    free(head);
    return s == SL_OK ? wrap(r, utf8, len, NULL, err) : s;
}

sl_status sl_rd_sniff(sl_reader *r, sl_error *err)
{
    size_t cap = SL_SNIFF_BYTES;
    unsigned char *head = malloc(cap);
    if (!head)
        return sl_fail_nomem(err);
    off_t start = ftello(r->in);
    errno = 0;
    size_t n = fread(head, 1, SL_SNIFF_BYTES, r->in);
    if (ferror(r->in)) {
        free(head);
        return sl_rd_read_error(r, errno, err);
    }
    if (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        return transcode(r, head, n, cap, err);
    if (memchr(head, '\0', n)) {
        free(head);
        r->binary = 1;
        return sl_fail(err, SL_EDATA,
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

void sl_rd_sniff_release(sl_reader *r)
{
    if (!r->orig)
        return;
    fclose(r->in);
    r->in = r->orig;
    r->orig = NULL;
}
