/*
 * test_analysis.c - the public API end to end: sl_options, sl_lexicon_load,
 * sl_analysis_new, sl_analysis_add_stream (fmemopen'd JSONL/CSV),
 * sl_analysis_write (to an open_memstream), and the written JSON parsed
 * back with jansson, or the TSV/CSV rows read as text.
 *
 * Most tests use one small corpus whose figures are worked out by hand
 * below; the expected values are written from those notes, never copied
 * from the program's output.
 *
 * Lexicon (themes in lexicon order: iso, iso.home, care):
 *   [iso] lonely, "very lonely", !"not lonely"   [iso.home] housebound
 *   [care] carer*
 * Stories:
 *   s1 site=north "She felt lonely and very lonely. Her carer visited."
 *      9 tokens, 2 sentences, 1 paragraph; iso 2 (lonely, "very lonely"
 *      swallows the 2nd lonely), care 1 (carer)
 *   s2 site=south "He was housebound.\n\nNot lonely now."
 *      6 tokens, 2 sentences, 2 paragraphs; iso.home 1, iso 1 (housebound
 *      via its child; "not lonely" is excluded)
 *   s3 (no site) "Carers help."
 *      2 tokens, 1 sentence, 1 paragraph; care 1
 * Corpus: 3 documents, 17 tokens, 5 sentences, 4 paragraphs.
 *   iso      hits 3 docs 2 share 2/3=0.666667 per 1000 = 3000/17 = 176.470588
 *   iso.home hits 1 docs 1 share 0.333333     per 1000 = 1000/17 =  58.823529
 *   care     hits 2 docs 2 share 0.666667     per 1000 = 2000/17 = 117.647059
 * Co-occurrence, document (3 units): iso {s1,s2}, home {s2}, care {s1,s3}
 *   iso&home 1: jaccard 1/2 = 0.5, npmi ln((1/3)/(2/3*1/3))/-ln(1/3)
 *               = ln 1.5 / ln 3 = 0.369070
 *   iso&care 1: jaccard 1/3 = 0.333333, npmi ln(0.75)/ln 3 = -0.261860
 *   home&care 0: jaccard 0, npmi -1
 * Co-occurrence, sentence (5 units): iso {s1.0, s2.0}, home {s2.0},
 *   care {s1.1, s3.0}: iso&home 1, npmi ln 2.5 / ln 5 = 0.569323;
 *   iso&care 0, npmi -1
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pipeline/analysis.h"
#include "write/figures.h"
#include "core/options.h"
#include "storylens/storylens.h"

#define LEXICON                                                                                 \
    "[iso]\n"                                                                                   \
    "label = Isolation\n"                                                                       \
    "polarity = problem\n"                                                                      \
    "lonely\n"                                                                                  \
    "\"very lonely\"\n"                                                                         \
    "!\"not lonely\"\n"                                                                         \
    "[iso.home]\n"                                                                              \
    "housebound\n"                                                                              \
    "[care]\n"                                                                                  \
    "carer*\n"

#define CORPUS_JSONL                                                                            \
    "{\"id\":\"s1\",\"site\":\"north\",\"text\":\"She felt lonely and very lonely. Her carer "  \
    "visited.\"}\n"                                                                             \
    "{\"id\":\"s2\",\"site\":\"south\",\"text\":\"He was housebound.\\n\\nNot lonely now.\"}\n" \
    "{\"id\":\"s3\",\"text\":\"Carers help.\"}\n"

#define CORPUS_CSV                                                                              \
    "id,site,text\n"                                                                            \
    "s1,north,She felt lonely and very lonely. Her carer visited.\n"                            \
    "s2,south,\"He was housebound.\n\nNot lonely now.\"\n"                                      \
    "s3,,Carers help.\n"

/* ---- running an analysis -------------------------------------------------- */

typedef struct config {
    const char *units;       /* NULL: the default */
    const char *by[3];       /* NULL-terminated */
    int per_document;
    int threads;             /* 0: all cores */
    sl_input_format input;   /* of the stream; AUTO reads JSONL */
    const char *text_field, *id_field;
} config;

static sl_options *options_for(const config *cfg)
{
    sl_options *o = NULL;
    sl_error err = {0};
    assert_int_equal(sl_options_new(&o), SL_OK);
    assert_int_equal(sl_options_set_threads(o, cfg->threads), SL_OK);
    if (cfg->units && sl_options_set_cooccurrence(o, cfg->units, &err) != SL_OK)
        fail_msg("cooccurrence: %s", err.text);
    for (size_t i = 0; i < 3 && cfg->by[i]; i++)
        assert_int_equal(sl_options_add_by(o, cfg->by[i]), SL_OK);
    assert_int_equal(sl_options_set_per_document(o, cfg->per_document), SL_OK);
    assert_int_equal(sl_options_set_stdin_format(o, cfg->input), SL_OK);
    if (cfg->text_field)
        assert_int_equal(sl_options_set_text_field(o, cfg->text_field), SL_OK);
    if (cfg->id_field)
        assert_int_equal(sl_options_set_id_field(o, cfg->id_field), SL_OK);
    return o;
}

static void add_input(sl_analysis *an, const char *input)
{
    sl_error err = {0};
    /* fmemopen of an empty buffer is not portable: an empty input is a no-op */
    if (!*input)
        return;
    FILE *in = fmemopen((void *)input, strlen(input), "r");
    assert_non_null(in);
    sl_status s = sl_analysis_add_stream(an, in, "mem", &err);
    fclose(in);
    if (s != SL_OK)
        fail_msg("add_stream: %s", err.text);
}

static char *write_out(sl_analysis *an, sl_format fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    sl_error err = {0};
    sl_status s = sl_analysis_write(an, out, fmt, &err);
    fclose(out);
    if (s != SL_OK)
        fail_msg("write: %s", err.text);
    assert_int_equal(strlen(buf), len);
    return buf;
}

/* Runs lex over the inputs (NULL-terminated) and returns what
 * sl_analysis_write() wrote. Caller frees. */
static char *run_lex(const sl_lexicon *lex, const config *cfg, const char *const *inputs,
                     sl_format fmt)
{
    sl_options *o = options_for(cfg);
    sl_analysis *an = NULL;
    sl_error err = {0};
    if (sl_analysis_new(&an, lex, o, &err) != SL_OK)
        fail_msg("analysis_new: %s", err.text);
    for (size_t i = 0; inputs[i]; i++)
        add_input(an, inputs[i]);
    char *out = write_out(an, fmt);
    sl_analysis_free(an);
    sl_options_free(o);
    return out;
}

static char *run_inputs(const char *lexsrc, const config *cfg, const char *const *inputs,
                        sl_format fmt)
{
    sl_lexicon *lex = lex_from(lexsrc);
    char *out = run_lex(lex, cfg, inputs, fmt);
    sl_lexicon_free(lex);
    return out;
}

static char *run(const char *lexsrc, const config *cfg, const char *input, sl_format fmt)
{
    const char *inputs[] = {input, NULL};
    return run_inputs(lexsrc, cfg, inputs, fmt);
}

