/*
 * test_stem.c - unit tests for stem.c: Snowball english stems, the word
 * cache (one record per word, growth, trim), words too long to stem and
 * unknown languages. Expected stems are worked out by hand with the
 * Snowball english algorithm (R1/R2 regions, steps 0-5 and its exception
 * list), never copied from the library's output.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/stem.h"

static sl_stem_cache *english(void)
{
    sl_stem_cache *c = NULL;
    sl_error err;
    assert_int_equal(sli_stem_cache_new(&c, "english", &err), SL_OK);
    assert_non_null(c);
    return c;
}

static const char *lookup_stem(sl_stem_cache *c, const char *word)
{
    sl_word *w = sli_stem_lookup(c, word, strlen(word));
    assert_non_null(w);
    const char *s = sli_word_stem(c, w);
    assert_int_equal(strlen(s), sli_word_stem_len(c, w));
    return s;
}

typedef struct stem_case {
    const char *word, *stem;
} stem_case;

/* Hand-worked Snowball english stems. */
static const stem_case english_cases[] = {
    {"lonely", "lone"},        /* 1c y->i, 2 li after e, 5 keeps e after short "lon" */
    {"isolation", "isol"},     /* 2 ation->ate, 4 ate in R2 */
    {"isolated", "isol"},      /* 1b ed, add e after at, 4 ate in R2 */
    {"confidence", "confid"},  /* 4 ence in R2 */
    {"loneliness", "loneli"},  /* 3 ness in R1 */
    {"socially", "social"},    /* 1c y->i, 2 alli->al; al not in R2 */
    {"running", "run"},        /* 1b ing, undouble nn */
    {"caresses", "caress"},    /* 1a sses->ss */
    {"lone", "lone"},
    {"skies", "sky"},          /* exception list */
    {"dying", "die"},          /* exception list */
    {"news", "news"},          /* exception list: invariant */
    {"home", "home"},
    {"stay", "stay"},          /* y after a vowel stays */
    {"", ""},
};

static void stem__english_stems(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    for (size_t i = 0; i < sizeof english_cases / sizeof english_cases[0]; i++) {
        const stem_case *sc = &english_cases[i];
        const char *got = lookup_stem(c, sc->word);
        if (strcmp(got, sc->stem) != 0)
            fail_msg("\"%s\": stem \"%s\", expected \"%s\"", sc->word, got, sc->stem);
    }
    sli_stem_cache_free(c);
}

static void stem__once_agrees_with_lookup_and_caches_nothing(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    char buf[64];
    for (size_t i = 0; i < sizeof english_cases / sizeof english_cases[0]; i++) {
        const stem_case *sc = &english_cases[i];
        int n = sli_stem_once(c, sc->word, strlen(sc->word), buf, sizeof buf);
        assert_int_equal(n, (int)strlen(sc->stem));
        assert_string_equal(buf, sc->stem);
    }
    assert_int_equal(sli_stem_cache_size(c), 0);
    /* Too small a buffer: "lone" needs 5 bytes with its NUL. */
    assert_int_equal(sli_stem_once(c, "lonely", 6, buf, 4), -1);
    assert_int_equal(sli_stem_once(c, "lonely", 6, buf, 5), 4);
    assert_string_equal(buf, "lone");
    sli_stem_cache_free(c);
}

