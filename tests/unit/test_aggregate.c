/*
 * test_aggregate.c - unit tests for aggregate.c: from one story's hits to
 * theme, entry and co-occurrence counts (sl_docres), and their sums
 * (sl_accum).
 *
 * A small lexicon is loaded from a temporary .lex file, each story is
 * tokenised and matched, and sli_docres_compute() turns the hits into
 * counts. The expected units and pair counts are worked out by hand from
 * the co-occurrence rules: a unit containing both A and B counts once for
 * the pair, however many hits it holds; window:N slides one token at a
 * time (ntokens - N + 1 windows, 1 for a story shorter than N, 0 for an
 * empty story).
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

#include "count/aggregate.h"
#include "lexicon/lexicon.h"
#include "match/match.h"
#include "text/tokenize.h"

/* Themes x, y, z are single exact words; tokens of the stories below are
 * numbered from 0. */
#define XYZ "[x]\n=alpha\n[y]\n=echo\n[z]\n=charlie\n"
#define FIVE "alpha bravo charlie delta echo" /* alpha0 bravo1 charlie2 delta3 echo4 */

/* ---- helpers ------------------------------------------------------------ */

static uint32_t theme_index(const sl_lexicon *lex, const char *name)
{
    for (size_t t = 0; t < lex->nthemes; t++)
        if (strcmp(lex->themes[t].name, name) == 0)
            return (uint32_t)t;
    fail_msg("no theme [%s]", name);
    return 0;
}

static uint32_t entry_index(const sl_lexicon *lex, const char *theme, const char *source)
{
    uint32_t t = theme_index(lex, theme);
    for (size_t e = 0; e < lex->nentries; e++)
        if (lex->entries[e].theme == t && strcmp(lex->entries[e].source, source) == 0)
            return (uint32_t)e;
    fail_msg("no entry %s in [%s]", source, theme);
    return 0;
}

/* A unit list as sl_options would parse it ("window:3" etc.). */
static sl_unit unit_of(const char *name)
{
    if (strcmp(name, "document") == 0)
        return (sl_unit){SL_UNIT_DOCUMENT, 0};
    if (strcmp(name, "paragraph") == 0)
        return (sl_unit){SL_UNIT_PARAGRAPH, 0};
    if (strcmp(name, "sentence") == 0)
        return (sl_unit){SL_UNIT_SENTENCE, 0};
    assert_true(strncmp(name, "window:", 7) == 0);
    return (sl_unit){SL_UNIT_WINDOW, (uint32_t)atoi(name + 7)};
}

typedef struct fixture {
    sl_lexicon *lex;
    sl_matcher *m;
    sl_tokens toks;
    sl_shape shape;
    sl_agg_scratch *scratch;
} fixture;

/* units: up to SL_MAX_UNITS names, NULL-terminated. */
static void fixture_open(fixture *f, const char *lexsrc, const char *const *units)
{
    memset(f, 0, sizeof *f);
    f->lex = lex_from(lexsrc);
    sl_error err = {0};
    assert_int_equal(sli_matcher_new(&f->m, f->lex, &err), SL_OK);
    sli_tokens_init(&f->toks);
    f->shape.nthemes = f->lex->nthemes;
    f->shape.nentries = f->lex->nentries;
    for (size_t u = 0; units[u]; u++) {
        assert_true(u < SL_MAX_UNITS);
        f->shape.units[f->shape.nunits++] = unit_of(units[u]);
    }
    f->scratch = sli_agg_scratch_new(&f->shape);
    assert_non_null(f->scratch);
}

static void fixture_close(fixture *f)
{
    sli_agg_scratch_free(f->scratch);
    sli_tokens_free(&f->toks);
    sli_matcher_free(f->m);
    sl_lexicon_free(f->lex);
}