static json_t *run_json(const char *lexsrc, const config *cfg, const char *input)
{
    char *out = run(lexsrc, cfg, input, SL_FORMAT_JSON);
    json_error_t je;
    json_t *root = json_loads(out, 0, &je);
    if (!root)
        fail_msg("output is not JSON: %s (line %d)\n%s", je.text, je.line, out);
    free(out);
    return root;
}

/* ---- reading the JSON ------------------------------------------------------ */

/* Walks object keys (an array takes a decimal index). NULL if absent. */
static json_t *jat(json_t *v, ...)
{
    va_list ap;
    va_start(ap, v);
    for (const char *k; v && (k = va_arg(ap, const char *));)
        v = json_is_array(v) ? json_array_get(v, strtoul(k, NULL, 10)) : json_object_get(v, k);
    va_end(ap);
    return v;
}

#define JAT(root, ...) jat(root, __VA_ARGS__, (const char *)NULL)

static void want_int(const json_t *v, long long n, const char *where)
{
    if (!v || !json_is_integer(v))
        fail_msg("%s: not an integer", where);
    if (json_integer_value(v) != n)
        fail_msg("%s = %lld, expected %lld", where, (long long)json_integer_value(v), n);
}

static void want_real(const json_t *v, double x, const char *where)
{
    if (!v || !json_is_real(v))
        fail_msg("%s: not a real", where);
    if (fabs(json_real_value(v) - x) > 1e-12)
        fail_msg("%s = %.15g, expected %.15g", where, json_real_value(v), x);
}

static void want_str(const json_t *v, const char *s, const char *where)
{
    if (!v || !json_is_string(v))
        fail_msg("%s: not a string", where);
    if (strcmp(json_string_value(v), s) != 0)
        fail_msg("%s = \"%s\", expected \"%s\"", where, json_string_value(v), s);
}

static void want_null(const json_t *v, const char *where)
{
    if (!v || !json_is_null(v))
        fail_msg("%s: not null", where);
}

#define INT_AT(root, n, ...) want_int(JAT(root, __VA_ARGS__), n, #__VA_ARGS__)
#define REAL_AT(root, x, ...) want_real(JAT(root, __VA_ARGS__), x, #__VA_ARGS__)
#define STR_AT(root, s, ...) want_str(JAT(root, __VA_ARGS__), s, #__VA_ARGS__)
#define NULL_AT(root, ...) want_null(JAT(root, __VA_ARGS__), #__VA_ARGS__)
#define ABSENT_AT(root, ...) assert_null(JAT(root, __VA_ARGS__))

/* The keys of object o, in order, joined with '|'. */
static void keys_of(json_t *o, char *buf, size_t size)
{
    assert_true(json_is_object(o));
    buf[0] = '\0';
    size_t n = 0, k = 0;
    for (void *it = json_object_iter(o); it; it = json_object_iter_next(o, it), k++) {
        n += (size_t)snprintf(buf + n, size - n, "%s%s", k ? "|" : "",
                              json_object_iter_key(it));
        assert_true(n < size);
    }
}

#define KEYS_AT(root, want, ...)                                                              \
    do {                                                                                      \
        char keys_[512];                                                                      \
        keys_of(JAT(root, __VA_ARGS__), keys_, sizeof keys_);                                 \
        assert_string_equal(keys_, want);                                                     \
    } while (0)

/* ---- the hand-worked corpus as JSON --------------------------------------- */

static void analysis__json_corpus_and_theme_figures(void **state)
{
    (void)state;
    config cfg = {0};
    json_t *r = run_json(LEXICON, &cfg, CORPUS_JSONL);
    INT_AT(r, SL_SCHEMA, "schema");
    STR_AT(r, SL_VERSION, "storylens");
    INT_AT(r, 3, "corpus", "documents");
    INT_AT(r, 17, "corpus", "tokens");
    INT_AT(r, 5, "corpus", "sentences");
    INT_AT(r, 4, "corpus", "paragraphs");
    INT_AT(r, 0, "corpus", "invalid_utf8_bytes");
    KEYS_AT(r, "iso|iso.home|care", "themes");

    STR_AT(r, "Isolation", "themes", "iso", "label");
    NULL_AT(r, "themes", "iso", "description");
    STR_AT(r, "problem", "themes", "iso", "polarity");
    NULL_AT(r, "themes", "iso", "parent");
    STR_AT(r, "iso", "themes", "iso.home", "parent");
    NULL_AT(r, "themes", "iso.home", "label");
    STR_AT(r, "neutral", "themes", "iso.home", "polarity");

    INT_AT(r, 3, "themes", "iso", "hits");
    INT_AT(r, 2, "themes", "iso", "documents");
    REAL_AT(r, 0.666667, "themes", "iso", "document_share");
    REAL_AT(r, 176.470588, "themes", "iso", "hits_per_1000_tokens");
    INT_AT(r, 1, "themes", "iso.home", "hits");
    INT_AT(r, 1, "themes", "iso.home", "documents");
    REAL_AT(r, 0.333333, "themes", "iso.home", "document_share");
    REAL_AT(r, 58.823529, "themes", "iso.home", "hits_per_1000_tokens");
    INT_AT(r, 2, "themes", "care", "hits");
    INT_AT(r, 2, "themes", "care", "documents");
    REAL_AT(r, 0.666667, "themes", "care", "document_share");
    REAL_AT(r, 117.647059, "themes", "care", "hits_per_1000_tokens");

    /* entries under their own theme only; exclusions are not figures */
    KEYS_AT(r, "lonely|\"very lonely\"", "themes", "iso", "entries");
    INT_AT(r, 1, "themes", "iso", "entries", "lonely");
    INT_AT(r, 1, "themes", "iso", "entries", "\"very lonely\"");
    KEYS_AT(r, "housebound", "themes", "iso.home", "entries");
    INT_AT(r, 1, "themes", "iso.home", "entries", "housebound");
    INT_AT(r, 2, "themes", "care", "entries", "carer*");

    /* the default settings */
    STR_AT(r, "english", "settings", "language");
    STR_AT(r, "text", "settings", "text_field");
    STR_AT(r, "id", "settings", "id_field");
    STR_AT(r, "document", "settings", "cooccurrence", "0");
    STR_AT(r, "sentence", "settings", "cooccurrence", "1");
    assert_int_equal(json_array_size(JAT(r, "settings", "by")), 0);
    assert_true(json_is_false(JAT(r, "settings", "per_document")));
    assert_int_equal(json_array_size(JAT(r, "lexicons")), 1);
    assert_int_equal(strlen(json_string_value(JAT(r, "lexicons", "0", "sha256"))), 64);
    ABSENT_AT(r, "groups");
    ABSENT_AT(r, "documents");
    json_decref(r);
}

