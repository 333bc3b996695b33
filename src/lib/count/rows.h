/*
 * rows.h - the --per-document rows of a run, in input order, in memory
 * that does not grow with the corpus.
 *
 * A row a story: a national story bank has millions, and kept as objects
 * (an id, a metadata array, a theme array and a direction array each) the
 * rows grew with the corpus, 547 MB of RSS on 200 MB of stories. Here a
 * row is packed (lengths, then only the themes it has figures for) into a
 * buffer, and a full buffer is appended to an unlinked temporary file in
 * $TMPDIR (else /tmp), so memory stays at the buffer's size whatever the
 * corpus. The writers read the rows back in order with a cursor, as often
 * as they need (the wide sheet reads them twice). The add side runs on
 * one thread (the one summing stories in input order); any number of
 * cursors may read a set that is no longer added to.
 */
#ifndef SL_ROWS_H
#define SL_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "core/doc.h"
#include "core/error.h"

/* Packed rows kept in memory before the buffer goes to the file. */
#define SL_ROWS_MEMORY ((size_t)4 << 20)

/* One --per-document row, as the writers see it. */
typedef struct sl_docrow {
    char *id;
    uint64_t tokens;
    sl_meta *meta;
    size_t nmeta;
    uint32_t *theme_hits; /* nthemes */
    uint32_t *dir;        /* with direction: nthemes * SL_DIR_STORY (sl_docres.dir), else NULL */
} sl_docrow;

typedef struct sl_rows {
    size_t nthemes, ndir; /* ndir: direction counters a theme (0: none) */
    size_t n;             /* rows added */
    unsigned char *buf;   /* the packed rows not yet in the file */
    size_t len, cap;
    int fd;               /* the file, when has_file */
    int has_file;         /* made at the first spill (a zeroed set has none) */
    uint64_t spilled;     /* bytes in the file */
} sl_rows;

/* An empty set for rows of nthemes themes and ndir direction counters a
 * theme (0 without direction). Never fails: nothing is allocated yet. */
void sli_rows_init(sl_rows *rs, size_t nthemes, size_t ndir);
void sli_rows_free(sl_rows *rs);

/* Appends a copy of r (r->dir must be NULL when the set has no direction,
 * and may be NULL when it has: no counts). SL_ENOMEM, or SL_EIO when the
 * temporary file cannot be made or written, with what to do. */
sl_status sli_rows_add(sl_rows *rs, const sl_docrow *r, sl_error *err);

/* Reads the rows of rs in order. The row a call returns is the cursor's,
 * valid until the next call. */
typedef struct sl_rows_cursor {
    const sl_rows *rs;
    uint64_t at;        /* bytes of the set consumed into buf */
    unsigned char *buf; /* read ahead, from the file or rs->buf */
    size_t pos, len, cap;
    sl_docrow row;
    size_t meta_cap;
    int failed;         /* errno of a read error, or ENOMEM */
} sl_rows_cursor;

void sli_rows_cursor_init(sl_rows_cursor *c, const sl_rows *rs);
/* The next row, or NULL at the end or on a failure (c->failed then says
 * which: sli_rows_cursor_status gives the error). */
const sl_docrow *sli_rows_next(sl_rows_cursor *c);
sl_status sli_rows_cursor_status(const sl_rows_cursor *c, sl_error *err);
void sli_rows_cursor_free(sl_rows_cursor *c);

#endif
