/*
 * test_regex_literals.c - unit tests for regex_literals.c and the regex
 * prefilter of match_regex.c: required literals of hand-worked patterns,
 * the per-word test, and the hits of random regex lexicons on random
 * stories with the prefilter against the same matcher without it (PCRE2
 * over every sentence, the reference).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include <stdio.h>
#include <string.h>

#include "lexicon/lexicon.h"
#include "match/match.h"
#include "match/regex_literals.h"
#include "text/tokenize.h"

/* The set as "a,b,c" in its order; "" for no set. */
static const char *set_text(const char *pattern, int extended)
{
    static char buf[SL_LIT_MAX * (SL_LIT_LEN + 1) + 1];
    sl_lit_set s;
    sli_regex_literals(pattern, strlen(pattern), extended, &s);
    buf[0] = '\0';
    for (size_t i = 0; i < s.n; i++) {
        if (i)
            strcat(buf, ",");
        strcat(buf, s.lit[i]);
    }
    return buf;
}

static void literals__hand_worked_patterns(void **state)
{
    (void)state;
    static const struct {
        const char *pattern, *want;
    } cases[] = {
        {"\\b(isolat\\w*|lonel\\w*)\\b", "isolat,lonel"},
        /* "carer" (the s is optional) against "strain": the longer */
        {"\\bcarers?\\s+(\\w+\\s+)?strain", "strain"},
        {"colou?r", "colo"},
        {"ABC", "abc"},
        /* "back" against make|bafelris: equal shortest, fewer literals */
        {"\\bback(s|ed|ing)?\\s+(make|bafelris)\\b", "back"},
        {"\\b(when|tanvened|bakers)\\b", "when,tanvened,bakers"},
        {"\\bregular\\W+(?:\\w+\\W+){0,2}banytaner\\b", "banytaner"},
        {"(a+)+b", "a"},
        {"[^a]bc\\.d", "bc"},
        {"[]x]yz", "yz"},
        {"ab{2,}c", "ab"},
        {"a{0}bc", "bc"},
        {"a(b|)c", "a"},
        {"[a-z]+ing", "ing"},
        {"^no longer$", "longer"},
        /* no set: nothing required, or syntax this parser leaves alone */
        {"x*", ""},
        {"a|\\d+", ""},
        {"(?=x)abc", ""},
        {"(?i)abc", ""},
        {"(?<n>ab)", ""},
        {"(ab)\\1", ""},
        {"\\x41bc", ""},
        {"\\Qab\\E", ""},
        {"a)", ""},
        {"(ab", ""},
        {"h\xc3\xa9llo", ""},
        {"a**", ""},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = set_text(cases[i].pattern, 0);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("/%s/: {%s}, expected {%s}", cases[i].pattern, got, cases[i].want);
    }
    /* under the x flag white space is not a character: no set */
    assert_string_equal(set_text("lonely", 1), "");
}

static void literals__word_test_names_the_regexes_a_word_may_match(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[t]\n/\\bisolat\\w*/i\n/\\b(lonel|alone)/\n/(?=x)y/\n"
                               "!/\\bnot alone/i\n");
    assert_int_equal(lex->nregexes, 4);
    sl_regex_index *ix = sli_regex_index_new(lex);
    assert_non_null(ix);
    assert_true(sli_regex_index_filtered(ix, 0));
    assert_true(sli_regex_index_filtered(ix, 1));
    assert_false(sli_regex_index_filtered(ix, 2)); /* a lookahead: runs everywhere */
    assert_true(sli_regex_index_filtered(ix, 3));  /* the exclusion: {alone} */
    uint32_t out[8];
    assert_int_equal(sli_regex_index_word(ix, "isolated", 8, out), 1);
    assert_int_equal(out[0], 0);
    assert_int_equal(sli_regex_index_word(ix, "alone", 5, out), 2);
    assert_int_equal(out[0], 1);
    assert_int_equal(out[1], 3);
    assert_int_equal(sli_regex_index_word(ix, "lonely", 6, out), 1);
    assert_int_equal(out[0], 1);
    assert_int_equal(sli_regex_index_word(ix, "x", 1, out), 0);
    /* a fold that is not plain ASCII, or may be cut: every regex */
    assert_int_equal(sli_regex_index_word(ix, "caf\xc3\xa9", 5, out), 1);
    assert_int_equal(out[0], 4);
    char longw[SL_FOLD_CAP + 1];
    memset(longw, 'q', sizeof longw);
    assert_int_equal(sli_regex_index_word(ix, longw, SL_FOLD_CAP, out), 1);
    assert_int_equal(out[0], 4);
    sli_regex_index_free(ix);
    sl_lexicon_free(lex);
}