static void compute(fixture *f, const char *text, sl_docres *r)
{
    sl_error err = {0};
    const sl_hits *hits = NULL;
    assert_int_equal(sli_tokenize(&f->toks, text, strlen(text)), 0);
    assert_int_equal(sli_match(f->m, text, &f->toks, "t", &hits, &err), SL_OK);
    assert_int_equal(sli_docres_compute(r, f->scratch, &f->shape, f->lex, &f->toks, hits), 0);
    /* pairs are stored once, a <= b, and only when non-zero */
    for (size_t k = 0; k < r->npairs; k++) {
        assert_true(r->pairs[k].a <= r->pairs[k].b);
        assert_true(r->pairs[k].b < f->shape.nthemes);
        assert_true(r->pairs[k].unit < f->shape.nunits);
        assert_true(r->pairs[k].count > 0);
        for (size_t j = 0; j < k; j++)
            assert_false(r->pairs[j].unit == r->pairs[k].unit &&
                         r->pairs[j].a == r->pairs[k].a && r->pairs[j].b == r->pairs[k].b);
    }
}

/* A story's pair count, order-free, as the sums add it up: sentence,
 * paragraph and window pairs are listed in the docres, document pairs are
 * derived from its theme hits by sli_accum_add. */
static uint32_t pair(const fixture *f, const sl_docres *r, size_t u, const char *ta,
                     const char *tb)
{
    uint32_t a = theme_index(f->lex, ta), b = theme_index(f->lex, tb);
    sl_accum acc;
    assert_int_equal(sli_accum_init(&acc, &f->shape), 0);
    sli_accum_add(&acc, &f->shape, r);
    uint64_t n = sli_accum_pair(&acc, &f->shape, u, a, b);
    sli_accum_free(&acc);
    return (uint32_t)n;
}

static uint32_t entry_count(const fixture *f, const sl_docres *r, const char *theme,
                            const char *source)
{
    uint32_t e = entry_index(f->lex, theme, source);
    for (size_t k = 0; k < r->nentry; k++)
        if (r->entry_ids[k] == e)
            return r->entry_counts[k];
    return 0;
}

/* ---- co-occurrence cases: table-driven ------------------------------------ */

#define MAXP 8

typedef struct pair_want {
    const char *a, *b; /* a == b: units containing the theme */
    unsigned count;
} pair_want;

typedef struct cooc_case {
    const char *lex;
    const char *text;
    const char *unit;
    unsigned units;
    pair_want p[MAXP]; /* ends at a == NULL */
} cooc_case;

static void run_cooc_cases(const cooc_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        const cooc_case *cc = &cases[c];
        const char *units[] = {cc->unit, NULL};
        fixture f;
        fixture_open(&f, cc->lex, units);
        sl_docres r = {0};
        compute(&f, cc->text, &r);
        if (r.units[0] != cc->units)
            fail_msg("case %zu (%s, \"%s\"): %llu units, expected %u", c, cc->unit, cc->text,
                     (unsigned long long)r.units[0], cc->units);
        for (size_t k = 0; k < MAXP && cc->p[k].a; k++) {
            uint32_t got = pair(&f, &r, 0, cc->p[k].a, cc->p[k].b);
            if (got != cc->p[k].count)
                fail_msg("case %zu (%s, \"%s\"): [%s][%s] = %u, expected %u", c, cc->unit,
                         cc->text, cc->p[k].a, cc->p[k].b, (unsigned)got, cc->p[k].count);
        }
        sli_docres_clear(&r);
        fixture_close(&f);
    }
}

#define RUN(cases) run_cooc_cases(cases, sizeof cases / sizeof cases[0])

static void aggregate__window_units_slide_one_token_at_a_time(void **state)
{
    (void)state;
    static const cooc_case cases[] = {
        /* windows [0,3) [1,4) [2,5): alpha in w0, charlie in all, echo in w2 */
        {XYZ, FIVE, "window:3", 3,
         {{"x", "x", 1}, {"z", "z", 3}, {"y", "y", 1},
          {"x", "z", 1}, {"y", "z", 1}, {"x", "y", 0}}},
        /* windows [0,2) [1,3) [2,4) [3,5): charlie in w1, w2 */
        {XYZ, FIVE, "window:2", 4,
         {{"x", "x", 1}, {"z", "z", 2}, {"y", "y", 1},
          {"x", "z", 0}, {"y", "z", 0}, {"x", "y", 0}}},
        /* one window holds the whole story */
        {XYZ, FIVE, "window:5", 1,
         {{"x", "x", 1}, {"z", "z", 1}, {"x", "y", 1}, {"x", "z", 1}, {"y", "z", 1}}},
        /* windows [0,4) [1,5): alpha w0, echo w1, charlie both */
        {XYZ, FIVE, "window:4", 2,
         {{"x", "x", 1}, {"y", "y", 1}, {"z", "z", 2}, {"x", "y", 0}, {"x", "z", 1},
          {"y", "z", 1}}},
        /* two hits of alpha in the same windows count each window once:
         * alpha0 alpha1 echo2 charlie3, window:2 -> [0,2) [1,3) [2,4) */
        {XYZ, "alpha alpha echo charlie", "window:2", 3,
         {{"x", "x", 2}, {"y", "y", 2}, {"z", "z", 1}, {"x", "y", 1}, {"y", "z", 1},
          {"x", "z", 0}}},
    };
    RUN(cases);
}

