/*
 * test_merge.c - merge.c: parts (the JSON of analyses of shards) add up to
 * the JSON of one run, and parts of another run are refused.
 *
 * The corpus and its figures, worked by hand (as in test_analysis.c):
 *   lexicon [iso] lonely, "very lonely", !"not lonely"  [iso.home] housebound
 *           [care] carer*
 *   s1 site=north "She felt lonely and very lonely. Her carer visited."
 *      9 tokens; iso 2, care 1
 *   s2 site=south "He was housebound.\n\nNot lonely now."
 *      6 tokens; iso.home 1, iso 1 (via its child; "not lonely" excluded)
 *   s3 (no site) "Carers help."  2 tokens; care 1
 * Shards: part A = s1, part B = s2 + s3. Merged: 3 documents, 17 tokens;
 * iso 3 hits in 2 documents, care 2 in 2; document units 3, iso & iso.home
 * share 1 document (s2); sentence units 2 + 2 + 1 = 5. Groups by site:
 * north (s1) iso 2; south (s2) iso 1; "" (s3) care 1.
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

#include "storylens/storylens.h"

static const char lexicon[] = "[iso]\nlonely\n\"very lonely\"\n!\"not lonely\"\n"
                              "[iso.home]\nhousebound\n[care]\ncarer*\n";

#define S1 "{\"id\":\"s1\",\"site\":\"north\",\"text\":\"She felt lonely and very lonely. Her carer visited.\"}\n"
#define S2 "{\"id\":\"s2\",\"site\":\"south\",\"text\":\"He was housebound.\\n\\nNot lonely now.\"}\n"
#define S3 "{\"id\":\"s3\",\"text\":\"Carers help.\"}\n"

typedef struct fixture {
    char lexpath[64];
    char parts[4][64]; /* 0: whole, 1: A, 2: B, 3: scratch */
} fixture;

static char *temp_file(char *path, const char *content)
{
    strcpy(path, "/tmp/sl_test_merge_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(content, f);
    assert_int_equal(fclose(f), 0);
    return path;
}

static sl_lexicon *load_lex(const fixture *fx)
{
    const char *paths[] = {fx->lexpath};
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    if (sl_lexicon_load(&lex, paths, 1, NULL, &err) != SL_OK)
        fail_msg("%s", err.text);
    return lex;
}

static sl_options *opts_by(const char *by, int per_document)
{
    sl_options *o = NULL;
    assert_int_equal(sl_options_new(&o), SL_OK);
    if (by)
        assert_int_equal(sl_options_add_by(o, by), SL_OK);
    assert_int_equal(sl_options_set_per_document(o, per_document), SL_OK);
    return o;
}

/* Analyses the JSONL text with opts and writes the JSON into path. */
static void analyse_to(const fixture *fx, const sl_options *opts, const char *jsonl,
                       const char *path)
{
    sl_lexicon *lex = load_lex(fx);
    sl_analysis *an = NULL;
    sl_error err = {0};
    assert_int_equal(sl_analysis_new(&an, lex, opts, &err), SL_OK);
    FILE *in = fmemopen((void *)jsonl, strlen(jsonl), "r");
    assert_int_equal(sl_analysis_add_stream(an, in, "mem", &err), SL_OK);
    fclose(in);
    FILE *out = fopen(path, "w");
    assert_int_equal(sl_analysis_write(an, out, SL_FORMAT_JSON, &err), SL_OK);
    fclose(out);
    sl_analysis_free(an);
    sl_lexicon_free(lex);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char *buf = calloc(1, 1 << 16);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Merges parts into out; returns the status of the first failing step. */
static sl_status merge(const fixture *fx, const char *const *parts, size_t n, const char *out,
                       sl_error *err)
{
    sl_options *o = NULL;
    char language[64];
    assert_int_equal(sl_options_new(&o), SL_OK);
    sl_status s = sl_part_settings(o, language, sizeof language, parts[0], err);
    sl_lexicon *lex = s == SL_OK ? load_lex(fx) : NULL;
    sl_analysis *an = NULL;
    if (s == SL_OK)
        s = sl_analysis_new(&an, lex, o, err);
    for (size_t i = 0; s == SL_OK && i < n; i++)
        s = sl_analysis_add_part(an, parts[i], err);
    FILE *f = fopen(out, "w");
    sl_status w = an ? sl_analysis_write(an, f, SL_FORMAT_JSON, NULL) : SL_EUSAGE;
    if (s == SL_OK)
        s = w;
    else
        assert_int_not_equal(w, SL_OK); /* a failed merge writes nothing */
    fclose(f);
    sl_analysis_free(an);
    sl_lexicon_free(lex);
    sl_options_free(o);
    return s;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    temp_file(fx->lexpath, lexicon);
    for (int i = 0; i < 4; i++)
        temp_file(fx->parts[i], "");
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    unlink(fx->lexpath);
    for (int i = 0; i < 4; i++)
        unlink(fx->parts[i]);
    free(fx);
    return 0;
}

static long long at(json_t *root, const char *path)
{
    json_t *v = root;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *k = strtok(buf, "/"); k && v; k = strtok(NULL, "/"))
        v = json_object_get(v, k);
    if (!json_is_integer(v))
        fail_msg("%s is not an integer", path);
    return json_integer_value(v);
}

static void merge__shards_give_the_single_run_byte_for_byte(void **state)
{
    fixture *fx = *state;
    sl_options *o = opts_by("site", 1);
    analyse_to(fx, o, S1 S2 S3, fx->parts[0]);
    analyse_to(fx, o, S1, fx->parts[1]);
    analyse_to(fx, o, S2 S3, fx->parts[2]);
    sl_options_free(o);
    sl_error err = {0};
    const char *parts[] = {fx->parts[1], fx->parts[2]};
    if (merge(fx, parts, 2, fx->parts[3], &err) != SL_OK)
        fail_msg("%s", err.text);
    char *whole = slurp(fx->parts[0]), *merged = slurp(fx->parts[3]);
    assert_string_equal(merged, whole);
    json_t *root = json_loads(merged, 0, NULL);
    assert_non_null(root);
    assert_int_equal(at(root, "corpus/documents"), 3);
    assert_int_equal(at(root, "corpus/tokens"), 17);
    assert_int_equal(at(root, "themes/iso/hits"), 3);
    assert_int_equal(at(root, "themes/iso/documents"), 2);
    assert_int_equal(at(root, "themes/care/hits"), 2);
    assert_int_equal(at(root, "cooccurrence/document/units"), 3);
    assert_int_equal(at(root, "cooccurrence/document/counts/iso/iso.home"), 1);
    assert_int_equal(at(root, "cooccurrence/sentence/units"), 5);
    assert_int_equal(at(root, "groups/site/north/themes/iso/hits"), 2);
    assert_int_equal(at(root, "groups/site/south/themes/iso/hits"), 1);
    json_t *nosite = json_object_get(json_object_get(json_object_get(root, "groups"), "site"), "");
    assert_int_equal(at(nosite, "themes/care/hits"), 1); /* the group of stories without a site */
    json_t *docs = json_object_get(root, "documents");
    assert_int_equal(json_array_size(docs), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(docs, 2), "id")), "s3");
    json_decref(root);
    free(whole);
    free(merged);
}

