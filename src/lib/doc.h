/*
 * doc.h - a story as the readers hand it to the rest of the pipeline.
 *
 * Plain data, owned by whoever holds the sl_doc: readers fill it, the
 * analysis batches it, workers read it, sl_doc_clear() releases it.
 */
#ifndef SL_DOC_H
#define SL_DOC_H

#include <stddef.h>

#define SL_TEXT_PAD 64

typedef struct sl_meta {
    char *key;   /* owned, NUL-terminated */
    char *value; /* owned, NUL-terminated; scalars rendered as text */
} sl_meta;

typedef struct sl_doc {
    char *id;             /* owned; never NULL once read */
    char *text;           /* owned; text_len bytes (may hold NULs), then a NUL and
                           * SL_TEXT_PAD zero bytes: PCRE2's JIT reads whole
                           * vectors and may look past the end of the subject */
    size_t text_len;
    sl_meta *meta;        /* owned; nmeta fields in source order */
    size_t nmeta;
    const char *source;   /* borrowed from the reader: the file name */
    unsigned long line;   /* line of the source where the record starts (1-based) */
    size_t invalid_utf8;  /* bad bytes the reader had to replace (JSONL) */
} sl_doc;

/* Frees what d owns and zeroes it; d itself is not freed. Accepts NULL. */
void sl_doc_clear(sl_doc *d);

/* Whether a and b hold the same story: every field, the metadata in
 * order, and the text's zero padding. Two readers of one record must
 * agree this way (the JSONL fast path and jansson are tested with it). */
int sl_doc_equal(const sl_doc *a, const sl_doc *b);

/* The value of metadata field key, or NULL. Borrowed from d. */
const char *sl_doc_meta(const sl_doc *d, const char *key);

#endif
