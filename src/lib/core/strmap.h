/*
 * strmap.h - a byte-string -> uint32 hash map with its keys in one arena.
 *
 * The general hash table of storylens: the lexicon's atom indexes, the
 * --by groups and the like map short strings to small integers. (The
 * per-token word cache in stem.c is its own table, tuned for that one job.)
 * Open addressing with linear probing; keys are copied into a single
 * growing arena so a map is three allocations however many keys it holds.
 * Not thread-safe: each thread owns its maps, or a map is read-only.
 */
#ifndef SL_STRMAP_H
#define SL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct sl_strmap_slot {
    uint64_t hash;    /* 0 = empty slot */
    uint32_t key_off; /* into arena */
    uint32_t key_len;
    uint32_t value;
} sl_strmap_slot;

typedef struct sl_strmap {
    sl_strmap_slot *slots;
    size_t cap, n;    /* cap is a power of two */
    char *arena;      /* keys, each followed by a NUL */
    size_t arena_len, arena_cap;
} sl_strmap;

void sli_strmap_init(sl_strmap *m);
void sli_strmap_free(sl_strmap *m);
/* Forgets every key, keeping the memory for reuse. */
void sli_strmap_clear(sl_strmap *m);

uint64_t sli_strmap_hash(const char *key, size_t len);

/* The value stored for key, or NULL. Borrowed: valid until the next put. */
uint32_t *sli_strmap_get(const sl_strmap *m, const char *key, size_t len);

/* Inserts key with value unless present. Returns a pointer to the stored
 * value (the existing one if present; *inserted says which), or NULL when
 * out of memory. */
uint32_t *sli_strmap_put(sl_strmap *m, const char *key, size_t len, uint32_t value, int *inserted);

/* The stored key of a value pointer returned by get/put. Borrowed. */
const char *sli_strmap_key_of(const sl_strmap *m, const uint32_t *value, size_t *len);

#endif