static void analysis__json_cooccurrence_figures(void **state)
{
    (void)state;
    config cfg = {0};
    json_t *r = run_json(LEXICON, &cfg, CORPUS_JSONL);
    KEYS_AT(r, "document|sentence", "cooccurrence");

    INT_AT(r, 3, "cooccurrence", "document", "units");
    INT_AT(r, 2, "cooccurrence", "document", "counts", "iso", "iso");
    INT_AT(r, 1, "cooccurrence", "document", "counts", "iso.home", "iso.home");
    INT_AT(r, 2, "cooccurrence", "document", "counts", "care", "care");
    INT_AT(r, 1, "cooccurrence", "document", "counts", "iso", "iso.home");
    INT_AT(r, 1, "cooccurrence", "document", "counts", "iso.home", "iso");
    INT_AT(r, 1, "cooccurrence", "document", "counts", "iso", "care");
    INT_AT(r, 0, "cooccurrence", "document", "counts", "care", "iso.home");
    REAL_AT(r, 1.0, "cooccurrence", "document", "jaccard", "iso", "iso");
    REAL_AT(r, 0.5, "cooccurrence", "document", "jaccard", "iso", "iso.home");
    REAL_AT(r, 0.333333, "cooccurrence", "document", "jaccard", "care", "iso");
    REAL_AT(r, 0.0, "cooccurrence", "document", "jaccard", "iso.home", "care");
    REAL_AT(r, 0.36907, "cooccurrence", "document", "npmi", "iso", "iso.home");
    REAL_AT(r, 0.36907, "cooccurrence", "document", "npmi", "iso.home", "iso");
    REAL_AT(r, -0.26186, "cooccurrence", "document", "npmi", "iso", "care");
    REAL_AT(r, -1.0, "cooccurrence", "document", "npmi", "iso.home", "care");
    REAL_AT(r, 1.0, "cooccurrence", "document", "npmi", "iso", "iso");
    REAL_AT(r, 1.0, "cooccurrence", "document", "npmi", "iso.home", "iso.home");

    INT_AT(r, 5, "cooccurrence", "sentence", "units");
    INT_AT(r, 2, "cooccurrence", "sentence", "counts", "iso", "iso");
    INT_AT(r, 1, "cooccurrence", "sentence", "counts", "iso", "iso.home");
    INT_AT(r, 0, "cooccurrence", "sentence", "counts", "iso", "care");
    INT_AT(r, 2, "cooccurrence", "sentence", "counts", "care", "care");
    REAL_AT(r, 0.5, "cooccurrence", "sentence", "jaccard", "iso", "iso.home");
    REAL_AT(r, 0.0, "cooccurrence", "sentence", "jaccard", "iso", "care");
    REAL_AT(r, 0.569323, "cooccurrence", "sentence", "npmi", "iso", "iso.home");
    REAL_AT(r, -1.0, "cooccurrence", "sentence", "npmi", "iso", "care");
    json_decref(r);
}

static void analysis__reals_are_written_with_six_decimals(void **state)
{
    (void)state;
    config cfg = {0};
    char *out = run(LEXICON, &cfg, CORPUS_JSONL, SL_FORMAT_JSON);
    assert_non_null(strstr(out, "\"document_share\": 0.666667,"));
    assert_non_null(strstr(out, "\"hits_per_1000_tokens\": 176.470588,"));
    assert_non_null(strstr(out, "\"hits_per_1000_tokens\": 58.823529,"));
    assert_non_null(strstr(out, "\"iso.home\": 0.36907,"));
    assert_null(strstr(out, "0.6666666"));
    assert_int_equal(out[strlen(out) - 1], '\n');
    free(out);
}

static void analysis__by_field_groups_stories(void **state)
{
    (void)state;
    config cfg = {.by = {"site"}};
    json_t *r = run_json(LEXICON, &cfg, CORPUS_JSONL);
    STR_AT(r, "site", "settings", "by", "0");
    /* s3 has no site: group "" */
    KEYS_AT(r, "site", "groups");
    KEYS_AT(r, "|north|south", "groups", "site");

    INT_AT(r, 1, "groups", "site", "", "documents");
    INT_AT(r, 2, "groups", "site", "", "tokens");
    INT_AT(r, 1, "groups", "site", "", "themes", "care", "hits");
    REAL_AT(r, 1.0, "groups", "site", "", "themes", "care", "document_share");
    REAL_AT(r, 500.0, "groups", "site", "", "themes", "care", "hits_per_1000_tokens");
    INT_AT(r, 0, "groups", "site", "", "themes", "iso", "hits");
    REAL_AT(r, 0.0, "groups", "site", "", "themes", "iso", "document_share");
    REAL_AT(r, 0.0, "groups", "site", "", "themes", "iso", "hits_per_1000_tokens");
    INT_AT(r, 1, "groups", "site", "", "themes", "care", "entries", "carer*");
    /* group themes carry figures, not the descriptions */
    ABSENT_AT(r, "groups", "site", "", "themes", "iso", "label");

    INT_AT(r, 1, "groups", "site", "north", "documents");
    INT_AT(r, 9, "groups", "site", "north", "tokens");
    INT_AT(r, 2, "groups", "site", "north", "themes", "iso", "hits");
    INT_AT(r, 1, "groups", "site", "north", "themes", "iso", "documents");
    REAL_AT(r, 222.222222, "groups", "site", "north", "themes", "iso", "hits_per_1000_tokens");
    REAL_AT(r, 111.111111, "groups", "site", "north", "themes", "care", "hits_per_1000_tokens");
    INT_AT(r, 0, "groups", "site", "north", "themes", "iso.home", "documents");
    INT_AT(r, 1, "groups", "site", "north", "cooccurrence", "document", "units");
    INT_AT(r, 1, "groups", "site", "north", "cooccurrence", "document", "counts", "iso", "care");
    REAL_AT(r, 1.0, "groups", "site", "north", "cooccurrence", "document", "npmi", "iso", "care");
    NULL_AT(r, "groups", "site", "north", "cooccurrence", "document", "npmi", "iso", "iso.home");
    REAL_AT(r, 0.0, "groups", "site", "north", "cooccurrence", "document", "jaccard", "iso",
            "iso.home");
    NULL_AT(r, "groups", "site", "north", "cooccurrence", "document", "jaccard", "iso.home",
            "iso.home");
    INT_AT(r, 2, "groups", "site", "north", "cooccurrence", "sentence", "units");

    INT_AT(r, 6, "groups", "site", "south", "tokens");
    INT_AT(r, 1, "groups", "site", "south", "themes", "iso", "hits");
    INT_AT(r, 1, "groups", "site", "south", "themes", "iso.home", "hits");
    REAL_AT(r, 166.666667, "groups", "site", "south", "themes", "iso.home",
            "hits_per_1000_tokens");
    INT_AT(r, 0, "groups", "site", "south", "themes", "iso", "entries", "lonely");
    INT_AT(r, 2, "groups", "site", "south", "cooccurrence", "sentence", "units");
    INT_AT(r, 1, "groups", "site", "south", "cooccurrence", "sentence", "counts", "iso",
           "iso.home");
    json_decref(r);
}

