/*
 * test_eval_direction.c - unit tests for eval_direction.c: the multi-class
 * figures of a direction column (accuracy, per-class precision, recall and
 * F1, macro F1, Cohen's kappa) on confusion matrices worked by hand, the
 * "absent" column, undefined figures, and the direction cell parser.
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

/* Coded (rows) against found (columns improved, worsened, mentioned, absent):
 *   improved   5 1 1 1   coded 8
 *   worsened   0 3 1 0   coded 4
 *   mentioned  1 0 2 1   coded 4        n = 16, correct 5+3+2 = 10
 *   found      6 4 4 2
 * accuracy 10/16 = 0.625
 * precision: improved 5/6, worsened 3/4, mentioned 2/4
 * recall:    improved 5/8, worsened 3/4, mentioned 2/4
 * F1 = 2 tp/(found + coded): improved 10/14 = 5/7, worsened 6/8, mentioned 4/8
 * macro F1 = (5/7 + 3/4 + 1/2)/3 = (20 + 21 + 14)/28/3 = 55/84
 * pe = (8*6 + 4*4 + 4*4)/16^2 = 80/256 = 5/16 (absent: no coder writes it)
 * kappa = (10/16 - 5/16)/(1 - 5/16) = 5/11 */
static void dir__worked_matrix(void **state)
{
    (void)state;
    sl_dir_confusion c = {{{5, 1, 1, 1}, {0, 3, 1, 0}, {1, 0, 2, 1}}};
    sl_dir_scores s;
    sli_dir_scores_of(&c, &s);
    assert_int_equal(s.n, 16);
    assert_int_equal(s.correct, 10);
    assert_int_equal(s.coded[SL_DC_IMPROVED], 8);
    assert_int_equal(s.found[SL_DC_IMPROVED], 6);
    assert_int_equal(s.found[SL_DC_ABSENT], 2);
    assert_true(s.has_accuracy && s.has_macro_f1 && s.has_kappa);
    assert_float_equal(s.accuracy, 0.625, EPS);
    assert_float_equal(s.cls[SL_DC_IMPROVED].precision, 5.0 / 6.0, EPS);
    assert_float_equal(s.cls[SL_DC_IMPROVED].recall, 5.0 / 8.0, EPS);
    assert_float_equal(s.cls[SL_DC_IMPROVED].f1, 5.0 / 7.0, EPS);
    assert_float_equal(s.cls[SL_DC_WORSENED].precision, 0.75, EPS);
    assert_float_equal(s.cls[SL_DC_WORSENED].recall, 0.75, EPS);
    assert_float_equal(s.cls[SL_DC_WORSENED].f1, 0.75, EPS);
    assert_float_equal(s.cls[SL_DC_MENTIONED].precision, 0.5, EPS);
    assert_float_equal(s.cls[SL_DC_MENTIONED].recall, 0.5, EPS);
    assert_float_equal(s.cls[SL_DC_MENTIONED].f1, 0.5, EPS);
    assert_float_equal(s.macro_f1, 55.0 / 84.0, EPS);
    assert_float_equal(s.kappa, 5.0 / 11.0, EPS);
}

/* Every coded story found absent: coded improved 3, found absent 3.
 * accuracy 0; improved precision undefined (found 0), recall 0/3 = 0,
 * F1 0/(0+3) = 0; worsened and mentioned neither coded nor found: all
 * undefined, so macro F1 is improved's alone, 0. pe = 3*0/9 = 0, kappa
 * (0 - 0)/1 = 0: absent answers are wrong, not skipped. */
static void dir__absent_is_wrong(void **state)
{
    (void)state;
    sl_dir_confusion c = {{{0, 0, 0, 3}}};
    sl_dir_scores s;
    sli_dir_scores_of(&c, &s);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.correct, 0);
    assert_float_equal(s.accuracy, 0.0, EPS);
    assert_false(s.cls[SL_DC_IMPROVED].has_precision);
    assert_true(s.cls[SL_DC_IMPROVED].has_recall && s.cls[SL_DC_IMPROVED].has_f1);
    assert_float_equal(s.cls[SL_DC_IMPROVED].f1, 0.0, EPS);
    assert_false(s.cls[SL_DC_WORSENED].has_f1);
    assert_false(s.cls[SL_DC_MENTIONED].has_recall);
    assert_true(s.has_macro_f1);
    assert_float_equal(s.macro_f1, 0.0, EPS);
    assert_true(s.has_kappa);
    assert_float_equal(s.kappa, 0.0, EPS);
}

/* Both sides put all 4 stories in "improved": accuracy 1, pe 16/16 = 1,
 * kappa undefined. No coded story: nothing is defined. Two classes swapped
 * (improved 2 found worsened, worsened 2 found improved): po 0,
 * pe (2*2 + 2*2)/16 = 1/2, kappa -1. */
static void dir__kappa_edges(void **state)
{
    (void)state;
    sl_dir_scores s;
    sl_dir_confusion one = {{{4, 0, 0, 0}}};
    sli_dir_scores_of(&one, &s);
    assert_float_equal(s.accuracy, 1.0, EPS);
    assert_false(s.has_kappa);
    assert_float_equal(s.macro_f1, 1.0, EPS);
    sl_dir_confusion none = {{{0}}};
    sli_dir_scores_of(&none, &s);
    assert_false(s.has_accuracy || s.has_kappa || s.has_macro_f1);
    sl_dir_confusion swap = {{{0, 2, 0, 0}, {2, 0, 0, 0}}};
    sli_dir_scores_of(&swap, &s);
    assert_float_equal(s.accuracy, 0.0, EPS);
    assert_float_equal(s.kappa, -1.0, EPS);
}

static void dir__cells_and_headers(void **state)
{
    (void)state;
    assert_int_equal(sli_gold_parse_direction("improved"), SL_DIRECTION_IMPROVED);
    assert_int_equal(sli_gold_parse_direction(" Worsened "), SL_DIRECTION_WORSENED);
    assert_int_equal(sli_gold_parse_direction("MENTIONED\r"), SL_DIRECTION_MENTIONED);
    assert_int_equal(sli_gold_parse_direction(""), -1);
    assert_int_equal(sli_gold_parse_direction("?"), -1);
    assert_int_equal(sli_gold_parse_direction("absent"), -2);
    assert_int_equal(sli_gold_parse_direction("1"), -2);
    assert_int_equal(sli_gold_parse_direction("improve"), -2);
    sl_gold_column col;
    char msg[256];
    assert_int_equal(sli_gold_parse_header("isolation:direction", &col, msg, sizeof msg), 0);
    assert_int_equal(col.kind, SL_GOLD_DIRECTION);
    assert_string_equal(col.theme, "isolation");
    assert_string_equal(col.header, "isolation:direction");
    free(col.header);
    free(col.theme);
    assert_int_equal(sli_gold_parse_header("isolation:time", &col, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "unknown qualifier \"time\""));
    assert_int_equal(sli_gold_parse_header(":direction", &col, msg, sizeof msg), -1);
    assert_string_equal(sli_dir_class_name(SL_DC_ABSENT), "absent");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dir__worked_matrix),
        cmocka_unit_test(dir__absent_is_wrong),
        cmocka_unit_test(dir__kappa_edges),
        cmocka_unit_test(dir__cells_and_headers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
