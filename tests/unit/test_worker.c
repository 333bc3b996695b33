/*
 * test_worker.c - one story on one worker (pipeline/worker.c): a huge
 * story matched and judged a stretch of sentences at a time gives exactly
 * the figures, hits, directions and triggers of the whole story.
 *
 * The reference is the same worker with stretches turned off. The story is
 * the sample corpus file (corpus/stories.csv, quotes and commas and all)
 * read as one text, under the bundled lexicons and modifiers: v2 rules,
 * conditions (avoided(), ended()), contexts (with()), also(), exclusions,
 * nested themes and regex entries, and every co-occurrence unit. Tests run
 * from the top of the source tree (make unit).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "lexicon/lexicon.h"
#include "pipeline/worker.h"

/* The file's bytes, then the zero padding a story's text carries. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s (run from the top of the source tree)", path);
    char *buf = calloc(1, 1 << 20);
    assert_non_null(buf);
    *len = fread(buf, 1, (1 << 20) - SL_TEXT_PAD - 1, f);
    assert_true(*len > 10000 && feof(f));
    fclose(f);
    return buf;
}

/* A story's counted hits as the story handler sees them, copied. */
typedef struct views {
    sl_hit_view *v;
    size_t n;
} views;

static views copy_views(const sl_hit_list *kept)
{
    views c = {malloc((kept->n + 1) * sizeof *c.v), kept->n};
    assert_non_null(c.v);
    memcpy(c.v, kept->v, kept->n * sizeof *c.v);
    return c;
}

static void same_views(const views *a, const sl_hit_list *b, size_t stretch)
{
    if (a->n != b->n)
        fail_msg("stretch %zu: %zu hits, the whole story %zu", stretch, b->n, a->n);
    for (size_t i = 0; i < a->n; i++) {
        const sl_hit_view *x = &a->v[i], *y = &b->v[i];
        /* entries and triggers are the lexicons' strings: the same pointers */
        if (x->theme != y->theme || x->entry_theme != y->entry_theme || x->entry != y->entry ||
            x->start != y->start || x->end != y->end || x->direction != y->direction ||
            x->time != y->time || x->trigger != y->trigger ||
            x->trigger_kind != y->trigger_kind || x->trigger_start != y->trigger_start ||
            x->trigger_end != y->trigger_end || x->negations != y->negations)
            fail_msg("stretch %zu: hit %zu (%s at %zu) differs from the whole story's", stretch,
                     i, y->entry, y->start);
    }
}

static void same_docres(const sl_docres *a, const sl_docres *b, const sl_shape *sh,
                        size_t stretch)
{
    assert_int_equal(a->tokens, b->tokens);
    assert_int_equal(a->sentences, b->sentences);
    assert_int_equal(a->paragraphs, b->paragraphs);
    assert_memory_equal(a->theme_hits, b->theme_hits, sh->nthemes * sizeof *a->theme_hits);
    assert_int_equal(a->npresent, b->npresent);
    assert_int_equal(a->nentry, b->nentry);
    assert_memory_equal(a->entry_ids, b->entry_ids, a->nentry * sizeof *a->entry_ids);
    assert_memory_equal(a->entry_counts, b->entry_counts, a->nentry * sizeof *a->entry_counts);
    assert_memory_equal(a->units, b->units, sizeof a->units);
    assert_int_equal(a->npairs, b->npairs);
    assert_memory_equal(a->pairs, b->pairs, a->npairs * sizeof *a->pairs);
    assert_non_null(b->dir);
    if (memcmp(a->dir, b->dir, sh->nthemes * SL_DIR_STORY * sizeof *a->dir) != 0)
        fail_msg("stretch %zu: direction counts differ", stretch);
}

static void no_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n)
{
    (void)user, (void)st, (void)hits, (void)n;
}

static void worker__stretches_give_the_whole_story(void **state)
{
    (void)state;
    const char *themes[] = {"lexicons/concepts.lex", "lexicons/outcomes.lex",
                            "lexicons/themes.lex"};
    const char *mods[] = {"lexicons/modifiers/avoidance.lex", "lexicons/modifiers/baseline.lex",
                          "lexicons/modifiers/breaker.lex",   "lexicons/modifiers/decrease.lex",
                          "lexicons/modifiers/increase.lex",  "lexicons/modifiers/negation.lex",
                          "lexicons/modifiers/outcome.lex"};
    sl_lexicon *lex = NULL, *mlex = NULL;
    sl_options *opts = NULL;
    sl_error err = {0};
    if (sl_lexicon_load(&lex, themes, 3, NULL, &err) != SL_OK ||
        sl_modifiers_load(&mlex, mods, 7, NULL, &err) != SL_OK)
        fail_msg("lexicons: %s", err.text);
    assert_true(lex->nregexes > 0 && lex->contexts && lex->has_conditions);
    assert_int_equal(sl_options_new(&opts), SL_OK);
    assert_int_equal(sl_options_set_modifiers(opts, mlex), SL_OK);
    assert_int_equal(sl_options_set_story_handler(opts, no_story, NULL), SL_OK);
    assert_int_equal(
        sl_options_set_cooccurrence(opts, "document,paragraph,sentence,window:7", &err), SL_OK);
    sl_shape shape = {.nthemes = lex->nthemes, .nentries = lex->nentries,
                      .nunits = opts->nunits, .direction = 1};
    memcpy(shape.units, opts->units, sizeof shape.units);

    sl_doc d = {.id = "corpus"};
    d.text = read_file("corpus/stories.csv", &d.text_len);
    sl_worker *w = NULL;
    assert_int_equal(sli_workers_new(&w, 1, lex, opts, &shape, &err), SL_OK);
    sl_docres whole = {0}, r = {0};
    sl_hit_list kept = {0};
    sl_regex_drops drops = {0};
    sli_worker_set_stretch(w, SIZE_MAX);
    assert_int_equal(sli_worker_analyse(w, lex, opts, &shape, &d, &whole, &kept, &drops, &err),
                     SL_OK);
    views want = copy_views(&kept);
    if (whole.tokens < 5000 || want.n < 300) /* a story worth cutting */
        fail_msg("%zu tokens, %zu hits", (size_t)whole.tokens, want.n);
    size_t triggers = 0;
    for (size_t i = 0; i < want.n; i++)
        triggers += want.v[i].trigger != NULL;
    assert_true(triggers > 50);

    /* stretches of one sentence up to about a fifth of the story, then
     * the whole story again through the default (it is below it) */
    static const size_t stretches[] = {1, 2, 9, 40, 333, 1000, 0};
    for (size_t k = 0; k < sizeof stretches / sizeof stretches[0]; k++) {
        sli_worker_set_stretch(w, stretches[k]);
        assert_int_equal(sli_worker_analyse(w, lex, opts, &shape, &d, &r, &kept, &drops, &err),
                         SL_OK);
        same_docres(&whole, &r, &shape, stretches[k]);
        same_views(&want, &kept, stretches[k]);
        assert_int_equal(drops.n, 0);
    }
    free(want.v);
    free(kept.v);
    free(drops.entry);
    free(drops.code);
    sli_docres_clear(&whole);
    sli_docres_clear(&r);
    sli_workers_free(w, 1);
    free(d.text);
    sl_options_free(opts);
    sl_lexicon_free(mlex);
    sl_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(worker__stretches_give_the_whole_story),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
