/*
 * test_lint.c - unit tests for lint.c and the parser's diagnostics: each
 * kind of problem gives one item at the FILE:LINE:COLUMN worked out by hand
 * from the text written here, errors and warnings alike, sorted by
 * position; a clean lexicon gives none; sl_lexicon_load() still stops at
 * the first error and ignores warnings.
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

#include "storylens/storylens.h"

static char dir[64];
static char path[128];

static const char *write_lex(const char *name, const char *text)
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
    snprintf(dir, sizeof dir, "/tmp/sl_lint_XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

static sl_lint *lint_text(const char *text)
{
    const char *p = write_lex("t.lex", text);
    sl_lint *l = NULL;
    sl_error err;
    assert_int_equal(sl_lint_lexicons(&l, &p, 1, NULL, &err), SL_OK);
    return l;
}

static void expect(const sl_lint *l, size_t i, unsigned line, unsigned col,
                   sl_lint_severity sev, const char *part)
{
    const sl_lint_item *it = sl_lint_item_at(l, i);
    assert_non_null(it);
    assert_int_equal(it->line, line);
    assert_int_equal(it->col, col);
    assert_int_equal(it->severity, sev);
    if (!strstr(it->message, part))
        fail_msg("item %zu: \"%s\" lacks \"%s\"", i, it->message, part);
}

static void lint__clean_lexicon_has_no_items(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\nlonely\nisolat*\n\"cut off\"\n!\"in isolation from\"\n");
    assert_int_equal(sl_lint_count(l), 0);
    assert_null(sl_lint_item_at(l, 0));
    sl_lint_free(l);
}

/* Two errors on lines 2 and 4: both kept (the loader keeps only the first). */
static void lint__every_error_is_kept(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\n\"open\nok\n  /(x/\n");
    assert_int_equal(sl_lint_count(l), 2);
    expect(l, 0, 2, 1, SL_LINT_ERROR, "unclosed quote");
    /* the regex starts at column 3, its pattern "(x" at 4; PCRE2 offset 2 */
    expect(l, 1, 4, 6, SL_LINT_ERROR, "missing closing parenthesis");
    sl_lint_free(l);
}

static void lint__duplicate_entry_warns(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\nlonely\n  lonely\n");
    assert_int_equal(sl_lint_count(l), 1);
    expect(l, 0, 3, 3, SL_LINT_WARNING, "first at");
    sl_lint_free(l);
}

/* The rule: fewer than 3 characters before '*' (counted in characters:
 * "éa*" is 2 characters, 3 bytes). "abc*" is fine. */
static void lint__short_wildcards_warn(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\na*\nth*\nabc*\n\xc3\xa9" "a*\n\"go ~1 th*\"\n");
    assert_int_equal(sl_lint_count(l), 4);
    expect(l, 0, 2, 1, SL_LINT_WARNING, "a* keeps only 1 character ");
    expect(l, 1, 3, 1, SL_LINT_WARNING, "th* keeps only 2 characters");
    expect(l, 2, 5, 1, SL_LINT_WARNING, "keeps only 2 characters");
    expect(l, 3, 6, 1, SL_LINT_WARNING, "th* keeps only 2");
    sl_lint_free(l);
}

static void lint__entry_in_two_themes_of_a_file(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[a]\nlonely\n[b]\nlonely\n!lonely\n");
    /* line 4: the repeat; line 5 the exclusion removes every match of it */
    assert_int_equal(sl_lint_count(l), 2);
    expect(l, 0, 4, 1, SL_LINT_WARNING, "also in [a] at line 2");
    expect(l, 1, 4, 1, SL_LINT_WARNING, "can never count");
    sl_lint_free(l);
}

/* !=confide shares no word with lonely or isolat*; !"feel ~2 alone" has a
 * gap, so it could overlap anything: no warning for it; !isolation (stem
 * "isol") overlaps isolat*. An exclusion in a parent is checked against its
 * children: !=lonelier against lonel* of [p.c]. */
static void lint__exclusions_that_remove_nothing(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\nlonely\nisolat*\n!=confide\n!\"feel ~2 alone\"\n!isolation\n"
                           "[p]\n!=lonelier\n[p.c]\nlonel*\n");
    assert_int_equal(sl_lint_count(l), 1);
    expect(l, 0, 4, 1, SL_LINT_WARNING, "exclusion !=confide overlaps nothing");
    sl_lint_free(l);
}

/* !confid* removes every match of =confided (exact, starts with the
 * prefix); !=lonely does not cover lonely (the stem matches lonelier too). */
static void lint__entries_an_exclusion_always_removes(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\n=confided\nlonely\n!confid*\n!=lonely\n");
    assert_int_equal(sl_lint_count(l), 1);
    expect(l, 0, 2, 1, SL_LINT_WARNING, "=confided can never count");
    sl_lint_free(l);
}

/* The Porter stemmer maps "s" to an empty stem (checked with
 * `storylens analyse --language porter`); english keeps "s". */
static void lint__empty_stem_warns(void **state)
{
    (void)state;
    const char *p = write_lex("t.lex", "[t]\nlonely\n \"the s\"\n");
    sl_lint *l;
    assert_int_equal(sl_lint_lexicons(&l, &p, 1, "porter", NULL), SL_OK);
    assert_int_equal(sl_lint_count(l), 1);
    expect(l, 0, 3, 2, SL_LINT_WARNING, "the stem of \"s\" is empty");
    sl_lint_free(l);
    assert_int_equal(sl_lint_lexicons(&l, &p, 1, "english", NULL), SL_OK);
    assert_int_equal(sl_lint_count(l), 0);
    sl_lint_free(l);
}

