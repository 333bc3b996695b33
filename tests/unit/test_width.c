/*
 * test_width.c - unit tests for text/width.c, the display widths behind
 * the summary's tables and the CLI's aligned output: widths of ASCII,
 * accented, combining and wide text, and padding, right-aligning and
 * cutting by columns. Expected widths are counted by hand from the
 * characters' East Asian Width.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "storylens/storylens.h"

static void width__width_counts_columns_not_bytes(void **state)
{
    (void)state;
    assert_int_equal((int)sl_display_width(""), 0);
    assert_int_equal((int)sl_display_width("Northvale"), 9);
    assert_int_equal((int)sl_display_width("Z\xc3\xbcrich"), 6);           /* Zürich: 7 bytes */
    assert_int_equal((int)sl_display_width("Zu\xcc\x88rich"), 6);          /* u + combining diaeresis */
    assert_int_equal((int)sl_display_width("\xe6\x9d\xb1\xe4\xba\xac"), 4); /* 東京: two wide */
    assert_int_equal((int)sl_display_width("a\xffz"), 3);                  /* an invalid byte is 1 */
}

/* What sl_put_padded writes, as a string the caller frees. */
static char *aligned(const char *s, size_t width, size_t max_width, int right)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sl_put_padded(f, s, width, max_width, right);
    fclose(f);
    return buf;
}

static char *padded(const char *s, size_t width, size_t max_width)
{
    return aligned(s, width, max_width, 0);
}

static void width__pads_to_display_width(void **state)
{
    (void)state;
    char *p = padded("\xe6\x9d\xb1\xe4\xba\xac", 6, 0); /* 4 columns + 2 spaces */
    assert_string_equal(p, "\xe6\x9d\xb1\xe4\xba\xac  ");
    free(p);
    p = padded("toolong", 3, 0); /* wider than width, no maximum: unchanged */
    assert_string_equal(p, "toolong");
    free(p);
}

static void width__cuts_at_a_character_with_an_ellipsis(void **state)
{
    (void)state;
    /* "Zürich" in 4 columns: 3 characters then "…". */
    char *p = padded("Z\xc3\xbcrich", 0, 4);
    assert_string_equal(p, "Z\xc3\xbcr\xe2\x80\xa6");
    free(p);
    /* 東京都 (6 columns) in 4: 東 (2) fits, 京 would reach 4 > 3, so 東 + "…" padded to 4. */
    p = padded("\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd", 4, 4);
    assert_string_equal(p, "\xe6\x9d\xb1\xe2\x80\xa6 ");
    free(p);
}

static void width__right_aligns_by_columns(void **state)
{
    (void)state;
    char *p = aligned("Z\xc3\xbcrich", 8, 0, 1); /* 6 columns after 2 spaces */
    assert_string_equal(p, "  Z\xc3\xbcrich");
    free(p);
    p = aligned("100.0%", 6, 0, 1); /* exactly as wide: no space */
    assert_string_equal(p, "100.0%");
    free(p);
}

static void width__char_width_steps_over_one_character(void **state)
{
    (void)state;
    size_t step;
    assert_int_equal(sl_char_width("\xe6\x9d\xb1x", 4, &step), 2); /* 東 */
    assert_int_equal(step, 3);
    assert_int_equal(sl_char_width("u\xcc\x88", 3, &step), 1);
    assert_int_equal(step, 1);
    assert_int_equal(sl_char_width("\xcc\x88", 2, &step), 0); /* a combining mark */
    assert_int_equal(step, 2);
    assert_int_equal(sl_char_width("\xc3", 1, &step), 1); /* cut short: one invalid byte */
    assert_int_equal(step, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(width__width_counts_columns_not_bytes),
        cmocka_unit_test(width__pads_to_display_width),
        cmocka_unit_test(width__cuts_at_a_character_with_an_ellipsis),
        cmocka_unit_test(width__right_aligns_by_columns),
        cmocka_unit_test(width__char_width_steps_over_one_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
