/*
 * test_write_summary.c - unit tests for the display-width helpers of the
 * human summary: widths of ASCII, accented, combining and wide text, and
 * padding and cutting by columns. Expected widths are counted by hand
 * from the characters' East Asian Width.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/summary.h"

static void summary__width_counts_columns_not_bytes(void **state)
{
    (void)state;
    assert_int_equal(sli_display_width(""), 0);
    assert_int_equal(sli_display_width("Northvale"), 9);
    assert_int_equal(sli_display_width("Z\xc3\xbcrich"), 6);           /* Zürich: 7 bytes */
    assert_int_equal(sli_display_width("Zu\xcc\x88rich"), 6);          /* u + combining diaeresis */
    assert_int_equal(sli_display_width("\xe6\x9d\xb1\xe4\xba\xac"), 4); /* 東京: two wide */
    assert_int_equal(sli_display_width("a\xffz"), 3);                  /* an invalid byte is 1 */
}

/* What sli_put_padded writes, as a string the caller frees. */
static char *padded(const char *s, int width, int max_width)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    sli_put_padded(f, s, width, max_width);
    fclose(f);
    return buf;
}

static void summary__pads_to_display_width(void **state)
{
    (void)state;
    char *p = padded("\xe6\x9d\xb1\xe4\xba\xac", 6, 0); /* 4 columns + 2 spaces */
    assert_string_equal(p, "\xe6\x9d\xb1\xe4\xba\xac  ");
    free(p);
    p = padded("toolong", 3, 0); /* wider than width, no maximum: unchanged */
    assert_string_equal(p, "toolong");
    free(p);
}

static void summary__cuts_at_a_character_with_an_ellipsis(void **state)
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(summary__width_counts_columns_not_bytes),
        cmocka_unit_test(summary__pads_to_display_width),
        cmocka_unit_test(summary__cuts_at_a_character_with_an_ellipsis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