static void analysis__group_values_in_byte_order(void **state)
{
    (void)state;
    config cfg = {.by = {"site", "n", "site"}}; /* a repeated field counts once */
    json_t *r = run_json("[iso]\nlonely\n", &cfg,
                         "{\"site\":\"b\",\"n\":10,\"text\":\"lonely\"}\n"
                         "{\"site\":\"\xc3\xa9t\xc3\xa9\",\"n\":9,\"text\":\"x\"}\n"
                         "{\"site\":\"B\",\"n\":9,\"text\":\"lonely lonely\"}\n"
                         "{\"n\":true,\"text\":\"y\"}\n"
                         "{\"site\":\"a\",\"text\":\"z\"}\n"
                         "{\"site\":\"b\",\"text\":\"lonely\"}\n");
    KEYS_AT(r, "site|n", "groups");
    assert_int_equal(json_array_size(JAT(r, "settings", "by")), 2);
    /* "" < "B" < "a" < "b" < "été" (0xC3): bytes, not letters or case */
    KEYS_AT(r, "|B|a|b|\xc3\xa9t\xc3\xa9", "groups", "site");
    /* "10" < "9" < "true": values are text */
    KEYS_AT(r, "|10|9|true", "groups", "n");
    INT_AT(r, 2, "groups", "site", "b", "documents");
    INT_AT(r, 2, "groups", "site", "b", "themes", "iso", "hits");
    INT_AT(r, 2, "groups", "site", "B", "themes", "iso", "hits");
    INT_AT(r, 1, "groups", "site", "", "documents");
    INT_AT(r, 2, "groups", "n", "", "documents");
    INT_AT(r, 2, "groups", "n", "9", "documents");
    INT_AT(r, 2, "groups", "n", "9", "themes", "iso", "hits");
    REAL_AT(r, 0.5, "groups", "n", "9", "themes", "iso", "document_share");
    json_decref(r);
}

static void analysis__per_document_rows_in_input_order(void **state)
{
    (void)state;
    config cfg = {.per_document = 1};
    json_t *r = run_json(LEXICON, &cfg, CORPUS_JSONL);
    assert_true(json_is_true(JAT(r, "settings", "per_document")));
    assert_int_equal(json_array_size(JAT(r, "documents")), 3);
    KEYS_AT(r, "id|tokens|metadata|themes", "documents", "0");
    STR_AT(r, "s1", "documents", "0", "id");
    INT_AT(r, 9, "documents", "0", "tokens");
    STR_AT(r, "north", "documents", "0", "metadata", "site");
    /* themes with no hits are left out */
    KEYS_AT(r, "iso|care", "documents", "0", "themes");
    INT_AT(r, 2, "documents", "0", "themes", "iso");
    INT_AT(r, 1, "documents", "0", "themes", "care");
    STR_AT(r, "s2", "documents", "1", "id");
    INT_AT(r, 6, "documents", "1", "tokens");
    KEYS_AT(r, "iso|iso.home", "documents", "1", "themes");
    INT_AT(r, 1, "documents", "1", "themes", "iso");
    INT_AT(r, 1, "documents", "1", "themes", "iso.home");
    STR_AT(r, "s3", "documents", "2", "id");
    INT_AT(r, 2, "documents", "2", "tokens");
    KEYS_AT(r, "", "documents", "2", "metadata");
    KEYS_AT(r, "care", "documents", "2", "themes");
    json_decref(r);
}

static void analysis__streams_add_up_in_order(void **state)
{
    (void)state;
    config cfg = {.per_document = 1};
    const char *inputs[] = {CORPUS_JSONL, "{\"id\":\"t1\",\"text\":\"Not lonely.\"}\n"
                                          "{\"text\":\"lonely\"}\n",
                            NULL};
    char *out = run_inputs(LEXICON, &cfg, inputs, SL_FORMAT_JSON);
    json_t *r = json_loads(out, 0, NULL);
    assert_non_null(r);
    INT_AT(r, 5, "corpus", "documents");
    INT_AT(r, 20, "corpus", "tokens");
    INT_AT(r, 4, "themes", "iso", "hits");
    INT_AT(r, 3, "themes", "iso", "documents");
    REAL_AT(r, 0.6, "themes", "iso", "document_share");
    REAL_AT(r, 200.0, "themes", "iso", "hits_per_1000_tokens");
    STR_AT(r, "s3", "documents", "2", "id");
    STR_AT(r, "t1", "documents", "3", "id");
    KEYS_AT(r, "", "documents", "3", "themes");
    /* no id: the source name and line */
    STR_AT(r, "mem:2", "documents", "4", "id");
    json_decref(r);
    free(out);
}

static void analysis__custom_text_and_id_fields(void **state)
{
    (void)state;
    config cfg = {.per_document = 1, .text_field = "story", .id_field = "ref"};
    json_t *r = run_json(LEXICON, &cfg,
                         "{\"ref\":\"r1\",\"text\":\"lonely lonely\",\"story\":\"Lonely.\"}\n");
    STR_AT(r, "story", "settings", "text_field");
    STR_AT(r, "ref", "settings", "id_field");
    STR_AT(r, "r1", "documents", "0", "id");
    INT_AT(r, 1, "documents", "0", "tokens");
    STR_AT(r, "lonely lonely", "documents", "0", "metadata", "text");
    INT_AT(r, 1, "themes", "iso", "hits");
    json_decref(r);
}