static void aggregate__short_story_is_one_window_empty_story_none(void **state)
{
    (void)state;
    static const cooc_case cases[] = {
        {XYZ, "alpha echo", "window:3", 1, {{"x", "x", 1}, {"y", "y", 1}, {"x", "y", 1}}},
        {XYZ, "alpha", "window:100", 1, {{"x", "x", 1}, {"y", "y", 0}}},
        {XYZ, "", "window:3", 0, {{"x", "x", 0}}},
        {XYZ, "... !!! ?", "window:3", 0, {{"x", "x", 0}}},
        {XYZ, "", "sentence", 0, {{"x", "x", 0}}},
        {XYZ, "", "paragraph", 0, {{"x", "x", 0}}},
        /* every story is one document, an empty one too */
        {XYZ, "", "document", 1, {{"x", "x", 0}}},
    };
    RUN(cases);
}

static void aggregate__phrase_hit_touches_every_window_it_overlaps(void **state)
{
    (void)state;
#define PLEX "[p]\n\"bravo charlie\"\n[x]\n=alpha\n[y]\n=echo\n"
    static const cooc_case cases[] = {
        /* p covers tokens 1..2: windows [0,2) [1,3) [2,4) */
        {PLEX, FIVE, "window:2", 4,
         {{"p", "p", 3}, {"x", "x", 1}, {"y", "y", 1}, {"p", "x", 1}, {"p", "y", 0}}},
        {PLEX, FIVE, "window:3", 3,
         {{"p", "p", 3}, {"p", "x", 1}, {"p", "y", 1}, {"x", "y", 0}}},
    };
#undef PLEX
    RUN(cases);
}

static void aggregate__sentence_and_paragraph_units(void **state)
{
    (void)state;
    /* s0 "Alpha bravo." s1 "Charlie alpha." | s2 "Echo alpha." s3 "Delta." */
#define TEXT "Alpha bravo. Charlie alpha.\n\nEcho alpha. Delta."
    static const cooc_case cases[] = {
        {XYZ, TEXT, "sentence", 4,
         {{"x", "x", 3}, {"z", "z", 1}, {"y", "y", 1},
          {"x", "z", 1}, {"x", "y", 1}, {"y", "z", 0}}},
        {XYZ, TEXT, "paragraph", 2,
         {{"x", "x", 2}, {"z", "z", 1}, {"y", "y", 1},
          {"x", "z", 1}, {"x", "y", 1}, {"y", "z", 0}}},
        {XYZ, TEXT, "document", 1,
         {{"x", "x", 1}, {"z", "z", 1}, {"y", "y", 1},
          {"x", "z", 1}, {"x", "y", 1}, {"y", "z", 1}}},
    };
#undef TEXT
    RUN(cases);
}

static void aggregate__parent_shares_units_with_its_children(void **state)
{
    (void)state;
    /* s0 "Lonely." s1 "Very lonely indeed." s2 "Alone.": a.b hits lonely in s0
     * and s1, a.c "very lonely" in s1, and a (their union) s0 and s1 */
#define HLEX "[a.b]\nlonely\n[a.c]\n\"very lonely\"\n[d]\nalone\n"
    static const cooc_case cases[] = {
        {HLEX, "Lonely. Very lonely indeed. Alone.", "sentence", 3,
         {{"a", "a", 2}, {"a.b", "a.b", 2}, {"a.c", "a.c", 1}, {"a", "a.b", 2},
          {"a", "a.c", 1}, {"a.b", "a.c", 1}, {"a", "d", 0}, {"d", "d", 1}}},
    };
#undef HLEX
    RUN(cases);
}

