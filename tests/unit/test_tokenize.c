/*
 * test_tokenize.c - unit tests for tokenize.c: tokens and their folded
 * forms, byte offsets, invalid UTF-8, sentences and paragraphs. Expected
 * values are worked out by hand; every result is also checked against the
 * structural invariants of tokenize.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "text/tokenize.h"

#define MAXN 16

static const char *fold_of(const sl_tokens *t, size_t i)
{
    return t->fold + t->tok[i].fold_off;
}

/* Invariants every result must satisfy, whatever the text. */
static void check_invariants(const sl_tokens *t, size_t len)
{
    size_t next = 0;
    for (size_t s = 0; s < t->nsent; s++) {
        const sl_sentence *se = &t->sent[s];
        assert_true(se->ntokens > 0);
        assert_int_equal(se->first_token, next);
        assert_true(se->start <= se->end && se->end <= len);
        assert_true(se->paragraph < t->nparagraphs);
        assert_true(s == 0 || t->sent[s - 1].paragraph <= se->paragraph);
        for (size_t k = se->first_token; k < se->first_token + se->ntokens; k++) {
            assert_int_equal(t->tok[k].sentence, s);
            assert_int_equal(sli_token_paragraph(t, k), se->paragraph);
            assert_true(se->start <= t->tok[k].start);
            assert_true(t->tok[k].end <= se->end);
        }
        next = se->first_token + se->ntokens;
    }
    assert_int_equal(next, t->n);
    for (size_t k = 0; k < t->n; k++) {
        const sl_token *tk = &t->tok[k];
        assert_true(tk->start < tk->end && tk->end <= len);
        uint32_t flen = sli_token_fold_len(t, k);
        assert_true(flen <= 255);
        assert_true(tk->fold_off + flen < t->fold_len);
        assert_int_equal(strlen(fold_of(t, k)), flen);
        if (k > 0)
            assert_true(t->tok[k - 1].end <= tk->start);
    }
}

static void tokenize_ok(sl_tokens *t, const char *text, size_t len)
{
    assert_int_equal(sli_tokenize(t, text, len), 0);
    check_invariants(t, len);
}

/* ---- tokens: table-driven ---------------------------------------------- */

typedef struct token_case {
    const char *text;
    size_t len;                /* 0: strlen(text) */
    const char *folds[MAXN];   /* NULL-terminated */
    size_t invalid;
} token_case;

static void run_token_cases(const token_case *cases, size_t n)
{
    sl_tokens t;
    sli_tokens_init(&t);
    for (size_t c = 0; c < n; c++) {
        const token_case *tc = &cases[c];
        size_t len = tc->len ? tc->len : strlen(tc->text);
        tokenize_ok(&t, tc->text, len);
        size_t want = 0;
        while (tc->folds[want])
            want++;
        if (t.n != want)
            fail_msg("case %zu: %zu tokens, expected %zu", c, t.n, want);
        for (size_t k = 0; k < want; k++)
            assert_string_equal(fold_of(&t, k), tc->folds[k]);
        assert_int_equal(t.invalid_utf8, tc->invalid);
    }
    sli_tokens_free(&t);
}

#define RUN(cases) run_token_cases(cases, sizeof cases / sizeof cases[0])

/* After the last folded form come SL_FOLD_PAD zero bytes, whatever the
 * buffer held from a longer story before (the word cache reads 16 bytes
 * from each form's start). */
static void tokenize__fold_buffer_ends_in_zero_pad(void **state)
{
    (void)state;
    sl_tokens t;
    sli_tokens_init(&t);
    static const char *longer = "Supercalifragilistic expialidocious antidisestablishment";
    assert_int_equal(sli_tokenize(&t, longer, strlen(longer)), 0);
    static const char *texts[] = {"a", "Hi there.", "naïve CAFÉ", "x\n\ny z", ""};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        assert_int_equal(sli_tokenize(&t, texts[k], strlen(texts[k])), 0);
        if (t.n == 0)
            continue;
        const sl_token *last = &t.tok[t.n - 1];
        assert_int_equal(last->fold_off + strlen(t.fold + last->fold_off) + 1, t.fold_len);
        assert_true(t.fold_cap >= t.fold_len + SL_FOLD_PAD);
        for (size_t i = 0; i < SL_FOLD_PAD; i++)
            assert_int_equal(t.fold[t.fold_len + i], 0);
    }
    sli_tokens_free(&t);
}

