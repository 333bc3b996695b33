/*
 * test_import.c - unit tests for the dictionary importers: the glob to
 * .lex translation, LIWC .dic and YAML dictionaries loaded through
 * sl_lexicon_load() (themes in order, nesting, entries as written after
 * translation), and their errors at the LINE:COLUMN worked out by hand;
 * language v2 in YAML (classes, rules, suffixes as written) and its
 * refusal in LIWC.
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

/* The atom of a folded word (=), prefix (*) or stem (~), or fails. */
static uint32_t atom(const sl_lexicon *lex, char kind, const char *text)
{
    const sl_strmap *m = kind == '=' ? &lex->exact_atoms
                         : kind == '*' ? &lex->prefix_atoms : &lex->stem_atoms;
    const uint32_t *v = sli_strmap_get(m, text, strlen(text));
    if (!v)
        fail_msg("no %c atom \"%s\"", kind, text);
    return *v;
}

/* Entry e is the phrase of atoms "=word", "*prefix" or "~stem" (a kind
 * character in front), each gap before its atom. */
static void want_atoms(const sl_lexicon *lex, size_t e, size_t n, const char *const *atoms,
                       const unsigned *gaps)
{
    const sl_entry *en = &lex->entries[e];
    if (en->natoms != n)
        fail_msg("entry %zu has %u atoms, not %zu", e, (unsigned)en->natoms, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(en->atoms[i], atom(lex, atoms[i][0], atoms[i] + 1));
        assert_int_equal(en->gaps[i], gaps[i]);
    }
}

/* Language v2 in YAML. A "class NAME" key is a word class whose members
 * are patterns, glob-converted as entries are (wife -> =wife, my mum ->
 * "=my =mum"); a rule, a <class> or an @suffix is .lex text, as written.
 *   line 5: near(<family_carer>, tired*, 2), column 5: A = {=wife, "=my
 *     =mum"}, B = {tired*}; every "a ~2 b" in A's order, then "b ~2 a":
 *       =wife ~2 tired*       entry 0 (the written entry)
 *       =my =mum ~2 tired*    entry 3 (after the 3 written entries)
 *       tired* ~2 =wife       entry 4
 *       tired* ~2 =my =mum    entry 5; 3 to 5 report entry 0
 *   line 6: '"new friends" @resolved': the value starts after the quote at
 *     column 5, so column 6; a .lex phrase (stems new, friend), resolved,
 *     its source without the suffix
 *   line 7: exhausted, a pattern: =exhausted, column 5 less the '=' */
static void import__yaml_v2(void **state)
{
    (void)state;
    sl_lexicon *lex = load(write_file("v2.yml", "class family_carer:\n"
                                               "  - wife\n"
                                               "  - my mum\n"
                                               "strain:\n"
                                               "  - near(<family_carer>, tired*, 2)\n"
                                               "  - '\"new friends\" @resolved'\n"
                                               "  - exhausted\n"));
    assert_int_equal(lex->nthemes, 1);
    assert_string_equal(lex->themes[0].name, "strain");
    assert_int_equal(lex->nentries, 3);
    assert_int_equal(lex->nentries_all, 6);
    expect_entry(lex, 0, "strain", "near(<family_carer>, tired*, 2)", 5, 5);
    expect_entry(lex, 1, "strain", "\"new friends\"", 6, 6);
    expect_entry(lex, 2, "strain", "=exhausted", 7, 4);
    assert_int_equal(lex->entries[1].resolved, 1);
    assert_int_equal(lex->entries[0].resolved, 0);
    const char *a0[] = {"=wife", "*tired"}, *a3[] = {"=my", "=mum", "*tired"};
    const char *a4[] = {"*tired", "=wife"}, *a5[] = {"*tired", "=my", "=mum"};
    const char *a1[] = {"~new", "~friend"}, *a2[] = {"=exhausted"};
    const unsigned g0[] = {0, 2}, g3[] = {0, 0, 2}, g5[] = {0, 2, 0}, g1[] = {0, 0};
    want_atoms(lex, 0, 2, a0, g0);
    want_atoms(lex, 1, 2, a1, g1);
    want_atoms(lex, 2, 1, a2, g1);
    want_atoms(lex, 3, 3, a3, g3);
    want_atoms(lex, 4, 2, a4, g0);
    want_atoms(lex, 5, 3, a5, g5);
    for (size_t i = 3; i < 6; i++)
        assert_int_equal(lex->entries[i].report, 0);
    sl_lexicon_free(lex);
}

