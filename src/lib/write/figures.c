/*
 * figures.c - shares, Jaccard, NPMI and names, derived when written
 * (figures.h).
 */
#include <math.h>
#include <stdio.h>

#include "write/figures.h"

double sli_fixed(double x)
{
    double r = round(x * 1e6) / 1e6;
    return r == 0 ? 0.0 : r; /* no "-0.0" */
}

double sli_jaccard(uint64_t ab, uint64_t a, uint64_t b, int *ok)
{
    uint64_t uni = a + b - ab;
    *ok = uni > 0;
    return *ok ? sli_fixed((double)ab / (double)uni) : 0;
}

/* Normalised PMI: log(p(ab) / (p(a) p(b))) / -log p(ab), in [-1, 1]; -1
 * when the themes never share a unit, 1 when they share every unit;
 * undefined when either theme is absent. */
double sli_npmi(uint64_t ab, uint64_t a, uint64_t b, uint64_t n, int *ok)
{
    *ok = a > 0 && b > 0 && n > 0;
    if (!*ok)
        return 0;
    if (ab == 0)
        return -1.0;
    if (ab == n)
        return 1.0;
    double pab = (double)ab / (double)n, pa = (double)a / (double)n, pb = (double)b / (double)n;
    return sli_fixed(log(pab / (pa * pb)) / -log(pab));
}

const char *sli_unit_name(const sl_unit *u, char *buf, size_t size)
{
    switch (u->kind) {
    case SL_UNIT_DOCUMENT:
        return "document";
    case SL_UNIT_PARAGRAPH:
        return "paragraph";
    case SL_UNIT_SENTENCE:
        return "sentence";
    case SL_UNIT_WINDOW:
        snprintf(buf, size, "window:%u", (unsigned)u->window);
        return buf;
    }
    return "unknown";
}

const char *sli_polarity_name(sl_polarity p)
{
    return p == SL_PROBLEM ? "problem" : p == SL_ASSET ? "asset" : "neutral";
}
