/*
 * test_examples.c - sl_lexicon_check_examples(): a theme's example and
 * counterexample sentences run as stories of their own. Each lexicon is
 * written here, so the line of every example and what it must give are
 * worked out by hand from the text below; the modifier lexicon is the
 * test's own, so every trigger's scope and distance is known.
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

#include "storylens/storylens.h"
#include "support.h"

/* Distances count tokens from the trigger's last word to the theme's first
 * (forward) or back (backward). */
#define MODIFIERS                                                                               \
    "[increase]\nscope = both\ndistance = 3\nmore\n"                                            \
    "[decrease]\nscope = forward\ndistance = 3\nless\n"                                         \
    "[negation]\nscope = forward\ndistance = 3\n=not\n"                                         \
    "[avoidance]\nscope = forward\ndistance = 4\navoided\n"                                     \
    "[baseline]\nscope = forward\ndistance = 4\n=was\n"                                         \
    "[outcome]\nscope = both\ndistance = 3\n=now\n"                                             \
    "[breaker]\n=but\n"

/* The results as the callback saw them, copied. */
#define MAX_SEEN 16
typedef struct seen {
    size_t n;
    sl_example_result r[MAX_SEEN];
    char theme[MAX_SEEN][32], text[MAX_SEEN][96];
} seen;

static void collect(void *user, const sl_example_result *r)
{
    seen *s = user;
    assert_true(s->n < MAX_SEEN);
    assert_non_null(r->file);
    s->r[s->n] = *r;
    snprintf(s->theme[s->n], sizeof s->theme[0], "%s", r->theme);
    snprintf(s->text[s->n], sizeof s->text[0], "%s", r->text);
    s->r[s->n].theme = s->theme[s->n];
    s->r[s->n].text = s->text[s->n];
    s->r[s->n].file = NULL; /* a temporary file's name: not compared */
    s->n++;
}

/* Checks all of lex's examples with the modifiers mods (NULL: none). */
static size_t check(const sl_lexicon *lex, const sl_lexicon *mods, seen *s)
{
    sl_options *o;
    assert_int_equal(sl_options_new(&o), SL_OK);
    sl_options_set_threads(o, 4); /* the caller's threads are not used */
    if (mods)
        sl_options_set_modifiers(o, mods);
    memset(s, 0, sizeof *s);
    size_t failed = 99;
    sl_error err = {0};
    if (sl_lexicon_check_examples(lex, o, collect, s, &failed, &err) != SL_OK)
        fail_msg("check_examples: %s", err.text);
    sl_options_free(o);
    return failed;
}

static void expect(const seen *s, size_t i, unsigned line, const char *theme, int must,
                   sl_direction want, int matched, sl_direction got, int passed)
{
    assert_true(i < s->n);
    const sl_example_result *r = &s->r[i];
    if (r->line != line || strcmp(r->theme, theme) != 0 || r->must_match != must ||
        r->want != want || r->matched != matched || r->got != got || r->passed != passed)
        fail_msg("example %zu (\"%s\"): line %u [%s] must %d want %d matched %d got %d passed %d"
                 "; expected line %u [%s] must %d want %d matched %d got %d passed %d",
                 i, r->text, r->line, r->theme, r->must_match, r->want, r->matched, r->got,
                 r->passed, line, theme, must, want, matched, got, passed);
}

/* Without modifiers: whether each sentence matches, in lexicon order. */
static void examples__match_and_counterexample(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[iso]\n"                                     /* 1 */
                               "polarity = problem\n"                        /* 2 */
                               "lonely\n"                                    /* 3 */
                               "example = She felt lonely all winter.\n"     /* 4: lonely */
                               "example = He plays golf on Sundays.\n"       /* 5: nothing */
                               "counterexample = A lonely road.\n"           /* 6: lonely */
                               "counterexample = The road was long.\n"       /* 7: nothing */
                               "[golf]\n"                                    /* 8 */
                               "golf\n"                                      /* 9 */
                               "example = \"He said \"golf\" \\ twice.\"\n"); /* 10 */
    seen s;
    assert_int_equal(check(lex, NULL, &s), 2);
    assert_int_equal(s.n, 5);
    expect(&s, 0, 4, "iso", 1, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 1);
    expect(&s, 1, 5, "iso", 1, SL_DIRECTION_NONE, 0, SL_DIRECTION_NONE, 0);
    expect(&s, 2, 6, "iso", 0, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 0);
    expect(&s, 3, 7, "iso", 0, SL_DIRECTION_NONE, 0, SL_DIRECTION_NONE, 1);
    /* quotes and a backslash reach the story intact (escaped in the JSONL) */
    expect(&s, 4, 10, "golf", 1, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 1);
    assert_string_equal(s.text[4], "He said \"golf\" \\ twice.");
    assert_int_equal(sl_lexicon_example_count(lex), 5);
    sl_lexicon_free(lex);
}

/* With modifiers, the story's net direction for the theme is checked.
 * Tokens from 0:
 *   line 4 She(0) is(1) less(2) lonely(3): "less" (decrease, forward) 1
 *          token on; a problem decreased -> improved. Passes.
 *   line 5 He(0) feels(1) more(2) lonely(3): "more" (increase) -> worsened,
 *          not the improved written. Fails, matched.
 *   line 6 She(0) was(1) lonely(2): "was" (baseline) -> a mention before
 *          the change; no change outside the baseline -> net mentioned.
 *   line 7 less(2) lonely(3) ... more(6) lonely(7): the net is the last
 *          change, worsened, as written.
 *   line 8 a counterexample's direction is never wanted; it matches: fails. */
