/*
 * test_match.c - unit tests for match.c: which theme hits a story yields.
 *
 * Each case loads a small lexicon from a temporary .lex file, tokenises a
 * story and runs sli_match(); the expected hit counts (per theme, and per
 * entry within the entry's own theme) are worked out by hand from the rules
 * in match.h and lexicon.h. Every result is also checked against the
 * structural promises of match.h (theme order, no overlap within a theme).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon/lexicon.h"
#include "match/match.h"
#include "text/tokenize.h"

#define MAXW 8

/* Stories and lexicons several tables share. */
#define FELT_LONELY "She felt lonely and very lonely." /* she0 felt1 lonely2 and3 very4 lonely5 */
#define NOT_LONELY "She was not lonely."
#define STAY_HOME "[home]\n\"stay ~3 home\"\n"

/* ---- helpers ------------------------------------------------------------ */

static uint32_t theme_index(const sl_lexicon *lex, const char *name)
{
    for (size_t t = 0; t < lex->nthemes; t++)
        if (strcmp(lex->themes[t].name, name) == 0)
            return (uint32_t)t;
    fail_msg("no theme [%s]", name);
    return 0;
}

static uint32_t entry_index(const sl_lexicon *lex, uint32_t theme, const char *source)
{
    for (size_t e = 0; e < lex->nentries; e++)
        if (lex->entries[e].theme == theme && strcmp(lex->entries[e].source, source) == 0)
            return (uint32_t)e;
    fail_msg("no entry %s in [%s]", source, lex->themes[theme].name);
    return 0;
}

/* What match.h promises of every result. */
static void check_hits(const sl_lexicon *lex, const sl_tokens *toks, const sl_hits *h)
{
    for (size_t i = 0; i < h->n; i++) {
        const sl_hit *x = &h->h[i];
        assert_true(x->theme < lex->nthemes);
        assert_true(x->entry < lex->nentries);
        assert_false(lex->entries[x->entry].exclusion);
        assert_true(x->start < x->end && x->end <= toks->n);
        /* the entry belongs to the theme or to one of its descendants */
        int32_t t = (int32_t)lex->entries[x->entry].theme;
        while (t >= 0 && (uint32_t)t != x->theme)
            t = lex->themes[t].parent;
        assert_true(t >= 0);
        if (i > 0) {
            const sl_hit *p = &h->h[i - 1];
            assert_true(p->theme <= x->theme);
            if (p->theme == x->theme)
                assert_true(p->end <= x->start); /* ordered and never overlapping */
        }
    }
}

typedef struct matched {
    sl_lexicon *lex;
    sl_matcher *m;
    sl_tokens toks;
    const sl_hits *hits;
} matched;

static void match_text(matched *r, const char *lexsrc, const char *text)
{
    memset(r, 0, sizeof *r);
    r->lex = lex_from(lexsrc);
    sl_error err = {0};
    assert_int_equal(sli_matcher_new(&r->m, r->lex, &err), SL_OK);
    sli_tokens_init(&r->toks);
    assert_int_equal(sli_tokenize(&r->toks, text, strlen(text)), 0);
    assert_int_equal(sli_match(r->m, text, &r->toks, "test", &r->hits, &err), SL_OK);
    check_hits(r->lex, &r->toks, r->hits);
}

static void matched_free(matched *r)
{
    sli_tokens_free(&r->toks);
    sli_matcher_free(r->m);
    sl_lexicon_free(r->lex);
}

static unsigned theme_hits(const matched *r, const char *theme)
{
    uint32_t t = theme_index(r->lex, theme);
    unsigned n = 0;
    for (size_t i = 0; i < r->hits->n; i++)
        n += r->hits->h[i].theme == t;
    return n;
}

/* Hits of an entry counted in its own theme (what .entries[E] reports). */
static unsigned entry_hits(const matched *r, const char *theme, const char *source)
{
    uint32_t t = theme_index(r->lex, theme), e = entry_index(r->lex, t, source);
    unsigned n = 0;
    for (size_t i = 0; i < r->hits->n; i++)
        n += r->hits->h[i].theme == t && r->hits->h[i].entry == e;
    return n;
}

/* ---- table-driven cases ------------------------------------------------- */

typedef struct want {
    const char *theme;
    const char *entry; /* NULL: the theme's total */
    unsigned hits;
} want;

typedef struct match_case {
    const char *lex;
    const char *text;
    want w[MAXW]; /* ends at theme == NULL */
} match_case;

static void run_match_cases(const match_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        const match_case *mc = &cases[c];
        matched r;
        match_text(&r, mc->lex, mc->text);
        for (size_t k = 0; k < MAXW && mc->w[k].theme; k++) {
            const want *w = &mc->w[k];
            unsigned got = w->entry ? entry_hits(&r, w->theme, w->entry)
                                    : theme_hits(&r, w->theme);
            if (got != w->hits)
                fail_msg("case %zu (\"%s\"): [%s]%s%s has %u hits, expected %u", c, mc->text,
                         w->theme, w->entry ? " entry " : "", w->entry ? w->entry : "", got,
                         w->hits);
        }
        matched_free(&r);
    }
}

#define RUN(cases) run_match_cases(cases, sizeof cases / sizeof cases[0])