static void tokenize__apostrophe_inside_word_kept(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"Carla's care plan", 0, {"carla's", "care", "plan", NULL}, 0},
        {"don't won't", 0, {"don't", "won't", NULL}, 0},
        {"carers' views", 0, {"carers", "views", NULL}, 0},
        {"'tis", 0, {"tis", NULL}, 0},
        {"a''b", 0, {"a", "b", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__curly_apostrophe_normalised(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"Carla\xe2\x80\x99s", 0, {"carla's", NULL}, 0},
        {"carers\xe2\x80\x99 home", 0, {"carers", "home", NULL}, 0},
        {"\xe2\x80\x98quoted\xe2\x80\x99", 0, {"quoted", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__hyphenated_word_one_token(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"person-centred care", 0, {"person-centred", "care", NULL}, 0},
        {"co\xe2\x80\x90produce", 0, {"co-produce", NULL}, 0},
        {"non\xe2\x80\x91stop", 0, {"non-stop", NULL}, 0},
        {"COVID-19", 0, {"covid-19", NULL}, 0},
        {"well--known", 0, {"well", "known", NULL}, 0},
        {"-x- y -", 0, {"x", "y", NULL}, 0},
        {"em\xe2\x80\x94" "dash", 0, {"em", "dash", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__letters_digits_and_marks_form_tokens(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"In 2023, 42 people", 0, {"in", "2023", "42", "people", NULL}, 0},
        {"a_b+c/d", 0, {"a", "b", "c", "d", NULL}, 0},
        /* Devanagari: vowel signs are Mc/Mn marks inside the word. */
        {"\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87", 0,
         {"\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87", NULL}, 0},
        /* A combining mark cannot start a token. */
        {"\xcc\x81" "abc", 0, {"abc", NULL}, 0},
        /* No-break space and ideographic space separate. */
        {"a\xc2\xa0" "b\xe3\x80\x80" "c", 0, {"a", "b", "c", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__case_folding_full_unicode(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"Caf\xc3\xa9 CAF\xc3\x89", 0, {"caf\xc3\xa9", "caf\xc3\xa9", NULL}, 0},
        {"STRASSE Stra\xc3\x9f" "e", 0, {"strasse", "strasse", NULL}, 0},
        /* Full folding maps every sigma to U+03C3, final or not. */
        {"\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91", 0,
         {"\xcf\x83\xce\xbf\xcf\x86\xce\xb9\xce\xb1", NULL}, 0},
        /* U+FB01 LATIN SMALL LIGATURE FI folds to "fi". */
        {"\xef\xac\x81ne", 0, {"fine", NULL}, 0},
        {"HELLO World", 0, {"hello", "world", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__decomposed_e_acute_composed(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"Cafe\xcc\x81", 0, {"caf\xc3\xa9", NULL}, 0},
        {"CAFE\xcc\x81", 0, {"caf\xc3\xa9", NULL}, 0},
        /* dot below (ccc 220) after dot above (ccc 230) is reordered, then
         * composed: s + U+0307 + U+0323 -> U+1E69. */
        {"s\xcc\x87\xcc\xa3", 0, {"\xe1\xb9\xa9", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__invalid_byte_breaks_token_and_is_counted(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"ab\xff" "cd", 0, {"ab", "cd", NULL}, 1},
        {"ab\xe2\x80", 0, {"ab", NULL}, 2},           /* truncated at end */
        {"ab\xe2\x80" "cd", 0, {"ab", "cd", NULL}, 2}, /* truncated mid-text */
        {"\xc0\xaf" "x", 0, {"x", NULL}, 2},           /* overlong '/' */
        {"a\xed\xa0\x80" "b", 0, {"a", "b", NULL}, 3}, /* surrogate U+D800 */
        {"a\xf4\x90\x80\x80" "b", 0, {"a", "b", NULL}, 4}, /* > U+10FFFF */
        {"\x80\x80", 0, {NULL}, 2},
        /* A joiner before an invalid byte is not kept. */
        {"a-\xff" "b", 0, {"a", "b", NULL}, 1},
    };
    RUN(cases);
}

static void tokenize__nul_byte_is_break(void **state)
{
    (void)state;
    static const token_case cases[] = {
        {"a\0b", 3, {"a", "b", NULL}, 0},
        {"\0\0word\0", 7, {"word", NULL}, 0},
    };
    RUN(cases);
}

static void tokenize__empty_text_no_tokens(void **state)
{
    (void)state;
    static const char *const texts[] = {"", "   \n\n\t ", "!!! ??? ...", "\0\0"};
    static const size_t lens[] = {0, 7, 11, 2};
    sl_tokens t;
    sli_tokens_init(&t);
    for (size_t i = 0; i < 4; i++) {
        tokenize_ok(&t, texts[i], lens[i]);
        assert_int_equal(t.n, 0);
        assert_int_equal(t.nsent, 0);
        assert_int_equal(t.nparagraphs, 0);
        assert_int_equal(t.fold_len, 0);
    }
    /* A NULL text of length 0 is fine too. */
    tokenize_ok(&t, NULL, 0);
    assert_int_equal(t.n, 0);
    sli_tokens_free(&t);
}

/* ---- offsets, caps, buffers -------------------------------------------- */

static void tokenize__byte_offsets_point_into_original(void **state)
{
    (void)state;
    const char *text = "  Caf\xc3\xa9 au-lait\xe2\x80\x99s\n";
    sl_tokens t;
    sli_tokens_init(&t);
    tokenize_ok(&t, text, strlen(text));
    assert_int_equal(t.n, 2);
    assert_int_equal(t.tok[0].start, 2);
    assert_int_equal(t.tok[0].end, 7);
    assert_int_equal(t.tok[1].start, 8);
    assert_int_equal(t.tok[1].end, 19);
    assert_string_equal(fold_of(&t, 1), "au-lait's");
    assert_int_equal(sli_token_fold_len(&t, 1), 9);
    assert_memory_equal(text + 8, "au-lait\xe2\x80\x99s", 11);
    sli_tokens_free(&t);
}

static void tokenize__long_token_fold_capped(void **state)
{
    (void)state;
    sl_tokens t;
    sli_tokens_init(&t);

    char ascii[302];
    memset(ascii, 'A', 300);
    ascii[300] = ' ';
    ascii[301] = 'b';
    tokenize_ok(&t, ascii, sizeof ascii);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.tok[0].start, 0);
    assert_int_equal(t.tok[0].end, 300);
    assert_int_equal(sli_token_fold_len(&t, 0), 255);
    for (size_t i = 0; i < 255; i++)
        assert_int_equal(fold_of(&t, 0)[i], 'a');
    assert_string_equal(fold_of(&t, 1), "b");

    /* 200 x U+00C9 (2 bytes each): the cap keeps 127 whole "é" = 254 bytes. */
    char wide[400];
    for (size_t i = 0; i < 200; i++)
        memcpy(wide + 2 * i, "\xc3\x89", 2);
    tokenize_ok(&t, wide, sizeof wide);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.tok[0].end, 400);
    assert_int_equal(sli_token_fold_len(&t, 0), 254);
    for (size_t i = 0; i < 127; i++)
        assert_memory_equal(fold_of(&t, 0) + 2 * i, "\xc3\xa9", 2);

    /* A very long run of marks stays one token and is still capped. */
    size_t n = 1 + 2 * 5000;
    char *marks = malloc(n);
    assert_non_null(marks);
    marks[0] = 'e';
    for (size_t i = 0; i < 5000; i++)
        memcpy(marks + 1 + 2 * i, "\xcc\x81", 2);
    tokenize_ok(&t, marks, n);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.tok[0].end, n);
    /* "é" (2 bytes) then U+0301 (2 bytes) each: 1 + 126 code points. */
    assert_int_equal(sli_token_fold_len(&t, 0), 254);
    free(marks);
    sli_tokens_free(&t);
}

static void tokenize__buffers_reused_across_calls(void **state)
{
    (void)state;
    size_t n = 20000;
    char *big = malloc(n);
    assert_non_null(big);
    for (size_t i = 0; i < n; i += 4)
        memcpy(big + i, i % 40 == 36 ? "ab. " : "Abc ", 4);

    sl_tokens t;
    sli_tokens_init(&t);
    tokenize_ok(&t, big, n);
    assert_int_equal(t.n, n / 4);
    assert_int_equal(t.nsent, n / 40);
    sl_token *tok = t.tok;
    char *fold = t.fold;
    sl_sentence *sent = t.sent;
    size_t cap = t.cap, fold_cap = t.fold_cap, sent_cap = t.sent_cap;
    assert_true(cap >= t.n && fold_cap >= t.fold_len && sent_cap >= t.nsent);

    tokenize_ok(&t, "x y", 3);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.nsent, 1);
    assert_int_equal(t.nparagraphs, 1);
    assert_int_equal(t.fold_len, 4);
    assert_string_equal(fold_of(&t, 1), "y");
    assert_int_equal(t.cap, cap);
    assert_int_equal(t.fold_cap, fold_cap);
    assert_int_equal(t.sent_cap, sent_cap);

    /* The same text again fits the kept buffers: no reallocation. */
    tokenize_ok(&t, big, n);
    assert_ptr_equal(t.tok, tok);
    assert_ptr_equal(t.fold, fold);
    assert_ptr_equal(t.sent, sent);
    assert_int_equal(t.n, n / 4);
    assert_string_equal(fold_of(&t, 9), "ab");
    free(big);
    sli_tokens_free(&t);
    assert_null(t.tok);
    assert_int_equal(t.n, 0);
}

static void tokenize__fold_matches_utf8proc_map(void **state)
{
    (void)state;
    static const char *const words[] = {
        "Caf\xc3\xa9", "Stra\xc3\x9f" "e", "\xce\xa3\xce\x9f\xce\xa6\xce\x99\xce\x91",
        "\xc4\xb0stanbul", "A\xcc\x8a" "ngstr\xc3\xb6m", "\xe1\x84\x80\xe1\x85\xa1", /* jamo -> 가 */
        "\xc7\x85" "emal", "\xef\xac\x81ne", "K\xe2\x84\xaa", "\xe1\xba\x9e" "x",
    };
    sl_tokens t;
    sli_tokens_init(&t);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        tokenize_ok(&t, words[i], strlen(words[i]));
        assert_int_equal(t.n, 1);
        utf8proc_uint8_t *want = NULL;
        utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)words[i], 0, &want,
                                          UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                              UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
        assert_true(r > 0);
        assert_string_equal(fold_of(&t, 0), (const char *)want);
        free(want);
    }
    sli_tokens_free(&t);
}

/* ---- sentences and paragraphs: table-driven ----------------------------- */

typedef struct sent_case {
    const char *text;
    const char *sents[MAXN];   /* expected sentence text, NULL-terminated */
    unsigned ntok[MAXN];       /* tokens in each */
    unsigned para[MAXN];       /* paragraph of each */
    size_t nparagraphs;
} sent_case;

static void run_sent_cases(const sent_case *cases, size_t n)
{
    sl_tokens t;
    sli_tokens_init(&t);
    for (size_t c = 0; c < n; c++) {
        const sent_case *sc = &cases[c];
        tokenize_ok(&t, sc->text, strlen(sc->text));
        size_t want = 0;
        while (sc->sents[want])
            want++;
        if (t.nsent != want)
            fail_msg("case %zu (%s): %zu sentences, expected %zu", c, sc->text, t.nsent, want);
        for (size_t s = 0; s < want; s++) {
            const sl_sentence *se = &t.sent[s];
            size_t sl = se->end - se->start;
            if (sl != strlen(sc->sents[s]) || memcmp(sc->text + se->start, sc->sents[s], sl))
                fail_msg("case %zu sentence %zu: \"%.*s\", expected \"%s\"", c, s, (int)sl,
                         sc->text + se->start, sc->sents[s]);
            assert_int_equal(se->ntokens, sc->ntok[s]);
            assert_int_equal(se->paragraph, sc->para[s]);
        }
        assert_int_equal(t.nparagraphs, sc->nparagraphs);
    }
    sli_tokens_free(&t);
}

#define RUNS(cases) run_sent_cases(cases, sizeof cases / sizeof cases[0])

static void tokenize__abbreviation_does_not_end_sentence(void **state)
{
    (void)state;
    static const sent_case cases[] = {
        {"Mr. Smith went home. He slept.",
         {"Mr. Smith went home.", "He slept.", NULL}, {4, 2}, {0, 0}, 1},
        {"Dr. Who and MRS. Jones met. Fine.",
         {"Dr. Who and MRS. Jones met.", "Fine.", NULL}, {6, 1}, {0, 0}, 1},
        {"Use e.g. a list, i.e. order. Done.",
         {"Use e.g. a list, i.e. order.", "Done.", NULL}, {8, 1}, {0, 0}, 1},
        {"Ref. No. 5 given. Ok.",
         {"Ref.", "No. 5 given.", "Ok.", NULL}, {1, 3, 1}, {0, 0, 0}, 1},
    };
    RUNS(cases);
}

static void tokenize__initial_does_not_end_sentence(void **state)
{
    (void)state;
    static const sent_case cases[] = {
        {"J. Smith met K. Jones. Then left.",
         {"J. Smith met K. Jones.", "Then left.", NULL}, {5, 2}, {0, 0}, 1},
        /* A single digit is not an initial. */
        {"Step 1. Next step.", {"Step 1.", "Next step.", NULL}, {2, 2}, {0, 0}, 1},
        /* Runs other than a single '.' always end the sentence. */
        {"Plan B... Then C?! Go.", {"Plan B...", "Then C?!", "Go.", NULL},
         {2, 2, 1}, {0, 0, 0}, 1},
    };
    RUNS(cases);
}

static void tokenize__decimal_does_not_end_sentence(void **state)
{
    (void)state;
    static const sent_case cases[] = {
        {"It cost 3.5 pounds. Fine.", {"It cost 3.5 pounds.", "Fine.", NULL},
         {5, 1}, {0, 0}, 1},
        {"See www.example.org now. Ok", {"See www.example.org now.", "Ok", NULL},
         {5, 1}, {0, 0}, 1},
    };
    RUNS(cases);
}

static void tokenize__question_and_exclamation_end_sentence(void **state)
{
    (void)state;
    static const sent_case cases[] = {
        {"Really? Yes! Good... ok", {"Really?", "Yes!", "Good...", "ok", NULL},
         {1, 1, 1, 1}, {0, 0, 0, 0}, 1},
        {"Wait?!  Now.", {"Wait?!", "Now.", NULL}, {1, 1}, {0, 0}, 1},
        {"So\xe2\x80\xa6 then", {"So\xe2\x80\xa6", "then", NULL}, {1, 1}, {0, 0}, 1},
        /* A terminator with no token before it is no sentence. */
        {"...  Hello. ?! Bye", {"Hello.", "Bye", NULL}, {1, 1}, {0, 0}, 1},
        {"No end", {"No end", NULL}, {2}, {0}, 1},
    };
    RUNS(cases);
}

static void tokenize__closing_quote_stays_with_sentence(void **state)
{
    (void)state;
    static const sent_case cases[] = {
        {"She said \"stop.\" Then left.", {"She said \"stop.\"", "Then left.", NULL},
         {3, 2}, {0, 0}, 1},
        {"\xe2\x80\x9cHelp!\xe2\x80\x9d she said.",
         {"\xe2\x80\x9cHelp!\xe2\x80\x9d", "she said.", NULL}, {1, 2}, {0, 0}, 1},
        {"(It worked.) Good", {"(It worked.)", "Good", NULL}, {2, 1}, {0, 0}, 1},
        {"'Fine.' ok", {"'Fine.'", "ok", NULL}, {1, 1}, {0, 0}, 1},
        {"Done.\xe2\x80\x99 x", {"Done.\xe2\x80\x99", "x", NULL}, {1, 1}, {0, 0}, 1},
        /* Closers followed by a non-space do not end it. */
        {"a.\"b c", {"a.\"b c", NULL}, {3}, {0}, 1},
    };
    RUNS(cases);
}

static void tokenize__blank_line_ends_paragraph(void **state)
{
    (void)state;
    static const sent_case cases[] = {
        {"One two.\n\nThree", {"One two.", "Three", NULL}, {2, 1}, {0, 1}, 2},
        {"One two\n\nThree", {"One two", "Three", NULL}, {2, 1}, {0, 1}, 2},
        {"One\r\n\r\nTwo", {"One", "Two", NULL}, {1, 1}, {0, 1}, 2},
        {"One\n  \t\r\nTwo", {"One", "Two", NULL}, {1, 1}, {0, 1}, 2},
        /* A single line break neither ends the sentence nor the paragraph. */
        {"One\nTwo", {"One\nTwo", NULL}, {2}, {0}, 1},
        {"One\r\nTwo", {"One\r\nTwo", NULL}, {2}, {0}, 1},
        /* Only paragraphs holding tokens are numbered. */
        {"\n\n\nOne\n\n\n\n...\n\n  Two  \n\n", {"One", "Two", NULL}, {1, 1}, {0, 1}, 2},
        /* U+2029 PARAGRAPH SEPARATOR is a break on its own. */
        {"A b\xe2\x80\xa9" "C", {"A b", "C", NULL}, {2, 1}, {0, 1}, 2},
        /* Single letters read as initials, so "x." does not end it. */
        {"x. y.\n\nz", {"x. y.", "z", NULL}, {2, 1}, {0, 1}, 2},
        {"Go now.\n\nBye.", {"Go now.", "Bye.", NULL}, {2, 1}, {0, 1}, 2},
    };
    RUNS(cases);
}

/* Any bytes are accepted: random mixes of ASCII, UTF-8 pieces, breaks and
 * junk must always satisfy the invariants. */
static void tokenize__random_bytes_keep_invariants(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "a", "Z", "7", " ", "\n", "\r\n", ".", "?", "!", "'", "-", "\"", ")",
        "\xe2\x80\x99", "\xe2\x80\x9d", "\xe2\x80\xa6", "\xcc\x81", "\xc3\x89",
        "\xff", "\xe2\x80", "\xf0\x9f\x98\x80", "Mr", "\xe2\x80\xa9", "", "\t",
    };
    const size_t np = sizeof pieces / sizeof pieces[0];
    char buf[600];
    uint32_t seed = 12345;
    sl_tokens t;
    sli_tokens_init(&t);
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        while (len < sizeof buf - 8) {
            seed = seed * 1103515245u + 12345u;
            uint32_t r = seed >> 16;
            if (r % 97 == 0)
                break;
            const char *p = pieces[r % np];
            size_t pl = strlen(p);
            if (r % np == np - 2)
                pl = 1; /* a NUL byte */
            memcpy(buf + len, p, pl);
            len += pl;
        }
        tokenize_ok(&t, buf, len);
    }
    sli_tokens_free(&t);
}

/* The ASCII fast paths (sixteen and eight bytes at a time) against the rule itself,
 * written out plainly: on ASCII text a token is a maximal run of letters
 * and digits, where one ' or - between two of them joins; its fold is the
 * run lower-cased, cut at 255 bytes. Random texts mix short and long
 * words (past 8 and past 255 bytes), every case and the joiners. */
static void tokenize__ascii_words_match_the_plain_rule(void **state)
{
    (void)state;
    static const char alphabet[] = "abcxyzABCXYZ0189'-. ,!?\n@[`{/:";
    static char text[2000];
    sl_tokens t;
    sli_tokens_init(&t);
    uint64_t seed = 7;
    for (int round = 0; round < 3000; round++) {
        size_t len = 0, want = (size_t)(round % 97) * (round % 7 == 0 ? 19 : 1);
        while (len < want && len < sizeof text) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            unsigned r = (unsigned)(seed >> 33);
            /* mostly letters, so that long words occur */
            char c = r % 4 ? alphabet[r % 12] : alphabet[r % (sizeof alphabet - 1)];
            text[len++] = c;
        }
        assert_int_equal(sli_tokenize(&t, text, len), 0);
        size_t n = 0;
        for (size_t i = 0; i < len;) {
            if (!isalnum((unsigned char)text[i])) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < len && (isalnum((unsigned char)text[j]) ||
                               ((text[j] == '\'' || text[j] == '-') && j + 1 < len &&
                                isalnum((unsigned char)text[j + 1]))))
                j++;
            if (n >= t.n)
                fail_msg("round %d: fewer tokens than the rule gives", round);
            const sl_token *k = &t.tok[n++];
            char fold[256];
            size_t flen = j - i < 255 ? j - i : 255;
            for (size_t x = 0; x < flen; x++)
                fold[x] = (char)tolower((unsigned char)text[i + x]);
            if (k->start != i || k->end != j || sli_token_fold_len(&t, n - 1) != flen ||
                memcmp(t.fold + k->fold_off, fold, flen) != 0 || t.fold[k->fold_off + flen])
                fail_msg("round %d: token %zu is [%zu,%zu) \"%s\", expected [%zu,%zu)", round,
                         n - 1, k->start, k->end, t.fold + k->fold_off, i, j);
            i = j;
        }
        assert_int_equal(t.n, n);
    }
    sli_tokens_free(&t);
}

