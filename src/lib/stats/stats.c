/*
 * stats.c - the statistics of stats.h: the normal and chi-square
 * distributions, Wilson and Newcombe intervals, the chi-square and exact
 * tests of a 2 x k table, Holm and Benjamini-Hochberg adjustment, and
 * Rogan-Gladen shares with the Lang-Reiczigel interval.
 *
 * Everything works on the stack: no allocation, no state. Where an input
 * could make the work or the stack unbounded (Fisher's enumeration, p
 * adjustment over many tests) the bound is stated beside the code.
 *
 * lgamma writes the global signgam; that is harmless here because the
 * writers, the only callers, run on one thread (src/README: write/ never
 * sees the run's workers).
 */
#include "stats/stats.h"

#include <math.h>

/* ---- distributions ---------------------------------------------------- */

static double poly8(const double *c, double x)
{
    return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x +
           c[0];
}

/* Wichura (1988), Algorithm AS 241 PPND16: accurate to about 1 part in
 * 10^16, the same algorithm as R's qnorm. */
double sli_qnorm(double p)
{
    static const double a[8] = {3.3871328727963666080e0, 1.3314166789178437745e+2,
                                1.9715909503065514427e+3, 1.3731693765509461125e+4,
                                4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                3.3430575583588128105e+4, 2.5090809287301226727e+3};
    static const double b[8] = {1.0,
                                4.2313330701600911252e+1, 6.8718700749205790830e+2,
                                5.3941960214247511077e+3, 2.1213794301586595867e+4,
                                3.9307895800092710610e+4, 2.8729085735721942674e+4,
                                5.2264952788528545610e+3};
    static const double c[8] = {1.42343711074968357734e0, 4.63033784615654529590e0,
                                5.76949722146069140550e0, 3.64784832476320460504e0,
                                1.27045825245236838258e0, 2.41780725177450611770e-1,
                                2.27238449892691845833e-2, 7.74545014278341407640e-4};
    static const double d[8] = {1.0,
                                2.05319162663775882187e0, 1.67638483018380384940e0,
                                6.89767334985100004550e-1, 1.48103976427480074590e-1,
                                1.51986665636164571966e-2, 5.47593808499534494600e-4,
                                1.05075007164441684324e-9};
    static const double e[8] = {6.65790464350110377720e0, 5.46378491116411436990e0,
                                1.78482653991729133580e0, 2.96560571828504891230e-1,
                                2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                2.71155556874348757815e-5, 2.01033439929228813265e-7};
    static const double f[8] = {1.0,
                                5.99832206555887937690e-1, 1.36929880922735805310e-1,
                                1.48753612908506148525e-2, 7.86869131145613259100e-4,
                                1.84631831751005468180e-5, 1.42151175831644588870e-7,
                                2.04426310338993978564e-15};
    if (isnan(p) || p < 0.0 || p > 1.0)
        return NAN;
    if (p == 0.0)
        return -INFINITY;
    if (p == 1.0)
        return INFINITY;
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q * poly8(a, r) / poly8(b, r);
    }
    double r = sqrt(-log(q < 0.0 ? p : 1.0 - p));
    double val = r <= 5.0 ? poly8(c, r - 1.6) / poly8(d, r - 1.6)
                          : poly8(e, r - 5.0) / poly8(f, r - 5.0);
    return q < 0.0 ? -val : val;
}

double sli_pnorm_upper(double z)
{
    return 0.5 * erfc(z / 1.41421356237309504880);
}

/* The regularized lower incomplete gamma P(a, x) by its series, which
 * converges fast while x < a + 1 (Numerical Recipes 6.2, gser). */
static double gamma_p_series(double a, double x)
{
    double ap = a, term = 1.0 / a, sum = term;
    for (int i = 0; i < 10000; i++) {
        ap += 1.0;
        term *= x / ap;
        sum += term;
        if (fabs(term) < fabs(sum) * 1e-17)
            break;
    }
    return sum * exp(-x + a * log(x) - lgamma(a));
}