static void match__stem_entry_matches_inflections(void **state)
{
    (void)state;
    static const match_case cases[] = {
        /* caring, cares, cared all stem to "care"; "carer" stays "carer" */
        {"[care]\ncaring\n", "She cares, he cared, they are caring for the carer.",
         {{"care", NULL, 3}, {"care", "caring", 3}}},
        /* the Snowball stem of "lonely" is "lone"; "loneliness" is "loneli" */
        {"[iso]\nlonely\n", "Lonely, a lone parent; loneliness.", {{"iso", NULL, 2}}},
        {"[iso]\nlonely\n", "She felt lonely and very lonely.", {{"iso", NULL, 2}}},
    };
    RUN(cases);
}

static void match__prefix_entry_matches_word_starts(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[iso]\nisolat*\n",
         "Isolated and isolating in isolation; isolat. Self-isolating is one word, isola is "
         "short.",
         {{"iso", NULL, 4}, {"iso", "isolat*", 4}}},
    };
    RUN(cases);
}

static void match__exact_entry_matches_the_folded_word_only(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[iso]\n=lonely\n", "LONELY lonely Lonely loneliness lone lonelier", {{"iso", NULL, 3}}},
        /* full Unicode case folding: sharp s folds to "ss", in entries and text alike */
        {"[s]\n=stra\xc3\x9f" "e\n", "STRASSE Stra\xc3\x9f" "e strasse strase", {{"s", NULL, 3}}},
        /* the curly apostrophe is normalised to ' */
        {"[d]\n=don't\n", "I DON\xe2\x80\x99T know, don't ask, dont.", {{"d", NULL, 2}}},
        {"[d]\n=don\xe2\x80\x99t\n", "I don't know.", {{"d", NULL, 1}}},
    };
    RUN(cases);
}

static void match__hyphenated_word_is_one_token(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[pc]\n=person-centred\n", "Person-centred care, person centred care.",
         {{"pc", NULL, 1}}},
        {"[c]\ncentred\n", "Person-centred care.", {{"c", NULL, 0}}},
        {"[c]\ncentred\n", "Person centred care.", {{"c", NULL, 1}}},
    };
    RUN(cases);
}

static void match__phrase_needs_consecutive_tokens_in_one_sentence(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[iso]\n\"very lonely\"\n", "Very lonely. Very, very lonely. Very much lonely.",
         {{"iso", NULL, 2}}},
        /* a sentence boundary between the words */
        {"[iso]\n\"very lonely\"\n", "I was very. Lonely days followed.", {{"iso", NULL, 0}}},
        {"[iso]\n\"very lonely\"\n", "Was it very? Lonely, yes.", {{"iso", NULL, 0}}},
        /* a paragraph break ends the sentence too */
        {"[iso]\n\"very lonely\"\n", "very\n\nlonely", {{"iso", NULL, 0}}},
        /* the words of a phrase are stems too */
        {"[iso]\n\"feel alone\"\n", "She felt alone; he feels alone.", {{"iso", NULL, 1}}},
    };
    RUN(cases);
}

static void match__gap_allows_up_to_n_tokens_between(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {STAY_HOME, "We stay home.", {{"home", NULL, 1}}},
        {STAY_HOME, "I stayed at my own home.", {{"home", NULL, 1}}},        /* 3 between */
        {STAY_HOME, "I stay at my very own home.", {{"home", NULL, 0}}},     /* 4 between */
        {STAY_HOME, "Stay. Home now.", {{"home", NULL, 0}}},                 /* two sentences */
        {STAY_HOME, "Stay at home and stay in my home.", {{"home", NULL, 2}}},
        {"[home]\n\"stay ~0 home\"\n", "stay home, stay at home", {{"home", NULL, 1}}},
    };
    RUN(cases);
}

/* Phrases of three and four words: every atom after the second is
 * checked too, each with its own gap. Counted by hand. */
static void match__longer_phrases_match_every_word(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[x]\n\"cut off from\"\n", "Cut off from friends; cut off again.", {{"x", NULL, 1}}},
        {"[x]\n\"cut off from\"\n", "cut off, from there", {{"x", NULL, 1}}},
        {"[x]\n\"cut off from\"\n", "cut off the phone from", {{"x", NULL, 0}}},
        {"[x]\n\"cut off ~2 from\"\n", "cut off the phone from", {{"x", NULL, 1}}},
        {"[x]\n\"cut off ~2 from\"\n", "cut off the old phone from", {{"x", NULL, 0}}},
        /* the comma is no token: "No, longer" is two adjacent words */
        {"[x]\n\"no ~1 longer feel alone\"\n",
         "I no longer feel alone. No, longer feel alone! no more longer feel alone",
         {{"x", NULL, 3}}},
        {"[x]\n\"no ~1 longer feel alone\"\n", "no more than longer feel alone",
         {{"x", NULL, 0}}},
        {"[x]\n\"no longer feel alone\"\n", "no longer feel lonely", {{"x", NULL, 0}}},
    };
    RUN(cases);
}