static void merge__parts_of_other_settings_are_refused(void **state)
{
    fixture *fx = *state;
    sl_options *a = opts_by("site", 0), *b = opts_by(NULL, 0);
    analyse_to(fx, a, S1, fx->parts[1]);
    analyse_to(fx, b, S2, fx->parts[2]);
    sl_options_free(a);
    sl_options_free(b);
    sl_error err = {0};
    const char *parts[] = {fx->parts[1], fx->parts[2]};
    assert_int_equal(merge(fx, parts, 2, fx->parts[3], &err), SL_EDATA);
    assert_non_null(strstr(err.text, "other settings"));
}

/* Rewrites the first occurrence of from in the file at path with to. */
static void edit(const char *path, const char *from, const char *to)
{
    char *text = slurp(path);
    char *p = strstr(text, from);
    assert_non_null(p);
    FILE *f = fopen(path, "w");
    fwrite(text, 1, (size_t)(p - text), f);
    fputs(to, f);
    fputs(p + strlen(from), f);
    fclose(f);
    free(text);
}

static void merge__parts_of_other_lexicons_or_edited_are_refused(void **state)
{
    fixture *fx = *state;
    sl_options *o = opts_by(NULL, 0);
    analyse_to(fx, o, S1, fx->parts[1]);
    analyse_to(fx, o, S2, fx->parts[2]);
    sl_options_free(o);
    sl_error err = {0};
    const char *parts[] = {fx->parts[1], fx->parts[2]};
    edit(fx->parts[2], "\"sha256\": \"", "\"sha256\": \"0");
    assert_int_equal(merge(fx, parts, 2, fx->parts[3], &err), SL_EDATA);
    assert_non_null(strstr(err.text, "other lexicons"));
    edit(fx->parts[2], "\"sha256\": \"0", "\"sha256\": \"");
    assert_int_equal(merge(fx, parts, 2, fx->parts[3], &err), SL_OK);
    edit(fx->parts[2], "\"tokens\": 6", "\"tokens\": -6");
    assert_int_equal(merge(fx, parts, 2, fx->parts[3], &err), SL_EDATA);
    assert_non_null(strstr(err.text, "tokens"));
    const char *missing[] = {fx->parts[1], "/nonexistent/part.json"};
    assert_int_equal(merge(fx, missing, 2, fx->parts[3], &err), SL_ENOINPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(merge__shards_give_the_single_run_byte_for_byte, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(merge__parts_of_other_settings_are_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(merge__parts_of_other_lexicons_or_edited_are_refused,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
