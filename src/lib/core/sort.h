/*
 * sort.h - a merge sort specialised per element type and order, for the
 * per-story sorts of the match and direction stages.
 *
 * Why not qsort: those sorts run for every story on small arrays of small
 * records, where qsort's indirect comparator call per comparison was a
 * measurable share of the run (2% of the instructions with a 5,000-entry
 * lexicon). SL_DEFINE_SORT(name, T, less) defines
 *
 *     static int name(T *a, size_t n, T **scratch, size_t *scratch_cap);
 *
 * which sorts a[0..n) ascending by less(const T *x, const T *y) (a strict
 * weak order; the sort is stable), with the comparator inlined. Runs of 16
 * are insertion-sorted, then merged bottom-up through a scratch buffer the
 * caller keeps between calls (grown with realloc; free it with free()).
 * Returns 0, or -1 when out of memory (a is then unchanged in content,
 * only reordered). O(n log n) whatever the input. tests/unit/test_sort.c
 * checks it against qsort.
 */
#ifndef SL_SORT_H
#define SL_SORT_H

#include <stdlib.h>
#include <string.h>

#define SL_SORT_RUN 16

#define SL_DEFINE_SORT(name, T, less)                                                      \
    static void name##_insertion(T *a, size_t n)                                           \
    {                                                                                      \
        for (size_t i = 1; i < n; i++) {                                                   \
            T x = a[i];                                                                    \
            size_t j = i;                                                                  \
            while (j > 0 && less(&x, &a[j - 1])) {                                         \
                a[j] = a[j - 1];                                                           \
                j--;                                                                       \
            }                                                                              \
            a[j] = x;                                                                      \
        }                                                                                  \
    }                                                                                      \
                                                                                           \
    static void name##_merge(const T *src, T *dst, size_t lo, size_t mid, size_t hi)       \
    {                                                                                      \
        size_t i = lo, j = mid, k = lo;                                                    \
        while (i < mid && j < hi)                                                          \
            dst[k++] = less(&src[j], &src[i]) ? src[j++] : src[i++];                       \
        while (i < mid)                                                                    \
            dst[k++] = src[i++];                                                           \
        while (j < hi)                                                                     \
            dst[k++] = src[j++];                                                           \
    }                                                                                      \
                                                                                           \
    static int name(T *a, size_t n, T **scratch, size_t *scratch_cap)                      \
    {                                                                                      \
        for (size_t lo = 0; lo < n; lo += SL_SORT_RUN)                                     \
            name##_insertion(a + lo, n - lo < SL_SORT_RUN ? n - lo : SL_SORT_RUN);         \
        if (n <= SL_SORT_RUN)                                                              \
            return 0;                                                                      \
        if (*scratch_cap < n) {                                                            \
            if (n > SIZE_MAX / sizeof(T))                                                  \
                return -1;                                                                 \
            T *p = realloc(*scratch, n * sizeof(T));                                       \
            if (!p)                                                                        \
                return -1;                                                                 \
            *scratch = p;                                                                  \
            *scratch_cap = n;                                                              \
        }                                                                                  \
        T *src = a, *dst = *scratch;                                                       \
        for (size_t w = SL_SORT_RUN; w < n; w *= 2) {                                      \
            for (size_t lo = 0; lo < n; lo += 2 * w) {                                     \
                size_t mid = n - lo < w ? n : lo + w;                                      \
                size_t hi = n - lo < 2 * w ? n : lo + 2 * w;                               \
                name##_merge(src, dst, lo, mid, hi);                                       \
            }                                                                              \
            T *t = src;                                                                    \
            src = dst;                                                                     \
            dst = t;                                                                       \
        }                                                                                  \
        if (src != a)                                                                      \
            memcpy(a, src, n * sizeof(T));                                                 \
        return 0;                                                                          \
    }

#endif
