/*
 * test_stats.c - unit tests for stats/stats.c, the figures printed beside
 * the counts: normal and chi-square tails, Wilson and Newcombe intervals,
 * chi-square and Fisher tests of a 2 x k table with the cases where they
 * are undefined or too large, Holm and BH adjustment, and Rogan-Gladen
 * shares with the Lang-Reiczigel interval.
 *
 * Where the expected values come from (each is a literal; the R line that
 * gave it stands beside it, and none needs R to run):
 *   - R 4.2.2 (Debian 12 r-base-core): qnorm, pnorm, pchisq,
 *     prop.test(x, n, correct = FALSE)$conf.int, chisq.test(m, correct =
 *     FALSE), fisher.test(m), p.adjust(p, "holm" / "BH");
 *   - Newcombe (1998), Stat Med 17:873-890, Table II, method 10: 56/70 -
 *     48/80 and 9/10 - 3/10, to the 4 decimals printed there; R gave the
 *     same to more places with method 10 coded from two prop.test
 *     intervals (nc() below);
 *   - Lang and Reiczigel (2014), Prev Vet Med 113:13-22: their interval
 *     coded in R as in asht::prevSeSp and the authors' script (lr()
 *     below), and the Rogan-Gladen point by hand.
 *
 * R helpers used below:
 *   nc <- function(x1,n1,x2,n2){p1<-x1/n1;p2<-x2/n2
 *     w1<-prop.test(x1,n1,correct=FALSE)$conf.int
 *     w2<-prop.test(x2,n2,correct=FALSE)$conf.int;d<-p1-p2
 *     c(d-sqrt((p1-w1[1])^2+(w2[2]-p2)^2),d+sqrt((w1[2]-p1)^2+(p2-w2[1])^2))}
 *   lr <- function(x,n,tp,npos,tn,nneg,conf=0.95){z<-qnorm(1-(1-conf)/2)
 *     n_<-n+z^2; ap<-(x+z^2/2)/n_; nse<-npos+2; se<-(tp+1)/nse
 *     nsp<-nneg+2; sp<-(tn+1)/nsp; P<-(ap+sp-1)/(se+sp-1)
 *     d<-2*z^2*(P*se*(1-se)/nse-(1-P)*sp*(1-sp)/nsp)
 *     v<-(ap*(1-ap)/n_+P^2*se*(1-se)/nse+(1-P)^2*sp*(1-sp)/nsp)/(se+sp-1)^2
 *     pmin(1,pmax(0,P+d+c(-1,1)*z*sqrt(v)))}
 *   tb <- function(x,n) rbind(x,n-x)
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "stats/stats.h"

#define TOL 1e-9

static void near(double got, double want, double tol)
{
    if (fabs(got - want) > tol * fmax(1.0, fabs(want)))
        fail_msg("got %.17g, want %.17g (tolerance %g)", got, want, tol);
}

static double z95(void)
{
    return sli_z(0.95);
}

/* ---- distributions ---------------------------------------------------- */

static void stats__qnorm_matches_r(void **state)
{
    (void)state;
    near(sli_qnorm(1e-300), -37.04709629936120052, 1e-14); /* qnorm(1e-300) */
    near(sli_qnorm(1e-10), -6.36134090240405570, 1e-14);   /* qnorm(1e-10) */
    near(sli_qnorm(0.001), -3.09023230616781319, 1e-14);   /* qnorm(0.001) */
    near(sli_qnorm(0.2), -0.84162123357291418, 1e-14);     /* qnorm(0.2) */
    near(sli_qnorm(0.7), 0.52440051270804067, 1e-14);      /* qnorm(0.7) */
    near(sli_qnorm(1 - 1e-12), 7.03448691004783555, 1e-12); /* qnorm(1-1e-12) */
    assert_true(sli_qnorm(0.5) == 0.0);
    assert_true(isinf(sli_qnorm(0.0)) && sli_qnorm(0.0) < 0);
    assert_true(isnan(sli_qnorm(1.5)));
    near(sli_z(0.95), 1.9599639845400536, 1e-15); /* qnorm(0.975) */
}

