/*
 * test_direction.c - the direction-of-change stage: each trigger kind and
 * scope rule on one-sentence stories, the modifier lexicon language
 * (scope, distance, "@" suffixes and their errors), the net direction of
 * a story, and the direction figures in the JSON and TSV output.
 *
 * The modifier lexicon below is the test's own, so that every distance is
 * known. Token positions are counted by hand in each test's comment:
 * distance = tokens from the trigger's last word to the hit's first word
 * (forward) or from the hit's last word to the trigger's first (backward).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "direction/direction.h"
#include "lexicon/lexicon.h"
#include "storylens/storylens.h"

#define THEMES                                                                                  \
    "[iso]\npolarity = problem\nlonely\n"                                                      \
    "[conf]\npolarity = asset\nconfidence\n"                                                   \
    "[carehome]\npolarity = problem\n\"care home\"\n"                                          \
    "[stayed]\npolarity = asset\n\"rather than ~2 care home\"\n"                               \
    "[tea]\nlabel = Tea (neutral)\n=tea\n"

/* Language v2: conditions, a resolved-state entry, a class in a rule. */
#define THEMES2                                                                                 \
    "[class place]\n\"care home\"\n\"nursing home\"\n"                                       \
    "[avoided]\npolarity = asset\navoided(<place>)\n"                                         \
    "[alone]\npolarity = problem\nnegated(friends)\n"                                         \
    "[iso2]\npolarity = problem\nlonely\n=alone\n\"new friends\" @resolved\n"             \
    "[iso3]\npolarity = problem\nlonely\n\"more tea\"\n"

#define MODIFIERS                                                                               \
    "[increase]\nscope = both\ndistance = 3\nmore\ngrow @backward:3\ngrew @backward:2\n"      \
    "[decrease]\nscope = forward\ndistance = 3\nless\n\"no longer\" @forward:5\n"             \
    "[negation]\nscope = forward\ndistance = 3\n=not\n=no\n=cannot\n"                          \
    "[avoidance]\nscope = forward\ndistance = 4\n\"rather than\"\navoided\n"                  \
    "[baseline]\nscope = forward\ndistance = 4\n=was\n"                                        \
    "[outcome]\nscope = both\ndistance = 3\n=now\n"                                            \
    "[breaker]\n=but\n"

/* ---- helpers -------------------------------------------------------------- */

static char *temp_file(const char *src)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/sl_test_direction_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(src, 1, strlen(src), f), strlen(src));
    assert_int_equal(fclose(f), 0);
    return path;
}

static sl_status load(sl_lexicon **lex, const char *src, int modifiers, sl_error *err)
{
    const char *paths[] = {temp_file(src)};
    sl_status s = modifiers ? sl_modifiers_load(lex, paths, 1, NULL, err)
                            : sl_lexicon_load(lex, paths, 1, NULL, err);
    unlink(paths[0]);
    return s;
}

/* What the story handler saw of the first hit of one theme. */
typedef struct seen {
    size_t theme;
    int found;
    sl_direction direction;
    sl_time time;
    char trigger[64];
    char kind[16];
    unsigned negations;
    char trigger_text[64];
} seen;

static void on_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n)
{
    seen *s = user;
    for (size_t i = 0; i < n && !s->found; i++) {
        if (hits[i].theme != s->theme)
            continue;
        s->found = 1;
        s->direction = hits[i].direction;
        s->time = hits[i].time;
        s->negations = hits[i].negations;
        snprintf(s->trigger, sizeof s->trigger, "%s", hits[i].trigger ? hits[i].trigger : "");
        snprintf(s->kind, sizeof s->kind, "%s", hits[i].trigger_kind ? hits[i].trigger_kind : "");
        if (hits[i].trigger)
            snprintf(s->trigger_text, sizeof s->trigger_text, "%.*s",
                     (int)(hits[i].trigger_end - hits[i].trigger_start),
                     st->text + hits[i].trigger_start);
    }
}

