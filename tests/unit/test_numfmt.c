/*
 * test_numfmt.c - an .xlsx number as its format code shows it
 * (read/numfmt.c). Every expected text is worked out by hand: the digits
 * at 15 significant places, rounded half away from zero, with the code's
 * separators, percent and literal text around them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "read/office.h"

static void shows(double v, const char *code, const char *want)
{
    char out[128];
    int rc = sli_numfmt(v, code, out, sizeof out);
    if (rc != 0 || strcmp(out, want) != 0)
        print_error("%.17g with \"%s\": got %s \"%s\", want \"%s\"\n", v, code,
                    rc ? "a refusal" : "", rc ? "" : out, want);
    assert_int_equal(rc, 0);
    assert_string_equal(out, want);
}

static void refused(double v, const char *code)
{
    char out[128];
    assert_int_equal(sli_numfmt(v, code, out, sizeof out), -1);
}

static const char *builtin(long id)
{
    const char *c = sli_numfmt_builtin(id);
    assert_non_null(c);
    return c;
}

static void numfmt__general_is_shortest_up_to_15_digits(void **state)
{
    (void)state;
    char out[64];
    struct { double v; const char *want; } t[] = {
        {0.1, "0.1"}, {0.30000000000000004, "0.3"}, {3, "3"}, {-2.5, "-2.5"},
        {1234.5, "1234.5"}, {123456789012345, "123456789012345"},
        {1e20, "1E+20"}, {-0.0, "0"}, {1.0 / 3, "0.333333333333333"},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        sli_numfmt_general(t[i].v, out, sizeof out);
        assert_string_equal(out, t[i].want);
    }
    shows(0.1, builtin(0), "0.1");
    shows(-7, builtin(0), "-7");
}

static void numfmt__fixed_decimals_round_half_away_from_zero(void **state)
{
    (void)state;
    shows(2.5, builtin(1), "3");          /* "0" */
    shows(-2.5, builtin(1), "-3");
    shows(0.4, builtin(1), "0");
    shows(1234.5, builtin(2), "1234.50");  /* "0.00" */
    shows(2.675, builtin(2), "2.68");      /* the double is 2.67499999...; Excel 2.68 */
    shows(0.125, builtin(2), "0.13");
    shows(9.999, builtin(2), "10.00");     /* the carry adds a digit */
    shows(0.0004, "0.000", "0.000");
    shows(-0.0004, "0.000", "0.000");      /* nothing left to be negative */
    shows(3.14159, "0.000", "3.142");
    shows(0.5, ".00", ".50");
    shows(1.5, "0.0#", "1.5");             /* # places only when not zero */
    shows(1.25, "0.0#", "1.25");
}

static void numfmt__thousands_separators_and_scaling(void **state)
{
    (void)state;
    shows(1234567.891, builtin(3), "1,234,568");      /* "#,##0" */
    shows(999.5, builtin(3), "1,000");
    shows(12, builtin(3), "12");
    shows(0, builtin(3), "0");
    shows(1234567.891, builtin(4), "1,234,567.89");   /* "#,##0.00" */
    shows(-1234.5, builtin(4), "-1,234.50");
    shows(1234567, "#,##0,", "1,235");                /* a trailing comma: thousands */
    shows(1234567, "0.0,,", "1.2");
}

static void numfmt__percentages_shift_the_digits(void **state)
{
    (void)state;
    shows(0.25, builtin(9), "25%");       /* "0%" */
    shows(0.145, builtin(9), "15%");      /* 14.5 -> 15, not 14.4999... -> 14 */
    shows(1.5, builtin(9), "150%");
    shows(0.12345, builtin(10), "12.35%"); /* "0.00%" */
    shows(0.0005, builtin(10), "0.05%");
    shows(0.125, "0.0%", "12.5%");
    shows(-0.03, "0.0%", "-3.0%");
}

static void numfmt__scientific(void **state)
{
    (void)state;
    shows(12345.678, builtin(11), "1.23E+04");   /* "0.00E+00" */
    shows(0.000123, builtin(11), "1.23E-04");
    shows(9.999e9, builtin(11), "1.00E+10");     /* the carry raises the exponent */
    shows(0, builtin(11), "0.00E+00");
    shows(-12345.678, builtin(11), "-1.23E+04");
    shows(12345, builtin(48), "12.3E+3");        /* "##0.0E+0": steps of three */
    shows(0.00012, builtin(48), "120.0E-6");
    shows(1234, "0.0E+0", "1.2E+3");
}

static void numfmt__literal_text_and_sections(void **state)
{
    (void)state;
    shows(1234.5, "\"£\"#,##0.00", "£1,234.50");
    shows(-1234.5, "\"£\"#,##0.00", "-£1,234.50");
    shows(3, "[$€-407] #,##0.00", "€ 3.00");
    shows(72.5, "0.0\" kg\"", "72.5 kg");
    shows(5, "\\$0", "$5");
    shows(1234, builtin(37), "1,234");            /* "#,##0 ;(#,##0)": the pad trimmed */
    shows(-1234, builtin(37), "(1,234)");         /* its own section: no minus */
    shows(-1234.5, builtin(40), "(1,234.50)");    /* [Red] is a colour, not text */
    shows(0, "0.00;(0.00);\"none\"", "none");
    shows(-2, "0;-0;\"zero\"", "-2");
    shows(2, "0_);(0)", "2");
    shows(7, "\"n=\"General", "n=7");
}

static void numfmt__what_it_does_not_understand_is_refused(void **state)
{
    (void)state;
    refused(0.5, "# ?/?");          /* fractions */
    refused(5, "[>100]0;0");        /* conditions */
    refused(5, "@");                /* text */
    refused(45366, "yyyy-mm-dd");   /* dates are xlsx.c's */
    refused(5551234, "000-0000");   /* digits broken by text */
    refused(5, "\"open");           /* a quote never closed */
    assert_null(sli_numfmt_builtin(5));  /* the locale's currency */
    assert_null(sli_numfmt_builtin(12)); /* a fraction */
    assert_string_equal(builtin(49), "@");
    char small[4];
    assert_int_equal(sli_numfmt(1234567, "#,##0", small, sizeof small), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numfmt__general_is_shortest_up_to_15_digits),
        cmocka_unit_test(numfmt__fixed_decimals_round_half_away_from_zero),
        cmocka_unit_test(numfmt__thousands_separators_and_scaling),
        cmocka_unit_test(numfmt__percentages_shift_the_digits),
        cmocka_unit_test(numfmt__scientific),
        cmocka_unit_test(numfmt__literal_text_and_sections),
        cmocka_unit_test(numfmt__what_it_does_not_understand_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
