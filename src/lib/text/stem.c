/*
 * stem.c - Snowball stemmer plus word cache; see stem.h.
 *
 * The cache is on the hot path: every token of every story is looked up
 * once. So it is its own open-addressing table rather than a general map,
 * and a slot is 32 bytes, two to a cache line: the word's first 16 bytes
 * inline (zero-padded), its length, a hash tag and the sl_word record. A
 * hit on a word of up to 16 bytes (nearly every word) touches one slot and
 * nothing else. What only a miss or a long word needs (the stem, the
 * whole of a word over 16 bytes) sits in a parallel array, so rare words'
 * slots, which are out of the CPU caches, cost as few lines as possible
 * (cachegrind counted 16 % fewer last-level misses than with the 56-byte
 * slots before; one slot to a 64-byte line ran 20 % slower). Stems and long
 * words live in arenas: no allocation per word once the arrays have grown.
 * Words longer than SL_STEM_MAX_WORD are their own stem.
 */
#include "text/stem.h"

#include <libstemmer.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/vec.h"

#define INLINE_KEY 16

typedef struct slot {
    uint64_t k0, k1; /* the word's first 16 bytes, zero-padded */
    uint32_t tag;    /* high hash bits, never 0; 0 = empty slot */
    uint32_t len;
    sl_word w;
} slot;

_Static_assert(sizeof(slot) == 32, "two slots to a 64-byte cache line");

/* The rest of a slot's word, at the same index. */
typedef struct slot_more {
    uint32_t stem_off, stem_len; /* the stem, in stems */
    uint32_t key_off;            /* words over 16 bytes: the whole word, in keys */
} slot_more;

struct sl_stem_cache {
    struct sb_stemmer *stemmer;
    uint64_t epoch, trims;
    slot *slots;
    slot_more *more;
    size_t cap, nwords; /* cap is a power of two, at most 3/4 full */
    char *keys;         /* words over INLINE_KEY bytes, back to back */
    size_t keys_len, keys_cap;
    char *stems;        /* stems, each followed by a NUL */
    size_t stems_len, stems_cap;
};

/* n (<= 8) bytes at p as an integer, the rest zero. Little-endian hosts
 * read them in at most two loads; the byte loop is the portable form. */
static inline uint64_t load_upto8(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n == 8) {
        memcpy(&v, p, 8);
    } else if (n >= 4) { /* two overlapping 4-byte loads */
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        v = a | (uint64_t)b << (8 * (n - 4));
    } else if (n > 0) {
        v = p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
    }
#else
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)p[i] << (8 * i);
#endif
    return v;
}

/* A 64x64->128 multiply folded to 64 bits: one multiply mixes every input
 * bit into the middle of the result (the wyhash construction). */
static inline uint64_t mix(uint64_t a, uint64_t b)
{
#ifdef __SIZEOF_INT128__
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
    uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ b;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
#endif
}

static void split_key(const char *word, size_t len, uint64_t *k0, uint64_t *k1)
{
    const unsigned char *p = (const unsigned char *)word;
    *k0 = load_upto8(p, len < 8 ? len : 8);
    *k1 = len > 8 ? load_upto8(p + 8, len < INLINE_KEY ? len - 8 : 8) : 0;
}

/* split_key() for a word with 16 readable bytes: two loads, the bytes
 * past len masked off, so the keys are the same. */
static void split_key_padded(const char *word, size_t len, uint64_t *k0, uint64_t *k1)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t a, b;
    memcpy(&a, word, 8);
    memcpy(&b, word + 8, 8);
    *k0 = len >= 8 ? a : a & ~(~0ULL << (8 * len));
    *k1 = len >= INLINE_KEY ? b : len <= 8 ? 0 : b & ~(~0ULL << (8 * (len - 8)));
#else
    split_key(word, len, k0, k1);
#endif
}