typedef struct fixture {
    sl_lexicon *themes, *mods, *themes2;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    sl_error err = {0};
    if (load(&f->themes, THEMES, 0, &err) != SL_OK || load(&f->mods, MODIFIERS, 1, &err) != SL_OK ||
        load(&f->themes2, THEMES2, 0, &err) != SL_OK)
        fail_msg("lexicons: %s", err.text);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    sl_lexicon_free(f->themes);
    sl_lexicon_free(f->themes2);
    sl_lexicon_free(f->mods);
    free(f);
    return 0;
}

/* Runs a one-story corpus over the theme lexicon lex and returns what the
 * story handler saw of the first hit of theme (found 0: none counted). */
static seen run_story(void **state, const sl_lexicon *lex, const char *theme, const char *text)
{
    fixture *f = *state;
    seen s = {0};
    while (s.theme < sl_lexicon_theme_count(lex) &&
           strcmp(sl_lexicon_theme_name(lex, s.theme), theme) != 0)
        s.theme++;
    assert_true(s.theme < sl_lexicon_theme_count(lex));
    sl_options *o;
    assert_int_equal(sl_options_new(&o), SL_OK);
    sl_options_set_threads(o, 1);
    sl_options_set_modifiers(o, f->mods);
    sl_options_set_story_handler(o, on_story, &s);
    sl_analysis *an;
    sl_error err = {0};
    assert_int_equal(sl_analysis_new(&an, lex, o, &err), SL_OK);
    json_t *rec = json_pack("{s:s, s:s}", "id", "s", "text", text);
    char *line = json_dumps(rec, JSON_COMPACT);
    json_decref(rec);
    FILE *in = fmemopen(line, strlen(line), "r");
    assert_non_null(in);
    if (sl_analysis_add_stream(an, in, "mem", &err) != SL_OK)
        fail_msg("add_stream: %s", err.text);
    fclose(in);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (sl_analysis_write(an, out, SL_FORMAT_JSON, &err) != SL_OK) /* runs the last batch */
        fail_msg("write: %s", err.text);
    fclose(out);
    free(buf);
    sl_analysis_free(an);
    sl_options_free(o);
    free(line);
    return s;
}

static seen judge(void **state, const char *theme, const char *text)
{
    seen s = run_story(state, ((fixture *)*state)->themes, theme, text);
    if (!s.found)
        fail_msg("no hit of %s in \"%s\"", theme, text);
    return s;
}

static seen judge2(void **state, const char *theme, const char *text)
{
    seen s = run_story(state, ((fixture *)*state)->themes2, theme, text);
    if (!s.found)
        fail_msg("no hit of %s in \"%s\"", theme, text);
    return s;
}

#define WANT(s, dir, tm)                                                                        \
    do {                                                                                        \
        assert_string_equal(sl_direction_name((s).direction), dir);                             \
        assert_string_equal(sl_time_name((s).time), tm);                                        \
    } while (0)

/* ---- scope rules ----------------------------------------------------------- */

static void direction__forward_scope_and_distance(void **state)
{
    /* "She is less lonely.": less(2) lonely(3), distance 1 <= 3:
     * a decrease of a problem -> improved, decided by "less" */
    seen s = judge(state, "iso", "She is less lonely.");
    WANT(s, "improved", "unknown");
    assert_string_equal(s.trigger, "less");
    assert_string_equal(s.kind, "decrease");
    assert_string_equal(s.trigger_text, "less");
    /* less(0) than(1) ever(2) lonely(3): distance 3, the limit -> improved */
    WANT(judge(state, "iso", "Less than ever lonely."), "improved", "unknown");
    /* less(0) than(1) ever(2) so(3) lonely(4): distance 4 > 3 -> no trigger:
     * a problem with no cue is a mention */
    s = judge(state, "iso", "Less than ever so lonely.");
    WANT(s, "mentioned", "unknown");
    assert_string_equal(s.trigger, "");
}

