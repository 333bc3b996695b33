/*
 * rows.c - --per-document rows packed in a buffer that spills to an
 * unlinked temporary file (rows.h says why).
 *
 * A packed row, native byte order (the file never outlives the run):
 *   u32 length of what follows
 *   u64 tokens
 *   u32 n, the id's n bytes, NUL
 *   u32 fields, then each field: u32 n, key, NUL, u32 n, value, NUL
 *   u32 themes with figures, then each: u32 theme, u32 hits, ndir u32
 * A theme is kept when its hits or any of its direction counters is not
 * zero, so a row reads back exactly as it was added.
 */
#include "count/rows.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/vec.h"

void sli_rows_init(sl_rows *rs, size_t nthemes, size_t ndir)
{
    memset(rs, 0, sizeof *rs);
    rs->nthemes = nthemes;
    rs->ndir = ndir;
}

void sli_rows_free(sl_rows *rs)
{
    if (!rs)
        return;
    free(rs->buf);
    if (rs->has_file)
        close(rs->fd);
    sli_rows_init(rs, rs->nthemes, rs->ndir);
}

/* ---- adding --------------------------------------------------------------- */

static void put(unsigned char **p, const void *v, size_t n)
{
    memcpy(*p, v, n);
    *p += n;
}

static void put32(unsigned char **p, size_t v)
{
    uint32_t x = (uint32_t)v;
    put(p, &x, 4);
}

static void put_text(unsigned char **p, const char *s)
{
    size_t n = strlen(s);
    put32(p, n);
    put(p, s, n + 1);
}

static int theme_kept(const sl_rows *rs, const sl_docrow *r, size_t t)
{
    if (r->theme_hits[t])
        return 1;
    for (size_t k = 0; r->dir && k < rs->ndir; k++)
        if (r->dir[t * rs->ndir + k])
            return 1;
    return 0;
}

static size_t packed_size(const sl_rows *rs, const sl_docrow *r, size_t *kept)
{
    size_t n = 4 + 8 + 4 + strlen(r->id) + 1 + 4;
    for (size_t k = 0; k < r->nmeta; k++)
        n += 4 + strlen(r->meta[k].key) + 1 + 4 + strlen(r->meta[k].value) + 1;
    *kept = 0;
    for (size_t t = 0; t < rs->nthemes; t++)
        *kept += (size_t)theme_kept(rs, r, t);
    return n + 4 + *kept * (8 + 4 * rs->ndir);
}

static void pack(const sl_rows *rs, const sl_docrow *r, size_t size, size_t kept,
                 unsigned char *p)
{
    put32(&p, size - 4);
    put(&p, &r->tokens, 8);
    put_text(&p, r->id);
    put32(&p, r->nmeta);
    for (size_t k = 0; k < r->nmeta; k++) {
        put_text(&p, r->meta[k].key);
        put_text(&p, r->meta[k].value);
    }
    put32(&p, kept);
    for (size_t t = 0; t < rs->nthemes; t++) {
        if (!theme_kept(rs, r, t))
            continue;
        put32(&p, t);
        put32(&p, r->theme_hits[t]);
        for (size_t k = 0; k < rs->ndir; k++)
            put32(&p, r->dir ? r->dir[t * rs->ndir + k] : 0);
    }
}

/* The buffer onto the end of the file, made on the first call. */
static sl_status spill(sl_rows *rs, sl_error *err)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    if (!rs->has_file) {
        size_t n = strlen(dir) + sizeof "/storylens-rows-XXXXXX";
        char *path = malloc(n);
        if (!path)
            return sli_fail_nomem(err);
        snprintf(path, n, "%s/storylens-rows-XXXXXX", dir);
        rs->fd = mkstemp(path);
        int e = errno;
        rs->has_file = rs->fd >= 0;
        if (rs->has_file)
            unlink(path); /* nothing to remove after a crash */
        free(path);
        if (!rs->has_file)
            return sli_fail(err, SL_EIO,
                            "cannot make a temporary file in %s for the per-story rows: %s; "
                            "set TMPDIR to a folder that can be written",
                            dir, strerror(e));
    }
    for (size_t done = 0; done < rs->len;) {
        ssize_t k = write(rs->fd, rs->buf + done, rs->len - done);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return sli_fail(err, SL_EIO,
                            "cannot write the per-story rows to a temporary file in %s: %s; "
                            "set TMPDIR to a folder with room",
                            dir, strerror(errno));
        done += (size_t)k;
    }
    rs->spilled += rs->len;
    rs->len = 0;
    return SL_OK;
}

sl_status sli_rows_add(sl_rows *rs, const sl_docrow *r, sl_error *err)
{
    size_t kept, size = packed_size(rs, r, &kept);
    if (rs->len && rs->len + size > SL_ROWS_MEMORY) {
        sl_status s = spill(rs, err);
        if (s != SL_OK)
            return s;
    }
    if (SL_GROW(rs->buf, rs->cap, rs->len + size) != 0)
        return sli_fail_nomem(err);
    pack(rs, r, size, kept, rs->buf + rs->len);
    rs->len += size;
    rs->n++;
    return SL_OK;
}

/* ---- reading back ------------------------------------------------------- */

void sli_rows_cursor_init(sl_rows_cursor *c, const sl_rows *rs)
{
    memset(c, 0, sizeof *c);
    c->rs = rs;
}