static void analysis__csv_input_gives_the_same_figures(void **state)
{
    (void)state;
    config jc = {.by = {"site"}, .per_document = 1};
    config cc = {.by = {"site"}, .per_document = 1, .input = SL_INPUT_CSV};
    json_t *a = run_json(LEXICON, &jc, CORPUS_JSONL);
    json_t *b = run_json(LEXICON, &cc, CORPUS_CSV);
    INT_AT(b, 3, "corpus", "documents");
    INT_AT(b, 4, "corpus", "paragraphs");
    INT_AT(b, 3, "themes", "iso", "hits");
    INT_AT(b, 1, "groups", "site", "", "documents");
    const char *parts[] = {"corpus", "themes", "cooccurrence", "groups"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (!json_equal(JAT(a, parts[i]), JAT(b, parts[i])))
            fail_msg("\"%s\" differs between JSONL and CSV input", parts[i]);
    /* CSV metadata keeps the empty cell: it is still group "" */
    STR_AT(b, "", "documents", "2", "metadata", "site");
    json_decref(a);
    json_decref(b);
}

static void analysis__window_unit_end_to_end(void **state)
{
    (void)state;
    /* alpha0 bravo1 charlie2 delta3 echo4; window:3 -> [0,3) [1,4) [2,5) */
    config cfg = {.units = "window:3"};
    json_t *r = run_json("[x]\n=alpha\n[y]\n=echo\n[z]\n=charlie\n", &cfg,
                         "{\"text\":\"alpha bravo charlie delta echo\"}\n"
                         "{\"text\":\"\"}\n"
                         "{\"text\":\"echo alpha\"}\n");
    KEYS_AT(r, "window:3", "cooccurrence");
    STR_AT(r, "window:3", "settings", "cooccurrence", "0");
    /* 3 windows, 0 for the empty story, 1 for the short one */
    INT_AT(r, 4, "cooccurrence", "window:3", "units");
    INT_AT(r, 2, "cooccurrence", "window:3", "counts", "x", "x");
    INT_AT(r, 2, "cooccurrence", "window:3", "counts", "y", "y");
    INT_AT(r, 3, "cooccurrence", "window:3", "counts", "z", "z");
    INT_AT(r, 1, "cooccurrence", "window:3", "counts", "x", "y");
    INT_AT(r, 1, "cooccurrence", "window:3", "counts", "x", "z");
    INT_AT(r, 1, "cooccurrence", "window:3", "counts", "z", "y");
    /* x&z: 1 / (2 + 3 - 1) */
    REAL_AT(r, 0.25, "cooccurrence", "window:3", "jaccard", "x", "z");
    /* x&y: ln((1/4) / (2/4 * 2/4)) = 0 */
    REAL_AT(r, 0.0, "cooccurrence", "window:3", "npmi", "x", "y");
    /* x&z: ln((1/4) / (2/4 * 3/4)) / ln 4 = ln(2/3) / ln 4 = -0.292481 */
    REAL_AT(r, -0.292481, "cooccurrence", "window:3", "npmi", "x", "z");
    json_decref(r);
}

static void analysis__empty_corpus_has_null_rates(void **state)
{
    (void)state;
    config cfg = {.by = {"site"}, .per_document = 1};
    json_t *r = run_json(LEXICON, &cfg, "");
    INT_AT(r, 0, "corpus", "documents");
    INT_AT(r, 0, "corpus", "tokens");
    INT_AT(r, 0, "themes", "iso", "hits");
    INT_AT(r, 0, "themes", "iso", "documents");
    NULL_AT(r, "themes", "iso", "document_share");
    NULL_AT(r, "themes", "iso", "hits_per_1000_tokens");
    INT_AT(r, 0, "themes", "iso", "entries", "lonely");
    INT_AT(r, 0, "cooccurrence", "document", "units");
    INT_AT(r, 0, "cooccurrence", "document", "counts", "iso", "care");
    NULL_AT(r, "cooccurrence", "document", "jaccard", "iso", "iso");
    NULL_AT(r, "cooccurrence", "document", "npmi", "iso", "care");
    KEYS_AT(r, "", "groups", "site");
    assert_int_equal(json_array_size(JAT(r, "documents")), 0);
    json_decref(r);
}

static void analysis__story_with_no_tokens_has_null_rate(void **state)
{
    (void)state;
    config cfg = {0};
    json_t *r = run_json(LEXICON, &cfg, "{\"text\":\"...\"}\n");
    INT_AT(r, 1, "corpus", "documents");
    INT_AT(r, 0, "corpus", "tokens");
    REAL_AT(r, 0.0, "themes", "iso", "document_share");
    NULL_AT(r, "themes", "iso", "hits_per_1000_tokens");
    INT_AT(r, 1, "cooccurrence", "document", "units");
    INT_AT(r, 0, "cooccurrence", "sentence", "units");
    /* an absent theme: npmi undefined even with units */
    NULL_AT(r, "cooccurrence", "document", "npmi", "iso", "care");
    json_decref(r);
}

/* ---- the tables -------------------------------------------------------------- */

/* Does text hold line as a whole line? */
/* ---- observers -------------------------------------------------------------- */

typedef struct seen {
    char log[1024];
    size_t stories, progress_calls;
    unsigned long long last_stories, last_bytes;
} seen;

static void on_story(void *user, const sl_story_view *st, const sl_hit_view *hits, size_t n)
{
    seen *s = user;
    size_t len = strlen(s->log);
    len += (size_t)snprintf(s->log + len, sizeof s->log - len, "%s(%zu):", st->id, st->tokens);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(s->log + len, sizeof s->log - len, " %zu/%zu %s [%.*s]",
                                hits[i].theme, hits[i].entry_theme, hits[i].entry,
                                (int)(hits[i].end - hits[i].start), st->text + hits[i].start);
    snprintf(s->log + len, sizeof s->log - len, ";");
    s->stories++;
}

static void on_progress(void *user, const sl_progress *p)
{
    seen *s = user;
    s->progress_calls++;
    s->last_stories = p->stories;
    s->last_bytes = p->bytes;
}

static void analysis__story_and_progress_handlers_see_every_story_in_order(void **state)
{
    (void)state;
    /* Worked by hand. Themes: a (0), a.b (1). "Very lonely" is the longest match of
     * a.b and so of a; its bytes are 8..19 of "She was Very lonely." (20 bytes).
     * The second story's "LONELY" is bytes 0..6 of "LONELY" (6 bytes). */
    sl_lexicon *lex = lex_from("[a.b]\nlonely\n\"very lonely\"\n");
    config cfg = {.threads = 2, .input = SL_INPUT_JSONL};
    sl_options *o = options_for(&cfg);
    seen s = {{0}, 0, 0, 0, 0};
    sl_options_set_story_handler(o, on_story, &s);
    sl_options_set_progress_handler(o, on_progress, &s);
    sl_analysis *an = NULL;
    sl_error err = {0};
    assert_int_equal(sl_analysis_new(&an, lex, o, &err), SL_OK);
    add_input(an, "{\"id\":\"x\",\"text\":\"She was Very lonely.\"}\n"
                  "{\"id\":\"y\",\"text\":\"LONELY\"}\n{\"id\":\"z\",\"text\":\"\"}\n");
    free(write_out(an, SL_FORMAT_JSON));
    assert_string_equal(s.log, "x(4): 0/1 \"very lonely\" [Very lonely] 1/1 \"very lonely\" [Very lonely];"
                               "y(1): 0/1 lonely [LONELY] 1/1 lonely [LONELY];z(0):;");
    assert_int_equal(s.stories, 3);
    assert_true(s.progress_calls >= 1);
    assert_int_equal(s.last_stories, 3);
    assert_int_equal(s.last_bytes, 20 + 6);
    sl_analysis_free(an);
    sl_options_free(o);
    sl_lexicon_free(lex);
}

static int has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && p[n] == '\n')
            return 1;
    return 0;
}

static size_t line_pos(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; (p = strstr(p, line)); p++)
        if ((p == text || p[-1] == '\n') && p[n] == '\n')
            return (size_t)(p - text);
    fail_msg("no line \"%s\"", line);
    return 0;
}

