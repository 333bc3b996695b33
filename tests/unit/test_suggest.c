/*
 * test_suggest.c - sl_suggest: coverage by hit byte ranges, stem and stem
 * pair counting, the stop list, the G2 statistic and the ranking.
 *
 * G2 worked by hand over the 2x2 table (a, n1-a / b, n2-b), E = row*col/N:
 *   a=10 b=0 n1=100 n2=100: E = 5, 95, 5, 95
 *     2*(10 ln 2 + 90 ln(90/95) + 0 + 100 ln(100/95))
 *     = 2*(6.931472 - 4.866050 + 5.129329) = 14.389502; swapped: -14.389502
 *   a=2 b=0 n1=7 n2=3: E = 1.4, 5.6, 0.6, 2.4
 *     2*(2 ln(2/1.4) + 5 ln(5/5.6) + 3 ln(3/2.4))
 *     = 2*(0.713350 - 0.566643 + 0.669431) = 1.632276 (1.63227 to 5 places)
 *   a=1 b=0 n1=7 n2=3: E = 0.7, 6.3, 0.3, 2.7
 *     2*(ln(1/0.7) + 6 ln(6/6.3) + 3 ln(3/2.7))
 *     = 2*(0.356675 - 0.292741 + 0.316082) = 0.760032
 *   a=1 b=1 n1=7 n2=3: E = 1.4, 5.6, 0.6, 2.4
 *     2*(ln(1/1.4) + 6 ln(6/5.6) + ln(1/0.6) + 2 ln(2/2.4))
 *     = 2*(-0.336472 + 0.413958 + 0.510826 - 0.364643) = 0.447338,
 *     and 1/7 < 1/3, so -0.447338
 *
 * The corpus of test_rank (english stop list on):
 *   s1 "The day centre helped. Day centre staff." with one hit on
 *      "helped" [15,21): tokens The day centre helped | Day centre staff = 7
 *      uncovered, not stop: day centre | day centre staff
 *      stems: day x2, centr x2, staff x1; pairs (same sentence, both
 *      uncovered, no stop word): "day centr" x2, "centr staff" x1
 *      ("the day" has a stop word; "centre helped" a covered token)
 *   s2 "Staff went home." no hit: the rest of the corpus, 3 tokens,
 *      staff, went, home, "staff went", "went home" count there only
 *   n1 = 7, n2 = 3. Candidates with count >= 1:
 *      centr 2/0 +1.63227, day 2/0 +1.63227, "day centr" 2/0 +1.63227,
 *      "centr staff" 1/0 +0.76003, staff 1/1 -0.44734
 *   equal G2 and count: by text, centr < day < "day centr".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "storylens/storylens.h"
#include "tune/suggest.h"

static void test_g2(void **state)
{
    (void)state;
    assert_true(fabs(sli_g2(10, 0, 100, 100) - 14.389502) < 1e-5);
    assert_true(fabs(sli_g2(0, 10, 100, 100) + 14.389502) < 1e-5);
    assert_true(fabs(sli_g2(2, 0, 7, 3) - 1.63227) < 1e-4);
    assert_true(fabs(sli_g2(1, 0, 7, 3) - 0.760032) < 1e-5);
    assert_true(fabs(sli_g2(1, 1, 7, 3) + 0.447338) < 1e-5);
    /* equal rates: observed = expected everywhere */
    assert_true(sli_g2(5, 5, 100, 100) == 0);
    /* an empty side has nothing to compare with */
    assert_true(sli_g2(3, 0, 10, 0) == 0);
    assert_true(sli_g2(0, 3, 0, 10) == 0);
}

static void test_stop_words(void **state)
{
    (void)state;
    assert_true(sli_english_stop_word("the", 3));
    assert_true(sli_english_stop_word("don't", 5));
    assert_true(sli_english_stop_word("yourselves", 10));
    assert_false(sli_english_stop_word("isolated", 8));
    assert_false(sli_english_stop_word("th", 2));
    assert_false(sli_english_stop_word("thethethethethethe", 18));
}

static sl_story_view story(const char *id, const char *text)
{
    return (sl_story_view){.id = id, .text = text, .text_len = strlen(text)};
}