static void stem__cache_returns_same_record_for_same_word(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    sl_word *a = sli_stem_lookup(c, "lonely", 6);
    assert_non_null(a);
    assert_int_equal(a->ann[0], 0);
    assert_int_equal(a->ann[1], 0);
    assert_int_equal(sli_stem_cache_size(c), 1);
    a->ann[0] = 17; /* what match does */
    sl_word *b = sli_stem_lookup(c, "lonely", 6);
    assert_ptr_equal(b, a);
    assert_int_equal(b->ann[0], 17);
    assert_int_equal(b->ann[1], 0);
    assert_int_equal(sli_stem_cache_size(c), 1);

    /* A different word with the same stem is its own record. */
    sl_word *d = sli_stem_lookup(c, "lone", 4);
    assert_ptr_not_equal(d, a);
    assert_int_equal(d->ann[0], 0);
    assert_int_equal(sli_stem_cache_size(c), 2);
    assert_string_equal(sli_word_stem(c, d), "lone");
    /* The key is the length given, not up to a NUL. */
    sl_word *e = sli_stem_lookup(c, "lonelyXYZ", 6);
    assert_ptr_equal(e, sli_stem_lookup(c, "lonely", 6));
    assert_int_equal(sli_stem_cache_size(c), 2);
    sli_stem_cache_free(c);
}

static void stem__cache_growth_keeps_every_word(void **state)
{
    (void)state;
    enum { N = 5000 };
    sl_stem_cache *c = english();
    char word[32], want[64];
    for (int i = 0; i < N; i++) {
        snprintf(word, sizeof word, "talk%dings", i); /* 1a s, then 1b ing */
        assert_non_null(sli_stem_lookup(c, word, strlen(word)));
    }
    assert_int_equal(sli_stem_cache_size(c), N);
    for (int i = 0; i < N; i++) {
        snprintf(word, sizeof word, "talk%dings", i);
        snprintf(want, sizeof want, "talk%d", i);
        const char *got = lookup_stem(c, word);
        if (strcmp(got, want) != 0)
            fail_msg("\"%s\": stem \"%s\", expected \"%s\"", word, got, want);
        /* the padded lookup finds the same record, and lookups of known
         * words leave the epoch (and so every record's place) alone;
         * word[] has the 16 readable bytes the padded lookup wants */
        uint64_t epoch = sli_stem_cache_epoch(c);
        sl_word *w = sli_stem_lookup(c, word, strlen(word));
        assert_non_null(w);
        assert_ptr_equal(sli_stem_lookup_padded(c, word, strlen(word)), w);
        assert_int_equal(sli_stem_cache_epoch(c), epoch);
    }
    assert_int_equal(sli_stem_cache_size(c), N);
    /* a new word through the padded lookup */
    static const char newcomer[16] = "newcomer";
    sl_word *w = sli_stem_lookup_padded(c, newcomer, 8);
    assert_non_null(w);
    assert_ptr_equal(sli_stem_lookup(c, newcomer, 8), w);
    assert_int_equal(sli_stem_cache_size(c), N + 1);
    sli_stem_cache_free(c);
}

static void stem__trim_empties_cache_over_limit(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    static const char *const words[] = {"lonely", "isolation", "confidence"};
    for (size_t i = 0; i < 3; i++)
        assert_non_null(sli_stem_lookup(c, words[i], strlen(words[i])));
    assert_int_equal(sli_stem_cache_size(c), 3);
    assert_int_equal(sli_stem_cache_trim(c, 3), 0); /* not over the limit */
    assert_int_equal(sli_stem_cache_size(c), 3);
    assert_int_equal(sli_stem_cache_trim(c, 100), 0);
    assert_int_equal(sli_stem_cache_trim(c, 2), 1);
    assert_int_equal(sli_stem_cache_size(c), 0);
    assert_int_equal(sli_stem_cache_trim(c, 0), 0); /* empty: nothing to do */

    /* Usable afterwards: fresh records, right stems. */
    sl_word *w = sli_stem_lookup(c, "confidence", 10);
    assert_non_null(w);
    assert_int_equal(w->ann[0], 0);
    assert_string_equal(sli_word_stem(c, w), "confid");
    assert_string_equal(lookup_stem(c, "lonely"), "lone");
    assert_int_equal(sli_stem_cache_size(c), 2);
    sli_stem_cache_free(c);
}