static inline uint64_t hash_word(const char *word, size_t len, uint64_t k0, uint64_t k1)
{
    uint64_t h = mix(k0 ^ 0xA0761D6478BD642FULL, k1 ^ 0xE7037ED1A0B428DBULL ^ len);
    const unsigned char *p = (const unsigned char *)word;
    for (size_t i = INLINE_KEY; i < len; i += 8)
        h = mix(h ^ load_upto8(p + i, len - i < 8 ? len - i : 8), 0x8EBC6AF09C88C6E3ULL);
    return h;
}

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

static int grow_table(sl_stem_cache *c);

sl_status sli_stem_cache_new(sl_stem_cache **out, const char *language, sl_error *err)
{
    *out = NULL;
    sl_stem_cache *c = calloc(1, sizeof *c);
    if (!c)
        return sli_fail_nomem(err);
    c->stemmer = sb_stemmer_new(language ? language : "english", "UTF_8");
    if (!c->stemmer) {
        char names[600];
        list_languages(names, sizeof names);
        free(c);
        return sli_fail(err, SL_EUSAGE, "unknown language \"%s\"; use one of: %s",
                       language, names);
    }
    if (grow_table(c) != 0) { /* a table from the start: lookups never test for none */
        sli_stem_cache_free(c);
        return sli_fail_nomem(err);
    }
    *out = c;
    return SL_OK;
}

void sli_stem_cache_free(sl_stem_cache *c)
{
    if (!c)
        return;
    sb_stemmer_delete(c->stemmer);
    free(c->slots);
    free(c->more);
    free(c->keys);
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

int sli_stem_once(sl_stem_cache *c, const char *word, size_t len, char *buf, size_t size)
{
    size_t n;
    const char *s = stem_raw(c, word, len, &n);
    if (!s || n + 1 > size)
        return -1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return (int)n;
}

/* Appends n bytes and a NUL to an arena; *off gets their offset. */
static int arena_add(char **arena, size_t *used, size_t *cap, const char *s, size_t n,
                     uint32_t *off)
{
    if (*used + n + 1 > UINT32_MAX)
        return -1;
    if (SL_GROW(*arena, *cap, *used + n + 1) != 0)
        return -1;
    memcpy(*arena + *used, s, n);
    (*arena)[*used + n] = '\0';
    *off = (uint32_t)*used;
    *used += n + 1;
    return 0;
}

static int grow_table(sl_stem_cache *c)
{
    size_t ncap = c->cap ? c->cap * 2 : 1024;
    slot *ns = calloc(ncap, sizeof *ns);
    slot_more *nm = malloc(ncap * sizeof *nm);
    if (!ns || !nm) {
        free(ns);
        free(nm);
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++) {
        const slot *s = &c->slots[i];
        if (!s->tag)
            continue;
        uint64_t h = hash_word(s->len > INLINE_KEY ? c->keys + c->more[i].key_off : NULL,
                               s->len, s->k0, s->k1);
        size_t j = (size_t)h & (ncap - 1);
        while (ns[j].tag)
            j = (j + 1) & (ncap - 1);
        ns[j] = *s;
        nm[j] = c->more[i];
    }
    free(c->slots);
    free(c->more);
    c->slots = ns;
    c->more = nm;
    c->cap = ncap;
    c->epoch++;
    return 0;
}

/* Fills the empty slot i with word, stemming it. */
static sl_word *add_word(sl_stem_cache *c, size_t i, const char *word, size_t len, uint64_t k0,
                         uint64_t k1, uint32_t tag)
{
    size_t n;
    const char *stem = stem_raw(c, word, len, &n);
    uint32_t stem_off, key_off = 0;
    if (!stem || arena_add(&c->stems, &c->stems_len, &c->stems_cap, stem, n, &stem_off) != 0 ||
        (len > INLINE_KEY &&
         arena_add(&c->keys, &c->keys_len, &c->keys_cap, word, len, &key_off) != 0))
        return NULL;
    c->slots[i] = (slot){.k0 = k0, .k1 = k1, .tag = tag, .len = (uint32_t)len};
    c->more[i] = (slot_more){.stem_off = stem_off, .stem_len = (uint32_t)n, .key_off = key_off};
    c->nwords++;
    return &c->slots[i].w;
}

/* The record of word, whose first 16 bytes are k0 and k1 (split_key).
 * Kept out of line: find_keys inlines the common case, and with this one's
 * calls (memcmp, add_word, grow_table) inside it every lookup saved and
 * restored registers for them. */
__attribute__((noinline)) static sl_word *lookup_keys(sl_stem_cache *c, const char *word,
                                                      size_t len, uint64_t k0, uint64_t k1)
{
    if (len >= UINT32_MAX)
        return NULL;
    uint64_t h = hash_word(word, len, k0, k1);
    uint32_t tag = (uint32_t)(h >> 32) | 1;
    for (;;) {
        size_t mask = c->cap - 1;
        for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
            slot *s = &c->slots[i];
            if (s->tag == tag && s->len == len && s->k0 == k0 && s->k1 == k1 &&
                (len <= INLINE_KEY || memcmp(c->keys + c->more[i].key_off, word, len) == 0))
                return &s->w;
            if (s->tag)
                continue;
            /* 3/4 full at most: with two slots to a line, a longer probe
             * mostly stays in the line already fetched, and a smaller table
             * keeps more of the rare words' slots in cache (cachegrind,
             * 10 MB: 16 % fewer last-level misses than at 1/2) */
            if ((c->nwords + 1) * 4 <= c->cap * 3)
                return add_word(c, i, word, len, k0, k1, tag);
            if (grow_table(c) != 0)
                return NULL;
            break; /* probe the grown table */
        }
    }
}

