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