static void match__regex_runs_over_each_sentence_text(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[alone]\n/\\bon (her|his) own\\b/i\n",
         "He lives On His Own. She is on her own, not on their own.", {{"alone", NULL, 2}}},
        /* no match across the sentence boundary */
        {"[x]\n/lonely\\. she/i\n", "I was lonely. She left.", {{"x", NULL, 0}}},
        /* without /i the case of the original text matters */
        {"[x]\n/Lonely/\n", "lonely Lonely LONELY", {{"x", NULL, 1}}},
        /* a match inside a word covers that word */
        {"[x]\n/nel/\n", "loneliness and lonely", {{"x", NULL, 2}}},
        /* a match of punctuation alone covers no token */
        {"[x]\n/;/\n", "one; two", {{"x", NULL, 0}}},
        /* an empty match overlaps no token, inside a word or at its edge */
        {"[x]\n/(?=nel)/\n", "lonely", {{"x", NULL, 0}}},
        {"[x]\n/(?=lonely)/\n", "lonely", {{"x", NULL, 0}}},
        {"[x]\n/q*/\n", "lonely and sad", {{"x", NULL, 0}}},
        /* ... while an optional part that does match counts */
        {"[x]\n/(ly)?/\n", "lonely and sad", {{"x", NULL, 1}}},
    };
    RUN(cases);
}

static void match__longest_overlap_wins_within_theme(void **state)
{
    (void)state;
    static const match_case cases[] = {
        /* the phrase swallows the second "lonely" */
        {"[iso]\nlonely\n\"very lonely\"\n", FELT_LONELY,
         {{"iso", NULL, 2}, {"iso", "lonely", 1}, {"iso", "\"very lonely\"", 1}}},
        {"[iso]\n\"very lonely\"\nlonely\n", FELT_LONELY,
         {{"iso", NULL, 2}, {"iso", "lonely", 1}, {"iso", "\"very lonely\"", 1}}},
        {"[iso]\n\"felt lonely\"\n\"lonely and very lonely\"\n", FELT_LONELY,
         {{"iso", NULL, 1}, {"iso", "\"felt lonely\"", 0}, {"iso", "\"lonely and very lonely\"", 1}}},
        /* a regex covering felt..and swallows the first "lonely" */
        {"[iso]\nlonely\n/felt lonely and/\n", FELT_LONELY,
         {{"iso", NULL, 2}, {"iso", "lonely", 1}, {"iso", "/felt lonely and/", 1}}},
    };
    RUN(cases);
}

static void match__overlap_tie_goes_to_earlier_start_then_earlier_entry(void **state)
{
    (void)state;
    static const match_case cases[] = {
        /* felt lonely [1,3) and lonely and [2,4): equal length, earlier start wins */
        {"[iso]\n\"lonely and\"\n\"felt lonely\"\n", FELT_LONELY,
         {{"iso", NULL, 1}, {"iso", "\"lonely and\"", 0}, {"iso", "\"felt lonely\"", 1}}},
        /* same token, same length: the entry written first wins */
        {"[iso]\nlonel*\nlone*\n", "lonely", {{"iso", "lonel*", 1}, {"iso", "lone*", 0}}},
        {"[iso]\nlone*\nlonel*\n", "lonely", {{"iso", "lone*", 1}, {"iso", "lonel*", 0}}},
        {"[iso]\n/ONELY/i\n=lonely\n", "lonely", {{"iso", "/ONELY/i", 1}, {"iso", "=lonely", 0}}},
    };
    RUN(cases);
}

static void match__themes_count_independently(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[a]\nlonely\n[b]\n\"very lonely\"\n", "She felt lonely and very lonely.",
         {{"a", NULL, 2}, {"b", NULL, 1}}},
        {"[a]\nlonely\n[b]\nlonely\n", "lonely", {{"a", NULL, 1}, {"b", NULL, 1}}},
    };
    RUN(cases);
}

static void match__parent_counts_union_of_own_and_children(void **state)
{
    (void)state;
    static const match_case cases[] = {
        /* a: felt, lonely (1st), "very lonely"; the 2nd lonely overlaps the phrase */
        {"[a]\nfelt\n[a.b]\nlonely\n[a.c]\n\"very lonely\"\n", FELT_LONELY,
         {{"a", NULL, 3},
          {"a.b", NULL, 2},
          {"a.c", NULL, 1},
          {"a", "felt", 1},
          {"a.b", "lonely", 2},
          {"a.c", "\"very lonely\"", 1}}},
        /* an implicit parent */
        {"[x.y]\nlonely\n", FELT_LONELY, {{"x", NULL, 2}, {"x.y", NULL, 2}}},
        /* rolls up through every level */
        {"[p.q.r]\nlonely\n[p.s]\nvery\n", FELT_LONELY,
         {{"p", NULL, 3}, {"p.q", NULL, 2}, {"p.q.r", NULL, 2}, {"p.s", NULL, 1}}},
        /* the same word in parent and child counts once for the parent */
        {"[a]\nlonely\n[a.b]\n=lonely\n", FELT_LONELY,
         {{"a", NULL, 2}, {"a.b", NULL, 2}, {"a", "lonely", 2}, {"a.b", "=lonely", 2}}},
    };
    RUN(cases);
}