/* Sentence and paragraph pairs against a count made the slow, obvious
 * way: for every unit, the set of themes with a hit starting in it, and
 * every pair of that set. Random stories of six words, four themes with
 * overlapping words and a phrase, so units hold repeated themes and themes
 * in every order; 300 stories, each up to 60 words, some sentences and
 * paragraphs empty of hits. */
static void aggregate__unit_pairs_match_a_brute_force_count(void **state)
{
    (void)state;
    static const char *const words[] = {"alpha", "bravo", "charlie", "delta", "echo", "fox"};
    static const char *const seps[] = {" ", " ", " ", ". ", "\n\n"};
    const char *lexsrc = "[p]\nalpha\necho\n[q]\nbravo\n\"alpha bravo\"\n[r]\ncharlie\necho\n"
                         "[s]\nfox\n";
    for (int by_para = 0; by_para < 2; by_para++) {
        const char *units[] = {by_para ? "paragraph" : "sentence", NULL};
        fixture f;
        fixture_open(&f, lexsrc, units);
        size_t nt = f.lex->nthemes;
        srand(11 + by_para);
        for (int story = 0; story < 300; story++) {
            char text[1024] = "";
            int n = 1 + rand() % 60;
            for (int w = 0; w < n; w++) {
                strcat(text, words[rand() % 6]);
                strcat(text, seps[rand() % 5]);
            }
            sl_docres r = {0};
            compute(&f, text, &r);
            const sl_hits *hits = NULL;
            sl_error err = {0};
            assert_int_equal(sli_match(f.m, text, &f.toks, "t", &hits, &err), SL_OK);
            uint64_t nunits = by_para ? f.toks.nparagraphs : f.toks.nsent;
            uint32_t want[4][4] = {{0}};
            for (uint64_t un = 0; un < nunits; un++) {
                int in[4] = {0};
                for (size_t i = 0; i < hits->n; i++) {
                    const sl_token *t = &f.toks.tok[hits->h[i].start];
                    if ((by_para ? f.toks.sent[t->sentence].paragraph : t->sentence) == un)
                        in[hits->h[i].theme] = 1;
                }
                for (size_t a = 0; a < nt; a++)
                    for (size_t b = a; b < nt; b++)
                        want[a][b] += in[a] && in[b];
            }
            sl_accum acc;
            assert_int_equal(sli_accum_init(&acc, &f.shape), 0);
            sli_accum_add(&acc, &f.shape, &r);
            for (size_t a = 0; a < nt; a++)
                for (size_t b = a; b < nt; b++)
                    if (sli_accum_pair(&acc, &f.shape, 0, a, b) != want[a][b])
                        fail_msg("%s pair [%zu][%zu]: %llu, expected %u in \"%s\"",
                                 units[0], a, b,
                                 (unsigned long long)sli_accum_pair(&acc, &f.shape, 0, a, b),
                                 want[a][b], text);
            sli_accum_free(&acc);
            sli_docres_clear(&r);
        }
        fixture_close(&f);
    }
}

/* ---- per-story counts ----------------------------------------------------- */

static void aggregate__theme_and_entry_hits_of_one_story(void **state)
{
    (void)state;
    const char *units[] = {"document", NULL};
    fixture f;
    fixture_open(&f, "[a]\nfelt\n[a.b]\nlonely\n[a.c]\n\"very lonely\"\n[e]\nlonely\n", units);
    sl_docres r = {0};
    compute(&f, "She felt lonely and very lonely.\n\nYes.", &r);
    assert_int_equal(r.tokens, 7);
    assert_int_equal(r.sentences, 2);
    assert_int_equal(r.paragraphs, 2);
    assert_int_equal(r.invalid_utf8, 0);
    /* a: felt, lonely, "very lonely" (the 2nd lonely is inside the phrase) */
    assert_int_equal(r.theme_hits[theme_index(f.lex, "a")], 3);
    assert_int_equal(r.theme_hits[theme_index(f.lex, "a.b")], 2);
    assert_int_equal(r.theme_hits[theme_index(f.lex, "a.c")], 1);
    assert_int_equal(r.theme_hits[theme_index(f.lex, "e")], 2);
    /* entries count in their own theme only, not again for the parent */
    assert_int_equal(r.nentry, 4);
    assert_int_equal(entry_count(&f, &r, "a", "felt"), 1);
    assert_int_equal(entry_count(&f, &r, "a.b", "lonely"), 2);
    assert_int_equal(entry_count(&f, &r, "a.c", "\"very lonely\""), 1);
    assert_int_equal(entry_count(&f, &r, "e", "lonely"), 2);
    assert_int_equal(r.units[0], 1);
    sli_docres_clear(&r);
    sli_docres_clear(&r); /* clearing twice is harmless */
    fixture_close(&f);
}

