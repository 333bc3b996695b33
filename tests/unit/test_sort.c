/*
 * test_sort.c - unit tests for sort.h, the specialised merge sort: a few
 * arrays sorted by hand, then qsort as the reference on random arrays of
 * every size around the run length and the merge widths, with many equal
 * keys (where stability shows).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/sort.h"

typedef struct rec {
    uint32_t key; /* what the sort orders by */
    uint32_t pos; /* the input position: stability and identity */
} rec;

#define LESS_KEY(x, y) ((x)->key < (y)->key)
SL_DEFINE_SORT(sort_recs, rec, LESS_KEY)

/* Key, then input position: the order a stable sort by key must give. */
static int cmp_key_pos(const void *a, const void *b)
{
    const rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

static void sort__small_arrays_by_hand(void **state)
{
    (void)state;
    rec *tmp = NULL;
    size_t cap = 0;
    rec a[] = {{3, 0}, {1, 1}, {2, 2}, {1, 3}, {0, 4}};
    assert_int_equal(sort_recs(a, 5, &tmp, &cap), 0);
    /* 0@4, 1@1, 1@3, 2@2, 3@0: equal keys keep their order */
    const uint32_t keys[] = {0, 1, 1, 2, 3}, pos[] = {4, 1, 3, 2, 0};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(a[i].key, keys[i]);
        assert_int_equal(a[i].pos, pos[i]);
    }
    assert_null(tmp); /* one run: no scratch needed */
    assert_int_equal(sort_recs(a, 0, &tmp, &cap), 0);
    assert_int_equal(sort_recs(NULL, 0, &tmp, &cap), 0);
    free(tmp);
}

static void sort__agrees_with_qsort_on_random_arrays(void **state)
{
    (void)state;
    enum { MAXN = 300 };
    rec got[MAXN], want[MAXN];
    rec *tmp = NULL;
    size_t cap = 0;
    uint64_t seed = 42;
    for (size_t n = 0; n <= MAXN; n++)
        for (int round = 0; round < 4; round++) {
            uint32_t range = round == 0 ? 3 : round == 1 ? 50 : 1000000;
            for (size_t i = 0; i < n; i++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                uint32_t k = (uint32_t)(seed >> 33) % range;
                if (round == 3) /* descending: every merge takes the right side */
                    k = (uint32_t)(n - i);
                got[i] = want[i] = (rec){k, (uint32_t)i};
            }
            assert_int_equal(sort_recs(got, n, &tmp, &cap), 0);
            if (n)
                qsort(want, n, sizeof *want, cmp_key_pos);
            if (n && memcmp(got, want, n * sizeof *got) != 0)
                fail_msg("n=%zu round %d: differs from qsort by (key, position)", n, round);
        }
    free(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sort__small_arrays_by_hand),
        cmocka_unit_test(sort__agrees_with_qsort_on_random_arrays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