static void match__exclusion_removes_overlapping_matches(void **state)
{
    (void)state;
    static const match_case cases[] = {
        {"[iso]\nlonely\n!\"not lonely\"\n", "She was not lonely.", {{"iso", NULL, 0}}},
        {"[iso]\nlonely\n!\"not lonely\"\n", "She was not lonely. She was lonely.",
         {{"iso", NULL, 1}}},
        /* any overlap is enough */
        {"[iso]\n\"very lonely\"\n!\"not very\"\n", "not very lonely", {{"iso", NULL, 0}}},
        /* a regex exclusion */
        {"[iso]\nlonely\n!/never\\s+lonely/i\n", "Never lonely, always lonely.",
         {{"iso", NULL, 1}}},
        /* the exclusion is written after or before the entry alike */
        {"[iso]\n!\"not lonely\"\nlonely\n", "not lonely, lonely", {{"iso", NULL, 1}}},
        /* another theme's exclusion does not apply */
        {"[a]\nlonely\n[b]\nlonely\n!\"not lonely\"\n", "She was not lonely.",
         {{"a", NULL, 1}, {"b", NULL, 0}}},
    };
    RUN(cases);
}

static void match__exclusion_removes_theme_matches_up_the_tree(void **state)
{
    (void)state;
    static const match_case cases[] = {
        /* the child's own match, removed from the child and so from its parent */
        {"[a]\n[a.b]\nlonely\n!\"not lonely\"\n", NOT_LONELY, {{"a", NULL, 0}, {"a.b", NULL, 0}}},
        /* a child's exclusion does not touch the parent's own entries */
        {"[a]\nlonely\n[a.b]\n!\"not lonely\"\n", NOT_LONELY, {{"a", NULL, 1}, {"a", "lonely", 1}}},
        /* nor a sibling's: both it and their parent keep the match */
        {"[a.b]\nlonely\n[a.c]\n!\"not lonely\"\n", NOT_LONELY,
         {{"a.b", NULL, 1}, {"a.c", NULL, 0}, {"a", NULL, 1}}},
        /* a grandchild's match excluded in the middle theme stays out above it */
        {"[p.q]\n!\"not lonely\"\n[p.q.r]\nlonely\n", NOT_LONELY,
         {{"p.q.r", NULL, 1}, {"p.q", NULL, 0}, {"p", NULL, 0}}},
        /* a parent's exclusion removes its child's match from the parent only */
        {"[a]\n!\"not lonely\"\n[a.b]\nlonely\n", NOT_LONELY, {{"a", NULL, 0}, {"a.b", NULL, 1}}},
        /* elsewhere in the story the child counts again */
        {"[a]\n[a.b]\nlonely\n!\"not lonely\"\n", "She was not lonely. She was lonely.",
         {{"a", NULL, 1}, {"a.b", "lonely", 1}}},
    };
    RUN(cases);
}

/* ---- exact token ranges -------------------------------------------------- */

typedef struct span_case {
    const char *lex;
    const char *text;
    const char *theme;
    unsigned ranges[MAXW][2]; /* expected [start, end) of the theme's hits; ends at {0,0} */
} span_case;

static void match__hit_ranges_cover_the_tokens_matched(void **state)
{
    (void)state;
    static const span_case cases[] = {
        /* so0 lonely1 and2 sad3: the regex overlaps "lonely" and "and" */
        {"[x]\n/ely an/\n", "so lonely and sad", "x", {{1, 3}}},
        /* a gap phrase covers the words between */
        {"[h]\n\"stay ~3 home\"\n", "I stayed at my own home today.", "h", {{1, 6}}},
        {"[iso]\nlonely\n\"very lonely\"\n", "She felt lonely and very lonely.", "iso",
         {{2, 3}, {4, 6}}},
        /* the second sentence starts at token 2 */
        {"[alone]\n/\\bon (her|his) own\\b/i\n", "Yes. Now on her own.", "alone", {{2, 5}}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const span_case *sc = &cases[c];
        matched r;
        match_text(&r, sc->lex, sc->text);
        uint32_t t = theme_index(r.lex, sc->theme);
        size_t k = 0;
        for (size_t i = 0; i < r.hits->n; i++) {
            if (r.hits->h[i].theme != t)
                continue;
            if (sc->ranges[k][1] == 0)
                fail_msg("case %zu: more hits than expected", c);
            if (r.hits->h[i].start != sc->ranges[k][0] || r.hits->h[i].end != sc->ranges[k][1])
                fail_msg("case %zu hit %zu: [%u,%u), expected [%u,%u)", c, k,
                         (unsigned)r.hits->h[i].start, (unsigned)r.hits->h[i].end,
                         sc->ranges[k][0], sc->ranges[k][1]);
            k++;
        }
        if (k < MAXW && sc->ranges[k][1] != 0)
            fail_msg("case %zu: %zu hits, expected more", c, k);
        matched_free(&r);
    }
}

/* ---- the matcher across stories ----------------------------------------- */

static void match__matcher_reused_across_stories_gives_same_hits(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[iso]\nlonely\nisolat*\n\"very lonely\"\n!\"not lonely\"\n"
                               "[iso.x]\n/on (her|his) own/i\n");
    sl_matcher *m = NULL;
    sl_error err = {0};
    assert_int_equal(sli_matcher_new(&m, lex, &err), SL_OK);
    sl_tokens toks;
    sli_tokens_init(&toks);
    static const struct {
        const char *text;
        size_t iso;
    } stories[] = {
        {"She felt lonely and very lonely.", 2},
        {"", 0},
        {"Not lonely. Isolated, on her own.", 2}, /* isolated; on her own (via iso.x) */
        {"lonely lonely lonely lonely", 4},
        {"She was not lonely.", 0},
    };
    const uint32_t iso = theme_index(lex, "iso");
    for (int round = 0; round < 3; round++)
        for (size_t s = 0; s < sizeof stories / sizeof stories[0]; s++) {
            const char *text = stories[s].text;
            assert_int_equal(sli_tokenize(&toks, text, strlen(text)), 0);
            const sl_hits *h = NULL;
            assert_int_equal(sli_match(m, text, &toks, "s", &h, &err), SL_OK);
            check_hits(lex, &toks, h);
            size_t n = 0;
            for (size_t i = 0; i < h->n; i++)
                n += h->h[i].theme == iso;
            if (n != stories[s].iso)
                fail_msg("round %d story %zu: %zu hits, expected %zu", round, s, n,
                         stories[s].iso);
        }
    sli_tokens_free(&toks);
    sli_matcher_free(m);
    sl_lexicon_free(lex);
}

