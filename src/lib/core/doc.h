/*
 * doc.h - a story as the readers hand it to the rest of the pipeline.
 *
 * Plain data, owned by whoever holds the sl_doc: readers fill it, the
 * analysis batches it, workers read it, sli_doc_clear() releases it. The
 * metadata's memory layout is known only to doc.c: every writer of a meta
 * array goes through sli_meta_append() or sli_meta_set(), so the rule below
 * is kept in one place.
 */
#ifndef SL_DOC_H
#define SL_DOC_H

#include <stddef.h>

#define SL_TEXT_PAD 64

/*
 * One metadata field. key and value share one allocation, the value's
 * bytes right after the key's NUL: a field costs one malloc and one free,
 * not two of each, and every story read pays them (with worker threads the
 * allocator's bookkeeping is not free either). So key owns the block and
 * is what is freed; value points into it and is never freed on its own.
 */
typedef struct sl_meta {
    char *key;   /* owns the field's block; NUL-terminated */
    char *value; /* inside key's block; NUL-terminated; scalars rendered as text */
} sl_meta;

typedef struct sl_doc {
    char *id;             /* owned; never NULL once read */
    char *text;           /* owned; text_len bytes (may hold NULs), then a NUL and
                           * SL_TEXT_PAD zero bytes: PCRE2's JIT reads whole
                           * vectors and may look past the end of the subject */
    size_t text_len;
    sl_meta *meta;        /* owned; nmeta fields in source order, room for
                           * sli_meta_append's capacity of nmeta (doc.c) */
    size_t nmeta;
    const char *source;   /* borrowed from the reader: the file name */
    unsigned long line;   /* line of the source where the record starts (1-based) */
    size_t invalid_utf8;  /* bad bytes the reader had to replace (JSONL) */
    int id_from_line;     /* the id is "FILE:LINE": the record gave none */
} sl_doc;

/* Frees what d owns and zeroes it; d itself is not freed. Accepts NULL. */
void sli_doc_clear(sl_doc *d);

/* Whether a and b hold the same story: every field, the metadata in
 * order, and the text's zero padding. Two readers of one record must
 * agree this way (the JSONL fast path and jansson are tested with it). */
int sli_doc_equal(const sl_doc *a, const sl_doc *b);

/* The value of metadata field key, or NULL. Borrowed from d. */
const char *sli_doc_meta(const sl_doc *d, const char *key);

/* Appends a copy of key[0..klen) and val[0..vlen) to the *nmeta fields of
 * *meta (an sl_doc's or a --per-document row's), growing the array when it
 * is full. The array's capacity is not stored: it follows from nmeta, so a
 * (meta, nmeta) pair may be moved without it (analysis.c hands a story's
 * pair to its row that way). Hence a meta array must be built only by this
 * function. 0, or -1 when out of memory with nothing changed. */
int sli_meta_append(sl_meta **meta, size_t *nmeta, const char *key, size_t klen,
                   const char *val, size_t vlen);

/* Replaces field m with a copy of key[0..klen) and val[0..vlen), freeing
 * its old block only once the new one is built, so key or val may point
 * into it. 0, or -1 when out of memory with m unchanged. */
int sli_meta_set(sl_meta *m, const char *key, size_t klen, const char *val, size_t vlen);

#endif
