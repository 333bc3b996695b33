/*
 * doc.c - building, releasing and querying an sl_doc's metadata.
 *
 * The struct is plain data so readers can fill it field by field; this file
 * owns the one thing about it that is not: how a meta array and its fields
 * are laid out in memory (see sl_meta in doc.h). Every reader, the merge
 * and sli_doc_clear() go through here, so the layout is known in one place.
 */
#include "core/doc.h"
#include "core/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The slots an array holding n fields has: 0 for none, else the capacity
 * SL_GROW reaches growing one field at a time, which is the one
 * sli_grow_cap() gives from none (the first array holds 8 fields: the bench
 * corpus has 3 and hand-made ones rarely more, so most stories allocate
 * their array once). Derived rather than stored so that a (meta, nmeta)
 * pair moved anywhere (a --per-document row keeps only the pair) still says
 * how full its array is, with no capacity to go stale. */
static size_t meta_cap(size_t n)
{
    return n ? sli_grow_cap(0, n, 0) : 0;
}

/* key, NUL, value, NUL in one block; NULL when out of memory. */
static char *field_block(const char *key, size_t klen, const char *val, size_t vlen)
{
    if (klen > SIZE_MAX - 2 || vlen > SIZE_MAX - 2 - klen)
        return NULL;
    char *p = malloc(klen + vlen + 2);
    if (!p)
        return NULL;
    if (klen)
        memcpy(p, key, klen);
    p[klen] = '\0';
    if (vlen)
        memcpy(p + klen + 1, val, vlen);
    p[klen + 1 + vlen] = '\0';
    return p;
}

int sli_meta_set(sl_meta *m, const char *key, size_t klen, const char *val, size_t vlen)
{
    char *block = field_block(key, klen, val, vlen);
    if (!block)
        return -1;
    free(m->key);
    m->key = block;
    /* from klen, not strlen: a key holding a NUL must not move its value */
    m->value = block + klen + 1;
    return 0;
}

int sli_meta_append(sl_meta **meta, size_t *nmeta, const char *key, size_t klen,
                   const char *val, size_t vlen)
{
    size_t n = *nmeta;
    char *block = field_block(key, klen, val, vlen);
    if (!block)
        return -1;
    /* grows only when full, doubling: a story with many fields reallocs
     * log2(n) times, not n */
    size_t cap = meta_cap(n);
    if (SL_GROW(*meta, cap, n + 1) != 0) {
        free(block);
        return -1;
    }
    (*meta)[n] = (sl_meta){block, block + klen + 1};
    *nmeta = n + 1;
    return 0;
}

void sli_doc_clear(sl_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nmeta; i++)
        free(d->meta[i].key); /* the value lives in the key's block */
    free(d->meta);
    free(d->id);
    free(d->text);
    memset(d, 0, sizeof *d);
}

const char *sli_doc_meta(const sl_doc *d, const char *key)
{
    if (!d || !key)
        return NULL;
    for (size_t i = 0; i < d->nmeta; i++)
        if (strcmp(d->meta[i].key, key) == 0)
            return d->meta[i].value;
    return NULL;
}

int sli_doc_equal(const sl_doc *a, const sl_doc *b)
{
    if (strcmp(a->id, b->id) != 0 || a->text_len != b->text_len ||
        memcmp(a->text, b->text, a->text_len) != 0 || a->nmeta != b->nmeta ||
        a->source != b->source || a->line != b->line || a->invalid_utf8 != b->invalid_utf8)
        return 0;
    for (size_t i = 0; i <= SL_TEXT_PAD; i++)
        if (a->text[a->text_len + i] != 0 || b->text[b->text_len + i] != 0)
            return 0;
    for (size_t i = 0; i < a->nmeta; i++)
        if (strcmp(a->meta[i].key, b->meta[i].key) != 0 ||
            strcmp(a->meta[i].value, b->meta[i].value) != 0)
            return 0;
    return 1;
}
