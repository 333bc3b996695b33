/*
 * examples.c - a lexicon's example sentences as tests (storylens lint,
 * storylens eval --tests).
 *
 * A theme may carry "example = [improved: | worsened: | mentioned:] TEXT"
 * (TEXT must match the theme, and get that net direction for it) and
 * "counterexample = TEXT" (TEXT must not match it). Every example is run
 * as a story of its own through the public analysis, in one run: the
 * sentences are written as JSON lines (ids "1".."N", built with jansson so
 * any text is escaped) into a buffer that fmemopen() hands to
 * sl_analysis_add_stream(). The story handler notes, per story, whether
 * the example's theme counted a hit (a descendant's hit is also counted
 * for its ancestors, with .theme set to each) and the story's net
 * direction for it, folded as the library folds it for
 * .themes[T].documents_by_direction (sli_direction_vote, sli_direction_net).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/error.h"
#include "core/options.h"
#include "core/vec.h"
#include "direction/direction.h"
#include "lexicon/lexicon.h"
#include "write/emit.h"

/* What the story handler found for each example, by index. */
typedef struct ex_seen {
    const sl_lexicon *lex;
    uint8_t *seen, *matched, *got; /* per example: story seen, a hit of its theme, net */
    int bad_id;                    /* a story id that names no example (a bug) */
} ex_seen;

size_t sl_lexicon_example_count(const sl_lexicon *lex)
{
    return lex ? lex->nexamples : 0;
}

static void on_story(void *user, const sl_story_view *story, const sl_hit_view *hits,
                     size_t nhits)
{
    ex_seen *x = user;
    char *end;
    errno = 0;
    unsigned long long id = strtoull(story->id, &end, 10);
    if (errno || *end || end == story->id || id < 1 || id > x->lex->nexamples) {
        x->bad_id = 1;
        return;
    }
    size_t i = (size_t)(id - 1);
    const sl_lex_example *ex = &x->lex->examples[i];
    uint32_t c[SL_DIR_STORY] = {0};
    for (size_t h = 0; h < nhits; h++) {
        if (hits[h].theme != ex->theme)
            continue; /* ordered by theme, then position: T's hits are in text order */
        x->matched[i] = 1;
        if (hits[h].direction != SL_DIRECTION_NONE)
            sli_direction_vote(c, (int)hits[h].direction, (int)hits[h].time);
    }
    x->got[i] = (uint8_t)sli_direction_net(c);
    x->seen[i] = 1;
}

/* The examples as JSON lines {"id": "1", "text": ...}. Caller frees *buf. */
static sl_status examples_jsonl(const sl_lexicon *lex, char **buf, size_t *len, sl_error *err)
{
    char *out = NULL;
    size_t n = 0, cap = 0;
    *buf = NULL;
    for (size_t i = 0; i < lex->nexamples; i++) {
        sl_jb b = {0};
        char id[24];
        snprintf(id, sizeof id, "%zu", i + 1);
        json_t *o = json_object();
        if (!o)
            b.oom = 1;
        sli_jb_set(&b, o, "id", sli_json_text(id));
        sli_jb_set(&b, o, "text", sli_json_text(lex->examples[i].text));
        char *line = b.oom ? NULL : json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        size_t ln = line ? strlen(line) : 0;
        if (!line || SL_GROW(out, cap, n + ln + 2) != 0) {
            free(line);
            free(out);
            return sli_fail_nomem(err);
        }
        memcpy(out + n, line, ln);
        n += ln;
        out[n++] = '\n';
        out[n] = '\0';
        free(line);
    }
    *buf = out;
    *len = n;
    return SL_OK;
}

/* Runs the examples through one analysis made with opts (whose story
 * handler fills the caller's ex_seen). */
static sl_status run_examples(const sl_lexicon *lex, const sl_options *opts, sl_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    sl_status s = examples_jsonl(lex, &buf, &len, err);
    if (s != SL_OK)
        return s;
    FILE *in = fmemopen(buf, len, "r");
    sl_analysis *an = NULL;
    if (!in)
        s = errno == ENOMEM ? sli_fail_nomem(err)
                            : sli_fail(err, SL_EINTERNAL, "cannot read the examples back: %s",
                                       strerror(errno));
    if (s == SL_OK)
        s = sl_analysis_new(&an, lex, opts, err);
    if (s == SL_OK)
        s = sl_analysis_add_stream(an, in, "examples", err);
    if (s == SL_OK)
        s = sl_analysis_flush(an, err);
    sl_analysis_free(an);
    if (in)
        fclose(in);
    free(buf);
    return s;
}

sl_status sl_lexicon_check_examples(const sl_lexicon *lex, const sl_options *opts,
                                    sl_example_fn fn, void *user, size_t *nfailed,
                                    sl_error *err)
{
    if (nfailed)
        *nfailed = 0;
    if (!lex)
        return sli_fail(err, SL_EUSAGE, "sl_lexicon_check_examples: no lexicon");
    size_t n = lex->nexamples;
    if (n == 0) /* fmemopen() of an empty buffer is not portable */
        return SL_OK;
    const sl_lexicon *mods = opts ? opts->modifiers : NULL;
    int figures = opts ? !opts->no_direction_figures : 1;
    int check_dirs = mods && figures;
    ex_seen x = {.lex = lex, .seen = calloc(n, 1), .matched = calloc(n, 1),
                 .got = calloc(n, 1)};
    sl_options *own = NULL;
    sl_status s = SL_OK;
    if (!x.seen || !x.matched || !x.got || sl_options_new(&own) != SL_OK)
        s = sli_fail_nomem(err);
    if (s == SL_OK) {
        sl_options_set_threads(own, 1);
        sl_options_set_modifiers(own, mods);
        sl_options_set_direction_figures(own, figures);
        sl_options_set_story_handler(own, on_story, &x);
        s = run_examples(lex, own, err);
    }
    if (s == SL_OK && (x.bad_id || memchr(x.seen, 0, n)))
        s = sli_fail(err, SL_EINTERNAL, "an example was not read back as a story of its own");
    size_t failed = 0;
    for (size_t i = 0; s == SL_OK && i < n; i++) {
        const sl_lex_example *ex = &lex->examples[i];
        sl_example_result r = {
            .file = ex->file < lex->nfiles ? lex->files[ex->file].path : "?",
            .line = ex->line,
            .theme = lex->themes[ex->theme].name,
            .text = ex->text,
            .must_match = ex->must_match,
            .want = check_dirs && ex->must_match ? (sl_direction)ex->want : SL_DIRECTION_NONE,
            .matched = x.matched[i],
            .got = check_dirs && x.matched[i] ? (sl_direction)x.got[i] : SL_DIRECTION_NONE,
        };
        r.passed = ex->must_match ? r.matched && (!r.want || r.got == r.want) : !r.matched;
        failed += !r.passed;
        if (fn)
            fn(user, &r);
    }
    if (s == SL_OK && nfailed)
        *nfailed = failed;
    sl_options_free(own);
    free(x.seen);
    free(x.matched);
    free(x.got);
    return s;
}