static void examples__net_direction(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[iso]\n"
                               "polarity = problem\n"
                               "lonely\n"
                               "example = improved: She is less lonely.\n"
                               "example = improved: He feels more lonely.\n"
                               "example = mentioned: She was lonely.\n"
                               "example = worsened: She is less lonely, then more lonely.\n"
                               "counterexample = She is less lonely.\n");
    sl_lexicon *mods = mods_from(MODIFIERS);
    seen s;
    assert_int_equal(check(lex, mods, &s), 2);
    assert_int_equal(s.n, 5);
    expect(&s, 0, 4, "iso", 1, SL_DIRECTION_IMPROVED, 1, SL_DIRECTION_IMPROVED, 1);
    expect(&s, 1, 5, "iso", 1, SL_DIRECTION_IMPROVED, 1, SL_DIRECTION_WORSENED, 0);
    expect(&s, 2, 6, "iso", 1, SL_DIRECTION_MENTIONED, 1, SL_DIRECTION_MENTIONED, 1);
    expect(&s, 3, 7, "iso", 1, SL_DIRECTION_WORSENED, 1, SL_DIRECTION_WORSENED, 1);
    expect(&s, 4, 8, "iso", 0, SL_DIRECTION_NONE, 1, SL_DIRECTION_IMPROVED, 0);

    /* Without modifiers the directions written are ignored: every example
     * matches, so only the counterexample fails. */
    assert_int_equal(check(lex, NULL, &s), 1);
    expect(&s, 1, 5, "iso", 1, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 1);
    expect(&s, 4, 8, "iso", 0, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 0);

    /* Modifiers with direction figures off: not checked either. */
    sl_options *o;
    assert_int_equal(sl_options_new(&o), SL_OK);
    sl_options_set_modifiers(o, mods);
    sl_options_set_direction_figures(o, 0);
    size_t failed = 0;
    assert_int_equal(sl_lexicon_check_examples(lex, o, NULL, NULL, &failed, NULL), SL_OK);
    assert_int_equal(failed, 1);
    sl_options_free(o);
    sl_lexicon_free(mods);
    sl_lexicon_free(lex);
}

/* A sub-theme's hit counts for its parent's example (the hit reaches the
 * handler once per theme it counts for); a parent's own entry does not
 * count for a child's example. */
static void examples__child_hit_counts_for_parent(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[health]\n"                                       /* 1 */
                               "polarity = problem\n"                             /* 2 */
                               "unwell\n"                                         /* 3 */
                               "example = She could not sleep at night.\n"        /* 4 */
                               "counterexample = He lost sleep over it.\n"        /* 5 */
                               "[health.sleep]\n"                                 /* 6 */
                               "sleep\n"                                          /* 7 */
                               "example = She could not sleep at night.\n"        /* 8 */
                               "example = She felt unwell.\n");                   /* 9 */
    seen s;
    assert_int_equal(check(lex, NULL, &s), 2);
    assert_int_equal(s.n, 4);
    expect(&s, 0, 4, "health", 1, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 1);
    expect(&s, 1, 5, "health", 0, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 0);
    expect(&s, 2, 8, "health.sleep", 1, SL_DIRECTION_NONE, 1, SL_DIRECTION_NONE, 1);
    expect(&s, 3, 9, "health.sleep", 1, SL_DIRECTION_NONE, 0, SL_DIRECTION_NONE, 0);
    sl_lexicon_free(lex);
}

/* No examples: no call, nothing failed; NULL opts and callback are fine. */
static void examples__none(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[iso]\nlonely\n");
    seen s;
    assert_int_equal(check(lex, NULL, &s), 0);
    assert_int_equal(s.n, 0);
    assert_int_equal(sl_lexicon_example_count(lex), 0);
    size_t failed = 7;
    assert_int_equal(sl_lexicon_check_examples(lex, NULL, NULL, NULL, &failed, NULL), SL_OK);
    assert_int_equal(failed, 0);
    sl_lexicon_free(lex);
    sl_error err = {0};
    assert_int_equal(sl_lexicon_check_examples(NULL, NULL, NULL, NULL, NULL, &err), SL_EUSAGE);
}

/* A lexicon whose entries need the modifiers to count, run without them:
 * the analysis refuses, as it would for a corpus. */
static void examples__conditions_need_modifiers(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[alone]\npolarity = problem\nnegated(friends)\n"
                               "example = She has no friends.\n");
    sl_error err = {0};
    size_t failed = 7;
    assert_int_equal(sl_lexicon_check_examples(lex, NULL, NULL, NULL, &failed, &err),
                     SL_EUSAGE);
    assert_non_null(strstr(err.text, "modifier lexicons"));
    assert_int_equal(failed, 0);
    sl_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(examples__match_and_counterexample),
        cmocka_unit_test(examples__net_direction),
        cmocka_unit_test(examples__child_hit_counts_for_parent),
        cmocka_unit_test(examples__none),
        cmocka_unit_test(examples__conditions_need_modifiers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