static void stats__normal_and_chisq_tails_match_r(void **state)
{
    (void)state;
    /* pnorm(c(1.96, 3, -1), lower.tail = FALSE) */
    near(sli_pnorm_upper(1.96), 0.0249978951482204281, 1e-15);
    near(sli_pnorm_upper(3.0), 0.0013498980316300946, 1e-15);
    near(sli_pnorm_upper(-1.0), 0.8413447460685429258, 1e-15);
    /* pchisq(x, df, lower.tail = FALSE): the series side (x/2 < df/2 + 1)
     * and the continued fraction side. */
    near(sli_pchisq_upper(3.84, 1), 5.0043521248705224e-02, 1e-12);
    near(sli_pchisq_upper(0.5, 1), 4.7950012218695348e-01, 1e-12);
    near(sli_pchisq_upper(10, 3), 1.8566135463043233e-02, 1e-12);
    near(sli_pchisq_upper(2, 5), 8.4914503608460967e-01, 1e-12);
    near(sli_pchisq_upper(25, 30), 7.2503188418059983e-01, 1e-12);
    near(sli_pchisq_upper(40, 30), 1.0486428110798465e-01, 1e-12);
    near(sli_pchisq_upper(7.5, 1.5), 1.3073829261163584e-02, 1e-12);
    double tiny = sli_pchisq_upper(100, 4); /* 9.8366242246159821e-21 */
    near(tiny / 9.8366242246159821e-21, 1.0, 1e-11);
    assert_true(sli_pchisq_upper(1500, 2) == 0.0); /* R: 0 */
    assert_true(sli_pchisq_upper(1e4, 1) == 0.0);  /* R: 0 */
    assert_true(sli_pchisq_upper(0.0, 3) == 1.0);
    assert_true(sli_pchisq_upper(-2.0, 3) == 1.0);
    assert_true(isnan(sli_pchisq_upper(1.0, 0.0)));
}

/* ---- one and two shares ------------------------------------------------- */

static void wilson_is(uint64_t x, uint64_t n, double lo, double hi)
{
    sl_interval ci = {-1, -1};
    assert_int_equal(sli_wilson(x, n, z95(), &ci), 1);
    near(ci.lo, lo, TOL);
    near(ci.hi, hi, TOL);
}

static void stats__wilson_matches_prop_test(void **state)
{
    (void)state;
    wilson_is(81, 263, 0.25528851987827428, 0.36620957698280016); /* prop.test(81,263,correct=FALSE) */
    wilson_is(15, 148, 0.062386399530736283, 0.160487241723308000); /* prop.test(15,148,...) */
    wilson_is(1, 29, 0.006113214292762661, 0.171755218793202824);   /* prop.test(1,29,...) */
}

static void stats__wilson_small_counts(void **state)
{
    (void)state;
    sl_interval ci;
    wilson_is(0, 10, 0.0, 0.27753279986288915);  /* prop.test(0,10,correct=FALSE) */
    wilson_is(10, 10, 0.72246720013711085, 1.0); /* prop.test(10,10,...) */
    wilson_is(1, 1, 0.2065493143772375, 1.0);    /* prop.test(1,1,...) */
    wilson_is(0, 1, 0.0, 0.79345068562276255);   /* prop.test(0,1,...) */
    /* The exact ends are exact, not near. */
    assert_int_equal(sli_wilson(0, 7, z95(), &ci), 1);
    assert_true(ci.lo == 0.0);
    assert_int_equal(sli_wilson(7, 7, z95(), &ci), 1);
    assert_true(ci.hi == 1.0);
    /* n == 0 and x > n: undefined, ci left alone. */
    ci.lo = ci.hi = 42.0;
    assert_int_equal(sli_wilson(0, 0, z95(), &ci), 0);
    assert_int_equal(sli_wilson(3, 2, z95(), &ci), 0);
    assert_true(ci.lo == 42.0 && ci.hi == 42.0);
}

static void stats__newcombe_matches_published_and_r(void **state)
{
    (void)state;
    sl_interval ci;
    /* Newcombe 1998 Table II, method 10: 56/70 - 48/80 = 0.2000, 0.0524 to
     * 0.3339; R nc(56,70,48,80) = 0.052431472402364926 0.333872654036905858 */
    assert_int_equal(sli_newcombe(56, 70, 48, 80, z95(), &ci), 1);
    near(ci.lo, 0.0524, 5e-5);
    near(ci.hi, 0.3339, 5e-5);
    near(ci.lo, 0.052431472402364926, TOL);
    near(ci.hi, 0.333872654036905858, TOL);
    /* Table II: 9/10 - 3/10 = 0.6000, 0.1705 to 0.8090;
     * R nc(9,10,3,10) = 0.17052272393450307 0.80901797353548799 */
    assert_int_equal(sli_newcombe(9, 10, 3, 10, z95(), &ci), 1);
    near(ci.lo, 0.1705, 5e-5);
    near(ci.hi, 0.8090, 5e-5);
    near(ci.lo, 0.17052272393450307, TOL);
    near(ci.hi, 0.80901797353548799, TOL);
    /* A zero count: R nc(5,56,0,29) = -0.038137147903536853 0.192560013855111567 */
    assert_int_equal(sli_newcombe(5, 56, 0, 29, z95(), &ci), 1);
    near(ci.lo, -0.038137147903536853, TOL);
    near(ci.hi, 0.192560013855111567, TOL);
    assert_int_equal(sli_newcombe(1, 0, 3, 10, z95(), &ci), 0);
    assert_int_equal(sli_newcombe(1, 3, 0, 0, z95(), &ci), 0);
}