/* ---- the prefilter against the reference ----------------------------- */

static uint64_t rng = 2024;

static unsigned next(unsigned n)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)(rng >> 33) % n;
}

static const char *const words[] = {
    "kind", "less", "cafe", "strasse", "lonely", "felt", "ab", "a", "s", "k", "alone", "isolated",
};
#define NWORDS (sizeof words / sizeof words[0])

/* Story pieces: the words in several cases, and the spellings a literal
 * test on folds must not miss (Kelvin sign, long s, a combining accent,
 * sharp s, a word past the fold cap). */
static const char *const pieces[] = {
    "kind", "Kind", "KIND", "\xe2\x84\xaaind", "less", "LESS", "cafe", "cafe\xcc\x81", "caf\xc3\xa9",
    "strasse", "\xc5\xbftrasse", "stra\xc3\x9f" "e", "lonely", "Lonely", "felt", "ab", "a", "s",
    "alone", "isolated", "not", "very", "3", "x-ab", "ab's", ",", ".", "!", "\n\n", "\xe2\x80\x99",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static void random_lexicon(char *buf, size_t size)
{
    static const char *const shapes[] = {
        "/\\b(@|@)\\s+(\\w+\\s+)?@\\b/i", "/\\b@(s|ed|ing)?\\s+(@|@)\\b/i",
        "/\\b(@|@|@)\\b/i", "/\\b@\\W+(?:\\w+\\W+){0,2}@@\\b/i", "/@@@/",
        "/@[a-z]*@@/i", "/(?=@)@@/i", "/@.@@/i", "!/\\b@ @@/i", "/@|@|@/",
    };
    size_t used = (size_t)snprintf(buf, size, "[t]\n");
    int n = 1 + (int)next(6);
    for (int i = 0; i < n; i++) {
        /* each @ of the shape becomes a random word */
        for (const char *c = shapes[next(sizeof shapes / sizeof shapes[0])]; *c; c++)
            used += (size_t)snprintf(buf + used, size - used, "%s",
                                     *c == '@' ? words[next(NWORDS)] : (char[2]){*c, 0});
        used += (size_t)snprintf(buf + used, size - used, "\n");
    }
}

static size_t random_story(char *buf, size_t size)
{
    size_t used = 0;
    int n = (int)next(40);
    for (int i = 0; i < n; i++) {
        const char *p = pieces[next(NPIECES)];
        if (used + strlen(p) + 2 >= size)
            break;
        used += (size_t)snprintf(buf + used, size - used, "%s%s", p, next(4) ? " " : "");
    }
    if (next(20) == 0 && used + 300 < size) { /* a token past the fold cap */
        memset(buf + used, 'k', 280);
        memcpy(buf + used + 280, "ind ", 4);
        used += 284;
    }
    buf[used] = '\0';
    return used;
}

static void prefilter__same_hits_as_every_sentence(void **state)
{
    (void)state;
    char src[2048], text[4096];
    sl_tokens toks;
    sli_tokens_init(&toks);
    size_t compared = 0, nonempty = 0;
    for (int round = 0; round < 300; round++) {
        random_lexicon(src, sizeof src);
        sl_lexicon *lex = lex_from(src);
        sl_matcher *fast = NULL, *ref = NULL;
        sl_error err = {0};
        assert_int_equal(sli_matcher_new(&fast, lex, &err), SL_OK);
        assert_int_equal(sli_matcher_new(&ref, lex, &err), SL_OK);
        sli_matcher_set_prefilter(ref, 0);
        for (int k = 0; k < 20; k++) {
            size_t len = random_story(text, sizeof text);
            assert_int_equal(sli_tokenize(&toks, text, len), 0);
            const sl_hits *a, *b;
            assert_int_equal(sli_match(fast, text, &toks, "s", &a, &err), SL_OK);
            assert_int_equal(sli_match(ref, text, &toks, "s", &b, &err), SL_OK);
            if (!sli_hits_equal(a, b))
                fail_msg("round %d: %zu hits with the prefilter, %zu without\nlexicon:\n%s\n"
                         "story: %s",
                         round, a->n, b->n, src, text);
            compared++;
            nonempty += b->n > 0;
        }
        sli_matcher_free(fast);
        sli_matcher_free(ref);
        sl_lexicon_free(lex);
    }
    /* the comparison means something only if regexes did match */
    assert_true(nonempty > compared / 4);
    sli_tokens_free(&toks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(literals__hand_worked_patterns),
        cmocka_unit_test(literals__word_test_names_the_regexes_a_word_may_match),
        cmocka_unit_test(prefilter__same_hits_as_every_sentence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
