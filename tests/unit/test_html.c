/*
 * test_html.c - unit tests for src/cli/html.c, the pure helpers of
 * storylens report: story text escaped for HTML (markup characters,
 * invalid UTF-8, control characters) and the bounded choice of quotes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/html.h"

static void check_escaped(const char *in, size_t n, const char *want)
{
    char *got = cli_html_escaped(in, n);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void html__markup_characters_become_entities(void **state)
{
    (void)state;
    static const struct { const char *in, *want; } t[] = {
        {"", ""},
        {"plain text", "plain text"},
        {"a & b", "a &amp; b"},
        {"<script>", "&lt;script&gt;"},
        {"say \"hi\"", "say &quot;hi&quot;"},
        {"Lee's", "Lee&#39;s"},
        {"&amp;", "&amp;amp;"}, /* escaped once more: text, not markup */
        {"Z\xc3\xbcrich \xe6\x9d\xb1", "Z\xc3\xbcrich \xe6\x9d\xb1"}, /* UTF-8 kept */
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        check_escaped(t[i].in, strlen(t[i].in), t[i].want);
}

static void html__invalid_utf8_becomes_replacement_character(void **state)
{
    (void)state;
    check_escaped("a\xffz", 3, "a\xef\xbf\xbdz");
    check_escaped("\xc3", 1, "\xef\xbf\xbd");             /* cut before its second byte */
    check_escaped("\xed\xa0\x80", 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); /* surrogate */
}

static void html__controls_become_spaces_and_nul_does_not_end(void **state)
{
    (void)state;
    check_escaped("a\0b", 3, "a b");
    check_escaped("a\rb\x1b" "c\x7f", 6, "a b c ");
    check_escaped("line\nnext\ttab", 13, "line\nnext\ttab"); /* white space kept */
}

static void html__put_writes_the_escaped_text(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    cli_html_put(f, "<b>&</b>");
    fclose(f);
    assert_string_equal(buf, "&lt;b&gt;&amp;&lt;/b&gt;");
    free(buf);
}

static void html__a_told_change_comes_before_a_shorter_sentence(void **state)
{
    (void)state;
    cli_quote_rank told = {1, 90, 5, 0}, short_one = {0, 10, 0, 0};
    assert_true(cli_quote_before(&told, &short_one));
    assert_false(cli_quote_before(&short_one, &told));
}

static void html__shorter_then_earlier_story_then_earlier_sentence(void **state)
{
    (void)state;
    cli_quote_rank a = {0, 20, 3, 50}, b = {0, 30, 1, 0}, c = {0, 20, 4, 0}, d = {0, 20, 3, 10};
    assert_true(cli_quote_before(&a, &b));  /* shorter */
    assert_true(cli_quote_before(&a, &c));  /* same length, earlier story */
    assert_true(cli_quote_before(&d, &a));  /* same story, earlier sentence */
    assert_false(cli_quote_before(&a, &a)); /* a strict order */
}

static void html__slot_keeps_only_the_best_k(void **state)
{
    (void)state;
    cli_quote_rank kept[3] = {{1, 40, 0, 0}, {0, 10, 1, 0}, {0, 30, 2, 0}};
    cli_quote_rank best = {1, 20, 9, 0}, middle = {0, 20, 9, 0}, worst = {0, 50, 9, 0};
    assert_int_equal(cli_quote_slot(kept, 0, 3, &worst), 0);   /* none kept yet */
    assert_int_equal(cli_quote_slot(kept, 3, 3, &best), 0);
    assert_int_equal(cli_quote_slot(kept, 3, 3, &middle), 2);
    assert_int_equal(cli_quote_slot(kept, 3, 3, &worst), 3);   /* k: not kept */
    assert_int_equal(cli_quote_slot(kept, 2, 3, &worst), 2);   /* room left: appended */
    assert_int_equal(cli_quote_slot(kept, 0, 0, &best), 0);    /* k = 0 keeps none */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html__markup_characters_become_entities),
        cmocka_unit_test(html__invalid_utf8_becomes_replacement_character),
        cmocka_unit_test(html__controls_become_spaces_and_nul_does_not_end),
        cmocka_unit_test(html__put_writes_the_escaped_text),
        cmocka_unit_test(html__a_told_change_comes_before_a_shorter_sentence),
        cmocka_unit_test(html__shorter_then_earlier_story_then_earlier_sentence),
        cmocka_unit_test(html__slot_keeps_only_the_best_k),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
