/*
 * test_strmap.c - unit tests for strmap.c: insertion and lookup, existing
 * keys, growth, clearing, binary keys and key_of. Expected values are
 * worked out by hand; the hash is checked against the published FNV-1a
 * test vectors plus the documented final mix (h ^= h >> 29).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/strmap.h"

/* Structural invariants of any map. */
static void check_invariants(const sl_strmap *m)
{
    if (m->cap == 0) {
        assert_int_equal(m->n, 0);
        return;
    }
    assert_int_equal(m->cap & (m->cap - 1), 0); /* a power of two */
    assert_true(m->n * 2 <= m->cap);            /* at most half full */
    size_t used = 0;
    for (size_t i = 0; i < m->cap; i++) {
        const sl_strmap_slot *s = &m->slots[i];
        if (!s->hash)
            continue;
        used++;
        assert_true(s->key_off + s->key_len < m->arena_len);
        assert_int_equal(m->arena[s->key_off + s->key_len], '\0');
        assert_int_equal(s->hash, sli_strmap_hash(m->arena + s->key_off, s->key_len));
    }
    assert_int_equal(used, m->n);
}

static uint32_t *put(sl_strmap *m, const char *key, uint32_t value, int *inserted)
{
    return sli_strmap_put(m, key, strlen(key), value, inserted);
}

static uint32_t *get(const sl_strmap *m, const char *key)
{
    return sli_strmap_get(m, key, strlen(key));
}

static void strmap__put_then_get_returns_value(void **state)
{
    (void)state;
    static const struct {
        const char *key;
        uint32_t value;
    } cases[] = {
        {"lonely", 7}, {"alone", 0}, {"", 42}, {"caf\xc3\xa9", 3}, {"isolation", UINT32_MAX},
    };
    const size_t n = sizeof cases / sizeof cases[0];
    sl_strmap m;
    sli_strmap_init(&m);
    assert_null(get(&m, "lonely")); /* empty map: no table yet */
    for (size_t i = 0; i < n; i++) {
        int inserted = -1;
        uint32_t *v = put(&m, cases[i].key, cases[i].value, &inserted);
        assert_non_null(v);
        assert_int_equal(inserted, 1);
        assert_int_equal(*v, cases[i].value);
        assert_int_equal(m.n, i + 1);
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t *v = get(&m, cases[i].key);
        assert_non_null(v);
        assert_int_equal(*v, cases[i].value);
    }
    assert_null(get(&m, "lone"));
    assert_null(get(&m, "lonely "));
    assert_null(sli_strmap_get(&m, "lonely", 5)); /* a prefix of a key is not the key */
    check_invariants(&m);
    sli_strmap_free(&m);
}

static void strmap__existing_key_keeps_old_value(void **state)
{
    (void)state;
    sl_strmap m;
    sli_strmap_init(&m);
    int inserted = -1;
    uint32_t *first = put(&m, "lonely", 1, &inserted);
    assert_int_equal(inserted, 1);
    uint32_t *again = put(&m, "lonely", 99, &inserted);
    assert_int_equal(inserted, 0);
    assert_ptr_equal(again, first);
    assert_int_equal(*again, 1);
    assert_int_equal(m.n, 1);
    /* The value is stored in place: writes through the pointer stick. */
    *again = 5;
    assert_int_equal(*get(&m, "lonely"), 5);
    /* inserted may be NULL. */
    assert_non_null(put(&m, "lonely", 6, NULL));
    assert_non_null(put(&m, "alone", 6, NULL));
    assert_int_equal(*get(&m, "lonely"), 5);
    assert_int_equal(*get(&m, "alone"), 6);
    assert_int_equal(m.n, 2);
    check_invariants(&m);
    sli_strmap_free(&m);
}

static void strmap__growth_keeps_every_key(void **state)
{
    (void)state;
    enum { N = 20000 };
    sl_strmap m;
    sli_strmap_init(&m);
    char key[32];
    size_t last_cap = 0;
    int grew = 0;
    for (uint32_t i = 0; i < N; i++) {
        snprintf(key, sizeof key, "word%u", (unsigned)i);
        int inserted;
        uint32_t *v = put(&m, key, i * 3, &inserted);
        assert_non_null(v);
        assert_int_equal(inserted, 1);
        if (m.cap != last_cap) {
            grew++;
            last_cap = m.cap;
        }
    }
    assert_true(grew > 5);
    assert_int_equal(m.n, N);
    check_invariants(&m);
    for (uint32_t i = 0; i < N; i++) {
        snprintf(key, sizeof key, "word%u", (unsigned)i);
        uint32_t *v = get(&m, key);
        if (!v || *v != i * 3)
            fail_msg("key %s lost after growth", key);
        size_t len;
        const char *k = sli_strmap_key_of(&m, v, &len);
        assert_int_equal(len, strlen(key));
        assert_string_equal(k, key);
    }
    assert_null(get(&m, "word20000"));
    sli_strmap_free(&m);
}