/* ---- tests of independence --------------------------------------------- */

static void stats__two_shares_small_counts_take_fisher(void **state)
{
    (void)state;
    sl_test t;
    /* m <- tb(c(3,1), c(10,12)); chisq.test(m, correct=FALSE): X-squared =
     * 1.7212962962962961, min(expected) = 1.8181818181818181;
     * fisher.test(m)$p.value = 0.29323308270676701 */
    assert_int_equal(sli_two_shares(3, 10, 1, 12, &t), 1);
    assert_int_equal(t.kind, SL_TEST_FISHER);
    near(t.statistic, 1.7212962962962961, TOL);
    near(t.df, 1.0, 0);
    near(t.min_expected, 1.8181818181818181, TOL);
    near(t.cramers_v, 0.27971546389275787, TOL); /* sqrt(X2 / 22) */
    near(t.p, 0.29323308270676701, 1e-7);
    assert_int_equal(t.groups, 2);
    assert_null(t.why);
    /* Two tables tie with the observed one: fisher.test(rbind(c(2,4),c(4,2)))
     * $p.value = 0.56709956709956733 */
    const uint64_t x[] = {2, 4}, n[] = {6, 6};
    near(sli_fisher_2xk(x, n, 2), 0.56709956709956733, 1e-7);
    /* Large groups, few with the theme: fisher.test(rbind(c(1,5),
     * c(99999,99995)))$p.value = 0.2187429686796869 */
    const uint64_t xl[] = {1, 5}, nl[] = {100000, 100000};
    near(sli_fisher_2xk(xl, nl, 2), 0.2187429686796869, 1e-7);
}

static void stats__two_shares_large_counts_take_chisq(void **state)
{
    (void)state;
    sl_test t;
    /* chisq.test(tb(c(12,5), c(20,25)), correct=FALSE): X-squared =
     * 7.5630252100840343, p = 0.0059577899898290865, min(expected) =
     * 7.5555555555555554 */
    assert_int_equal(sli_two_shares(12, 20, 5, 25, &t), 1);
    assert_int_equal(t.kind, SL_TEST_CHISQ);
    near(t.statistic, 7.5630252100840343, TOL);
    near(t.p, 0.0059577899898290865, TOL);
    near(t.min_expected, 7.5555555555555554, TOL);
    near(t.cramers_v, 0.4099600308453939, TOL);
    assert_null(t.why);
}

static void stats__two_by_three_fisher(void **state)
{
    (void)state;
    sl_test t;
    const uint64_t x[] = {4, 1, 0}, n[] = {7, 9, 8};
    /* m <- tb(c(4,1,0), c(7,9,8)); chisq.test(m, correct=FALSE): X-squared
     * = 8.2165413533834606, min(expected) = 1.4583333333333333;
     * fisher.test(m)$p.value = 0.018774703557312183 */
    assert_int_equal(sli_independence(x, n, 3, &t), 1);
    assert_int_equal(t.kind, SL_TEST_FISHER);
    near(t.statistic, 8.2165413533834606, TOL);
    near(t.df, 2.0, 0);
    near(t.min_expected, 1.4583333333333333, TOL);
    near(t.cramers_v, 0.58511186086449385, TOL);
    near(t.p, 0.018774703557312183, 1e-7);
    /* fisher.test(rbind(c(0,3,1,1), c(7,5,9,4)))$p.value = 0.28160919540230239 */
    const uint64_t x4[] = {0, 3, 1, 1}, n4[] = {7, 8, 10, 5};
    near(sli_fisher_2xk(x4, n4, 4), 0.28160919540230239, 1e-7);
}