/* Sorted by file (in the order given), then line and column. */
static void lint__items_sorted_across_files(void **state)
{
    (void)state;
    char a[128], b[128];
    snprintf(a, sizeof a, "%s", write_lex("b.lex", "[x]\na*\n[\n"));
    snprintf(b, sizeof b, "%s", write_lex("a.lex", "[y]\n\"q\n"));
    const char *paths[] = {a, b};
    sl_lint *l;
    assert_int_equal(sl_lint_lexicons(&l, paths, 2, "english", NULL), SL_OK);
    assert_int_equal(sl_lint_count(l), 3);
    assert_string_equal(sl_lint_item_at(l, 0)->file, a);
    expect(l, 0, 2, 1, SL_LINT_WARNING, "a*");
    expect(l, 1, 3, 1, SL_LINT_ERROR, "closing ']'");
    assert_string_equal(sl_lint_item_at(l, 2)->file, b);
    expect(l, 2, 2, 1, SL_LINT_ERROR, "unclosed quote");
    sl_lint_free(l);
}

static void lint__missing_file_and_bad_language(void **state)
{
    (void)state;
    const char *p = "/nonexistent/x.lex";
    sl_lint *l = NULL;
    sl_error err;
    assert_int_equal(sl_lint_lexicons(&l, &p, 1, NULL, &err), SL_ENOINPUT);
    assert_null(l);
    p = write_lex("t.lex", "[t]\nx\n");
    assert_int_equal(sl_lint_lexicons(&l, &p, 1, "klingon", &err), SL_EUSAGE);
    assert_null(l);
}

/* Warnings never stop a load; an error still does, first one reported. */
static void lint__loader_unchanged(void **state)
{
    (void)state;
    const char *p = write_lex("t.lex", "[t]\na*\nlonely\nlonely\n");
    sl_lexicon *lex;
    sl_error err;
    assert_int_equal(sl_lexicon_load(&lex, &p, 1, NULL, &err), SL_OK);
    sl_lexicon_free(lex);
    p = write_lex("t.lex", "[t]\n\"a\n\"b\n");
    assert_int_equal(sl_lexicon_load(&lex, &p, 1, NULL, &err), SL_ELEXICON);
    assert_non_null(strstr(err.text, "t.lex:2:1: unclosed quote"));
    assert_non_null(strstr(err.text, "(and 1 more error)"));
}

/* Items the caller adds follow the sorted ones in the order added, file
 * and message copied, and every writer lists them. */
static void lint__caller_adds_items(void **state)
{
    (void)state;
    sl_lint *l = lint_text("[t]\na*\n");
    assert_int_equal(sl_lint_count(l), 1);
    char file[16] = "x.lex", msg[32] = "example does not match";
    sl_error err = {0};
    assert_int_equal(sl_lint_add(l, file, 9, 1, SL_LINT_ERROR, msg, &err), SL_OK);
    assert_int_equal(sl_lint_add(l, path, 1, 1, SL_LINT_WARNING, "second", &err), SL_OK);
    memset(file, 0, sizeof file);
    memset(msg, 0, sizeof msg);
    assert_int_equal(sl_lint_count(l), 3);
    expect(l, 0, 2, 1, SL_LINT_WARNING, "wildcard a*");
    expect(l, 1, 9, 1, SL_LINT_ERROR, "example does not match");
    assert_string_equal(sl_lint_item_at(l, 1)->file, "x.lex");
    expect(l, 2, 1, 1, SL_LINT_WARNING, "second");
    assert_string_equal(sl_lint_item_at(l, 2)->file, sl_lint_item_at(l, 0)->file);
    assert_int_equal(sl_lint_add(l, NULL, 1, 1, SL_LINT_ERROR, "m", &err), SL_EUSAGE);
    assert_int_equal(sl_lint_add(l, "f", 1, 1, (sl_lint_severity)7, "m", &err), SL_EUSAGE);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(sl_lint_write_json(l, out, &err), SL_OK);
    fclose(out);
    assert_non_null(strstr(buf, "\"errors\": 1"));
    assert_non_null(strstr(buf, "\"warnings\": 2"));
    assert_non_null(strstr(buf, "\"file\": \"x.lex\""));
    free(buf);
    sl_lint_free(l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lint__clean_lexicon_has_no_items),
        cmocka_unit_test(lint__every_error_is_kept),
        cmocka_unit_test(lint__duplicate_entry_warns),
        cmocka_unit_test(lint__short_wildcards_warn),
        cmocka_unit_test(lint__entry_in_two_themes_of_a_file),
        cmocka_unit_test(lint__exclusions_that_remove_nothing),
        cmocka_unit_test(lint__entries_an_exclusion_always_removes),
        cmocka_unit_test(lint__empty_stem_warns),
        cmocka_unit_test(lint__items_sorted_across_files),
        cmocka_unit_test(lint__missing_file_and_bad_language),
        cmocka_unit_test(lint__loader_unchanged),
        cmocka_unit_test(lint__caller_adds_items),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