static void aggregate__story_without_hits_has_only_sizes(void **state)
{
    (void)state;
    const char *units[] = {"document", "sentence", "window:2", NULL};
    fixture f;
    fixture_open(&f, XYZ, units);
    sl_docres r = {0};
    compute(&f, "Nothing here. Nor here.", &r);
    assert_int_equal(r.tokens, 4);
    assert_int_equal(r.sentences, 2);
    assert_int_equal(r.npairs, 0);
    assert_int_equal(r.nentry, 0);
    for (size_t t = 0; t < f.shape.nthemes; t++)
        assert_int_equal(r.theme_hits[t], 0);
    assert_int_equal(r.units[0], 1);
    assert_int_equal(r.units[1], 2);
    assert_int_equal(r.units[2], 3);
    sli_docres_clear(&r);
    fixture_close(&f);
}

/* A record reused for a second story (as a batch slot is) holds exactly
 * what a fresh record would: nothing of the first story's entries, pairs
 * or direction counts survives, even when the second story is shorter. */
static void aggregate__reused_record_equals_fresh_one(void **state)
{
    (void)state;
    const char *units[] = {"document", "sentence", "window:2", NULL};
    fixture f;
    fixture_open(&f, "[a.b]\nlonely\n" XYZ, units);
    f.shape.direction = 1;
    static const char *first = "Alpha charlie echo lonely. Echo alpha. Lonely alpha charlie.";
    static const char *second[] = {"Echo.", "", "lonely alpha"};
    sl_docres reused = {0};
    compute(&f, first, &reused);
    assert_non_null(sli_docres_dir(&reused, &f.shape));
    reused.dir[0] = 7; /* as a tally would leave it */
    for (size_t i = 0; i < sizeof second / sizeof second[0]; i++) {
        sl_docres fresh = {0};
        compute(&f, second[i], &fresh);
        compute(&f, second[i], &reused);
        assert_int_equal(reused.tokens, fresh.tokens);
        assert_int_equal(reused.sentences, fresh.sentences);
        assert_memory_equal(reused.units, fresh.units, sizeof fresh.units);
        assert_memory_equal(reused.theme_hits, fresh.theme_hits,
                            f.shape.nthemes * sizeof *fresh.theme_hits);
        assert_int_equal(reused.nentry, fresh.nentry);
        assert_memory_equal(reused.entry_ids, fresh.entry_ids, fresh.nentry * sizeof(uint32_t));
        assert_memory_equal(reused.entry_counts, fresh.entry_counts,
                            fresh.nentry * sizeof(uint32_t));
        assert_int_equal(reused.npairs, fresh.npairs);
        for (size_t k = 0; k < fresh.npairs; k++)
            assert_memory_equal(&reused.pairs[k], &fresh.pairs[k], sizeof(sl_pair));
        /* the direction counts start from zero for every story */
        uint32_t *d = sli_docres_dir(&reused, &f.shape);
        assert_non_null(d);
        for (size_t k = 0; k < f.shape.nthemes * SL_DIR_STORY; k++)
            assert_int_equal(d[k], 0);
        sli_docres_clear(&fresh);
    }
    /* the second stories are exactly these, worked out by hand */
    assert_int_equal(reused.tokens, 2);
    assert_int_equal(reused.theme_hits[theme_index(f.lex, "a.b")], 1);
    assert_int_equal(reused.theme_hits[theme_index(f.lex, "x")], 1);
    assert_int_equal(reused.nentry, 2);
    sli_docres_clear(&reused);
    fixture_close(&f);
}