static void stats__six_small_sites_fisher(void **state)
{
    (void)state;
    sl_test t;
    const uint64_t x[] = {2, 5, 1, 0, 4, 3}, n[] = {6, 11, 8, 7, 9, 10};
    /* m <- tb(c(2,5,1,0,4,3), c(6,11,8,7,9,10)); chisq.test(m, correct=
     * FALSE): X-squared = 6.4081271043771038, min(expected) =
     * 1.7647058823529411; fisher.test(m)$p.value = 0.26583350631808322 */
    assert_int_equal(sli_independence(x, n, 6, &t), 1);
    assert_int_equal(t.kind, SL_TEST_FISHER);
    assert_int_equal(t.groups, 6);
    near(t.df, 5.0, 0);
    near(t.statistic, 6.4081271043771038, TOL);
    near(t.min_expected, 1.7647058823529411, TOL);
    near(t.cramers_v, 0.35447080425081234, TOL);
    near(t.p, 0.26583350631808322, 1e-7);
    assert_null(t.why);
}

static void stats__empty_group_is_dropped(void **state)
{
    (void)state;
    sl_test with, without;
    const uint64_t x[] = {2, 0, 5, 1, 0, 4, 3}, n[] = {6, 0, 11, 8, 7, 9, 10};
    const uint64_t x2[] = {2, 5, 1, 0, 4, 3}, n2[] = {6, 11, 8, 7, 9, 10};
    assert_int_equal(sli_independence(x, n, 7, &with), 1);
    assert_int_equal(sli_independence(x2, n2, 6, &without), 1);
    assert_int_equal(with.groups, 6);
    assert_true(with.df == without.df);
    assert_true(with.p == without.p);
    assert_true(with.statistic == without.statistic);
}

static void stats__large_table_takes_chisq(void **state)
{
    (void)state;
    sl_test t;
    const uint64_t x[] = {120, 95, 143, 80}, n[] = {400, 380, 420, 390};
    /* chisq.test(tb(c(120,95,143,80), c(400,380,420,390)), correct=FALSE):
     * X-squared = 21.002104345426265, p = 0.0001051702985601063,
     * min(expected) = 104.67924528301887 */
    assert_int_equal(sli_independence(x, n, 4, &t), 1);
    assert_int_equal(t.kind, SL_TEST_CHISQ);
    near(t.statistic, 21.002104345426265, TOL);
    near(t.df, 3.0, 0);
    near(t.p, 0.0001051702985601063, TOL);
    near(t.min_expected, 104.67924528301887, TOL);
    near(t.cramers_v, 0.11492985102879406, TOL);
    assert_null(t.why);
}

static void stats__exact_test_over_budget_shows_chisq(void **state)
{
    (void)state;
    sl_test t;
    uint64_t x[30], n[30];
    for (int i = 0; i < 30; i++) {
        x[i] = (uint64_t)(i % 5);
        n[i] = 200;
    }
    /* 60 of 6000 over 30 groups: an expected count of 2, and far more
     * tables than the budget. chisq.test(tb(rep(0:4,6), rep(200,30)),
     * correct=FALSE): X-squared = 30.303030303030305, p =
     * 0.39899233497955405 */
    assert_true(sli_fisher_2xk(x, n, 30) < 0.0);
    assert_int_equal(sli_independence(x, n, 30, &t), 1);
    assert_int_equal(t.kind, SL_TEST_CHISQ);
    near(t.min_expected, 2.0, TOL);
    near(t.statistic, 30.303030303030305, TOL);
    near(t.p, 0.39899233497955405, TOL);
    assert_string_equal(t.why, "exact test too large; chi-square p shown");
}

static void stats__ten_thousand_groups_do_not_recurse(void **state)
{
    (void)state;
    /* One story each and the theme in two: few tables, but a recursion
     * 10,000 deep; it must be refused, not attempted. */
    static uint64_t x[10000], n[10000];
    for (size_t i = 0; i < 10000; i++) {
        n[i] = 1;
        x[i] = i < 2;
    }
    sl_test t;
    assert_true(sli_fisher_2xk(x, n, 10000) < 0.0);
    assert_int_equal(sli_independence(x, n, 10000, &t), 1);
    assert_int_equal(t.kind, SL_TEST_CHISQ);
    assert_int_equal(t.groups, 10000);
    assert_string_equal(t.why, "exact test too large; chi-square p shown");
}

