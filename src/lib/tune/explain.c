/*
 * explain.c - what each lexicon entry actually caught (storylens explain).
 *
 * Fed from the story handler, it keeps for every entry the distinct folded
 * surface forms of its hits with their counts, so a researcher sees that
 * isolat* caught "isolated" and "isolation" - and whatever else it caught.
 * A hit names its entry by the entry's source pointer; a sorted table of
 * those pointers maps it back to the entry index without a string compare.
 * Each entry owns one string map of forms; the sorted view is built on
 * demand, because adding is frequent and reading happens once at the end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "text/fold.h"
#include "lexicon/lexicon.h"
#include "core/strmap.h"
#include "core/vec.h"

typedef struct entry_forms {
    sl_strmap forms;             /* folded form -> index into counts */
    unsigned long long *counts;
    size_t n, cap;
    sl_surface *sorted;          /* the view handed out; rebuilt when dirty */
    size_t sorted_cap;
    int dirty;
} entry_forms;

typedef struct source_ref {
    uintptr_t source;
    size_t entry;
} source_ref;

struct sl_explain {
    const sl_lexicon *lex;
    entry_forms *entries;        /* one per lexicon entry */
    source_ref *by_source;       /* sorted by source pointer */
};

static int cmp_source(const void *a, const void *b)
{
    uintptr_t x = ((const source_ref *)a)->source, y = ((const source_ref *)b)->source;
    return (x > y) - (x < y);
}

sl_status sl_explain_new(sl_explain **out, const sl_lexicon *lex)
{
    *out = NULL;
    sl_explain *ex = calloc(1, sizeof *ex);
    size_t n = lex->nentries;
    if (!ex)
        return SL_ENOMEM;
    ex->lex = lex;
    ex->entries = calloc(n ? n : 1, sizeof *ex->entries);
    ex->by_source = malloc((n ? n : 1) * sizeof *ex->by_source);
    if (!ex->entries || !ex->by_source) {
        sl_explain_free(ex);
        return SL_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        sli_strmap_init(&ex->entries[i].forms);
        ex->by_source[i] = (source_ref){(uintptr_t)lex->entries[i].source, i};
    }
    qsort(ex->by_source, n, sizeof *ex->by_source, cmp_source);
    *out = ex;
    return SL_OK;
}

void sl_explain_free(sl_explain *ex)
{
    if (!ex)
        return;
    for (size_t i = 0; ex->entries && i < ex->lex->nentries; i++) {
        sli_strmap_free(&ex->entries[i].forms);
        free(ex->entries[i].counts);
        free(ex->entries[i].sorted);
    }
    free(ex->entries);
    free(ex->by_source);
    free(ex);
}

static entry_forms *find_entry(sl_explain *ex, const char *source)
{
    source_ref key = {(uintptr_t)source, 0};
    source_ref *r = bsearch(&key, ex->by_source, ex->lex->nentries, sizeof key, cmp_source);
    return r ? &ex->entries[r->entry] : NULL;
}

static int count_form(entry_forms *e, const char *form, size_t len)
{
    int inserted;
    uint32_t *idx = sli_strmap_put(&e->forms, form, len, (uint32_t)e->n, &inserted);
    if (!idx)
        return -1;
    if (inserted) {
        if (SL_GROW(e->counts, e->cap, e->n + 1) != 0)
            return -1;
        e->counts[e->n++] = 0;
    }
    e->counts[*idx]++;
    e->dirty = 1;
    return 0;
}

sl_status sl_explain_add(sl_explain *ex, const sl_story_view *story, const sl_hit_view *hits,
                         size_t nhits, sl_error *err)
{
    for (size_t i = 0; i < nhits; i++) {
        const sl_hit_view *h = &hits[i];
        if (h->theme != h->entry_theme)
            continue; /* the same hit, counted again for an ancestor */
        entry_forms *e = find_entry(ex, h->entry);
        if (!e)
            return sli_fail(err, SL_EUSAGE, "story %s: a hit of entry \"%s\" from another lexicon",
                           story->id, h->entry);
        if (h->end < h->start || h->end > story->text_len)
            return sli_fail(err, SL_EUSAGE, "story %s: hit [%zu, %zu) outside the text",
                           story->id, h->start, h->end);
        size_t len;
        char *form = sli_fold_span(story->text + h->start, h->end - h->start, &len);
        int rc = form ? count_form(e, form, len) : -1;
        free(form);
        if (rc != 0)
            return sli_fail_nomem(err);
    }
    return SL_OK;
}

static int cmp_surface(const void *a, const void *b)
{
    const sl_surface *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->text, y->text);
}

const sl_surface *sl_explain_surfaces(sl_explain *ex, size_t i, size_t *n)
{
    *n = 0;
    if (!ex || i >= ex->lex->nentries)
        return NULL;
    entry_forms *e = &ex->entries[i];
    if (e->n == 0)
        return NULL;
    if (e->dirty) {
        if (SL_GROW(e->sorted, e->sorted_cap, e->n) != 0)
            return NULL;
        sl_surface *s = e->sorted;
        /* Slots are visited in hash order; the sort makes the order ours. */
        for (size_t k = 0; k < e->forms.cap; k++) {
            const sl_strmap_slot *slot = &e->forms.slots[k];
            if (slot->hash == 0)
                continue;
            s[slot->value] = (sl_surface){e->forms.arena + slot->key_off, e->counts[slot->value]};
        }
        qsort(s, e->n, sizeof *s, cmp_surface);
        e->dirty = 0;
    }
    *n = e->n;
    return e->sorted;
}