/* ---- sums ----------------------------------------------------------------- */

static void aggregate__accum_adds_stories(void **state)
{
    (void)state;
    const char *units[] = {"document", "sentence", "window:2", NULL};
    fixture f;
    fixture_open(&f, XYZ, units);
    sl_accum a;
    assert_int_equal(sli_accum_init(&a, &f.shape), 0);
    /* 1: alpha0 charlie1 | echo2            2 sentences, 3 tokens
     * 2: alpha0 alpha1                      1 sentence, 2 tokens
     * 3: empty */
    static const char *stories[] = {"Alpha charlie. Echo.", "alpha alpha.", ""};
    sl_docres r = {0}; /* one record for all three, as a batch slot reuses it */
    for (size_t i = 0; i < 3; i++) {
        compute(&f, stories[i], &r);
        sli_accum_add(&a, &f.shape, &r);
    }
    sli_docres_clear(&r);
    uint32_t x = theme_index(f.lex, "x"), y = theme_index(f.lex, "y"), z = theme_index(f.lex, "z");
    assert_int_equal(a.documents, 3);
    assert_int_equal(a.tokens, 5);
    assert_int_equal(a.sentences, 3);
    assert_int_equal(a.paragraphs, 2);
    assert_int_equal(a.theme_hits[x], 3);
    assert_int_equal(a.theme_hits[y], 1);
    assert_int_equal(a.theme_hits[z], 1);
    assert_int_equal(a.theme_docs[x], 2);
    assert_int_equal(a.theme_docs[y], 1);
    assert_int_equal(a.theme_docs[z], 1);
    assert_int_equal(a.entry_hits[entry_index(f.lex, "x", "=alpha")], 3);
    assert_int_equal(a.entry_hits[entry_index(f.lex, "y", "=echo")], 1);
    /* document: 3 units; x in 2, y and z in story 1 with x */
    assert_int_equal(a.units[0], 3);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 0, x, x), 2);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 0, x, y), 1);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 0, y, x), 1);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 0, y, z), 1);
    /* sentence: 3 units; x in s0 of 1 and s0 of 2, z with x, y alone */
    assert_int_equal(a.units[1], 3);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 1, x, x), 2);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 1, z, x), 1);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 1, x, y), 0);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 1, y, y), 1);
    /* window:2: story 1 has [0,2) [1,3), story 2 has [0,2), story 3 none */
    assert_int_equal(a.units[2], 3);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 2, x, x), 2);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 2, z, z), 2);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 2, y, y), 1);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 2, x, z), 1);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 2, y, z), 1);
    assert_int_equal(sli_accum_pair(&a, &f.shape, 2, x, y), 0);
    sli_accum_free(&a);
    sli_accum_free(&a); /* freeing twice is harmless */
    fixture_close(&f);
}

static void aggregate__accum_sum_is_independent_of_order(void **state)
{
    (void)state;
    const char *units[] = {"document", "paragraph", "sentence", "window:3", NULL};
    fixture f;
    fixture_open(&f, "[a.b]\nlonely\n[a.c]\n\"very lonely\"\n" XYZ, units);
    static const char *stories[] = {
        "She felt lonely and very lonely. Alpha echo.",
        "Charlie.\n\nAlpha lonely charlie. Echo echo echo.",
        "",
        "very lonely alpha",
    };
    enum { N = sizeof stories / sizeof stories[0] };
    sl_docres r[N] = {{0}};
    for (size_t i = 0; i < N; i++)
        compute(&f, stories[i], &r[i]);
    sl_accum fwd, rev;
    assert_int_equal(sli_accum_init(&fwd, &f.shape), 0);
    assert_int_equal(sli_accum_init(&rev, &f.shape), 0);
    for (size_t i = 0; i < N; i++) {
        sli_accum_add(&fwd, &f.shape, &r[i]);
        sli_accum_add(&rev, &f.shape, &r[N - 1 - i]);
    }
    size_t nt = f.shape.nthemes;
    assert_int_equal(fwd.documents, rev.documents);
    assert_int_equal(fwd.tokens, rev.tokens);
    assert_memory_equal(fwd.theme_hits, rev.theme_hits, nt * sizeof *fwd.theme_hits);
    assert_memory_equal(fwd.theme_docs, rev.theme_docs, nt * sizeof *fwd.theme_docs);
    assert_memory_equal(fwd.entry_hits, rev.entry_hits, f.shape.nentries * sizeof *fwd.entry_hits);
    assert_memory_equal(fwd.units, rev.units, sizeof fwd.units);
    assert_memory_equal(fwd.pairs, rev.pairs,
                        f.shape.nunits * (nt * (nt + 1) / 2) * sizeof *fwd.pairs); /* triangles */
    /* and a hand-checked figure: a in documents 1, 2 and 4 */
    assert_int_equal(sli_accum_pair(&fwd, &f.shape, 0, theme_index(f.lex, "a"),
                                   theme_index(f.lex, "a")), 3);
    for (size_t i = 0; i < N; i++)
        sli_docres_clear(&r[i]);
    sli_accum_free(&fwd);
    sli_accum_free(&rev);
    fixture_close(&f);
}