static void test_rank(void **state)
{
    (void)state;
    sl_suggest *sg;
    sl_error err = {0};
    assert_int_equal(sl_suggest_new(&sg, "english", SL_SUGGEST_STOP_WORDS, 5, &err), SL_OK);
    assert_true(sl_suggest_stop_words(sg));
    sl_story_view s1 = story("s1", "The day centre helped. Day centre staff.");
    sl_hit_view hit = {.theme = 0, .entry_theme = 0, .entry = "help*", .start = 15, .end = 21};
    assert_int_equal(sl_suggest_add_story(sg, &s1, &hit, 1, &err), SL_OK);
    sl_story_view s2 = story("s2", "Staff went home.");
    assert_int_equal(sl_suggest_add_story(sg, &s2, NULL, 0, &err), SL_OK);

    sl_suggest_sizes z;
    sl_suggest_get_sizes(sg, &z);
    assert_int_equal(z.focus_stories, 1);
    assert_int_equal(z.focus_tokens, 7);
    assert_int_equal(z.ref_stories, 1);
    assert_int_equal(z.ref_tokens, 3);

    const sl_suggestion *x;
    size_t n;
    assert_int_equal(sl_suggest_rank(sg, 1, 10, &x, &n, &err), SL_OK);
    assert_int_equal(n, 5);
    const char *text[] = {"centr", "day", "day centr", "centr staff", "staff"};
    const char *example[] = {"centre", "day", "day centre", "centre staff", "staff"};
    const unsigned long long count[] = {2, 2, 2, 1, 1}, ref[] = {0, 0, 0, 0, 1};
    const double g2[] = {1.63227, 1.63227, 1.63227, 0.760032, -0.447338};
    const int phrase[] = {0, 0, 1, 1, 0};
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(x[i].text, text[i]);
        assert_string_equal(x[i].example, example[i]);
        assert_int_equal(x[i].count, count[i]);
        assert_int_equal(x[i].ref_count, ref[i]);
        assert_int_equal(x[i].phrase, phrase[i]);
        assert_true(fabs(x[i].g2 - g2[i]) < 1e-4);
        assert_int_equal(x[i].nids, 1);
        assert_string_equal(x[i].ids[0], "s1");
    }
    /* --min-count 2 keeps the three seen twice; --top 2 the first two */
    assert_int_equal(sl_suggest_rank(sg, 2, 10, &x, &n, &err), SL_OK);
    assert_int_equal(n, 3);
    assert_int_equal(sl_suggest_rank(sg, 1, 2, &x, &n, &err), SL_OK);
    assert_int_equal(n, 2);
    assert_string_equal(x[1].text, "day");
    sl_suggest_free(sg);
}

/* Against a reference corpus every input story is on the focus side, hit
 * or not; ids are distinct stories in input order, capped at max_ids. */
static void test_reference_and_ids(void **state)
{
    (void)state;
    sl_suggest *sg;
    sl_error err = {0};
    assert_int_equal(sl_suggest_new(&sg, NULL, SL_SUGGEST_REFERENCE, 2, &err), SL_OK);
    assert_false(sl_suggest_stop_words(sg)); /* not asked for */
    const char *ids[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        sl_story_view s = story(ids[i], "Carers carers.");
        assert_int_equal(sl_suggest_add_story(sg, &s, NULL, 0, &err), SL_OK);
    }
    sl_story_view r = story("r", "Carers and the weather.");
    assert_int_equal(sl_suggest_add_reference(sg, &r, &err), SL_OK);
    const sl_suggestion *x;
    size_t n;
    assert_int_equal(sl_suggest_rank(sg, 1, 10, &x, &n, &err), SL_OK);
    /* focus: carer x6, "carer carer" x3; the reference words never occur
     * in the focus, so they are not candidates */
    assert_int_equal(n, 2);
    assert_string_equal(x[0].text, "carer");
    assert_int_equal(x[0].count, 6);
    assert_int_equal(x[0].ref_count, 1);
    assert_string_equal(x[0].example, "carers");
    assert_int_equal(x[0].nids, 2);
    assert_string_equal(x[0].ids[0], "a");
    assert_string_equal(x[0].ids[1], "b");
    assert_string_equal(x[1].text, "carer carer");
    sl_suggest_free(sg);
}

static void test_unknown_language(void **state)
{
    (void)state;
    sl_suggest *sg = (sl_suggest *)1;
    sl_error err = {0};
    assert_int_equal(sl_suggest_new(&sg, "klingon", 0, 5, &err), SL_EUSAGE);
    assert_null(sg);
    assert_non_null(strstr(err.text, "klingon"));
    sl_suggest_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_g2),
        cmocka_unit_test(test_stop_words),
        cmocka_unit_test(test_rank),
        cmocka_unit_test(test_reference_and_ids),
        cmocka_unit_test(test_unknown_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