static void analysis__tsv_one_figure_a_row(void **state)
{
    (void)state;
    config cfg = {.by = {"site"}, .per_document = 1};
    char *out = run(LEXICON, &cfg, CORPUS_JSONL, SL_FORMAT_TSV);
    const char *head = "by\tgroup\tdocument\tsection\tunit\ttheme\titem\tmeasure\tvalue\n";
    assert_memory_equal(out, head, strlen(head));
    /* every row has the 9 fields */
    size_t lines = 0, tabs = 0;
    for (const char *p = out; *p; p++) {
        if (*p == '\t')
            tabs++;
        if (*p == '\n') {
            assert_int_equal(tabs, 8);
            tabs = 0;
            lines++;
        }
    }
    /* 1 header + corpus 5 + statistics 2 + themes 3x6 + entries 4 + 2 units
     * x (1 + 27) + 3 groups x (2 + 18 + 56) + the site test 3 themes x (8
     * + a note: every group has one story) + 3 documents x (1 + 3 themes)
     * = 365 */
    assert_int_equal(lines, 365);
    static const char *rows[] = {
        "\t\t\tcorpus\t\t\t\tdocuments\t3",
        "\t\t\tcorpus\t\t\t\ttokens\t17",
        "\t\t\tcorpus\t\t\t\tparagraphs\t4",
        "\t\t\ttheme\t\tiso\t\thits\t3",
        "\t\t\ttheme\t\tiso\t\tdocument_share\t0.666667",
        /* Wilson, 2 of 3, z = 1.959964: (p + z^2/2n -+ z sqrt(p(1-p)/n +
         * z^2/4n^2)) / (1 + z^2/n); R: prop.test(2, 3, correct = FALSE) */
        "\t\t\ttheme\t\tiso\t\tdocument_share.lower\t0.20766",
        "\t\t\ttheme\t\tiso\t\tdocument_share.upper\t0.938508",
        "\t\t\tstatistics\t\t\t\tconfidence\t0.95",
        "\t\t\tstatistics\t\t\t\tadjust\tholm",
        "site\t\t\tgroup_test\t\tiso\t\tgroups\t3",
        "\t\t\ttheme\t\tcare\t\thits_per_1000_tokens\t117.647059",
        "\t\t\tentry\t\tiso\t\"very lonely\"\thits\t1",
        "\t\t\tentry\t\tcare\tcarer*\thits\t2",
        "\t\t\tcooccurrence\tdocument\t\t\tunits\t3",
        "\t\t\tcooccurrence\tsentence\t\t\tunits\t5",
        "\t\t\tcooccurrence\tdocument\tiso\tiso.home\tcount\t1",
        "\t\t\tcooccurrence\tdocument\tiso\tiso.home\tnpmi\t0.36907",
        "\t\t\tcooccurrence\tdocument\tiso.home\tcare\tnpmi\t-1",
        "\t\t\tcooccurrence\tsentence\tiso\tiso.home\tjaccard\t0.5",
        "\t\t\tcooccurrence\tsentence\tiso\tiso.home\tnpmi\t0.569323",
        "site\t\t\tcorpus\t\t\t\tdocuments\t1",
        "site\tnorth\t\ttheme\t\tiso\t\thits\t2",
        "site\tnorth\t\tcooccurrence\tdocument\tiso\tiso.home\tnpmi\tNA",
        "site\tnorth\t\tcooccurrence\tdocument\tiso.home\tiso.home\tjaccard\tNA",
        "site\tsouth\t\tentry\t\tiso.home\thousebound\thits\t1",
        "\t\ts1\tdocument\t\t\t\ttokens\t9",
        "\t\ts2\tdocument\t\tiso.home\t\thits\t1",
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (!has_line(out, rows[i]))
            fail_msg("no row \"%s\"", rows[i]);
    /* the row order follows the JSON: corpus, themes, co-occurrence, groups
     * in byte order of their values, documents */
    size_t a = line_pos(out, "\t\t\tcorpus\t\t\t\tdocuments\t3");
    size_t b = line_pos(out, "\t\t\ttheme\t\tiso\t\thits\t3");
    size_t c = line_pos(out, "\t\t\tcooccurrence\tdocument\t\t\tunits\t3");
    size_t d = line_pos(out, "site\t\t\tcorpus\t\t\t\tdocuments\t1");
    size_t e = line_pos(out, "site\tnorth\t\tcorpus\t\t\t\tdocuments\t1");
    size_t f = line_pos(out, "site\tsouth\t\tcorpus\t\t\t\tdocuments\t1");
    size_t g = line_pos(out, "\t\ts1\tdocument\t\t\t\ttokens\t9");
    assert_true(a < b && b < c && c < d && d < e && e < f && f < g);
    free(out);
}

static void analysis__csv_quotes_fields_with_commas_and_quotes(void **state)
{
    (void)state;
    config cfg = {.by = {"site"}, .per_document = 1, .units = "document"};
    char *out = run("[iso]\nlonely\n\"very lonely\"\n", &cfg,
                    "{\"id\":\"a,1\",\"site\":\"North, East\",\"text\":\"lonely\"}\n"
                    "{\"id\":\"b\",\"site\":\"Say \\\"hi\\\"\",\"text\":\"very lonely\"}\n",
                    SL_FORMAT_CSV);
    const char *head = "by,group,document,section,unit,theme,item,measure,value\n";
    assert_memory_equal(out, head, strlen(head));
    static const char *rows[] = {
        ",,,corpus,,,,documents,2",
        ",,,theme,,iso,,hits,2",
        ",,,theme,,iso,,document_share,1",
        ",,,entry,,iso,lonely,hits,1",
        ",,,entry,,iso,\"\"\"very lonely\"\"\",hits,1",
        ",,,cooccurrence,document,,,units,2",
        ",,,cooccurrence,document,iso,iso,npmi,1",
        "site,\"North, East\",,corpus,,,,documents,1",
        "site,\"North, East\",,theme,,iso,,hits_per_1000_tokens,1000",
        "site,\"Say \"\"hi\"\"\",,theme,,iso,,hits_per_1000_tokens,500",
        ",,\"a,1\",document,,,,tokens,1",
        ",,b,document,,iso,,hits,1",
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if (!has_line(out, rows[i]))
            fail_msg("no row '%s' in\n%s", rows[i], out);
    assert_true(line_pos(out, rows[7]) < line_pos(out, rows[9]));
    free(out);
}

/* ---- the same bytes for every thread count -------------------------------- */

/* A deterministic corpus of n stories in JSONL, built from lexicon words
 * and filler. Caller frees. */
static char *generated_corpus(size_t n)
{
    static const char *words[] = {"she",   "felt",       "lonely", "very",  "not",   "and",
                                  "carer", "carers",     "home",   "alone", "the",   "friend",
                                  "cared", "housebound", "went",   "out",   "often", "with"};
    static const char *sites[] = {"north", "south", "east", NULL};
    size_t cap = n * 1024 + 1, len = 0;
    char *buf = malloc(cap);
    assert_non_null(buf);
    uint32_t seed = 12345;
#define NEXT() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
    for (size_t i = 0; i < n; i++) {
        const char *site = sites[NEXT() % 4];
        len += (size_t)snprintf(buf + len, cap - len, "{\"id\":\"g%02zu\",", i);
        if (site)
            len += (size_t)snprintf(buf + len, cap - len, "\"site\":\"%s\",", site);
        len += (size_t)snprintf(buf + len, cap - len, "\"kind\":\"k%u\",\"text\":\"",
                                (unsigned)(NEXT() % 3));
        unsigned ntok = NEXT() % 40; /* some stories are empty */
        for (unsigned k = 0; k < ntok; k++) {
            unsigned r = NEXT();
            len += (size_t)snprintf(buf + len, cap - len, "%s%s", k ? " " : "",
                                    words[r % (sizeof words / sizeof words[0])]);
            if (r % 7 == 0)
                len += (size_t)snprintf(buf + len, cap - len, ".");
            else if (r % 23 == 0)
                len += (size_t)snprintf(buf + len, cap - len, ".\\n\\n");
        }
        len += (size_t)snprintf(buf + len, cap - len, "\"}\n");
        assert_true(len < cap);
    }
#undef NEXT
    return buf;
}

static void analysis__output_identical_for_any_thread_count(void **state)
{
    (void)state;
    char *corpus = generated_corpus(40);
    const char *inputs[] = {corpus, NULL};
    const char *lexsrc = LEXICON "[iso.out]\n\"went ~2 out\"\n!\"not lonely\"\n[fr]\nfriend*\n"
                              "/\\bwith (the|a) friend/i\n";
    /* one lexicon for every run: its path is part of the output */
    sl_lexicon *lex = lex_from(lexsrc);
    static const sl_format fmts[] = {SL_FORMAT_JSON, SL_FORMAT_TSV, SL_FORMAT_CSV};
    for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
        char *base = NULL;
        static const int threads[] = {1, 3, 2, 0};
        for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
            config cfg = {.units = "document,paragraph,sentence,window:4",
                          .by = {"site", "kind"},
                          .per_document = 1,
                          .threads = threads[t]};
            char *out = run_lex(lex, &cfg, inputs, fmts[f]);
            if (!base) {
                base = out;
                continue;
            }
            if (strcmp(base, out) != 0)
                fail_msg("format %d: -j %d output differs from -j 1", (int)fmts[f], threads[t]);
            free(out);
        }
        if (fmts[f] == SL_FORMAT_JSON) {
            json_t *r = json_loads(base, 0, NULL);
            assert_non_null(r);
            INT_AT(r, 40, "corpus", "documents");
            assert_int_equal(json_array_size(JAT(r, "documents")), 40);
            STR_AT(r, "g39", "documents", "39", "id");
            assert_true(json_integer_value(JAT(r, "themes", "iso", "hits")) > 0);
            assert_true(json_integer_value(JAT(r, "themes", "fr", "hits")) > 0);
            json_decref(r);
        }
        free(base);
    }
    sl_lexicon_free(lex);
    free(corpus);
}