static void match__empty_story_has_no_hits(void **state)
{
    (void)state;
    matched r;
    match_text(&r, "[x]\nlonely\n/.*/\n", "");
    assert_int_equal(r.hits->n, 0);
    matched_free(&r);
    match_text(&r, "[x]\nlonely\n/.*/\n", "... !!!");
    assert_int_equal(r.hits->n, 0);
    matched_free(&r);
}

/* The direction stage matches only the sentences holding a theme hit. */
static void match__sentence_mask_keeps_only_those_sentences(void **state)
{
    (void)state;
    /* Worked by hand. Sentences: 0 "She was lonely.", 1 "So lonely, on her own.",
     * 2 "Lonely again." Tokens 0-2, 3-7, 8-9. Hits with every sentence: lonely at
     * 2, 4 and 8, the regex at [5, 8). With the mask {0, 1, 0}: lonely at 4 and
     * the regex at [5, 8) only, as sli_match finds them in sentence 1. */
    const char *text = "She was lonely. So lonely, on her own. Lonely again.";
    matched r;
    match_text(&r, "[x]\nlonely\n[y]\n/on her own/\n", text);
    assert_int_equal(r.hits->n, 4);
    const uint8_t mask[] = {0, 1, 0};
    const sl_hits *h;
    sl_error err = {0};
    assert_int_equal(r.toks.nsent, 3);
    assert_int_equal(sli_match_sentences(r.m, text, &r.toks, mask, "test", &h, &err), SL_OK);
    check_hits(r.lex, &r.toks, h);
    assert_int_equal(h->n, 2);
    assert_int_equal(h->h[0].theme, 0);
    assert_int_equal(h->h[0].start, 4);
    assert_int_equal(h->h[0].end, 5);
    assert_int_equal(h->h[1].theme, 1);
    assert_int_equal(h->h[1].start, 5);
    assert_int_equal(h->h[1].end, 8);
    /* the matcher is whole again for the next story */
    assert_int_equal(sli_match(r.m, text, &r.toks, "test", &h, &err), SL_OK);
    assert_int_equal(h->n, 4);
    matched_free(&r);
}

/* A mask only narrows the story: for every mask of the sentences, the hits
 * are exactly the unmasked run's hits that lie in a kept sentence (phrases,
 * exclusions and regexes all stay within one sentence). The masked matcher
 * visits only the kept sentences' tokens, so this also checks that nothing
 * it reads comes from a sentence it skipped. */
static void match__every_mask_keeps_exactly_its_sentences_hits(void **state)
{
    (void)state;
    const char *lexsrc = "[a]\nlonely\n\"on her own\"\nisolat*\n!\"not lonely\"\n"
                         "[a.b]\n\"cut off\"\n[c]\n/grand\\w+/i\nfriend\n";
    static const char *texts[] = {
        "She was lonely and isolated. Not lonely now, on her own.\n\nCut off from "
        "friends? Her grandson rang. Lonely again, cut off.",
        "On her own. On her own again! Isolation. Grandchildren, friends, friendship.",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        matched r;
        match_text(&r, lexsrc, texts[k]);
        size_t ns = r.toks.nsent;
        assert_true(ns >= 4 && ns <= 8);
        sl_hit all[64];
        size_t nall = r.hits->n;
        assert_true(nall > 4 && nall <= 64);
        memcpy(all, r.hits->h, nall * sizeof *all);
        for (unsigned bits = 0; bits < (1u << ns); bits++) {
            uint8_t mask[8];
            for (size_t i = 0; i < ns; i++)
                mask[i] = (bits >> i) & 1;
            const sl_hits *h;
            sl_error err = {0};
            assert_int_equal(sli_match_sentences(r.m, texts[k], &r.toks, mask, "t", &h, &err),
                             SL_OK);
            size_t j = 0;
            for (size_t i = 0; i < nall; i++) {
                if (!mask[r.toks.tok[all[i].start].sentence])
                    continue;
                if (j >= h->n || memcmp(&h->h[j], &all[i], sizeof all[i]) != 0)
                    fail_msg("text %zu, mask %#x: hit %zu of the full run is missing", k,
                             bits, i);
                j++;
            }
            if (j != h->n)
                fail_msg("text %zu, mask %#x: %zu hits, expected %zu", k, bits, h->n, j);
        }
        matched_free(&r);
    }
}