/* The regularized upper incomplete gamma Q(a, x) by its continued
 * fraction, evaluated by the modified Lentz method, for x >= a + 1
 * (Numerical Recipes 6.2, gcf). */
static double gamma_q_fraction(double a, double x)
{
    const double tiny = 1e-300;
    double b = x + 1.0 - a, c = 1.0 / tiny, d = 1.0 / b, h = d;
    for (int i = 1; i < 10000; i++) {
        double an = -i * (i - a);
        b += 2.0;
        d = an * d + b;
        if (fabs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (fabs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        double del = d * c;
        h *= del;
        if (fabs(del - 1.0) < 1e-16)
            break;
    }
    /* exp underflows to 0 for a huge x: the p is then below any report. */
    return exp(-x + a * log(x) - lgamma(a)) * h;
}

double sli_pchisq_upper(double x, double df)
{
    if (isnan(x) || isnan(df) || df <= 0.0)
        return NAN;
    if (x <= 0.0)
        return 1.0;
    if (isinf(x))
        return 0.0;
    double a = df / 2.0, hx = x / 2.0;
    if (hx < a + 1.0)
        return 1.0 - gamma_p_series(a, hx);
    return gamma_q_fraction(a, hx);
}

double sli_z(double conf)
{
    return sli_qnorm(1.0 - (1.0 - conf) / 2.0);
}

/* ---- one and two shares ------------------------------------------------- */

int sli_wilson(uint64_t x, uint64_t n, double z, sl_interval *ci)
{
    if (n == 0 || x > n)
        return 0;
    double dn = (double)n, dx = (double)x, z2 = z * z;
    double centre = (dx + z2 / 2.0) / (dn + z2);
    double half = z * sqrt(dx * (dn - dx) / dn + z2 / 4.0) / (dn + z2);
    /* The exact ends keep "0 of n" from printing as a tiny negative or a
     * rounding-noise lower bound. */
    ci->lo = x == 0 ? 0.0 : fmax(0.0, centre - half);
    ci->hi = x == n ? 1.0 : fmin(1.0, centre + half);
    return 1;
}

int sli_newcombe(uint64_t x1, uint64_t n1, uint64_t x2, uint64_t n2, double z, sl_interval *ci)
{
    sl_interval w1, w2;
    if (!sli_wilson(x1, n1, z, &w1) || !sli_wilson(x2, n2, z, &w2))
        return 0;
    double p1 = (double)x1 / (double)n1, p2 = (double)x2 / (double)n2, d = p1 - p2;
    ci->lo = d - sqrt((p1 - w1.lo) * (p1 - w1.lo) + (w2.hi - p2) * (w2.hi - p2));
    ci->hi = d + sqrt((w1.hi - p1) * (w1.hi - p1) + (p2 - w2.lo) * (p2 - w2.lo));
    return 1;
}

/* ---- Fisher's exact test on a 2 x k table ------------------------------- */

/* Tables are enumerated by recursion over the groups, so the groups taken
 * are capped to bound the stack; a wider table counts as over budget and
 * its caller shows the chi-square p. */
#define FISHER_MAX_GROUPS 256
/* Leaf tables; a few million take well under a second. */
#define FISHER_BUDGET 4000000.0

typedef struct fisher_walk {
    const uint64_t *n;   /* the non-empty groups' sizes */
    const uint64_t *after; /* after[i]: stories in the groups after i */
    size_t k;
    double cut;          /* log P at or below which a table counts */
    double lnorm;        /* log of C(N, m), the tables' common denominator */
    double p;            /* the sum so far */
} fisher_walk;

static double lfact(uint64_t v)
{
    return lgamma((double)v + 1.0);
}

/* log C(n, a): the same terms in the same order for the observed table and
 * the enumerated ones, so the observed table meets the cut exactly. */
static double lchoose(uint64_t n, uint64_t a)
{
    return lfact(n) - lfact(a) - lfact(n - a);
}

/* Groups i.. take rem stories of the smaller row; lp is log of the product
 * of the binomial coefficients of groups before i. Each group's range is
 * pruned so that the later groups can still hold what remains, so every
 * call reaches at least one table. */
static void fisher_step(fisher_walk *w, size_t i, uint64_t rem, double lp)
{
    if (i + 1 == w->k) {
        double l = lp + lchoose(w->n[i], rem) - w->lnorm;
        if (l <= w->cut)
            w->p += exp(l);
        return;
    }
    uint64_t lo = rem > w->after[i] ? rem - w->after[i] : 0;
    uint64_t hi = rem < w->n[i] ? rem : w->n[i];
    for (uint64_t a = lo; a <= hi; a++)
        fisher_step(w, i + 1, rem - a, lp + lchoose(w->n[i], a));
}

/* An upper bound on the tables with these margins: the ways to spread m
 * among k groups with no group's size as a limit, C(m + k - 1, k - 1), and
 * the product of the groups' ranges, whichever is smaller. */
static double fisher_tables_bound(const uint64_t *n, size_t k, uint64_t m)
{
    double spread = 1.0, ranges = 1.0;
    for (size_t i = 1; i < k && spread <= FISHER_BUDGET; i++)
        spread = spread * (double)(m + i) / (double)i;
    for (size_t i = 0; i < k && ranges <= FISHER_BUDGET; i++)
        ranges *= (double)(n[i] < m ? n[i] : m) + 1.0;
    return spread < ranges ? spread : ranges;
}

double sli_fisher_2xk(const uint64_t *x, const uint64_t *n, size_t k)
{
    uint64_t ns[FISHER_MAX_GROUPS], obs[FISHER_MAX_GROUPS], after[FISHER_MAX_GROUPS];
    size_t g = 0;
    uint64_t total = 0, theme = 0;
    for (size_t i = 0; i < k; i++) {
        if (x[i] > n[i])
            return NAN;
        if (n[i] == 0)
            continue; /* a group with no stories has one way to be filled */
        if (g == FISHER_MAX_GROUPS)
            return -1.0;
        ns[g] = n[i];
        obs[g] = x[i];
        g++;
        total += n[i];
        theme += x[i];
    }
    if (g < 2 || theme == 0 || theme == total)
        return 1.0; /* only the observed table has these margins */
    /* The smaller row makes the smaller ranges; the tables are the same. */
    int flip = theme > total - theme;
    uint64_t m = flip ? total - theme : theme;
    if (fisher_tables_bound(ns, g, m) > FISHER_BUDGET)
        return -1.0;
    double lobs = 0.0;
    uint64_t sum = 0;
    for (size_t i = g; i-- > 0;) {
        after[i] = sum;
        sum += ns[i];
    }
    for (size_t i = 0; i < g; i++)
        lobs += lchoose(ns[i], flip ? ns[i] - obs[i] : obs[i]);
    fisher_walk w = {ns, after, g, 0.0, lchoose(total, m), 0.0};
    /* R's fisher.test counts tables within a relative 1e-7 of the observed
     * probability as equally probable, so rounding cannot drop a tie. */
    w.cut = lobs - w.lnorm + log1p(1e-7);
    fisher_step(&w, 0, m, 0.0);
    return w.p > 1.0 ? 1.0 : w.p;
}

/* ---- tests of independence --------------------------------------------- */

static int undefined(sl_test *out, int groups, const char *why)
{
    out->kind = SL_TEST_NONE;
    out->statistic = out->df = out->p = out->cramers_v = out->min_expected = NAN;
    out->groups = groups;
    out->why = why;
    return 0;
}

int sli_independence(const uint64_t *x, const uint64_t *n, size_t k, sl_test *out)
{
    uint64_t total = 0, theme = 0, smallest = 0;
    int groups = 0;
    for (size_t i = 0; i < k; i++) {
        if (x[i] > n[i])
            return undefined(out, 0, "a group has more stories with the theme than stories");
        if (n[i] == 0)
            continue;
        if (groups == 0 || n[i] < smallest)
            smallest = n[i];
        groups++;
        total += n[i];
        theme += x[i];
    }
    if (groups < 2)
        return undefined(out, groups, "fewer than two groups with stories");
    if (theme == 0)
        return undefined(out, groups, "no story shows the theme");
    if (theme == total)
        return undefined(out, groups, "every story shows the theme");

    double dn = (double)total, share = (double)theme / dn, x2 = 0.0;
    for (size_t i = 0; i < k; i++) {
        if (n[i] == 0)
            continue;
        double e1 = (double)n[i] * share, e0 = (double)n[i] - e1;
        double o1 = (double)x[i], o0 = (double)(n[i] - x[i]);
        x2 += (o1 - e1) * (o1 - e1) / e1 + (o0 - e0) * (o0 - e0) / e0;
    }
    uint64_t rarer = theme < total - theme ? theme : total - theme;
    out->statistic = x2;
    out->df = (double)(groups - 1);
    out->cramers_v = sqrt(x2 / dn);
    out->min_expected = (double)smallest * (double)rarer / dn;
    out->groups = groups;
    out->why = NULL;
    out->kind = SL_TEST_CHISQ;
    out->p = sli_pchisq_upper(x2, out->df);
    if (out->min_expected < 5.0) {
        double p = sli_fisher_2xk(x, n, k);
        if (p >= 0.0) {
            out->kind = SL_TEST_FISHER;
            out->p = p;
        } else {
            out->why = "exact test too large; chi-square p shown";
        }
    }
    return 1;
}

int sli_two_shares(uint64_t x1, uint64_t n1, uint64_t x2, uint64_t n2, sl_test *out)
{
    const uint64_t x[2] = {x1, x2}, n[2] = {n1, n2};
    return sli_independence(x, n, 2, out);
}

/* ---- multiple tests ----------------------------------------------------- */

/*
 * Both adjustments depend on each p only through its rank among the
 * others, and both give tied p-values the same result, so each is written
 * as a function of the value: with r the number of p below p_i and R the
 * number at or below it (of the m that are not NaN),
 *   Holm  adj_i = min(1, max over p_j <= p_i of (m - r_j) p_j),
 *   BH    adj_i = min(1, min over p_j >= p_i of (m / R_j) p_j),
 * R's cummax and cummin over the sorted p. The second pass may overwrite
 * adj in place: an entry already replaced by its max (min) covers only
 * p-values the later entries' own ranges include. Quadratic in m, which
 * stays small (the tests of one report) and needs no index array.
 */
static size_t count_tests(const double *p, size_t m)
{
    size_t c = 0;
    for (size_t i = 0; i < m; i++)
        c += !isnan(p[i]);
    return c;
}

void sli_p_holm(const double *p, size_t m, double *adj)
{
    size_t tests = count_tests(p, m);
    for (size_t i = 0; i < m; i++) {
        if (isnan(p[i])) {
            adj[i] = NAN;
            continue;
        }
        size_t below = 0;
        for (size_t j = 0; j < m; j++)
            below += !isnan(p[j]) && p[j] < p[i];
        adj[i] = (double)(tests - below) * p[i];
    }
    for (size_t i = 0; i < m; i++) {
        if (isnan(p[i]))
            continue;
        double best = adj[i];
        for (size_t j = 0; j < m; j++)
            if (!isnan(p[j]) && p[j] <= p[i] && adj[j] > best)
                best = adj[j];
        adj[i] = best < 1.0 ? best : 1.0;
    }
}

void sli_p_bh(const double *p, size_t m, double *adj)
{
    size_t tests = count_tests(p, m);
    for (size_t i = 0; i < m; i++) {
        if (isnan(p[i])) {
            adj[i] = NAN;
            continue;
        }
        size_t upto = 0;
        for (size_t j = 0; j < m; j++)
            upto += !isnan(p[j]) && p[j] <= p[i];
        adj[i] = (double)tests / (double)upto * p[i];
    }
    for (size_t i = 0; i < m; i++) {
        if (isnan(p[i]))
            continue;
        double best = adj[i];
        for (size_t j = 0; j < m; j++)
            if (!isnan(p[j]) && p[j] >= p[i] && adj[j] < best)
                best = adj[j];
        adj[i] = best < 1.0 ? best : 1.0;
    }
}

/* ---- shares corrected for measured error ------------------------------- */

static double clip01(double v)
{
    return v < 0.0 ? 0.0 : v > 1.0 ? 1.0 : v;
}

/*
 * The interval is Lang and Reiczigel (2014), Prev. Vet. Med. 113:13-22,
 * eqs 6, 7, 16 and 17, as the authors' R script implements it
 * (CI4TruePrevalence_15_03_2013.r from univet.hu, in a copy adapted by
 * M. Flor) and as CRAN's asht::prevSeSp does; the two agree:
 * the observed share gets Agresti-Coull's z^2/2 added to its positives and
 * negatives, sensitivity and specificity one each; the delta-method
 * standard error of the Rogan-Gladen estimate on those adjusted inputs is
 * centred on the adjusted estimate shifted by
 *   d = 2 z^2 (P' Se'(1-Se')/nSe' - (1-P') Sp'(1-Sp')/nSp').
 */
static void lang_reiczigel(double x, double n, double tp, double npos, double tn, double nneg,
                           double z, sl_interval *ci)
{
    double z2 = z * z;
    double n_ = n + z2, ap = (x + z2 / 2.0) / n_;
    double nse = npos + 2.0, se = (tp + 1.0) / nse;
    double nsp = nneg + 2.0, sp = (tn + 1.0) / nsp;
    double youden = se + sp - 1.0;
    if (youden <= 0.0) {
        /* The shrunken Se' + Sp' can reach 1 when one of them rests on a
         * handful of codes: the data then bound the share by nothing. */
        ci->lo = 0.0;
        ci->hi = 1.0;
        return;
    }
    double p = (ap + sp - 1.0) / youden;
    double vse = se * (1.0 - se) / nse, vsp = sp * (1.0 - sp) / nsp;
    double shift = 2.0 * z2 * (p * vse - (1.0 - p) * vsp);
    double sd = sqrt(ap * (1.0 - ap) / n_ + p * p * vse + (1.0 - p) * (1.0 - p) * vsp) /
                youden;
    ci->lo = clip01(p + shift - z * sd);
    ci->hi = clip01(p + shift + z * sd);
}

int sli_rogan_gladen(uint64_t x, uint64_t n, uint64_t tp, uint64_t fn, uint64_t tn, uint64_t fp,
                     double z, sl_corrected *out)
{
    out->share = out->sensitivity = out->specificity = NAN;
    out->ci.lo = out->ci.hi = NAN;
    out->why = NULL;
    if (tp + fn > 0)
        out->sensitivity = (double)tp / (double)(tp + fn);
    if (tn + fp > 0)
        out->specificity = (double)tn / (double)(tn + fp);
    if (n == 0)
        out->why = "no stories";
    else if (x > n)
        out->why = "more stories with the theme than stories";
    else if (tp + fn == 0)
        out->why = "no coded story shows the theme: sensitivity unknown";
    else if (tn + fp == 0)
        out->why = "every coded story shows the theme: specificity unknown";
    else if (out->sensitivity + out->specificity <= 1.0)
        out->why = "sensitivity + specificity <= 1: the lexicon is no better than chance";
    if (out->why)
        return 0;
    double youden = out->sensitivity + out->specificity - 1.0;
    out->share = clip01(((double)x / (double)n + out->specificity - 1.0) / youden);
    lang_reiczigel((double)x, (double)n, (double)tp, (double)(tp + fn), (double)tn,
                   (double)(tn + fp), z, &out->ci);
    return 1;
}
