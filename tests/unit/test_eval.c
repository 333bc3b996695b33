/*
 * test_eval.c - unit tests for eval.c: the arithmetic on confusion tables
 * worked by hand, micro against macro averaging, undefined figures, and the
 * gold file's header and cell parsers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "tune/eval.h"

#define EPS 1e-12

/* tp 8 fp 2 fn 4 tn 86 (n 100):
 *   precision 8/10 = 0.8, recall 8/12 = 2/3, F1 16/22 = 8/11
 *   po = 94/100; pe = (10*12 + 90*88)/10000 = (120 + 7920)/10000 = 0.804
 *   kappa = (0.94 - 0.804)/(1 - 0.804) = 0.136/0.196 = 34/49 */
static void eval__scores_of_a_worked_table(void **state)
{
    (void)state;
    sl_confusion c = {8, 2, 4, 86};
    sl_scores s;
    sli_scores_of(&c, &s);
    assert_true(s.has_precision && s.has_recall && s.has_f1 && s.has_kappa);
    assert_float_equal(s.precision, 0.8, EPS);
    assert_float_equal(s.recall, 2.0 / 3.0, EPS);
    assert_float_equal(s.f1, 8.0 / 11.0, EPS);
    assert_float_equal(s.kappa, 34.0 / 49.0, EPS);
}

/* Perfect agreement: kappa 1. Perfect disagreement, tp 0 fp 5 fn 5 tn 0:
 * po 0, pe (5*5 + 5*5)/100 = 0.5, kappa -1; precision and recall 0
 * (defined: tp+fp = 5, tp+fn = 5), F1 0/10 = 0. */
static void eval__kappa_bounds(void **state)
{
    (void)state;
    sl_scores s;
    sl_confusion same = {3, 0, 0, 7};
    sli_scores_of(&same, &s);
    assert_float_equal(s.kappa, 1.0, EPS);
    assert_float_equal(s.f1, 1.0, EPS);
    sl_confusion opposite = {0, 5, 5, 0};
    sli_scores_of(&opposite, &s);
    assert_float_equal(s.kappa, -1.0, EPS);
    assert_true(s.has_precision && s.has_f1);
    assert_float_equal(s.precision, 0.0, EPS);
    assert_float_equal(s.f1, 0.0, EPS);
}

/* tp 0 fp 0 fn 3 tn 7: precision 0/0 undefined; recall 0/3 = 0;
 * F1 0/3 = 0; pe = (0*3 + 10*7)/100 = 0.7, po 0.7, kappa 0.
 * tp 0 fp 0 fn 0 tn 4: only tn: precision, recall, F1 undefined and
 * pe = 16/16 = 1, so kappa undefined too. An empty table: all undefined. */
static void eval__undefined_figures(void **state)
{
    (void)state;
    sl_scores s;
    sl_confusion none_found = {0, 0, 3, 7};
    sli_scores_of(&none_found, &s);
    assert_false(s.has_precision);
    assert_true(s.has_recall && s.has_f1 && s.has_kappa);
    assert_float_equal(s.recall, 0.0, EPS);
    assert_float_equal(s.kappa, 0.0, EPS);
    sl_confusion only_tn = {0, 0, 0, 4};
    sli_scores_of(&only_tn, &s);
    assert_false(s.has_precision || s.has_recall || s.has_f1 || s.has_kappa);
    sl_confusion empty = {0, 0, 0, 0};
    sli_scores_of(&empty, &s);
    assert_false(s.has_precision || s.has_recall || s.has_f1 || s.has_kappa);
}

/* Two themes: A = tp 9 fp 1 fn 0 tn 0 (F1 18/19), B = tp 1 fp 0 fn 9 tn 0
 * (F1 2/11). Macro F1 = (18/19 + 2/11)/2 = (198 + 38)/418 = 118/209.
 * Micro: tp 10 fp 1 fn 9 tn 0: F1 20/30 = 2/3, precision 10/11,
 * recall 10/19. Macro precision (0.9 + 1)/2 = 0.95, recall (1 + 0.1)/2. */
static void eval__micro_and_macro_differ(void **state)
{
    (void)state;
    sl_confusion a = {9, 1, 0, 0}, b = {1, 0, 9, 0};
    sl_scores per[2], macro, micro;
    sli_scores_of(&a, &per[0]);
    sli_scores_of(&b, &per[1]);
    sli_scores_macro(per, 2, &macro);
    assert_float_equal(macro.f1, 118.0 / 209.0, EPS);
    assert_float_equal(macro.precision, 0.95, EPS);
    assert_float_equal(macro.recall, 0.55, EPS);
    sl_confusion sum = {a.tp + b.tp, a.fp + b.fp, a.fn + b.fn, a.tn + b.tn};
    sli_scores_of(&sum, &micro);
    assert_float_equal(micro.f1, 2.0 / 3.0, EPS);
    assert_float_equal(micro.precision, 10.0 / 11.0, EPS);
    assert_float_equal(micro.recall, 10.0 / 19.0, EPS);
}

/* A macro average skips the themes where a figure is undefined: precision
 * over {0.5, undefined} is 0.5; over nothing defined it is undefined. */
static void eval__macro_skips_undefined(void **state)
{
    (void)state;
    sl_scores per[2] = {0};
    per[0].precision = 0.5;
    per[0].has_precision = 1;
    sl_scores m;
    sli_scores_macro(per, 2, &m);
    assert_true(m.has_precision);
    assert_float_equal(m.precision, 0.5, EPS);
    assert_false(m.has_f1 || m.has_recall || m.has_kappa);
    sli_scores_macro(per, 0, &m);
    assert_false(m.has_precision);
}

static void eval__cells(void **state)
{
    (void)state;
    assert_int_equal(sli_gold_parse_cell("1"), 1);
    assert_int_equal(sli_gold_parse_cell(" 0 "), 0);
    assert_int_equal(sli_gold_parse_cell(""), -1);
    assert_int_equal(sli_gold_parse_cell("?"), -1);
    assert_int_equal(sli_gold_parse_cell("  \t"), -1);
    assert_int_equal(sli_gold_parse_cell("yes"), -2);
    assert_int_equal(sli_gold_parse_cell("10"), -2);
    assert_int_equal(sli_gold_parse_cell("1.0"), -2);
}

static void eval__headers(void **state)
{
    (void)state;
    sl_gold_column col;
    char msg[256];
    assert_int_equal(sli_gold_parse_header("carer_stress", &col, msg, sizeof msg), 0);
    assert_string_equal(col.theme, "carer_stress");
    assert_int_equal(col.kind, SL_GOLD_THEME);
    free(col.header);
    free(col.theme);
    /* an unknown qualifier is refused, not read as a theme named "T:x"
     * (THEME:direction is tested in test_eval_direction.c) */
    assert_int_equal(sli_gold_parse_header("isolation:severity", &col, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "isolation:severity"));
    assert_int_equal(sli_gold_parse_header("", &col, msg, sizeof msg), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(eval__scores_of_a_worked_table),
        cmocka_unit_test(eval__kappa_bounds),
        cmocka_unit_test(eval__undefined_figures),
        cmocka_unit_test(eval__micro_and_macro_differ),
        cmocka_unit_test(eval__macro_skips_undefined),
        cmocka_unit_test(eval__cells),
        cmocka_unit_test(eval__headers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