/* A token is 16 bytes (a huge story's tokens are most of its memory), so
 * its offsets are 32-bit: a longer text is refused (-2) before a byte of
 * it is read, and leaves no tokens. */
static void tokenize__token_is_16_bytes_and_long_text_refused(void **state)
{
    (void)state;
    assert_int_equal(sizeof(sl_token), 16);
    assert_int_equal(sizeof(sl_sentence), 20);
    sl_tokens t;
    sli_tokens_init(&t);
    assert_int_equal(sli_tokenize(&t, "one two.", 8), 0);
    assert_int_equal(t.n, 2);
    if (SIZE_MAX > SL_TEXT_MAX) {
        assert_int_equal(sli_tokenize(&t, "one two.", SL_TEXT_MAX + 1), -2);
        assert_int_equal(t.n, 0);
        assert_int_equal(t.nsent, 0);
    }
    sli_tokens_free(&t);
}

/* A huge text's arrays grow to what the share read so far says the whole
 * text needs, not by doubling: the unused part of a doubled block is what
 * fails first under an address-space cap (issue 18). 5.4 MB of one
 * 9-byte sentence, "Ab cdef. ": 1,200,000 tokens, 600,000 sentences and
 * 8 bytes of folded forms a sentence ("ab" and "cdef" with their NULs),
 * each a little past a power of two, where doubling leaves most unused;
 * extrapolation asks a sixteenth more, and at least an eighth at a time
 * when it falls short. */