/* ---- a follower sharing its leader's word cache ------------------------ */

/* The direction stage's modifier matcher follows the themes' matcher: it
 * must find exactly what a matcher of its own finds, whether it reuses the
 * leader's lookups (same story) or looks words up itself (another story),
 * with words both lexicons annotate differently. */
static void match__follower_finds_what_its_own_matcher_finds(void **state)
{
    (void)state;
    sl_lexicon *themes = lex_from("[iso]\nlonely\nisolat*\n");
    sl_lexicon *mods = lex_from("[up]\nless*\n\"no longer\"\n=felt\nlonel*\n");
    sl_matcher *leader = NULL, *follower = NULL, *alone = NULL;
    sl_error err = {0};
    assert_int_equal(sli_matcher_new(&leader, themes, &err), SL_OK);
    assert_int_equal(sli_matcher_new(&follower, mods, &err), SL_OK);
    assert_int_equal(sli_matcher_new(&alone, mods, &err), SL_OK);
    assert_int_equal(sli_matcher_follow(follower, leader), 1);
    assert_int_equal(sli_matcher_follow(alone, leader), 0); /* one follower only */

    static const char *const stories[] = {
        "I felt less lonely and no longer isolated.",
        "Lonely. Lonelier still, felt it. No longer!",
        "",
        "She was isolated; less so now. FELT felt feltish.",
    };
    enum { N = sizeof stories / sizeof stories[0] };
    /* Worked by hand for story 0: iso = lonely, isolated; up = felt, less,
     * lonely (lonel*), "no longer". */
    const size_t want_leader0 = 2, want_up0 = 4;
    sl_tokens toks, other;
    sli_tokens_init(&toks);
    sli_tokens_init(&other);
    for (int round = 0; round < 3; round++)
        for (size_t s = 0; s < N; s++) {
            const char *text = stories[s];
            assert_int_equal(sli_tokenize(&toks, text, strlen(text)), 0);
            const sl_hits *lh, *fh, *ah;
            assert_int_equal(sli_match(leader, text, &toks, "s", &lh, &err), SL_OK);
            if (s == 0)
                assert_int_equal(lh->n, want_leader0);
            /* the same story: the follower reuses the leader's lookups */
            assert_int_equal(sli_match(follower, text, &toks, "s", &fh, &err), SL_OK);
            assert_int_equal(sli_match(alone, text, &toks, "s", &ah, &err), SL_OK);
            if (s == 0)
                assert_int_equal(fh->n, want_up0);
            if (!sli_hits_equal(fh, ah))
                fail_msg("round %d story %zu: follower and own matcher differ", round, s);
            /* another story than the leader's last: it looks words up itself */
            const char *next = stories[(s + 1) % N];
            assert_int_equal(sli_tokenize(&other, next, strlen(next)), 0);
            assert_int_equal(sli_match(follower, next, &other, "s", &fh, &err), SL_OK);
            assert_int_equal(sli_match(alone, next, &other, "s", &ah, &err), SL_OK);
            if (!sli_hits_equal(fh, ah))
                fail_msg("round %d story %zu: follower differs on another story", round, s);
        }
    sli_tokens_free(&toks);
    sli_tokens_free(&other);
    sli_matcher_free(follower);
    sli_matcher_free(alone);
    sli_matcher_free(leader);
    sl_lexicon_free(mods);
    sl_lexicon_free(themes);
}

/* ---- resolution by theme buckets against one sort -------------------- */

static uint32_t lcg(uint64_t *st)
{
    *st = *st * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(*st >> 33);
}

/* A random lexicon of nested themes over a few words: stems, exact forms,
 * wildcards, phrases with gaps, and exclusions of words and phrases. */
static void random_lexicon(uint64_t *st, const char *const *words, size_t nwords, char *out,
                           size_t size)
{
    static const char *const themes[] = {"a", "a.b", "a.b.c", "d", "d.e", "f"};
    size_t len = 0;
    for (size_t t = 0; t < sizeof themes / sizeof themes[0]; t++) {
        len += (size_t)snprintf(out + len, size - len, "[%s]\n", themes[t]);
        for (uint32_t k = 0, n = 1 + lcg(st) % 5; k < n; k++) {
            const char *w = words[lcg(st) % nwords], *v = words[lcg(st) % nwords];
            const char *bang = lcg(st) % 6 == 0 ? "!" : "";
            switch (lcg(st) % 5) {
            case 0: len += (size_t)snprintf(out + len, size - len, "%s%s\n", bang, w); break;
            case 1: len += (size_t)snprintf(out + len, size - len, "=%s\n", w); break;
            case 2: len += (size_t)snprintf(out + len, size - len, "%.3s*\n", w); break;
            case 3:
                len += (size_t)snprintf(out + len, size - len, "%s\"%s %s\"\n", bang, w, v);
                break;
            default:
                len += (size_t)snprintf(out + len, size - len, "\"%s ~%u %s %s\"\n", w,
                                        lcg(st) % 3, v, words[lcg(st) % nwords]);
            }
        }
    }
}