/* The cache keeps a word's first 16 bytes inline and the rest apart: words
 * that agree on those 16 bytes, differ only in length or only by a NUL byte
 * must still be different records, and each must find its own record again
 * after the table has grown past them. */
static void stem__cache_tells_apart_words_alike_in_their_first_bytes(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    static const char *const words[] = {
        "", "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghi",
        "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr",
        "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456788",
        "zbcdefghijklmnop", "abcdefghijklmnoq", "abced", "abcdefh", "acb", "ba",
    };
    enum { N = sizeof words / sizeof words[0] };
    sl_word *first[N + 1];
    for (size_t i = 0; i < N; i++) {
        first[i] = sli_stem_lookup(c, words[i], strlen(words[i]));
        assert_non_null(first[i]);
        first[i]->ann[0] = (uint32_t)i + 100; /* a mark to find it by */
    }
    /* "ab" and "ab\0": the same bytes up to a NUL, different lengths */
    sl_word *nul = sli_stem_lookup(c, "ab\0", 3);
    assert_non_null(nul);
    nul->ann[0] = 999;
    assert_int_equal(sli_stem_cache_size(c), N + 1);
    char word[32];
    for (int i = 0; i < 3000; i++) { /* grow the table several times */
        snprintf(word, sizeof word, "filler%d", i);
        assert_non_null(sli_stem_lookup(c, word, strlen(word)));
    }
    for (size_t i = 0; i < N; i++) {
        sl_word *w = sli_stem_lookup(c, words[i], strlen(words[i]));
        if (w->ann[0] != i + 100)
            fail_msg("\"%s\" found the record of another word (mark %u)", words[i],
                     (unsigned)w->ann[0]);
    }
    assert_int_equal(sli_stem_lookup(c, "ab\0", 3)->ann[0], 999);
    assert_int_equal(sli_stem_cache_size(c), N + 1 + 3000);
    assert_string_equal(sli_word_stem(c, sli_stem_lookup(c, "abcdefghijklmnopq", 17)),
                        "abcdefghijklmnopq");
    sli_stem_cache_free(c);
}

static void stem__words_over_max_are_their_own_stem(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    char word[SL_STEM_MAX_WORD + 64];
    char buf[SL_STEM_MAX_WORD + 64];

    /* SL_STEM_MAX_WORD bytes: still stemmed. 252 "a" + "ing": 1b drops
     * "ing" (a vowel precedes it); "aa" is not a double to undo. */
    memset(word, 'a', SL_STEM_MAX_WORD - 3);
    memcpy(word + SL_STEM_MAX_WORD - 3, "ing", 3);
    sl_word *w = sli_stem_lookup(c, word, SL_STEM_MAX_WORD);
    assert_non_null(w);
    assert_int_equal(sli_word_stem_len(c, w), SL_STEM_MAX_WORD - 3);
    assert_int_equal(sli_stem_once(c, word, SL_STEM_MAX_WORD, buf, sizeof buf),
                     SL_STEM_MAX_WORD - 3);

    /* One byte more: not stemmed, the stem is the word. */
    memset(word, 'a', SL_STEM_MAX_WORD - 2);
    memcpy(word + SL_STEM_MAX_WORD - 2, "ing", 3);
    const size_t len = SL_STEM_MAX_WORD + 1;
    w = sli_stem_lookup(c, word, len);
    assert_non_null(w);
    assert_int_equal(sli_word_stem_len(c, w), len);
    const char *s = sli_word_stem(c, w);
    assert_memory_equal(s, word, len);
    assert_int_equal(s[len], '\0');
    assert_int_equal(sli_stem_once(c, word, len, buf, sizeof buf), (int)len);
    assert_memory_equal(buf, word, len);
    assert_int_equal(sli_stem_once(c, word, len, buf, len), -1); /* no room for the NUL */
    sli_stem_cache_free(c);
}

/* The padded lookup reads 16 bytes and masks off those past the word: for
 * every length from 0 to 40, with other bytes after the word, it finds the
 * record the plain lookup made, and the reverse. */
