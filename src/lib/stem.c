/*
 * stem.c - Snowball stemmer plus word cache; see stem.h.
 *
 * Records live in one growing array indexed through an sl_strmap, stems in
 * one arena: no allocation per word once the arrays have grown. Words longer
 * than SL_STEM_MAX_WORD are their own stem.
 */
#include "stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "strmap.h"

struct sl_stem_cache {
    struct sb_stemmer *stemmer;
    sl_strmap map;  /* folded word -> index into words */
    sl_word *words;
    size_t nwords, words_cap;
    char *stems;    /* stems, each followed by a NUL */
    size_t stems_len, stems_cap;
};

static size_t list_languages(char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const char **l = sb_stemmer_list(); *l; l++) {
        int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", *l);
        if (n < 0 || (size_t)n >= size - used)
            break;
        used += (size_t)n;
    }
    return used;
}

sl_status sl_stem_cache_new(sl_stem_cache **out, const char *language, sl_error *err)
{
    *out = NULL;
    sl_stem_cache *c = calloc(1, sizeof *c);
    if (!c)
        return sl_fail_nomem(err);
    c->stemmer = sb_stemmer_new(language ? language : "english", "UTF_8");
    if (!c->stemmer) {
        char names[600];
        list_languages(names, sizeof names);
        free(c);
        return sl_fail(err, SL_EUSAGE, "unknown language \"%s\"; use one of: %s",
                       language, names);
    }
    sl_strmap_init(&c->map);
    *out = c;
    return SL_OK;
}

void sl_stem_cache_free(sl_stem_cache *c)
{
    if (!c)
        return;
    sb_stemmer_delete(c->stemmer);
    sl_strmap_free(&c->map);
    free(c->words);
    free(c->stems);
    free(c);
}

/* The stemmer's view of word: the stem it returns, or word itself when the
 * word is too long to stem. NULL when out of memory. */
static const char *stem_raw(sl_stem_cache *c, const char *word, size_t len, size_t *stem_len)
{
    if (len > SL_STEM_MAX_WORD) {
        *stem_len = len;
        return word;
    }
    const sb_symbol *s = sb_stemmer_stem(c->stemmer, (const sb_symbol *)word, (int)len);
    if (!s)
        return NULL;
    *stem_len = (size_t)sb_stemmer_length(c->stemmer);
    return (const char *)s;
}

int sl_stem_once(sl_stem_cache *c, const char *word, size_t len, char *buf, size_t size)
{
    size_t n;
    const char *s = stem_raw(c, word, len, &n);
    if (!s || n + 1 > size)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return (int)n;
}

static int store_stem(sl_stem_cache *c, const char *s, size_t n, uint32_t *off)
{
    if (c->stems_len + n + 1 > UINT32_MAX)
        return -1;
    if (c->stems_len + n + 1 > c->stems_cap) {
        size_t ncap = c->stems_cap ? c->stems_cap : 4096;
        while (ncap < c->stems_len + n + 1)
            ncap *= 2;
        char *p = realloc(c->stems, ncap);
        if (!p)
            return -1;
        c->stems = p;
        c->stems_cap = ncap;
    }
    memcpy(c->stems + c->stems_len, s, n);
    c->stems[c->stems_len + n] = '\0';
    *off = (uint32_t)c->stems_len;
    c->stems_len += n + 1;
    return 0;
}

static sl_word *add_word(sl_stem_cache *c, const char *word, size_t len)
{
    if (c->nwords == c->words_cap) {
        size_t ncap = c->words_cap ? c->words_cap * 2 : 1024;
        sl_word *p = realloc(c->words, ncap * sizeof *p);
        if (!p)
            return NULL;
        c->words = p;
        c->words_cap = ncap;
    }
    size_t n;
    const char *s = stem_raw(c, word, len, &n);
    sl_word *w = &c->words[c->nwords];
    memset(w, 0, sizeof *w);
    if (!s || store_stem(c, s, n, &w->stem_off) != 0)
        return NULL;
    w->stem_len = (uint32_t)n;
    if (!sl_strmap_put(&c->map, word, len, (uint32_t)c->nwords, NULL))
        return NULL;
    c->nwords++;
    return w;
}

sl_word *sl_stem_lookup(sl_stem_cache *c, const char *word, size_t len)
{
    uint32_t *idx = sl_strmap_get(&c->map, word, len);
    if (idx)
        return &c->words[*idx];
    return add_word(c, word, len);
}

const char *sl_word_stem(const sl_stem_cache *c, const sl_word *w)
{
    return c->stems + w->stem_off;
}

int sl_stem_cache_trim(sl_stem_cache *c, size_t max_words)
{
    if (c->nwords <= max_words)
        return 0;
    sl_strmap_clear(&c->map);
    c->nwords = 0;
    c->stems_len = 0;
    return 1;
}

size_t sl_stem_cache_size(const sl_stem_cache *c)
{
    return c->nwords;
}