/* ---- options and failures ----------------------------------------------------- */

static void analysis__options_reject_bad_values(void **state)
{
    (void)state;
    sl_options *o = NULL;
    assert_int_equal(sl_options_new(&o), SL_OK);
    assert_int_equal(o->nunits, 2);
    static const char *bad[] = {"document,bogus", "window:1", "window:0", "window:",
                                "window:x",       "window:100001", "sentences", "document,,sentence",
                                "window:2,window:3,window:4,window:5,window:6,window:7,window:8,"
                                "window:9,window:10"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sl_error err = {0};
        if (sl_options_set_cooccurrence(o, bad[i], &err) != SL_EUSAGE)
            fail_msg("\"%s\" was accepted", bad[i]);
        assert_int_equal(err.code, SL_EUSAGE);
        assert_true(strlen(err.text) > 0);
        /* a rejected list leaves the setting as it was */
        assert_int_equal(o->nunits, 2);
    }
    sl_error err = {0};
    assert_int_equal(sl_options_set_cooccurrence(o, "document,bogus", &err), SL_EUSAGE);
    assert_non_null(strstr(err.text, "bogus"));
    /* duplicates are ignored, and NULL err is allowed */
    assert_int_equal(sl_options_set_cooccurrence(o, "sentence,window:02,sentence,window:2", NULL),
                     SL_OK);
    assert_int_equal(o->nunits, 2);
    assert_int_equal(o->units[0].kind, SL_UNIT_SENTENCE);
    assert_int_equal(o->units[1].kind, SL_UNIT_WINDOW);
    assert_int_equal(o->units[1].window, 2);
    assert_int_equal(sl_options_set_cooccurrence(o, "window:100000", NULL), SL_OK);
    assert_int_equal(o->units[0].window, 100000);

    assert_int_equal(sl_options_set_threads(o, -1), SL_EUSAGE);
    assert_int_equal(sl_options_set_threads(o, 4), SL_OK);
    assert_int_equal(sl_options_set_text_field(o, ""), SL_EUSAGE);
    assert_int_equal(sl_options_set_text_field(o, NULL), SL_EUSAGE);
    assert_int_equal(sl_options_set_id_field(o, ""), SL_EUSAGE);
    assert_int_equal(sl_options_add_by(o, ""), SL_EUSAGE);
    assert_int_equal(sl_options_add_by(o, NULL), SL_EUSAGE);
    assert_int_equal(sl_options_add_by(o, "site"), SL_OK);
    assert_int_equal(sl_options_add_by(o, "site"), SL_OK);
    assert_int_equal(o->nby, 1);
    sl_options_free(o);
    sl_options_free(NULL);
}

static void analysis__settings_echo_the_options(void **state)
{
    (void)state;
    config cfg = {.units = "sentence,window:4,paragraph,sentence", .by = {"site", "site"}};
    json_t *r = run_json(LEXICON, &cfg, CORPUS_JSONL);
    assert_int_equal(json_array_size(JAT(r, "settings", "cooccurrence")), 3);
    STR_AT(r, "sentence", "settings", "cooccurrence", "0");
    STR_AT(r, "window:4", "settings", "cooccurrence", "1");
    STR_AT(r, "paragraph", "settings", "cooccurrence", "2");
    KEYS_AT(r, "sentence|window:4|paragraph", "cooccurrence");
    /* a field given twice is one field */
    assert_int_equal(json_array_size(JAT(r, "settings", "by")), 1);
    /* paragraph units: s1 1, s2 2, s3 1; iso {s1.0, s2.0}, care {s1.0, s3.0} */
    INT_AT(r, 4, "cooccurrence", "paragraph", "units");
    INT_AT(r, 2, "cooccurrence", "paragraph", "counts", "iso", "iso");
    INT_AT(r, 1, "cooccurrence", "paragraph", "counts", "iso", "care");
    INT_AT(r, 1, "cooccurrence", "paragraph", "counts", "iso", "iso.home");
    /* window:4: s1 9 tokens -> 6, s2 6 -> 3, s3 2 tokens -> 1 */
    INT_AT(r, 10, "cooccurrence", "window:4", "units");
    json_decref(r);
}

/* A --by field no story has once gave one group "" of every story: now
 * writing fails, the fields seen listed and the near miss suggested. */
