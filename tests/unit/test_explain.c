/*
 * test_explain.c - sl_explain (surface forms per entry), the entry
 * accessors it relies on, and sli_fold_span.
 *
 * Lexicon: [a] isolat*, "cut off", never, !"in isolation"   [a.b] lonely
 *   entries in order: 0 isolat* (a), 1 "cut off" (a), 2 never (a),
 *   3 !"in isolation" (a, exclusion), 4 lonely (a.b); themes a=0, a.b=1.
 * Story text, with byte offsets worked out by hand:
 *   "Isolated, ISOLATION, isolated and cut\r\n  off. Lonely."
 *    Isolated [0,8)  ISOLATION [10,19)  isolated [21,29)  cut [34,37)
 *    "\r\n  " [37,41)  off [41,44)  Lonely [46,52)
 * Hits as the story handler gives them (by theme, then position):
 *   theme a: isolat* x3, "cut off" [34,44), lonely [46,52) counted for the
 *   parent a; theme a.b: lonely [46,52).
 * Expected: isolat* -> isolated 2, isolation 1 (count, then text);
 *   "cut off" -> "cut off" 1 (the line break is one space);
 *   never -> nothing; lonely -> lonely 1 (the copy counted for a is skipped).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text/fold.h"
#include "storylens/storylens.h"

static const char lexicon[] = "[a]\nisolat*\n\"cut off\"\nnever\n!\"in isolation\"\n"
                              "[a.b]\nlonely\n";
static const char text[] = "Isolated, ISOLATION, isolated and cut\r\n  off. Lonely.";

static sl_lexicon *load(void)
{
    char path[] = "/tmp/sl_test_explain_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, lexicon, sizeof lexicon - 1), (ssize_t)(sizeof lexicon - 1));
    close(fd);
    const char *paths[] = {path};
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    sl_status s = sl_lexicon_load(&lex, paths, 1, NULL, &err);
    unlink(path);
    if (s != SL_OK)
        fail_msg("lexicon did not load: %s", err.text);
    return lex;
}

static void test_entries(void **state)
{
    (void)state;
    sl_lexicon *lex = load();
    size_t theme;
    int excl;
    assert_int_equal(sl_lexicon_entry_count(lex), 5);
    assert_string_equal(sl_lexicon_entry(lex, 0, &theme, &excl), "isolat*");
    assert_int_equal(theme, 0);
    assert_false(excl);
    assert_string_equal(sl_lexicon_entry(lex, 3, &theme, &excl), "!\"in isolation\"");
    assert_true(excl);
    assert_string_equal(sl_lexicon_entry(lex, 4, &theme, NULL), "lonely");
    assert_int_equal(theme, 1);
    assert_null(sl_lexicon_entry(lex, 5, NULL, NULL));
    sl_lexicon_free(lex);
}

static void test_surfaces(void **state)
{
    (void)state;
    sl_lexicon *lex = load();
    const char *iso = sl_lexicon_entry(lex, 0, NULL, NULL);
    const char *cut = sl_lexicon_entry(lex, 1, NULL, NULL);
    const char *lonely = sl_lexicon_entry(lex, 4, NULL, NULL);
    sl_hit_view hits[] = {
        {.theme = 0, .entry_theme = 0, .entry = iso, .start = 0, .end = 8},   {.theme = 0, .entry_theme = 0, .entry = iso, .start = 10, .end = 19}, {.theme = 0, .entry_theme = 0, .entry = iso, .start = 21, .end = 29},
        {.theme = 0, .entry_theme = 0, .entry = cut, .start = 34, .end = 44}, {.theme = 0, .entry_theme = 1, .entry = lonely, .start = 46, .end = 52}, {.theme = 1, .entry_theme = 1, .entry = lonely, .start = 46, .end = 52},
    };
    sl_story_view st = {.id = "s1", .text = text, .text_len = sizeof text - 1};
    sl_explain *ex;
    sl_error err = {0};
    assert_int_equal(sl_explain_new(&ex, lex), SL_OK);
    assert_int_equal(sl_explain_add(ex, &st, hits, 6, &err), SL_OK);

    size_t n;
    const sl_surface *s = sl_explain_surfaces(ex, 0, &n);
    assert_int_equal(n, 2);
    assert_string_equal(s[0].text, "isolated");
    assert_int_equal(s[0].count, 2);
    assert_string_equal(s[1].text, "isolation");
    assert_int_equal(s[1].count, 1);
    s = sl_explain_surfaces(ex, 1, &n);
    assert_int_equal(n, 1);
    assert_string_equal(s[0].text, "cut off");
    s = sl_explain_surfaces(ex, 2, &n);
    assert_int_equal(n, 0);
    assert_null(s);
    s = sl_explain_surfaces(ex, 4, &n);
    assert_int_equal(n, 1);
    assert_string_equal(s[0].text, "lonely");
    assert_int_equal(s[0].count, 1);

    /* a second story re-sorts: "isolation" x3 now leads "isolated" x2 */
    sl_hit_view more[] = {{.theme = 0, .entry_theme = 0, .entry = iso, .start = 10, .end = 19},
                          {.theme = 0, .entry_theme = 0, .entry = iso, .start = 10, .end = 19}};
    assert_int_equal(sl_explain_add(ex, &st, more, 2, &err), SL_OK);
    s = sl_explain_surfaces(ex, 0, &n);
    assert_int_equal(n, 2);
    assert_string_equal(s[0].text, "isolation");
    assert_int_equal(s[0].count, 3);
    assert_null(sl_explain_surfaces(ex, 99, &n));
    assert_int_equal(n, 0);

    /* a hit from elsewhere is a caller's mistake, said so */
    sl_hit_view stray = {.theme = 0, .entry_theme = 0, .entry = "isolat*", .start = 0, .end = 8};
    /* same text, not the entry */
    assert_int_equal(sl_explain_add(ex, &st, &stray, 1, &err), SL_EUSAGE);
    sl_hit_view outside = {.theme = 0, .entry_theme = 0, .entry = iso, .start = 50, .end = 99};
    assert_int_equal(sl_explain_add(ex, &st, &outside, 1, &err), SL_EUSAGE);
    sl_explain_free(ex);
    sl_explain_free(NULL);
    sl_lexicon_free(lex);
}

static void test_fold(void **state)
{
    (void)state;
    size_t n;
    char *s = sli_fold_span("  Straße\t\r\nCAFE\xCC\x81 ", 19, &n);
    /* white space collapsed and trimmed; ß folds to ss; E + combining acute
     * composes to é (C3 A9) */
    assert_string_equal(s, "strasse caf\xC3\xA9");
    assert_int_equal(n, strlen("strasse caf\xC3\xA9"));
    free(s);
    s = sli_fold_span("Bad\xFF byte", 9, &n); /* not UTF-8: bytes kept, unfolded */
    assert_string_equal(s, "Bad\xFF byte");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entries),
        cmocka_unit_test(test_surfaces),
        cmocka_unit_test(test_fold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