/* The sums count a story under its net direction per theme without
 * calling sli_direction_net (they work it out branch-free): for every mix
 * of up to 3 improved, worsened and mentioned hits and every end state
 * (none, improved, worsened) the story must land where sli_direction_net
 * puts it, and a theme without hits nowhere. */
static void aggregate__net_direction_sums_agree_with_sl_direction_net(void **state)
{
    (void)state;
    sl_shape shape = {.nthemes = 2, .nentries = 0, .nunits = 0, .direction = 1};
    uint32_t theme_hits[3] = {0}, present[3] = {0}, dir[2 * SL_DIR_STORY + 1] = {0};
    sl_docres r = {.theme_hits = theme_hits, .present = present, .dir = dir};
    for (uint32_t up = 0; up <= 3; up++)
        for (uint32_t down = 0; down <= 3; down++)
            for (uint32_t same = 0; same <= 3; same++)
                for (uint32_t end = 0; end <= 2; end++) {
                sl_accum a;
                assert_int_equal(sli_accum_init(&a, &shape), 0);
                uint32_t *c = dir + SL_DIR_STORY; /* theme 1; theme 0 has none */
                c[SL_DIR_NET] = end; /* 0, SL_DIRECTION_IMPROVED, SL_DIRECTION_WORSENED */
                c[SL_DIR_IMPROVED] = up;
                c[SL_DIR_WORSENED] = down;
                c[SL_DIR_MENTIONED] = same;
                c[SL_DIR_UNKNOWN] = up + down + same;
                theme_hits[1] = up + down + same;
                r.npresent = theme_hits[1] ? 1 : 0;
                present[0] = 1;
                sli_accum_add(&a, &shape, &r);
                int net = sli_direction_net(c);
                for (int k = 0; k < 3; k++) {
                    uint64_t want = net == SL_DIRECTION_IMPROVED + k;
                    if (a.dir_docs[3 + k] != want || a.dir_docs[k] != 0)
                        fail_msg("%u up, %u down, %u mentioned, end %u: slot %d holds %llu, "
                                 "not %llu", up, down, same, end, k,
                                 (unsigned long long)a.dir_docs[3 + k], (unsigned long long)want);
                }
                assert_int_equal(a.dir_hits[SL_DIR_FIGURES + SL_DIR_UNKNOWN], up + down + same);
                sli_accum_free(&a);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(aggregate__window_units_slide_one_token_at_a_time),
        cmocka_unit_test(aggregate__net_direction_sums_agree_with_sl_direction_net),
        cmocka_unit_test(aggregate__short_story_is_one_window_empty_story_none),
        cmocka_unit_test(aggregate__phrase_hit_touches_every_window_it_overlaps),
        cmocka_unit_test(aggregate__sentence_and_paragraph_units),
        cmocka_unit_test(aggregate__parent_shares_units_with_its_children),
        cmocka_unit_test(aggregate__unit_pairs_match_a_brute_force_count),
        cmocka_unit_test(aggregate__theme_and_entry_hits_of_one_story),
        cmocka_unit_test(aggregate__story_without_hits_has_only_sizes),
        cmocka_unit_test(aggregate__reused_record_equals_fresh_one),
        cmocka_unit_test(aggregate__accum_adds_stories),
        cmocka_unit_test(aggregate__accum_sum_is_independent_of_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