/* A YAML class (one string: one member) is a class of the run, as a .lex
 * one is: a .lex rule loaded with it uses it. <carer> is its one member,
 * "=my =wife". */
static void import__yaml_class_used_by_lex(void **state)
{
    (void)state;
    char y[128], l[128];
    snprintf(y, sizeof y, "%s", write_file("c.yml", "class carer: my wife\n"));
    snprintf(l, sizeof l, "%s", write_file("u.lex", "[t]\n<carer>\n"));
    const char *paths[] = {y, l};
    sl_lexicon *lex = NULL;
    sl_error err;
    if (sl_lexicon_load(&lex, paths, 2, NULL, &err) != SL_OK)
        fail_msg("%s", err.text);
    assert_int_equal(lex->nentries, 1);
    assert_int_equal(lex->nentries_all, 1);
    expect_entry(lex, 0, "t", "<carer>", 2, 1);
    const char *a[] = {"=my", "=wife"};
    const unsigned g[] = {0, 0};
    want_atoms(lex, 0, 2, a, g);
    sl_lexicon_free(lex);
}

static void import__yaml_v2_errors(void **state)
{
    (void)state;
    /* expanded once every file is read; at the rule's line and column */
    expect_error("va.yml", "t:\n  - lonely\n  - near(<nobody>, tired, 3)\n",
                 ":3:5: unknown word class <nobody>; define it with [class nobody]");
    expect_error("vb.yml", "t:\n  - near(wife, tired)\n", ":2:5: near() takes three arguments");
    /* "class " is 6 bytes: the name starts at column 7 */
    expect_error("vc.yml", "class Bad Name:\n  - x\n", ":1:7: bad class name \"Bad Name\"");
    expect_error("vd.yml", "class c: [x]\nclass c: [y]\n",
                 ":2:7: duplicate class [class c], first defined at ");
    expect_error("ve.yml", "t:\n  class c: [x]\n",
                 ":2:3: a word class is a top-level key; move \"class c\" out of \"t\"");
    expect_error("vf.yml", "class c:\n  d: [x]\n", ":2:3: a word class holds a list of members");
    /* a member's quote is column 5, its text column 6 */
    expect_error("vg.yml", "class c:\n  - '!near(a, b, 2)'\n",
                 ":2:6: a class member is a word, wildcard, exact word, phrase or rule");
    /* a member glob-converted and checked where it is written */
    expect_error("vh.yml", "class c:\n  - co.uk\n", ":2:4: \"=co.uk\" is not one word");
    /* an @ last word is a suffix, read as .lex reads it: '@' at column 12 */
    expect_error("vi.yml", "t:\n  - lonely @often\n", ":2:12: a theme entry's suffix is "
                 "@resolved");
}

/* LIWC has no classes or rules: a word holding '(' or '<' says so, at the
 * word's column (after the blanks that start line 4 of j.dic). */
static void import__liwc_no_v2(void **state)
{
    (void)state;
    const char *msg = ": LIWC dictionaries have no word classes or rules; write them in a .lex "
                      "or .yml file";
    char want[256];
    snprintf(want, sizeof want, ":5:1%s", msg);
    expect_error("i.dic", "%\n1\tx\n%\nalone\t1\nnear(<a>, b, 3)\t1\n", want);
    snprintf(want, sizeof want, ":4:3%s", msg);
    expect_error("j.dic", "%\n1\tx\n%\n  <carer>\t1\n", want);
    snprintf(want, sizeof want, ":4:1%s", msg);
    expect_error("k.dic", "%\n1\tx\n%\nwith(a, b)\n", want); /* no tab: still a rule */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(import__glob_to_lex),
        cmocka_unit_test(import__liwc),
        cmocka_unit_test(import__liwc_errors),
        cmocka_unit_test(import__yaml),
        cmocka_unit_test(import__yaml_errors),
        cmocka_unit_test(import__yaml_v2),
        cmocka_unit_test(import__yaml_class_used_by_lex),
        cmocka_unit_test(import__yaml_v2_errors),
        cmocka_unit_test(import__liwc_no_v2),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
