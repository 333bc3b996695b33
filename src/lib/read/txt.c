/*
 * read_txt.c - .txt/.md sources: one story per file (or per stream).
 *
 * The whole source is one record, so it is read whole; that is the story
 * itself, not the corpus. An optional front-matter block at the very top
 * gives metadata:
 *
 *     ---
 *     site: North
 *     quarter: "2024 Q1"
 *     ---
 *     The story text...
 *
 * A block opened but never closed is not front matter: the whole file is
 * the text, so a story that merely starts with a "---" rule is not lost.
 * Inside the block, blank lines, lines starting with '#' and lines without a
 * ':' (or with an empty key) are ignored, and a repeated key replaces the
 * earlier value in place: front matter is hand-written, so it is read
 * leniently rather than stopping a run.
 */
#include "read/record.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"

/* Reads the rest of r->in into a fresh buffer. */
static sl_status slurp(sl_reader *r, char **out, size_t *len, sl_error *err)
{
    size_t n = 0, cap = 0;
    char *buf = NULL;
    int e = 0;
    for (;;) {
        if (SL_GROW(buf, cap, n + 4096) != 0) {
            free(buf);
            return sli_fail_nomem(err);
        }
        errno = 0;
        size_t got = fread(buf + n, 1, cap - n, r->in);
        e = errno;
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(r->in)) {
        free(buf);
        return sli_rd_read_error(r, e, err);
    }
    *out = buf;
    *len = n;
    return SL_OK;
}

/* The line starting at p: [p, *le) without its "\n" or "\r\n"; returns the
 * start of the next line (end when there is none). */
static const char *line_at(const char *p, const char *end, const char **le)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    if (e > p && e[-1] == '\r')
        e--;
    *le = e;
    return nl ? nl + 1 : end;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static void trim(const char **s, const char **e)
{
    while (*s < *e && is_blank(**s))
        (*s)++;
    while (*e > *s && is_blank((*e)[-1]))
        (*e)--;
}

/* A front-matter fence: "---", trailing blanks allowed. */
static int is_fence(const char *s, const char *e)
{
    trim(&s, &e);
    return e - s == 3 && memcmp(s, "---", 3) == 0;
}

/* Sets key to value, replacing an earlier value of the same key. */
static sl_status meta_set(sl_doc *doc, const char *k, size_t kn, const char *v, size_t vn,
                          sl_error *err)
{
    for (size_t i = 0; i < doc->nmeta; i++) {
        if (strlen(doc->meta[i].key) == kn && memcmp(doc->meta[i].key, k, kn) == 0) {
            /* the value shares the key's block: both are built anew */
            if (sli_meta_set(&doc->meta[i], k, kn, v, vn) != 0)
                return sli_fail_nomem(err);
            return SL_OK;
        }
    }
    return sli_rd_meta_add(doc, k, kn, v, vn, err);
}

static sl_status front_matter_line(sl_doc *doc, const char *s, const char *e, sl_error *err)
{
    trim(&s, &e);
    if (s == e || *s == '#')
        return SL_OK;
    const char *colon = memchr(s, ':', (size_t)(e - s));
    if (!colon)
        return SL_OK;
    const char *ks = s, *ke = colon, *vs = colon + 1, *ve = e;
    trim(&ks, &ke);
    trim(&vs, &ve);
    if (ks == ke)
        return SL_OK;
    if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
        vs++;
        ve--;
    }
    return meta_set(doc, ks, (size_t)(ke - ks), vs, (size_t)(ve - vs), err);
}

/* If p starts a closed front-matter block, fills doc->meta and returns the
 * start of the text after it; otherwise returns p. */
static sl_status front_matter(sl_doc *doc, const char *p, const char *end, const char **body,
                              sl_error *err)
{
    *body = p;
    const char *le;
    const char *first = line_at(p, end, &le);
    if (p == end || !is_fence(p, le))
        return SL_OK;
    /* Find the closing fence before reading any field, so an unclosed block
     * leaves no half-read metadata behind. */
    const char *q = first, *close = NULL, *after = NULL;
    while (q < end && !close) {
        const char *next = line_at(q, end, &le);
        if (is_fence(q, le)) {
            close = q;
            after = next;
        }
        q = next;
    }
    if (!close)
        return SL_OK;
    for (q = first; q < close;) {
        const char *next = line_at(q, close, &le);
        sl_status rc = front_matter_line(doc, q, le, err);
        if (rc != SL_OK)
            return rc;
        q = next;
    }
    *body = after;
    return SL_OK;
}

sl_status sli_rd_txt_next(sl_reader *r, sl_doc *doc, int *got, sl_error *err)
{
    r->done = 1;
    char *buf = NULL;
    size_t len = 0;
    sl_status rc = slurp(r, &buf, &len, err);
    if (rc != SL_OK)
        return rc;
    const char *p = buf, *end = buf + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    const char *body = p;
    rc = front_matter(doc, p, end, &body, err);
    if (rc == SL_OK) {
        doc->text = sli_rd_textdup(body, (size_t)(end - body));
        doc->id = strdup(r->id_base);
        if (!doc->text || !doc->id)
            rc = sli_fail_nomem(err);
    }
    free(buf);
    if (rc != SL_OK) {
        sli_doc_clear(doc);
        return rc;
    }
    doc->text_len = (size_t)(end - body);
    doc->source = r->name;
    doc->line = 1;
    *got = 1;
    return SL_OK;
}