static void tokenize__huge_text_grows_to_its_estimate(void **state)
{
    (void)state;
    const size_t reps = 600000, len = 9 * reps;
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + 9 * i, "Ab cdef. ", 9);
    sl_tokens t;
    sli_tokens_init(&t);
    assert_int_equal(sli_tokenize(&t, text, len), 0);
    assert_int_equal(t.n, 2 * reps);
    assert_int_equal(t.nsent, reps);
    assert_int_equal(t.fold_len, 8 * reps);
    assert_true(t.cap >= t.n && t.cap <= t.n + t.n / 8);
    assert_true(t.fold_cap >= t.fold_len + SL_FOLD_PAD &&
                t.fold_cap <= t.fold_len + t.fold_len / 8);
    assert_true(t.sent_cap >= t.nsent && t.sent_cap <= t.nsent + t.nsent / 8);
    check_invariants(&t, len);
    sli_tokens_free(&t);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokenize__fold_buffer_ends_in_zero_pad),
        cmocka_unit_test(tokenize__apostrophe_inside_word_kept),
        cmocka_unit_test(tokenize__curly_apostrophe_normalised),
        cmocka_unit_test(tokenize__hyphenated_word_one_token),
        cmocka_unit_test(tokenize__letters_digits_and_marks_form_tokens),
        cmocka_unit_test(tokenize__case_folding_full_unicode),
        cmocka_unit_test(tokenize__decomposed_e_acute_composed),
        cmocka_unit_test(tokenize__invalid_byte_breaks_token_and_is_counted),
        cmocka_unit_test(tokenize__nul_byte_is_break),
        cmocka_unit_test(tokenize__empty_text_no_tokens),
        cmocka_unit_test(tokenize__byte_offsets_point_into_original),
        cmocka_unit_test(tokenize__long_token_fold_capped),
        cmocka_unit_test(tokenize__buffers_reused_across_calls),
        cmocka_unit_test(tokenize__fold_matches_utf8proc_map),
        cmocka_unit_test(tokenize__abbreviation_does_not_end_sentence),
        cmocka_unit_test(tokenize__initial_does_not_end_sentence),
        cmocka_unit_test(tokenize__decimal_does_not_end_sentence),
        cmocka_unit_test(tokenize__question_and_exclamation_end_sentence),
        cmocka_unit_test(tokenize__closing_quote_stays_with_sentence),
        cmocka_unit_test(tokenize__blank_line_ends_paragraph),
        cmocka_unit_test(tokenize__random_bytes_keep_invariants),
        cmocka_unit_test(tokenize__ascii_words_match_the_plain_rule),
        cmocka_unit_test(tokenize__token_is_16_bytes_and_long_text_refused),
        cmocka_unit_test(tokenize__huge_text_grows_to_its_estimate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