static void direction__backward_scope(void **state)
{
    /* lonely(0) feelings(1) grew(2): "grew @backward:2", distance 2 ->
     * an increase of a problem -> worsened */
    seen s = judge(state, "iso", "Lonely feelings grew.");
    WANT(s, "worsened", "unknown");
    assert_string_equal(s.trigger, "grew"); /* the entry as written, without its suffix */
    /* grew(0) lonely(1): a backward-only trigger does not reach forward */
    WANT(judge(state, "iso", "Grew lonely."), "mentioned", "unknown");
    /* lonely(2) and(3) it(4) grew(5): distance 3 > 2 */
    WANT(judge(state, "iso", "She felt lonely and it grew."), "mentioned", "unknown");
}

static void direction__both_scope(void **state)
{
    /* more(2) lonely(3) forward, and lonely(2) more(3) backward: worsened */
    WANT(judge(state, "iso", "She felt more lonely."), "worsened", "unknown");
    WANT(judge(state, "iso", "She is lonely, more than before."), "worsened", "unknown");
}

static void direction__sentence_end_stops_scope(void **state)
{
    /* "less" ends sentence 0; "lonely" is in sentence 1 */
    WANT(judge(state, "iso", "She has less. Lonely days are rare."), "mentioned", "unknown");
}

static void direction__breaker_stops_scope(void **state)
{
    /* less(0) tea(1) but(2) lonely(3): distance 3, but a breaker between */
    WANT(judge(state, "iso", "Less tea but lonely."), "mentioned", "unknown");
    /* the same distance without the breaker */
    WANT(judge(state, "iso", "Less tea and lonely."), "improved", "unknown");
}

/* ---- kinds ----------------------------------------------------------------- */

static void direction__negation_flips(void **state)
{
    /* not(2) feel(3) more(4) confidence(5): "more" distance 1, "not"
     * distance 3: asset(+1) x increase(+1) x negation(-1) -> worsened */
    seen s = judge(state, "conf", "She does not feel more confidence.");
    WANT(s, "worsened", "unknown");
    assert_int_equal(s.negations, 1);
    assert_string_equal(s.trigger, "more");
    /* "Confidence did not grow.": grow(3) reaches back 3 tokens; "not"(2)
     * stands right before it, between the hit and its change trigger, so
     * it negates the change: no change happened -> mentioned (a
     * confidence that did not grow did not shrink either) */
    s = judge(state, "conf", "Confidence did not grow.");
    WANT(s, "mentioned", "unknown");
    assert_int_equal(s.negations, 1);
    assert_string_equal(s.trigger, "grow"); /* still named: what was negated */
}

/* A trigger inside another hit of the same theme is part of what that
 * entry says: lonely(0) and(1) more(2) tea(3): "more" (both, 3) reaches
 * "lonely" 2 tokens back, but it lies inside the hit "more tea" of iso3,
 * so "lonely" keeps no change trigger: mentioned. Theme iso2 has no entry
 * holding "more", so there it modifies "lonely": a problem grown ->
 * worsened. */
static void direction__trigger_inside_a_hit_modifies_no_other(void **state)
{
    WANT(judge2(state, "iso3", "Lonely and more tea."), "mentioned", "unknown");
    WANT(judge2(state, "iso2", "Lonely and more tea."), "worsened", "unknown");
}

static void direction__double_negative(void **state)
{
    /* no(0) longer(1) feels(2) she(3) cannot(4) find(5) confidence(6):
     * "no longer" is one decrease (its "no" is not a negation: the longer
     * trigger wins), distance 6-1 = 5 <= 5; "cannot" distance 2:
     * asset(+1) x decrease(-1) x one negation(-1) = +1 -> improved */
    seen s = judge(state, "conf", "No longer feels she cannot find confidence.");
    WANT(s, "improved", "unknown");
    assert_int_equal(s.negations, 1);
    assert_string_equal(s.trigger, "\"no longer\"");
    assert_string_equal(s.trigger_text, "No longer");
}

