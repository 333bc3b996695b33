/*
 * vec.h - one way to grow an array: SL_GROW(p, cap, need).
 *
 * Growing by realloc is error-prone and boring (git's ALLOC_GROW says as
 * much): each hand-written copy must double, check the multiplication for
 * overflow and keep the old block on failure, and the copies drift apart.
 * SL_GROW makes room for at least need elements of *p, doubling from 8;
 * it returns 0, or -1 when the size would overflow or memory runs out,
 * leaving p and cap as they were. It never exits: the library reports
 * SL_ENOMEM to its caller.
 */
#ifndef SL_VEC_H
#define SL_VEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The capacity to grow to for need elements of elem bytes, or 0 when
 * need * elem does not fit in a size_t. */
static inline size_t sli_grow_cap(size_t cap, size_t need, size_t elem)
{
    size_t ncap = cap ? cap : 8;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    return elem && ncap > SIZE_MAX / elem ? 0 : ncap;
}

/* pp points at the array pointer (any object pointer type; its bytes are
 * copied in and out, so no cast through void ** is needed). */
static inline int sli_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t ncap = sli_grow_cap(*cap, need, elem);
    void *old;
    memcpy(&old, pp, sizeof old);
    void *p = ncap ? realloc(old, ncap * elem) : NULL;
    if (!p)
        return -1;
    memcpy(pp, &p, sizeof p);
    *cap = ncap;
    return 0;
}

#define SL_GROW(p, cap, need) sli_grow(&(p), &(cap), (need), sizeof *(p))

/* As sli_grow, but to want elements (at least need, and an eighth more
 * than cap, so growing stays geometric) instead of a doubling: for an
 * array whose final size can be estimated, such as a huge story's tokens
 * from the share of its bytes read so far. Doubling would leave up to
 * half of a large block unused, and under an address-space cap (ulimit
 * -v) that half is what fails. */
static inline int sli_grow_to(void *pp, size_t *cap, size_t need, size_t want, size_t elem)
{
    if (need <= *cap)
        return 0;
    size_t floor = *cap + *cap / 8;
    if (want < floor)
        want = floor;
    if (want < need)
        want = need;
    if (elem && want > SIZE_MAX / elem)
        return sli_grow(pp, cap, need, elem);
    void *old;
    memcpy(&old, pp, sizeof old);
    void *p = realloc(old, want * elem);
    if (!p)
        return -1;
    memcpy(pp, &p, sizeof p);
    *cap = want;
    return 0;
}

#define SL_GROW_TO(p, cap, need, want) sli_grow_to(&(p), &(cap), (need), (want), sizeof *(p))

#endif
