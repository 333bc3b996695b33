/*
 * strmap.c - open-addressing string map; see strmap.h.
 *
 * The hash is 64-bit FNV-1a with a final mix: short keys (words) dominate,
 * and FNV needs no tables or alignment tricks. Slot hash 0 marks an empty
 * slot, so real hashes are forced non-zero. The table doubles at 50% load,
 * which keeps probe runs short for the per-token lookups on the hot path.
 */
#include "core/strmap.h"
#include "core/vec.h"

#include <stdlib.h>
#include <string.h>

void sli_strmap_init(sl_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void sli_strmap_free(sl_strmap *m)
{
    if (!m)
        return;
    free(m->slots);
    free(m->arena);
    memset(m, 0, sizeof *m);
}

void sli_strmap_clear(sl_strmap *m)
{
    if (m->slots)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
    m->arena_len = 0;
}

uint64_t sli_strmap_hash(const char *key, size_t len)
{
    uint64_t h = 14695981039346656037ULL; /* the FNV-1a 64-bit offset basis */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    return h ? h : 1;
}

static sl_strmap_slot *find_slot(const sl_strmap *m, uint64_t h, const char *key, size_t len)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        sl_strmap_slot *s = &m->slots[i];
        if (s->hash == 0)
            return s;
        if (s->hash == h && s->key_len == len && memcmp(m->arena + s->key_off, key, len) == 0)
            return s;
    }
}

uint32_t *sli_strmap_get(const sl_strmap *m, const char *key, size_t len)
{
    if (m->n == 0)
        return NULL;
    sl_strmap_slot *s = find_slot(m, sli_strmap_hash(key, len), key, len);
    return s->hash ? &s->value : NULL;
}

static int grow_table(sl_strmap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    sl_strmap_slot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        sl_strmap_slot *s = &m->slots[i];
        if (!s->hash)
            continue;
        size_t j = (size_t)s->hash & (ncap - 1);
        while (ns[j].hash)
            j = (j + 1) & (ncap - 1);
        ns[j] = *s;
    }
    free(m->slots);
    m->slots = ns;
    m->cap = ncap;
    return 0;
}

static int store_key(sl_strmap *m, const char *key, size_t len, uint32_t *off)
{
    if (len >= UINT32_MAX / 2 || m->arena_len + len + 1 > UINT32_MAX)
        return -1;
    if (SL_GROW(m->arena, m->arena_cap, m->arena_len + len + 1) != 0)
        return -1;
    memcpy(m->arena + m->arena_len, key, len);
    m->arena[m->arena_len + len] = '\0';
    *off = (uint32_t)m->arena_len;
    m->arena_len += len + 1;
    return 0;
}

uint32_t *sli_strmap_put(sl_strmap *m, const char *key, size_t len, uint32_t value, int *inserted)
{
    if ((m->n + 1) * 2 > m->cap && grow_table(m) != 0)
        return NULL;
    uint64_t h = sli_strmap_hash(key, len);
    sl_strmap_slot *s = find_slot(m, h, key, len);
    if (s->hash) {
        if (inserted)
            *inserted = 0;
        return &s->value;
    }
    uint32_t off;
    if (store_key(m, key, len, &off) != 0)
        return NULL;
    s->hash = h;
    s->key_off = off;
    s->key_len = (uint32_t)len;
    s->value = value;
    m->n++;
    if (inserted)
        *inserted = 1;
    return &s->value;
}

const char *sli_strmap_key_of(const sl_strmap *m, const uint32_t *value, size_t *len)
{
    const sl_strmap_slot *s =
        (const sl_strmap_slot *)((const char *)value - offsetof(sl_strmap_slot, value));
    if (len)
        *len = s->key_len;
    return m->arena + s->key_off;
}