static void direction__avoidance_by_polarity(void **state)
{
    /* rather(0) than(1) a(2) care(3) home(4): distance 3-1 = 2; a problem
     * avoided -> improved */
    seen s = judge(state, "carehome", "Rather than a care home.");
    WANT(s, "improved", "unknown");
    assert_string_equal(s.kind, "avoidance");
    /* she(0) avoided(1) the(2) confidence(3): an asset avoided -> worsened */
    WANT(judge(state, "conf", "She avoided the confidence course."), "worsened", "unknown");
    /* [stayed] (asset) holds the cue inside its own entry: the overlapping
     * trigger is part of what the entry says, so nothing modifies the hit
     * and an asset stated outside the baseline is the outcome -> improved */
    s = judge(state, "stayed", "She stayed rather than a care home.");
    WANT(s, "improved", "unknown");
    assert_string_equal(s.trigger, "");
}

static void direction__time_from_baseline_and_outcome(void **state)
{
    /* was(1) lonely(2): before; a problem in the baseline is a mention */
    WANT(judge(state, "iso", "She was lonely."), "mentioned", "before");
    /* lonely(2) now(3): after; a problem after the change -> worsened */
    seen s = judge(state, "iso", "She is lonely now.");
    WANT(s, "worsened", "after");
    assert_string_equal(s.kind, "outcome");
    /* negated problem after the change -> improved */
    WANT(judge(state, "iso", "She is not lonely now."), "improved", "after");
    /* an asset with no cue at all: unknown time, improved */
    WANT(judge(state, "conf", "Her confidence shows."), "improved", "unknown");
    /* an asset in the baseline: a mention */
    WANT(judge(state, "conf", "She was full of confidence."), "mentioned", "before");
}

static void direction__neutral_theme_only_mentioned(void **state)
{
    WANT(judge(state, "tea", "More tea now."), "mentioned", "after");
}

/* ---- language v2 ------------------------------------------------------------ */

/* avoided(<place>): "Rather than a care home": "rather than"(1-2) reaches
 * "care home"(4-5) at distance 2 <= 4, so the condition is met and the
 * avoidance is part of the entry; an asset with no other trigger and no
 * time cue is the outcome: improved. With no avoidance the match does not
 * count at all; "no" (negation, distance 1) meets it too ("is", unlike
 * "was", is no baseline cue). */
static void direction__avoided_condition_counts_only_when_met(void **state)
{
    WANT(judge2(state, "avoided", "Rather than a care home, she stayed put."), "improved",
         "unknown");
    assert_false(run_story(state, ((fixture *)*state)->themes2, "avoided",
                           "She moved into a care home.").found);
    WANT(judge2(state, "avoided", "There is no nursing home for him."), "improved", "unknown");
}

/* negated(friends) in a problem theme: "no friends" meets it and the
 * negation is consumed, so the problem stands: a mention (no cue), or
 * worse with "now" (after, 1 token after "friends") in its clause;
 * "friends" alone does not count. */
static void direction__negated_condition_consumes_the_negation(void **state)
{
    WANT(judge2(state, "alone", "She had no friends."), "mentioned", "unknown");
    WANT(judge2(state, "alone", "She has no friends now."), "worsened", "after");
    assert_false(run_story(state, ((fixture *)*state)->themes2, "alone",
                           "She has friends.").found);
}

/* "new friends" @resolved in a problem theme reads as the good state:
 * improved with no cue; "less" (decrease, distance 1) of the good state
 * is a worsening. */
static void direction__resolved_entry_reads_as_the_good_state(void **state)
{
    WANT(judge2(state, "iso2", "She has made new friends."), "improved", "unknown");
    WANT(judge2(state, "iso2", "She sees less new friends."), "worsened", "unknown");
}

/* A time cue binds to its clause: "now" (outcome, scope both, distance 3)
 * is 2 tokens after "alone" but past a comma, so "alone" has no time cue:
 * a problem stated with no cue is a mention; without the comma it is the
 * state after the change: worsened. */
