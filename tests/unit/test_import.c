/*
 * test_import.c - unit tests for the dictionary importers: the glob to
 * .lex translation, LIWC .dic and YAML dictionaries loaded through
 * sl_lexicon_load() (themes in order, nesting, entries as written after
 * translation), and their errors at the LINE:COLUMN worked out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon/import_glob.h"
#include "lexicon/lexicon.h"

static char dir[64];
static char path[128];

static const char *write_file(const char *name, const char *text)
{
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/sl_imp_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static void import__glob_to_lex(void **state)
{
    (void)state;
    char out[64];
    const struct { const char *in; int n; const char *out; } t[] = {
        {"lonel*", 6, "lonel*"},
        {"alone", 6, "=alone"},
        {"  cut off ", 11, "\"=cut =off\""},
        {"worn out*", 12, "\"=worn out*\""},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        assert_int_equal(sli_import_glob(t[i].in, strlen(t[i].in), out, sizeof out), t[i].n);
        assert_string_equal(out, t[i].out);
    }
    assert_int_equal(sli_import_glob("*ing", 4, out, sizeof out), -2);
    assert_int_equal(sli_import_glob("a*b", 3, out, sizeof out), -2);
    assert_int_equal(sli_import_glob("wh?", 3, out, sizeof out), -2);
    assert_int_equal(sli_import_glob("   ", 3, out, sizeof out), -1);
    assert_int_equal(sli_import_glob("abcdefgh", 8, out, 8), -1);
}

static sl_lexicon *load(const char *p)
{
    sl_lexicon *lex = NULL;
    sl_error err;
    if (sl_lexicon_load(&lex, &p, 1, NULL, &err) != SL_OK)
        fail_msg("%s", err.text);
    return lex;
}

static void expect_entry(const sl_lexicon *lex, size_t i, const char *theme, const char *src,
                         unsigned line, unsigned col)
{
    assert_true(i < lex->nentries);
    const sl_entry *e = &lex->entries[i];
    assert_string_equal(lex->themes[e->theme].name, theme);
    assert_string_equal(e->source, src);
    assert_int_equal(e->line, line);
    assert_int_equal(e->col, col);
}

/* Themes in block order; "car*" (line 6) goes to category 2 then 1;
 * columns are the word's, one less for the '=' storylens adds. */
static void import__liwc(void **state)
{
    (void)state;
    sl_lexicon *lex = load(write_file("t.dic", "%\n1\tlonely\n  2 carer\n%\nalone\t1\ncar*\t2 1\n"
                                               "kind of\t2\n"));
    assert_int_equal(lex->nthemes, 2);
    assert_string_equal(lex->themes[0].name, "lonely");
    assert_string_equal(lex->themes[1].name, "carer");
    assert_int_equal(lex->nentries, 4);
    expect_entry(lex, 0, "lonely", "=alone", 5, 0 + 1);
    expect_entry(lex, 1, "carer", "car*", 6, 1);
    expect_entry(lex, 2, "lonely", "car*", 6, 1);
    expect_entry(lex, 3, "carer", "\"=kind =of\"", 7, 1);
    sl_lexicon_free(lex);
}

static void expect_error(const char *name, const char *text, const char *want)
{
    const char *p = write_file(name, text);
    sl_lexicon *lex = NULL;
    sl_error err;
    assert_int_equal(sl_lexicon_load(&lex, &p, 1, NULL, &err), SL_ELEXICON);
    assert_null(lex);
    const char *colon = strstr(err.text, name);
    assert_non_null(colon);
    if (strncmp(colon + strlen(name), want, strlen(want)) != 0)
        fail_msg("\"%s\" does not continue with \"%s\"", err.text, want);
}

static void import__liwc_errors(void **state)
{
    (void)state;
    expect_error("a.dic", "alone\t1\n", ":1:1: a .dic file starts with its category block");
    expect_error("b.dic", "%\n1\tx\n", ":1:1: the category block opened here is not closed");
    expect_error("c.dic", "%\n1\tx\n%\nfoo\t2\n", ":4:5: category 2 is not in the % block");
    expect_error("d.dic", "%\n1\tx\n%\nfoo\n", ":4:1: word with no category numbers");
    expect_error("e.dic", "%\n1\tx\n%\n*foo\t1\n", ":4:1: only a '*' at the end");
    expect_error("f.dic", "%\none\tx\n%\n", ":2:1: a category line is NUMBER NAME");
    expect_error("g.dic", "%\n1\tx\n1\ty\n%\n", ":3:1: category number 1 is defined twice");
    /* a word that is not one token, as the .lex parser says it */
    expect_error("h.dic", "%\n1\tx\n%\nco.uk\t1\n", ":4:1: \"=co.uk\" is not one word");
}

/* Nested keys: b.c rolls up into b (created first, as a parent). A single
 * string is one pattern; flow and block lists both work. */
static void import__yaml(void **state)
{
    (void)state;
    sl_lexicon *lex = load(write_file("t.yml", "a:\n  - lonel*\n  - cut off\nb:\n  c: [alone]\n"
                                               "  d: exhausted\n"));
    assert_int_equal(lex->nthemes, 4);
    assert_string_equal(lex->themes[0].name, "a");
    assert_string_equal(lex->themes[1].name, "b");
    assert_string_equal(lex->themes[2].name, "b.c");
    assert_int_equal(lex->themes[2].parent, 1);
    assert_string_equal(lex->themes[3].name, "b.d");
    assert_int_equal(lex->nentries, 4);
    expect_entry(lex, 0, "a", "lonel*", 2, 5);
    expect_entry(lex, 1, "a", "\"=cut =off\"", 3, 5);
    expect_entry(lex, 2, "b.c", "=alone", 5, 6);  /* "alone" at column 7, less the '=' */
    expect_entry(lex, 3, "b.d", "=exhausted", 6, 5);
    sl_lexicon_free(lex);
}

static void import__yaml_errors(void **state)
{
    (void)state;
    expect_error("a.yml", "- x\n", ":1:1: a YAML dictionary is a mapping");
    expect_error("b.yml", "a:\n  - \"*ing\"\n", ":2:5: pattern \"*ing\"");
    expect_error("c.yml", "Bad Name: [x]\n", ":1:1: key \"Bad Name\" cannot be a theme name");
    expect_error("d.yml", "a: [x\n", ":2:1: YAML: ");
    expect_error("e.yml", "a:\n  - [x]\n", ":2:5: a list of patterns holds strings only");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(import__glob_to_lex),
        cmocka_unit_test(import__liwc),
        cmocka_unit_test(import__liwc_errors),
        cmocka_unit_test(import__yaml),
        cmocka_unit_test(import__yaml_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