static void stats__undefined_tests_say_why(void **state)
{
    (void)state;
    sl_test t;
    const uint64_t x1[] = {3, 0, 0}, n1[] = {10, 0, 0};
    assert_int_equal(sli_independence(x1, n1, 3, &t), 0);
    assert_int_equal(t.kind, SL_TEST_NONE);
    assert_int_equal(t.groups, 1);
    assert_string_equal(t.why, "fewer than two groups with stories");
    assert_true(isnan(t.p));

    const uint64_t x2[] = {0, 0}, n2[] = {10, 12};
    assert_int_equal(sli_independence(x2, n2, 2, &t), 0);
    assert_int_equal(t.kind, SL_TEST_NONE);
    assert_string_equal(t.why, "no story shows the theme");

    const uint64_t x3[] = {10, 12, 0}, n3[] = {10, 12, 0};
    assert_int_equal(sli_independence(x3, n3, 3, &t), 0);
    assert_int_equal(t.kind, SL_TEST_NONE);
    assert_int_equal(t.groups, 2);
    assert_string_equal(t.why, "every story shows the theme");

    assert_int_equal(sli_two_shares(0, 0, 0, 0, &t), 0);
    assert_string_equal(t.why, "fewer than two groups with stories");
    assert_int_equal(sli_independence(NULL, NULL, 0, &t), 0);
    assert_int_equal(t.groups, 0);
}

/* ---- multiple tests ----------------------------------------------------- */

static void stats__holm_and_bh_match_p_adjust(void **state)
{
    (void)state;
    /* p <- c(0.01, 0.04, NA, 0.03, 0.005, 0.2, 0.04): a NaN in the middle,
     * a tie, and m = 6. */
    const double p[] = {0.01, 0.04, NAN, 0.03, 0.005, 0.2, 0.04};
    /* p.adjust(p, "holm") = 0.05 0.12 NA 0.12 0.03 0.2 0.12 */
    const double holm[] = {0.05, 0.12, NAN, 0.12, 0.03, 0.2, 0.12};
    /* p.adjust(p, "BH") = 0.03 0.048 NA 0.048 0.03 0.2 0.048 */
    const double bh[] = {0.03, 0.048, NAN, 0.048, 0.03, 0.2, 0.048};
    double adj[7];
    sli_p_holm(p, 7, adj);
    for (int i = 0; i < 7; i++) {
        if (isnan(holm[i]))
            assert_true(isnan(adj[i]));
        else
            near(adj[i], holm[i], 1e-15);
    }
    sli_p_bh(p, 7, adj);
    for (int i = 0; i < 7; i++) {
        if (isnan(bh[i]))
            assert_true(isnan(adj[i]));
        else
            near(adj[i], bh[i], 1e-15);
    }
}

static void stats__p_adjust_caps_at_one(void **state)
{
    (void)state;
    /* p.adjust(c(0.5, 0.9, 0.3), "holm") = 1 1 0.9 (3 x 0.3, 2 x 0.5 caps);
     * p.adjust(c(0.5, 0.9, 0.3), "BH")   = 0.75 0.9 0.75;
     * p.adjust(c(0.6, NA), "holm") = 0.6 NA */
    const double p[] = {0.5, 0.9, 0.3}, one[] = {0.6, NAN};
    double adj[3];
    sli_p_holm(p, 3, adj);
    assert_true(adj[0] == 1.0);
    assert_true(adj[1] == 1.0);
    near(adj[2], 0.9, 1e-15);
    sli_p_bh(p, 3, adj);
    near(adj[0], 0.75, 1e-15);
    near(adj[1], 0.9, 1e-15);
    near(adj[2], 0.75, 1e-15);
    sli_p_holm(one, 2, adj);
    near(adj[0], 0.6, 1e-15);
    assert_true(isnan(adj[1]));
    sli_p_holm(p, 0, adj); /* nothing to do, nothing touched */
}

/* ---- shares corrected for measured error ------------------------------- */

static void stats__rogan_gladen_ordinary_case(void **state)
{
    (void)state;
    sl_corrected c;
    /* 30 of 200 observed, Se = 45/50 = 0.9, Sp = 140/150 = 14/15: by hand
     * (0.15 + 14/15 - 1) / (0.9 + 14/15 - 1) = (1/12) / (5/6) = 0.1.
     * lr(30,200,45,50,140,150) = 0.025009052237327509 0.179429655577434066 */
    assert_int_equal(sli_rogan_gladen(30, 200, 45, 5, 140, 10, z95(), &c), 1);
    near(c.share, 0.1, 1e-12);
    near(c.sensitivity, 0.9, 1e-15);
    near(c.specificity, 14.0 / 15.0, 1e-15);
    near(c.ci.lo, 0.025009052237327509, TOL);
    near(c.ci.hi, 0.179429655577434066, TOL);
    assert_null(c.why);
    /* Small samples: lr(9,10,3,4,5,6) = 0.41754503732730996 1; the point
     * (0.9 + 5/6 - 1) / (0.75 + 5/6 - 1) = 1.257 is clipped to 1. */
    assert_int_equal(sli_rogan_gladen(9, 10, 3, 1, 5, 1, z95(), &c), 1);
    assert_true(c.share == 1.0);
    near(c.ci.lo, 0.41754503732730996, TOL);
    assert_true(c.ci.hi == 1.0);
}