/* lookup_keys for the common case, a word of up to INLINE_KEY bytes met
 * before: a probe or two with nothing to save around them. The rest (a
 * new word, a longer key) go to lookup_keys, which starts again. */
static inline sl_word *find_keys(sl_stem_cache *c, const char *word, size_t len, uint64_t k0,
                                 uint64_t k1)
{
    if (len <= INLINE_KEY) {
        uint64_t h = hash_word(word, len, k0, k1);
        uint32_t tag = (uint32_t)(h >> 32) | 1;
        size_t mask = c->cap - 1;
        for (size_t i = (size_t)h & mask; c->slots[i].tag; i = (i + 1) & mask) {
            slot *s = &c->slots[i];
            if (s->tag == tag && s->len == len && s->k0 == k0 && s->k1 == k1)
                return &s->w;
        }
    }
    return lookup_keys(c, word, len, k0, k1);
}

sl_word *sli_stem_lookup(sl_stem_cache *c, const char *word, size_t len)
{
    uint64_t k0, k1;
    split_key(word, len, &k0, &k1);
    return find_keys(c, word, len, k0, k1);
}

sl_word *sli_stem_lookup_padded(sl_stem_cache *c, const char *word, size_t len)
{
    uint64_t k0, k1;
    split_key_padded(word, len, &k0, &k1);
    return find_keys(c, word, len, k0, k1);
}

/* The index of w's slot: its slot_more is at the same index. */
static size_t slot_index(const sl_stem_cache *c, const sl_word *w)
{
    const slot *s = (const slot *)((const char *)w - offsetof(slot, w));
    return (size_t)(s - c->slots);
}

const char *sli_word_stem(const sl_stem_cache *c, const sl_word *w)
{
    return c->stems + c->more[slot_index(c, w)].stem_off;
}

size_t sli_word_stem_len(const sl_stem_cache *c, const sl_word *w)
{
    return c->more[slot_index(c, w)].stem_len;
}

int sli_stem_cache_trim(sl_stem_cache *c, size_t max_words)
{
    if (c->nwords <= max_words)
        return 0;
    memset(c->slots, 0, c->cap * sizeof *c->slots);
    c->epoch++;
    c->trims++;
    c->nwords = 0;
    c->keys_len = 0;
    c->stems_len = 0;
    return 1;
}

uint64_t sli_stem_cache_epoch(const sl_stem_cache *c)
{
    return c->epoch;
}

uint64_t sli_stem_cache_trims(const sl_stem_cache *c)
{
    return c->trims;
}

size_t sli_stem_cache_size(const sl_stem_cache *c)
{
    return c->nwords;
}