/* Grouping candidates by theme before resolving them must give exactly
 * the hits, in the same order, of one comparison sort of them all by
 * theme, length and start (the reference), on random lexicons and stories
 * in which phrases overlap words and each other. */
static void match__theme_buckets_resolve_as_one_sort_does(void **state)
{
    (void)state;
    static const char *const words[] = {"lonely", "home", "care", "carer", "help",
                                        "friend", "visit", "stress", "group", "walk"};
    enum { NW = sizeof words / sizeof words[0] };
    uint64_t st = 20261203;
    size_t stories = 0, mixed = 0, hits = 0;
    for (int round = 0; round < 300; round++) {
        char src[4096];
        random_lexicon(&st, words, NW, src, sizeof src);
        sl_lexicon *lex = lex_from(src);
        sl_matcher *fast = NULL, *ref = NULL;
        sl_error err = {0};
        assert_int_equal(sli_matcher_new(&fast, lex, &err), SL_OK);
        assert_int_equal(sli_matcher_new(&ref, lex, &err), SL_OK);
        sli_matcher_set_theme_buckets(ref, 0);
        sl_tokens toks;
        sli_tokens_init(&toks);
        for (int k = 0; k < 10; k++, stories++) {
            char text[1024];
            size_t len = 0;
            for (uint32_t i = 0, n = lcg(&st) % 40; i < n; i++)
                len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", words[lcg(&st) % NW],
                                        lcg(&st) % 7 == 0 ? ". " : " ");
            text[len] = '\0';
            assert_int_equal(sli_tokenize(&toks, text, len), 0);
            const sl_hits *fh, *rh;
            assert_int_equal(sli_match(fast, text, &toks, "s", &fh, &err), SL_OK);
            assert_int_equal(sli_match(ref, text, &toks, "s", &rh, &err), SL_OK);
            check_hits(lex, &toks, fh);
            if (!sli_hits_equal(fh, rh))
                fail_msg("round %d story %d differs: \"%s\" with\n%s", round, k, text, src);
            hits += fh->n;
            for (size_t i = 1; i < fh->n; i++)
                if (fh->h[i].theme == fh->h[i - 1].theme &&
                    fh->h[i].end - fh->h[i].start != fh->h[i - 1].end - fh->h[i - 1].start) {
                    mixed++; /* a theme whose hits differ in length: the sorting path */
                    break;
                }
        }
        sli_tokens_free(&toks);
        sli_matcher_free(fast);
        sli_matcher_free(ref);
        sl_lexicon_free(lex);
    }
    assert_int_equal(stories, 3000);
    assert_true(hits > 10000);
    assert_true(mixed > 300);
}

/* Noting which atoms a phrase can reach before trying a token's many
 * phrases must find exactly the hits of trying every phrase in full (the
 * reference), on random rule-made lexicons: every word starts a dozen
 * phrases with gaps, and a regex entry puts its pseudo-atoms (natoms +
 * regex number) in the tokens' lists, which the filter once wrote past. */
static void match__next_atom_filter_finds_what_trying_all_finds(void **state)
{
    (void)state;
    static const char *const words[] = {"lonely", "home", "care", "carer", "help",
                                        "friend", "visit", "stress", "group", "walk"};
    enum { NW = sizeof words / sizeof words[0] };
    uint64_t st = 20261205;
    size_t stories = 0, hits = 0;
    for (int round = 0; round < 60; round++) {
        char src[4096];
        size_t len = (size_t)snprintf(src, sizeof src, "[class w]\n");
        for (size_t i = 0; i < NW; i++)
            len += (size_t)snprintf(src + len, sizeof src - len, "%s\n", words[i]);
        len += (size_t)snprintf(src + len, sizeof src - len,
                                "[t]\nnear(<w>, <w>, %u)\n/l[o]nely|vis[i]t/\n[u]\n"
                                "before(<w>, \"%s %s\", %u)\n",
                                lcg(&st) % 6, words[lcg(&st) % NW], words[lcg(&st) % NW],
                                lcg(&st) % 4);
        random_lexicon(&st, words, NW, src + len, sizeof src - len);
        sl_lexicon *lex = lex_from(src);
        sl_matcher *fast = NULL, *ref = NULL;
        sl_error err = {0};
        assert_int_equal(sli_matcher_new(&fast, lex, &err), SL_OK);
        assert_int_equal(sli_matcher_new(&ref, lex, &err), SL_OK);
        sli_matcher_set_next_filter(ref, 0);
        sl_tokens toks;
        sli_tokens_init(&toks);
        for (int k = 0; k < 20; k++, stories++) {
            char text[1024];
            size_t tl = 0;
            for (uint32_t i = 0, n = lcg(&st) % 40; i < n; i++)
                tl += (size_t)snprintf(text + tl, sizeof text - tl, "%s%s", words[lcg(&st) % NW],
                                       lcg(&st) % 9 == 0 ? ". " : " ");
            text[tl] = '\0';
            assert_int_equal(sli_tokenize(&toks, text, tl), 0);
            const sl_hits *fh, *rh;
            assert_int_equal(sli_match(fast, text, &toks, "s", &fh, &err), SL_OK);
            assert_int_equal(sli_match(ref, text, &toks, "s", &rh, &err), SL_OK);
            if (!sli_hits_equal(fh, rh))
                fail_msg("round %d story %d differs: \"%s\" with\n%s", round, k, text, src);
            hits += fh->n;
        }
        sli_tokens_free(&toks);
        sli_matcher_free(fast);
        sli_matcher_free(ref);
        sl_lexicon_free(lex);
    }
    assert_int_equal(stories, 1200);
    assert_true(hits > 5000);
}