void sli_rows_cursor_free(sl_rows_cursor *c)
{
    free(c->buf);
    free(c->row.meta);
    free(c->row.theme_hits);
    free(c->row.dir);
    memset(c, 0, sizeof *c);
}

/* Copies up to n bytes of the set from offset c->at into dst: the file's
 * part by pread, then the buffer's. Returns the bytes copied, -1 on a
 * read error (c->failed set). */
static ssize_t copy_from(sl_rows_cursor *c, unsigned char *dst, size_t n)
{
    const sl_rows *rs = c->rs;
    size_t done = 0;
    while (done < n && c->at < rs->spilled) {
        size_t want = n - done;
        if (want > rs->spilled - c->at)
            want = (size_t)(rs->spilled - c->at);
        ssize_t k = pread(rs->fd, dst + done, want, (off_t)c->at);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            c->failed = k < 0 ? errno : EIO;
            return -1;
        }
        done += (size_t)k;
        c->at += (uint64_t)k;
    }
    if (done < n && c->at >= rs->spilled) {
        size_t off = (size_t)(c->at - rs->spilled);
        size_t k = rs->len - off < n - done ? rs->len - off : n - done;
        if (k) /* rs->buf is NULL while no row was added */
            memcpy(dst + done, rs->buf + off, k);
        done += k;
        c->at += k;
    }
    return (ssize_t)done;
}

/* Makes at least need bytes readable at c->buf + c->pos. 1, 0 at the end
 * of the set, -1 on a failure. */
static int ensure(sl_rows_cursor *c, size_t need)
{
    if (c->len - c->pos >= need)
        return 1;
    if (c->len > c->pos) /* c->buf is NULL before the first read */
        memmove(c->buf, c->buf + c->pos, c->len - c->pos);
    c->len -= c->pos;
    c->pos = 0;
    size_t want = need > (size_t)1 << 16 ? need : (size_t)1 << 16;
    if (SL_GROW(c->buf, c->cap, want) != 0) {
        c->failed = ENOMEM;
        return -1;
    }
    ssize_t k = copy_from(c, c->buf + c->len, c->cap - c->len);
    if (k < 0)
        return -1;
    c->len += (size_t)k;
    return c->len >= need ? 1 : 0;
}

static uint32_t get32(const unsigned char **p)
{
    uint32_t x;
    memcpy(&x, *p, 4);
    *p += 4;
    return x;
}

static char *get_text(const unsigned char **p)
{
    uint32_t n = get32(p);
    char *s = (char *)*p;
    *p += n + 1;
    return s;
}

/* The row's arrays, sized for rs once. -1 when out of memory. */
static int row_arrays(sl_rows_cursor *c, size_t nmeta)
{
    const sl_rows *rs = c->rs;
    if (!c->row.theme_hits &&
        !(c->row.theme_hits = calloc(rs->nthemes + 1, sizeof *c->row.theme_hits)))
        return -1;
    if (rs->ndir && !c->row.dir &&
        !(c->row.dir = calloc(rs->nthemes * rs->ndir + 1, sizeof *c->row.dir)))
        return -1;
    if (SL_GROW(c->row.meta, c->meta_cap, nmeta + 1) != 0)
        return -1;
    memset(c->row.theme_hits, 0, rs->nthemes * sizeof *c->row.theme_hits);
    if (c->row.dir)
        memset(c->row.dir, 0, rs->nthemes * rs->ndir * sizeof *c->row.dir);
    return 0;
}

static const sl_docrow *unpack(sl_rows_cursor *c, const unsigned char *p)
{
    const sl_rows *rs = c->rs;
    memcpy(&c->row.tokens, p, 8);
    p += 8;
    c->row.id = get_text(&p);
    size_t nmeta = get32(&p);
    if (row_arrays(c, nmeta) != 0) {
        c->failed = ENOMEM;
        return NULL;
    }
    c->row.nmeta = nmeta;
    for (size_t k = 0; k < nmeta; k++) {
        c->row.meta[k].key = get_text(&p);
        c->row.meta[k].value = get_text(&p);
    }
    for (uint32_t kept = get32(&p); kept; kept--) {
        uint32_t t = get32(&p);
        c->row.theme_hits[t] = get32(&p);
        for (size_t k = 0; k < rs->ndir; k++)
            c->row.dir[t * rs->ndir + k] = get32(&p);
    }
    return &c->row;
}

const sl_docrow *sli_rows_next(sl_rows_cursor *c)
{
    if (c->failed)
        return NULL;
    int ok = ensure(c, 4);
    if (ok <= 0)
        return NULL;
    uint32_t size;
    memcpy(&size, c->buf + c->pos, 4);
    if ((ok = ensure(c, 4 + (size_t)size)) <= 0) {
        if (ok == 0)
            c->failed = EIO; /* a row cut short: the file was changed under us */
        return NULL;
    }
    const unsigned char *p = c->buf + c->pos + 4;
    c->pos += 4 + (size_t)size;
    return unpack(c, p);
}

sl_status sli_rows_cursor_status(const sl_rows_cursor *c, sl_error *err)
{
    if (!c->failed)
        return SL_OK;
    if (c->failed == ENOMEM)
        return sli_fail_nomem(err);
    return sli_fail(err, SL_EIO, "cannot read the per-story rows back from their temporary "
                                 "file: %s",
                    strerror(c->failed));
}