static void stem__padded_lookup_finds_what_plain_lookup_finds(void **state)
{
    (void)state;
    sl_stem_cache *c = english();
    char buf[64 + 16];
    for (size_t len = 0; len <= 40; len++) {
        for (size_t i = 0; i < sizeof buf; i++)
            buf[i] = (char)('a' + (i * 7 + len) % 26); /* the word, then more letters */
        sl_word *w1, *w2;
        if (len % 2) { /* odd lengths made plain first, even ones padded first */
            w1 = sli_stem_lookup(c, buf, len);
            w2 = sli_stem_lookup_padded(c, buf, len);
        } else {
            w2 = sli_stem_lookup_padded(c, buf, len);
            w1 = sli_stem_lookup(c, buf, len);
        }
        assert_non_null(w1);
        assert_ptr_equal(w1, w2);
        assert_int_equal(sli_stem_cache_size(c), len + 1);
        /* the bytes past the word are not part of it */
        buf[len] = (char)(buf[len] == 'q' ? 'r' : 'q');
        assert_ptr_equal(sli_stem_lookup_padded(c, buf, len), w1);
    }
    sli_stem_cache_free(c);
}

static void stem__unknown_language_lists_languages(void **state)
{
    (void)state;
    sl_stem_cache *c = (sl_stem_cache *)&c;
    sl_error err;
    assert_int_equal(sli_stem_cache_new(&c, "klingon", &err), SL_EUSAGE);
    assert_null(c);
    assert_int_equal(err.code, SL_EUSAGE);

    /* Every libstemmer algorithm, in its order, comma-separated. */
    char want[SL_ERROR_TEXT];
    size_t n = (size_t)snprintf(want, sizeof want, "unknown language \"klingon\"; use one of: ");
    for (const char **l = sb_stemmer_list(); *l; l++)
        n += (size_t)snprintf(want + n, sizeof want - n, "%s%s", l == sb_stemmer_list() ? "" : ", ",
                              *l);
    assert_true(n < sizeof want);
    assert_string_equal(err.text, want);
    assert_non_null(strstr(err.text, "english"));

    /* err may be NULL. */
    assert_int_equal(sli_stem_cache_new(&c, "", NULL), SL_EUSAGE);
    assert_null(c);
}

static void stem__null_language_is_english_and_others_work(void **state)
{
    (void)state;
    sl_stem_cache *c = NULL;
    sl_error err;
    assert_int_equal(sli_stem_cache_new(&c, NULL, &err), SL_OK);
    assert_string_equal(lookup_stem(c, "isolation"), "isol");
    sli_stem_cache_free(c);

    /* Porter's original algorithm has no exception list: "dying" loses
     * "ing" (y after a consonant is a vowel) and "skies" becomes "ski". */
    assert_int_equal(sli_stem_cache_new(&c, "porter", &err), SL_OK);
    assert_string_equal(lookup_stem(c, "dying"), "dy");
    assert_string_equal(lookup_stem(c, "skies"), "ski");
    sli_stem_cache_free(c);
    sli_stem_cache_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stem__english_stems),
        cmocka_unit_test(stem__once_agrees_with_lookup_and_caches_nothing),
        cmocka_unit_test(stem__cache_returns_same_record_for_same_word),
        cmocka_unit_test(stem__cache_growth_keeps_every_word),
        cmocka_unit_test(stem__trim_empties_cache_over_limit),
        cmocka_unit_test(stem__cache_tells_apart_words_alike_in_their_first_bytes),
        cmocka_unit_test(stem__words_over_max_are_their_own_stem),
        cmocka_unit_test(stem__padded_lookup_finds_what_plain_lookup_finds),
        cmocka_unit_test(stem__unknown_language_lists_languages),
        cmocka_unit_test(stem__null_language_is_english_and_others_work),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
