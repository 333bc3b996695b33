/*
 * record.c - what the format readers share (record.h): copies of text and
 * metadata, FILE:LINE ids, located errors, and the reader's small
 * accessors.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "read/record.h"

char *sli_rd_textdup(const char *s, size_t n)
{
    if (n > SIZE_MAX - SL_TEXT_PAD - 1)
        return NULL;
    char *p = malloc(n + 1 + SL_TEXT_PAD);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    memset(p + n, 0, 1 + SL_TEXT_PAD);
    return p;
}

char *sli_rd_memdup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* s[0..n) into out (room for 2n + 1), each NUL as a backslash and a 0. */
static void escape_nul(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\0') {
            out[o++] = '\\';
            out[o++] = '0';
        } else
            out[o++] = s[i];
    }
    out[o] = '\0';
}

char *sli_rd_fielddup(const char *s, size_t n)
{
    if (!n || !memchr(s, '\0', n))
        return sli_rd_memdup(s, n);
    if (n > (SIZE_MAX - 1) / 2)
        return NULL;
    char *p = malloc(2 * n + 1);
    if (p)
        escape_nul(s, n, p);
    return p;
}

sl_status sli_rd_meta_add(sl_doc *doc, const char *key, size_t klen, const char *val,
                         size_t vlen, sl_error *err)
{
    int nul_key = klen && memchr(key, '\0', klen), nul_val = vlen && memchr(val, '\0', vlen);
    if (!nul_key && !nul_val) {
        if (sli_meta_append(&doc->meta, &doc->nmeta, key, klen, val, vlen) != 0)
            return sli_fail_nomem(err);
        return SL_OK;
    }
    /* rare: a NUL in a field; escaped copies, then the usual append */
    char *k = sli_rd_fielddup(key, klen), *v = sli_rd_fielddup(val, vlen);
    int rc = k && v ? sli_meta_append(&doc->meta, &doc->nmeta, k, strlen(k), v, strlen(v)) : -1;
    free(k);
    free(v);
    return rc == 0 ? SL_OK : sli_fail_nomem(err);
}

char *sli_file_line(const char *name, unsigned long line)
{
    int n = snprintf(NULL, 0, "%s:%lu", name, line);
    if (n < 0)
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (s)
        snprintf(s, (size_t)n + 1, "%s:%lu", name, line);
    return s;
}

char *sli_rd_file_line(const sl_reader *r, unsigned long line)
{
    return sli_file_line(r->name, line);
}

void sli_rd_note(const sl_reader *r, const char *fmt, ...)
{
    if (!r->on_message)
        return;
    char msg[SL_ERROR_TEXT];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->on_message(r->message_user, SL_SEVERITY_NOTE, msg);
}

int sli_rd_cr_only(const unsigned char *s, size_t n)
{
    return n && !memchr(s, '\n', n) && memchr(s, '\r', n);
}

sl_status sli_rd_read_error(const sl_reader *r, int errnum, sl_error *err)
{
    if (r->enc_error[0])
        return sli_fail(err, SL_EDATA, "%s", r->enc_error);
    return sli_fail(err, SL_EIO, "%s: read error: %s", r->name,
                   strerror(errnum ? errnum : EIO));
}

sl_status sli_rd_malformed(sl_reader *r, int skippable, unsigned long line, unsigned long col,
                          sl_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->bad_reason, sizeof r->bad_reason, fmt, ap);
    va_end(ap);
    r->bad_skippable = skippable;
    r->bad_line = line;
    if (col)
        return sli_fail(err, SL_EDATA, "%s:%lu:%lu: %s", r->name, line, col, r->bad_reason);
    return sli_fail(err, SL_EDATA, "%s:%lu: %s", r->name, line, r->bad_reason);
}

void sli_reader_set_skip_invalid(sl_reader *r, int on)
{
    if (r)
        r->skip_invalid = on != 0;
}

unsigned long sli_reader_line(const sl_reader *r)
{
    return r ? r->line : 0;
}

const char *sli_reader_name(const sl_reader *r)
{
    return r ? r->name : NULL;
}

int sli_reader_skippable(const sl_reader *r, unsigned long *line, const char **reason)
{
    if (!r || !r->bad_skippable || !r->skip_invalid)
        return 0;
    if (line)
        *line = r->bad_line;
    if (reason)
        *reason = r->bad_reason;
    return 1;
}