static void stats__rogan_gladen_below_false_positive_rate_clips_to_zero(void **state)
{
    (void)state;
    sl_corrected c;
    /* 5 of 200 = 0.025 is below 1 - Sp = 1/15: the raw estimate is
     * negative. lr(5,200,45,50,140,150) = 0 0.0099424704107143116 */
    assert_int_equal(sli_rogan_gladen(5, 200, 45, 5, 140, 10, z95(), &c), 1);
    assert_true(c.share == 0.0);
    assert_true(c.ci.lo == 0.0);
    near(c.ci.hi, 0.0099424704107143116, TOL);
}

static void stats__rogan_gladen_undefined_says_why(void **state)
{
    (void)state;
    sl_corrected c;
    /* Se = 0.5, Sp = 0.5: the lexicon is a coin. */
    assert_int_equal(sli_rogan_gladen(30, 200, 5, 5, 5, 5, z95(), &c), 0);
    assert_non_null(c.why);
    near(c.sensitivity, 0.5, 0);
    /* Se = 0.3, Sp = 0.6: worse than a coin. */
    assert_int_equal(sli_rogan_gladen(30, 200, 3, 7, 6, 4, z95(), &c), 0);
    assert_non_null(c.why);
    /* No coded positives, no coded negatives, no stories. */
    assert_int_equal(sli_rogan_gladen(30, 200, 0, 0, 140, 10, z95(), &c), 0);
    assert_non_null(c.why);
    assert_true(isnan(c.sensitivity));
    assert_int_equal(sli_rogan_gladen(30, 200, 45, 5, 0, 0, z95(), &c), 0);
    assert_non_null(c.why);
    assert_int_equal(sli_rogan_gladen(0, 0, 45, 5, 140, 10, z95(), &c), 0);
    assert_non_null(c.why);
    assert_true(isnan(c.share));
}

static void stats__rogan_gladen_shrunken_youden_gives_whole_range(void **state)
{
    (void)state;
    sl_corrected c;
    /* Se = 300/1000, Sp = 1/1: Se + Sp = 1.3, but the interval's
     * Se' = 301/1002 and Sp' = 2/3 sum below 1, so the codes bound the
     * share by nothing. The point: (0.5 + 1 - 1) / 0.3, clipped to 1. */
    assert_int_equal(sli_rogan_gladen(100, 200, 300, 700, 1, 0, z95(), &c), 1);
    assert_null(c.why);
    assert_true(c.share == 1.0);
    assert_true(c.ci.lo == 0.0 && c.ci.hi == 1.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stats__qnorm_matches_r),
        cmocka_unit_test(stats__normal_and_chisq_tails_match_r),
        cmocka_unit_test(stats__wilson_matches_prop_test),
        cmocka_unit_test(stats__wilson_small_counts),
        cmocka_unit_test(stats__newcombe_matches_published_and_r),
        cmocka_unit_test(stats__two_shares_small_counts_take_fisher),
        cmocka_unit_test(stats__two_shares_large_counts_take_chisq),
        cmocka_unit_test(stats__two_by_three_fisher),
        cmocka_unit_test(stats__six_small_sites_fisher),
        cmocka_unit_test(stats__empty_group_is_dropped),
        cmocka_unit_test(stats__large_table_takes_chisq),
        cmocka_unit_test(stats__exact_test_over_budget_shows_chisq),
        cmocka_unit_test(stats__ten_thousand_groups_do_not_recurse),
        cmocka_unit_test(stats__undefined_tests_say_why),
        cmocka_unit_test(stats__holm_and_bh_match_p_adjust),
        cmocka_unit_test(stats__p_adjust_caps_at_one),
        cmocka_unit_test(stats__rogan_gladen_ordinary_case),
        cmocka_unit_test(stats__rogan_gladen_below_false_positive_rate_clips_to_zero),
        cmocka_unit_test(stats__rogan_gladen_undefined_says_why),
        cmocka_unit_test(stats__rogan_gladen_shrunken_youden_gives_whole_range),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