static void strmap__clear_forgets_keys_and_keeps_memory(void **state)
{
    (void)state;
    sl_strmap m;
    sli_strmap_init(&m);
    char key[32];
    for (uint32_t i = 0; i < 100; i++) {
        snprintf(key, sizeof key, "k%u", (unsigned)i);
        assert_non_null(put(&m, key, i, NULL));
    }
    size_t cap = m.cap, arena_cap = m.arena_cap;
    sli_strmap_clear(&m);
    assert_int_equal(m.n, 0);
    assert_int_equal(m.arena_len, 0);
    assert_int_equal(m.cap, cap);
    assert_int_equal(m.arena_cap, arena_cap);
    assert_null(get(&m, "k0"));
    assert_null(get(&m, "k99"));
    check_invariants(&m);

    /* Usable again: old keys come back as new insertions. */
    int inserted = 0;
    uint32_t *v = put(&m, "k5", 500, &inserted);
    assert_int_equal(inserted, 1);
    assert_int_equal(*v, 500);
    assert_null(get(&m, "k6"));
    assert_int_equal(m.n, 1);
    check_invariants(&m);

    /* Clearing a map that never held a key is harmless. */
    sl_strmap e;
    sli_strmap_init(&e);
    sli_strmap_clear(&e);
    assert_null(get(&e, "x"));
    sli_strmap_free(&e);
    sli_strmap_free(&m);
}

static void strmap__keys_with_nul_bytes_are_distinct(void **state)
{
    (void)state;
    static const struct {
        const char *key;
        size_t len;
        uint32_t value;
    } cases[] = {
        {"a\0b", 3, 1}, {"a\0c", 3, 2}, {"a", 1, 3}, {"a\0", 2, 4}, {"\0", 1, 5}, {"", 0, 6},
    };
    const size_t n = sizeof cases / sizeof cases[0];
    sl_strmap m;
    sli_strmap_init(&m);
    for (size_t i = 0; i < n; i++) {
        int inserted = 0;
        assert_non_null(sli_strmap_put(&m, cases[i].key, cases[i].len, cases[i].value, &inserted));
        if (!inserted)
            fail_msg("case %zu taken for an existing key", i);
    }
    assert_int_equal(m.n, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t *v = sli_strmap_get(&m, cases[i].key, cases[i].len);
        assert_non_null(v);
        assert_int_equal(*v, cases[i].value);
        size_t len = 99;
        const char *k = sli_strmap_key_of(&m, v, &len);
        assert_int_equal(len, cases[i].len);
        assert_memory_equal(k, cases[i].key, cases[i].len + 1); /* and the NUL after it */
    }
    assert_null(sli_strmap_get(&m, "a\0d", 3));
    check_invariants(&m);
    sli_strmap_free(&m);
}

static void strmap__key_of_names_the_stored_key(void **state)
{
    (void)state;
    sl_strmap m;
    sli_strmap_init(&m);
    char buf[16] = "lonely";
    uint32_t *v = put(&m, buf, 1, NULL);
    memset(buf, 'x', 6); /* the map holds its own copy */
    size_t len = 0;
    const char *k = sli_strmap_key_of(&m, v, &len);
    assert_string_equal(k, "lonely");
    assert_int_equal(len, 6);
    assert_ptr_not_equal(k, buf);
    assert_string_equal(sli_strmap_key_of(&m, get(&m, "lonely"), NULL), "lonely");
    sli_strmap_free(&m);
}

static void strmap__hash_is_fnv1a_with_final_mix(void **state)
{
    (void)state;
    /* Published 64-bit FNV-1a vectors ("" is the offset basis). */
    static const struct {
        const char *key;
        uint64_t fnv1a;
    } cases[] = {
        {"", 0xcbf29ce484222325ULL},
        {"a", 0xaf63dc4c8601ec8cULL},
        {"foobar", 0x85944171f73967e8ULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint64_t h = cases[i].fnv1a;
        h ^= h >> 29;
        assert_int_equal(sli_strmap_hash(cases[i].key, strlen(cases[i].key)), h);
    }
    /* The length counts, not a terminator. */
    assert_true(sli_strmap_hash("a\0b", 3) != sli_strmap_hash("a", 1));
    assert_true(sli_strmap_hash("a\0b", 3) != 0);
}

static void strmap__free_resets_and_accepts_null(void **state)
{
    (void)state;
    sl_strmap m;
    sli_strmap_init(&m);
    assert_non_null(put(&m, "x", 1, NULL));
    sli_strmap_free(&m);
    assert_null(m.slots);
    assert_null(m.arena);
    assert_int_equal(m.n, 0);
    assert_int_equal(m.cap, 0);
    assert_null(get(&m, "x"));
    /* A freed map is an empty map again. */
    assert_non_null(put(&m, "y", 2, NULL));
    assert_int_equal(*get(&m, "y"), 2);
    sli_strmap_free(&m);
    sli_strmap_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strmap__put_then_get_returns_value),
        cmocka_unit_test(strmap__existing_key_keeps_old_value),
        cmocka_unit_test(strmap__growth_keeps_every_key),
        cmocka_unit_test(strmap__clear_forgets_keys_and_keeps_memory),
        cmocka_unit_test(strmap__keys_with_nul_bytes_are_distinct),
        cmocka_unit_test(strmap__key_of_names_the_stored_key),
        cmocka_unit_test(strmap__hash_is_fnv1a_with_final_mix),
        cmocka_unit_test(strmap__free_resets_and_accepts_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
