/*
 * doc.c - releasing and querying an sl_doc.
 *
 * The struct is plain data so readers can fill it field by field; these two
 * helpers are the only behaviour it has, kept here so every stage frees and
 * looks up metadata the same way.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

void sl_doc_clear(sl_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nmeta; i++) {
        free(d->meta[i].key);
        free(d->meta[i].value);
    }
    free(d->meta);
    free(d->id);
    free(d->text);
    memset(d, 0, sizeof *d);
}

const char *sl_doc_meta(const sl_doc *d, const char *key)
{
    if (!d || !key)
        return NULL;
    for (size_t i = 0; i < d->nmeta; i++)
        if (strcmp(d->meta[i].key, key) == 0)
            return d->meta[i].value;
    return NULL;
}

int sl_doc_equal(const sl_doc *a, const sl_doc *b)
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