static void direction__time_cue_binds_to_its_clause(void **state)
{
    WANT(judge2(state, "iso2", "She felt alone, and now she is busy."), "mentioned", "unknown");
    WANT(judge2(state, "iso2", "She feels alone now."), "worsened", "after");
    /* a comma alone is no clause mark: it takes a conjunction after it
     * ("and", "but", ...) to start a new clause */
    WANT(judge2(state, "iso2", "She felt alone, now she is busy."), "worsened", "after");
}

/* ---- net direction ------------------------------------------------------------ */

/* A story's hits in text order, each (direction, time), voted into one
 * record; its net direction. */
static int net_of(const int (*hits)[2], size_t n)
{
    uint32_t c[SL_DIR_STORY] = {0};
    for (size_t i = 0; i < n; i++)
        sli_direction_vote(c, hits[i][0], hits[i][1]);
    return sli_direction_net(c);
}

/* The end state decides, worked by hand for each: */
static void direction__net_of_a_story(void **state)
{
    (void)state;
    enum { I = SL_DIRECTION_IMPROVED, W = SL_DIRECTION_WORSENED, M = SL_DIRECTION_MENTIONED };
    enum { B = SL_TIME_BEFORE, A = SL_TIME_AFTER, U = SL_TIME_UNKNOWN };
    /* a problem in the opening, its resolved state later: improved */
    const int opening_then_resolved[][2] = {{M, B}, {M, U}, {I, U}};
    assert_int_equal(net_of(opening_then_resolved, 3), I);
    /* a loss in the baseline, a gain at the end: improved (it was a tie) */
    const int loss_then_gain[][2] = {{W, U}, {I, A}};
    assert_int_equal(net_of(loss_then_gain, 2), I);
    /* two gains, then a setback at the end: worsened (it was improved 2-1) */
    const int gains_then_setback[][2] = {{I, U}, {I, U}, {W, A}};
    assert_int_equal(net_of(gains_then_setback, 3), W);
    /* a worsening stated in the baseline only, no end state: mentioned */
    const int baseline_only[][2] = {{W, B}, {M, U}};
    assert_int_equal(net_of(baseline_only, 2), M);
    /* an improvement told in the past tense, no change outside the
     * baseline: improved; a later change, or an earlier one outside the
     * baseline, decides instead */
    const int past_tense_gain[][2] = {{M, U}, {I, B}};
    assert_int_equal(net_of(past_tense_gain, 2), I);
    const int past_gain_then_setback[][2] = {{I, B}, {W, U}};
    assert_int_equal(net_of(past_gain_then_setback, 2), W);
    const int setback_then_past_gain[][2] = {{W, A}, {I, B}};
    assert_int_equal(net_of(setback_then_past_gain, 2), W);
    /* a gain, then a later plain mention: mentions do not vote */
    const int gain_then_mention[][2] = {{I, A}, {M, U}};
    assert_int_equal(net_of(gain_then_mention, 2), I);
    /* mentions only, and no hit at all */
    const int mentions[][2] = {{M, U}, {M, B}};
    assert_int_equal(net_of(mentions, 2), M);
    assert_int_equal(net_of(NULL, 0), SL_DIRECTION_NONE);
}

/* ---- the lexicon language ---------------------------------------------------- */

static void want_error(const char *src, int modifiers, const char *tail)
{
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    assert_int_equal(load(&lex, src, modifiers, &err), SL_ELEXICON);
    assert_null(lex);
    const char *colon = strchr(err.text, ':'); /* skip the temporary path */
    assert_non_null(colon);
    if (strncmp(colon + 1, tail, strlen(tail)) != 0)
        fail_msg("got \"%s\", want \"...:%s\"", err.text, tail);
}