static void analysis__by_field_nobody_has_fails(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from(LEXICON);
    config cfg = {.by = {"Site"}};
    sl_options *o = options_for(&cfg);
    sl_analysis *an = NULL;
    sl_error err = {0};
    assert_int_equal(sl_analysis_new(&an, lex, o, &err), SL_OK);
    add_input(an, CORPUS_JSONL);
    FILE *out = fopen("/dev/null", "w");
    assert_non_null(out);
    assert_int_equal(sl_analysis_write(an, out, SL_FORMAT_JSON, &err), SL_EDATA);
    fclose(out);
    assert_non_null(strstr(err.text, "(fields seen: \"site\"); did you mean \"site\"?"));
    sl_analysis_free(an);
    sl_options_free(o);
    sl_lexicon_free(lex);
}

static void analysis__bad_record_fails_and_nothing_is_written(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from(LEXICON);
    config cfg = {0};
    sl_options *o = options_for(&cfg);
    sl_analysis *an = NULL;
    sl_error err = {0};
    assert_int_equal(sl_analysis_new(&an, lex, o, &err), SL_OK);
    static const char input[] = "{\"text\":\"lonely\"}\nnot json\n";
    FILE *in = fmemopen((void *)input, sizeof input - 1, "r");
    assert_non_null(in);
    assert_int_equal(sl_analysis_add_stream(an, in, "mem", &err), SL_EDATA);
    fclose(in);
    assert_int_equal(err.code, SL_EDATA);
    assert_non_null(strstr(err.text, "mem:2"));
    /* the run has failed: no more input, nothing written */
    in = fmemopen((void *)input, 18, "r");
    assert_non_null(in);
    memset(&err, 0, sizeof err);
    assert_int_equal(sl_analysis_add_stream(an, in, "mem", &err), SL_EUSAGE);
    fclose(in);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    assert_int_equal(sl_analysis_write(an, out, SL_FORMAT_JSON, &err), SL_EUSAGE);
    fclose(out);
    assert_int_equal(len, 0);
    free(buf);
    sl_analysis_free(an);
    sl_analysis_free(NULL);
    sl_options_free(o);
    sl_lexicon_free(lex);
}

static void analysis__write_twice_gives_the_same_bytes(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from(LEXICON);
    config cfg = {.by = {"site"}, .per_document = 1, .threads = 2};
    sl_options *o = options_for(&cfg);
    sl_analysis *an = NULL;
    sl_error err = {0};
    assert_int_equal(sl_analysis_new(&an, lex, o, &err), SL_OK);
    add_input(an, CORPUS_JSONL);
    char *a = write_out(an, SL_FORMAT_JSON);
    char *t = write_out(an, SL_FORMAT_TSV);
    char *b = write_out(an, SL_FORMAT_JSON);
    assert_string_equal(a, b);
    /* more input after a write is added to the same totals */
    add_input(an, "{\"id\":\"s4\",\"text\":\"lonely\"}\n");
    char *c = write_out(an, SL_FORMAT_JSON);
    json_t *r = json_loads(c, 0, NULL);
    assert_non_null(r);
    INT_AT(r, 4, "corpus", "documents");
    INT_AT(r, 4, "themes", "iso", "hits");
    STR_AT(r, "s4", "documents", "3", "id");
    json_decref(r);
    free(a);
    free(t);
    free(b);
    free(c);
    sl_analysis_free(an);
    sl_options_free(o);
    sl_lexicon_free(lex);
}

/* ---- derived figures ------------------------------------------------------------ */

static void analysis__derived_figures_by_hand(void **state)
{
    (void)state;
    static const struct {
        uint64_t ab, a, b, n;
        int jok, nok;
        double jaccard, npmi;
    } cases[] = {
        {1, 2, 2, 4, 1, 1, 0.333333, 0.0},        /* ln(.25/.25) = 0 */
        {1, 2, 1, 4, 1, 1, 0.5, 0.5},             /* ln 2 / ln 4 */
        {1, 3, 2, 4, 1, 1, 0.25, -0.292481},      /* ln(2/3) / ln 4 */
        {1, 2, 1, 3, 1, 1, 0.5, 0.36907},         /* ln 1.5 / ln 3 */
        {1, 1, 1, 4, 1, 1, 1.0, 1.0},             /* ln 4 / ln 4 */
        {0, 1, 2, 4, 1, 1, 0.0, -1.0},            /* never together */
        {4, 4, 4, 4, 1, 1, 1.0, 1.0},             /* together in every unit */
        {0, 0, 2, 4, 1, 0, 0.0, 0.0},             /* an absent theme: npmi undefined */
        {0, 0, 0, 4, 0, 0, 0.0, 0.0},             /* both absent: jaccard undefined too */
        {0, 0, 0, 0, 0, 0, 0.0, 0.0},             /* no units */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int ok = -1;
        double j = sli_jaccard(cases[i].ab, cases[i].a, cases[i].b, &ok);
        if (ok != cases[i].jok || (ok && fabs(j - cases[i].jaccard) > 1e-12))
            fail_msg("case %zu: jaccard %.15g (ok %d)", i, j, ok);
        ok = -1;
        double n = sli_npmi(cases[i].ab, cases[i].a, cases[i].b, cases[i].n, &ok);
        if (ok != cases[i].nok || (ok && fabs(n - cases[i].npmi) > 1e-12))
            fail_msg("case %zu: npmi %.15g (ok %d)", i, n, ok);
    }
    assert_true(sli_fixed(2.0 / 3.0) == 0.666667);
    assert_true(sli_fixed(1000.0 / 17.0) == 58.823529);
    assert_true(sli_fixed(-1e-9) == 0.0 && !signbit(sli_fixed(-1e-9)));
    assert_true(sli_fixed(-0.0) == 0.0 && !signbit(sli_fixed(-0.0)));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(analysis__json_corpus_and_theme_figures),
        cmocka_unit_test(analysis__json_cooccurrence_figures),
        cmocka_unit_test(analysis__reals_are_written_with_six_decimals),
        cmocka_unit_test(analysis__by_field_groups_stories),
        cmocka_unit_test(analysis__group_values_in_byte_order),
        cmocka_unit_test(analysis__per_document_rows_in_input_order),
        cmocka_unit_test(analysis__streams_add_up_in_order),
        cmocka_unit_test(analysis__custom_text_and_id_fields),
        cmocka_unit_test(analysis__csv_input_gives_the_same_figures),
        cmocka_unit_test(analysis__window_unit_end_to_end),
        cmocka_unit_test(analysis__empty_corpus_has_null_rates),
        cmocka_unit_test(analysis__story_with_no_tokens_has_null_rate),
        cmocka_unit_test(analysis__tsv_one_figure_a_row),
        cmocka_unit_test(analysis__csv_quotes_fields_with_commas_and_quotes),
        cmocka_unit_test(analysis__story_and_progress_handlers_see_every_story_in_order),
        cmocka_unit_test(analysis__output_identical_for_any_thread_count),
        cmocka_unit_test(analysis__options_reject_bad_values),
        cmocka_unit_test(analysis__settings_echo_the_options),
        cmocka_unit_test(analysis__by_field_nobody_has_fails),
        cmocka_unit_test(analysis__bad_record_fails_and_nothing_is_written),
        cmocka_unit_test(analysis__write_twice_gives_the_same_bytes),
        cmocka_unit_test(analysis__derived_figures_by_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
