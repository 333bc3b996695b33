/*
 * fuzz_stats.c - the statistics on any counts (stats/stats.h). The input
 * is read as counts; each figure must keep the properties a reader relies
 * on, whatever the counts: an interval inside [0, 1] that holds its own
 * share, a difference interval that holds the difference, p-values in
 * [0, 1], adjusted p-values no smaller than the raw ones, a corrected
 * share inside its interval. abort() marks a broken property.
 */
#include <math.h>
#include <string.h>

#include "fuzz.h"
#include "stats/stats.h"

/* Small counts are where the edge cases live; 16 bits per count keeps
 * Fisher's enumeration within the harness's time. */
static uint64_t next(const uint8_t **p, const uint8_t *end)
{
    uint64_t v = 0;
    for (int i = 0; i < 2 && *p < end; i++, (*p)++)
        v = v << 8 | **p;
    return v;
}

static void check_interval(const sl_interval *ci, double inside)
{
    if (!(ci->lo >= 0 && ci->hi <= 1 && ci->lo <= inside + 1e-9 && inside <= ci->hi + 1e-9))
        abort();
}

static void check_test(const sl_test *t, int ok)
{
    if (ok != (t->kind != SL_TEST_NONE) || (!ok && !t->why))
        abort();
    if (ok && !(t->p >= 0 && t->p <= 1 + 1e-9 && t->cramers_v >= 0 && t->cramers_v <= 1 + 1e-9))
        abort();
}

static void shares(const uint8_t *p, const uint8_t *end, double z)
{
    uint64_t n1 = next(&p, end), x1 = next(&p, end), n2 = next(&p, end), x2 = next(&p, end);
    sl_interval ci;
    if (sli_wilson(x1, n1, z, &ci))
        check_interval(&ci, (double)x1 / (double)n1);
    else if (n1 > 0 && x1 <= n1)
        abort();
    if (x1 <= n1 && x2 <= n2 && sli_newcombe(x1, n1, x2, n2, z, &ci)) {
        double d = (double)x1 / (double)n1 - (double)x2 / (double)n2;
        if (!(ci.lo >= -1 && ci.hi <= 1 && ci.lo <= d + 1e-9 && d <= ci.hi + 1e-9))
            abort();
    }
    sl_test t;
    check_test(&t, sli_two_shares(x1, n1, x2, n2, &t));
}

static void groups(const uint8_t *p, const uint8_t *end)
{
    uint64_t x[12], n[12];
    size_t k = 0;
    while (k < 12 && end - p >= 2) {
        n[k] = next(&p, end) % 64; /* Fisher enumerates: keep tables small */
        x[k] = n[k] ? next(&p, end) % (n[k] + 1) : 0;
        k++;
    }
    sl_test t;
    check_test(&t, sli_independence(x, n, k, &t));
}

static void adjust(const uint8_t *p, const uint8_t *end)
{
    double raw[32] = {0}, holm[32], bh[32];
    size_t m = 0;
    for (; m < 32 && p < end; m++, p++)
        raw[m] = *p == 255 ? NAN : *p / 254.0;
    sli_p_holm(raw, m, holm);
    sli_p_bh(raw, m, bh);
    for (size_t i = 0; i < m; i++) {
        if (isnan(raw[i]) != isnan(holm[i]) || isnan(raw[i]) != isnan(bh[i]))
            abort();
        if (!isnan(raw[i]) && !(holm[i] >= raw[i] - 1e-12 && holm[i] <= 1 && bh[i] >= raw[i] - 1e-12 &&
                                bh[i] <= holm[i] + 1e-12))
            abort();
    }
}

static void corrected(const uint8_t *p, const uint8_t *end, double z)
{
    uint64_t n = next(&p, end), x = next(&p, end), tp = next(&p, end), fn = next(&p, end);
    uint64_t tn = next(&p, end), fp = next(&p, end);
    sl_corrected c;
    int ok = sli_rogan_gladen(x, n, tp, fn, tn, fp, z, &c);
    if (ok != (c.why == NULL))
        abort();
    if (ok && !(c.share >= 0 && c.share <= 1 && c.ci.lo >= 0 && c.ci.hi <= 1 && c.ci.lo <= c.ci.hi))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 4096)
        return 0;
    static const double levels[4] = {0.5, 0.9, 0.95, 0.99};
    double z = sli_z(levels[data[0] & 3]);
    const uint8_t *p = data + 2, *end = data + size;
    switch (data[1] & 3) {
    case 0: shares(p, end, z); break;
    case 1: groups(p, end); break;
    case 2: adjust(p, end); break;
    case 3: corrected(p, end, z); break;
    }
    return 0;
}