static void direction__lexicon_errors_name_line_and_column(void **state)
{
    (void)state;
    want_error("[negation]\nscope = sideways\n", 1,
               "2:9: scope must be forward, backward or both, not \"sideways\"");
    want_error("[negation]\ndistance = 0\n", 1, "2:12: distance must be a number of tokens");
    want_error("[negation]\ndistance = 51\n", 1, "2:12: distance must be a number of tokens");
    want_error("[negation]\ndistance = 3x\n", 1, "2:12: distance must be a number of tokens");
    want_error("[negation]\n  =not @sideways:2\n", 1,
               "2:9: scope must be forward, backward or both");
    want_error("[negation]\n=not @forward:x\n", 1, "2:15: distance must be a number");
    want_error("[decreese]\nless\n", 1, "1:1: unknown modifier kind [decreese]");
    /* theme lexicons know nothing of scopes */
    want_error("[iso]\nscope = forward\n", 0, "2:1: unknown key \"scope\"");
    want_error("[iso]\nlonely @forward\n", 0,
               "2:8: a theme entry's suffix is @resolved (it names the theme's resolved "
               "state) or @improved, @worsened or @mentioned; \"@scope\" belongs in modifier "
               "lexicons");
}

static void direction__suffix_overrides_theme_defaults(void **state)
{
    (void)state;
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    if (load(&lex, "[outcome]\nscope = backward\ndistance = 7\n=now\n"
                   "\"as a result\" @forward:2\n=today @9\n=anymore @both\n",
             1, &err) != SL_OK)
        fail_msg("load: %s", err.text);
    assert_int_equal(lex->themes[0].scope, SL_SCOPE_BACKWARD);
    assert_int_equal(lex->themes[0].distance, 7);
    assert_int_equal(lex->nentries, 4);
    assert_int_equal(lex->entries[0].scope, SL_SCOPE_UNSET); /* the theme's */
    assert_int_equal(lex->entries[0].distance, 0);
    assert_string_equal(lex->entries[1].source, "\"as a result\""); /* no suffix in the key */
    assert_int_equal(lex->entries[1].scope, SL_SCOPE_FORWARD);
    assert_int_equal(lex->entries[1].distance, 2);
    assert_int_equal(lex->entries[2].scope, SL_SCOPE_UNSET);
    assert_int_equal(lex->entries[2].distance, 9);
    assert_int_equal(lex->entries[3].scope, SL_SCOPE_BOTH);
    assert_int_equal(lex->entries[3].distance, 0);
    sl_lexicon_free(lex);
}

/* ---- figures --------------------------------------------------------------- */

/* Two stories, worked by hand:
 *   a (site x): "She was lonely. She is less lonely now."
 *      lonely#1: was -> before, mentioned; lonely#2: less -> improved,
 *      now (backward, distance 1) -> after.  net: improved (1 vs 0)
 *   b (site y): "She felt more lonely."  more -> worsened, unknown. net worsened
 * iso: direction improved 1 worsened 1 mentioned 1; documents_by_direction
 *      improved 1 worsened 1 mentioned 0; time before 1 after 1 unknown 1 */