/* A first word's phrases are grouped by their second word, and a group
 * out of reach is passed over in one step of at most 255 records. Here
 * "care" starts 300 phrases "care home <m>" (one group, longer than one
 * step) between "care alpha" and "care omega": a story holding "care
 * omega" must pass the whole group and find it, one holding "care home
 * zq299" must find the group's last phrase, and the filtering matcher
 * must agree with the one that tries every phrase. */
static void match__long_group_of_one_second_word_is_passed_whole(void **state)
{
    (void)state;
    static char src[8192];
    size_t len = (size_t)snprintf(src, sizeof src, "[class m]\n");
    for (int i = 0; i < 300; i++)
        len += (size_t)snprintf(src + len, sizeof src - len, "=zq%d\n", i);
    snprintf(src + len, sizeof src - len,
             "[t]\n\"care alpha\"\n\"care home <m>\"\n\"care omega\"\n");
    sl_lexicon *lex = lex_from(src);
    sl_matcher *fast = NULL, *ref = NULL;
    sl_error err = {0};
    assert_int_equal(sli_matcher_new(&fast, lex, &err), SL_OK);
    assert_int_equal(sli_matcher_new(&ref, lex, &err), SL_OK);
    sli_matcher_set_next_filter(ref, 0);
    static const struct {
        const char *text;
        size_t hits;
        uint32_t start, end; /* tokens of the first hit */
    } cases[] = {
        {"care omega", 1, 0, 2},          /* past the 300 in two steps */
        {"care alpha", 1, 0, 2},          /* before the group */
        {"we care home zq299", 1, 1, 4},  /* the group's last phrase */
        {"care home zq300", 0, 0, 0},     /* not a member */
        {"care for omega", 0, 0, 0},      /* no gap in the phrase */
    };
    sl_tokens toks;
    sli_tokens_init(&toks);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(sli_tokenize(&toks, cases[i].text, strlen(cases[i].text)), 0);
        const sl_hits *fh, *rh;
        assert_int_equal(sli_match(fast, cases[i].text, &toks, "s", &fh, &err), SL_OK);
        assert_int_equal(sli_match(ref, cases[i].text, &toks, "s", &rh, &err), SL_OK);
        assert_true(sli_hits_equal(fh, rh));
        assert_int_equal(fh->n, cases[i].hits);
        if (cases[i].hits) {
            assert_int_equal(fh->h[0].start, cases[i].start);
            assert_int_equal(fh->h[0].end, cases[i].end);
        }
    }
    sli_tokens_free(&toks);
    sli_matcher_free(fast);
    sli_matcher_free(ref);
    sl_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(match__stem_entry_matches_inflections),
        cmocka_unit_test(match__long_group_of_one_second_word_is_passed_whole),
        cmocka_unit_test(match__follower_finds_what_its_own_matcher_finds),
        cmocka_unit_test(match__prefix_entry_matches_word_starts),
        cmocka_unit_test(match__exact_entry_matches_the_folded_word_only),
        cmocka_unit_test(match__hyphenated_word_is_one_token),
        cmocka_unit_test(match__phrase_needs_consecutive_tokens_in_one_sentence),
        cmocka_unit_test(match__gap_allows_up_to_n_tokens_between),
        cmocka_unit_test(match__longer_phrases_match_every_word),
        cmocka_unit_test(match__regex_runs_over_each_sentence_text),
        cmocka_unit_test(match__longest_overlap_wins_within_theme),
        cmocka_unit_test(match__overlap_tie_goes_to_earlier_start_then_earlier_entry),
        cmocka_unit_test(match__themes_count_independently),
        cmocka_unit_test(match__parent_counts_union_of_own_and_children),
        cmocka_unit_test(match__exclusion_removes_overlapping_matches),
        cmocka_unit_test(match__exclusion_removes_theme_matches_up_the_tree),
        cmocka_unit_test(match__hit_ranges_cover_the_tokens_matched),
        cmocka_unit_test(match__matcher_reused_across_stories_gives_same_hits),
        cmocka_unit_test(match__empty_story_has_no_hits),
        cmocka_unit_test(match__sentence_mask_keeps_only_those_sentences),
        cmocka_unit_test(match__every_mask_keeps_exactly_its_sentences_hits),
        cmocka_unit_test(match__theme_buckets_resolve_as_one_sort_does),
        cmocka_unit_test(match__next_atom_filter_finds_what_trying_all_finds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