static void direction__figures_in_json_and_tsv(void **state)
{
    fixture *f = *state;
    const char *corpus = "{\"id\":\"a\",\"site\":\"x\",\"text\":\"She was lonely. She is less "
                         "lonely now.\"}\n{\"id\":\"b\",\"site\":\"y\",\"text\":\"She felt more "
                         "lonely.\"}\n";
    sl_options *o;
    assert_int_equal(sl_options_new(&o), SL_OK);
    sl_options_set_modifiers(o, f->mods);
    sl_options_set_per_document(o, 1);
    sl_options_add_by(o, "site");
    char *bufs[2] = {NULL, NULL};
    for (int fmt = 0; fmt < 2; fmt++) {
        sl_analysis *an;
        sl_error err = {0};
        assert_int_equal(sl_analysis_new(&an, f->themes, o, &err), SL_OK);
        FILE *in = fmemopen((void *)corpus, strlen(corpus), "r");
        assert_int_equal(sl_analysis_add_stream(an, in, "mem", &err), SL_OK);
        fclose(in);
        size_t len;
        FILE *out = open_memstream(&bufs[fmt], &len);
        assert_int_equal(sl_analysis_write(an, out, fmt ? SL_FORMAT_TSV : SL_FORMAT_JSON, &err),
                         SL_OK);
        fclose(out);
        sl_analysis_free(an);
    }
    sl_options_free(o);
    json_error_t je;
    json_t *root = json_loads(bufs[0], 0, &je);
    assert_non_null(root);
    char *got = json_dumps(json_object_get(json_object_get(root, "themes"), "iso"),
                           JSON_COMPACT | JSON_PRESERVE_ORDER);
    assert_non_null(strstr(got, "\"direction\":{\"improved\":1,\"worsened\":1,\"mentioned\":1},"
                                "\"documents_by_direction\":{\"improved\":1,\"worsened\":1,"
                                "\"mentioned\":0},\"time\":{\"before\":1,\"after\":1,"
                                "\"unknown\":1}"));
    free(got);
    /* group y holds story b only */
    json_t *gy = json_object_get(json_object_get(json_object_get(json_object_get(
                     json_object_get(json_object_get(root, "groups"), "site"), "y"), "themes"),
                     "iso"), "documents_by_direction");
    assert_int_equal(json_integer_value(json_object_get(gy, "worsened")), 1);
    assert_int_equal(json_integer_value(json_object_get(gy, "improved")), 0);
    json_t *docs = json_object_get(root, "documents");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_array_get(docs, 0), "direction"), "iso")),
                        "improved");
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(json_array_get(docs, 1), "direction"), "iso")),
                        "worsened");
    /* story a mentions only iso: no other theme in its direction */
    assert_int_equal(json_object_size(json_object_get(json_array_get(docs, 0), "direction")), 1);
    json_decref(root);
    assert_non_null(strstr(bufs[1], "\t\t\ttheme\t\tiso\t\tdirection.improved\t1\n"));
    assert_non_null(strstr(bufs[1], "\t\t\ttheme\t\tiso\t\tdocuments_by_direction.mentioned\t0\n"));
    assert_non_null(strstr(bufs[1], "\t\t\ttheme\t\tiso\t\ttime.before\t1\n"));
    assert_non_null(strstr(bufs[1], "site\ty\t\ttheme\t\tiso\t\tdirection.worsened\t1\n"));
    assert_non_null(strstr(bufs[1], "\t\ta\tdocument\t\tiso\t\tdirection\timproved\n"));
    free(bufs[0]);
    free(bufs[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(direction__forward_scope_and_distance),
        cmocka_unit_test(direction__avoided_condition_counts_only_when_met),
        cmocka_unit_test(direction__negated_condition_consumes_the_negation),
        cmocka_unit_test(direction__resolved_entry_reads_as_the_good_state),
        cmocka_unit_test(direction__time_cue_binds_to_its_clause),
        cmocka_unit_test(direction__backward_scope),
        cmocka_unit_test(direction__both_scope),
        cmocka_unit_test(direction__sentence_end_stops_scope),
        cmocka_unit_test(direction__breaker_stops_scope),
        cmocka_unit_test(direction__negation_flips),
        cmocka_unit_test(direction__trigger_inside_a_hit_modifies_no_other),
        cmocka_unit_test(direction__double_negative),
        cmocka_unit_test(direction__avoidance_by_polarity),
        cmocka_unit_test(direction__time_from_baseline_and_outcome),
        cmocka_unit_test(direction__neutral_theme_only_mentioned),
        cmocka_unit_test(direction__figures_in_json_and_tsv),
        cmocka_unit_test(direction__suffix_overrides_theme_defaults),
    };
    const struct CMUnitTest plain[] = {
        cmocka_unit_test(direction__net_of_a_story),
        cmocka_unit_test(direction__lexicon_errors_name_line_and_column),
    };
    return cmocka_run_group_tests(tests, setup, teardown) + cmocka_run_group_tests(plain, NULL, NULL);
}
