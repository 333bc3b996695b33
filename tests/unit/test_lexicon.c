/*
 * test_lexicon.c - unit tests for lexicon_parse.c and lexicon_compile.c
 * through sl_lexicon_load(): every error message with its FILE:LINE:COL,
 * theme order and implicit parents, entries and atoms, the first-atom
 * index, directories, SHA-256 and file encodings. Lexicon text is written
 * into a fresh mkdtemp() directory per load. Every expected value (columns,
 * stems, atom numbering, digests) is worked out by hand from the text
 * written here; digests come from sha256sum(1).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexicon/lexicon.h"

/* ---- helpers ------------------------------------------------------------ */

typedef struct tmpdir {
    char path[64];
} tmpdir;

static void dir_make(tmpdir *d)
{
    snprintf(d->path, sizeof d->path, "/tmp/sl_lex_XXXXXX");
    assert_non_null(mkdtemp(d->path));
}

/* Removes the directory and the plain files in it. */
static void dir_remove(const tmpdir *d)
{
    DIR *dh = opendir(d->path);
    assert_non_null(dh);
    struct dirent *de;
    char full[512];
    while ((de = readdir(dh))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        snprintf(full, sizeof full, "%s/%s", d->path, de->d_name);
        assert_int_equal(unlink(full), 0);
    }
    closedir(dh);
    assert_int_equal(rmdir(d->path), 0);
}

static void put_file(const tmpdir *d, const char *name, const char *text, size_t len,
                     char *path, size_t size)
{
    char local[512];
    if (!path) {
        path = local;
        size = sizeof local;
    }
    snprintf(path, size, "%s/%s", d->path, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Loads one file x.lex holding text[0..len) (len 0: strlen). The file and
 * directory are gone afterwards; path keeps the name used in messages. */
static sl_status load_text(const char *text, size_t len, const char *language,
                           sl_lexicon **lex, sl_error *err, char *path, size_t size)
{
    tmpdir d;
    dir_make(&d);
    put_file(&d, "x.lex", text, len ? len : strlen(text), path, size);
    const char *paths[] = {path};
    memset(err, 0, sizeof *err);
    sl_status s = sl_lexicon_load(lex, paths, 1, language, err);
    dir_remove(&d);
    return s;
}

static sl_lexicon *load_ok(const char *text, size_t len)
{
    sl_lexicon *lex = NULL;
    sl_error err;
    char path[512];
    sl_status s = load_text(text, len, NULL, &lex, &err, path, sizeof path);
    if (s != SL_OK)
        fail_msg("load failed (%d): %s", (int)s, err.text);
    assert_non_null(lex);
    return lex;
}

/* "@" in want stands for the lexicon file's path. */
static void expand_at(const char *want, const char *path, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = want; *p && n + 1 < size; p++) {
        if (*p == '@') {
            int k = snprintf(out + n, size - n, "%s", path);
            n += (size_t)k;
        } else
            out[n++] = *p;
    }
    out[n < size ? n : size - 1] = '\0';
}

static int32_t theme_index(const sl_lexicon *lex, const char *name)
{
    for (size_t i = 0; i < sl_lexicon_theme_count(lex); i++)
        if (strcmp(sl_lexicon_theme_name(lex, i), name) == 0)
            return (int32_t)i;
    return -1;
}

static uint32_t atom_of(const sl_strmap *m, const char *key)
{
    const uint32_t *v = sli_strmap_get(m, key, strlen(key));
    if (!v)
        fail_msg("no atom for \"%s\"", key);
    return *v;
}

/* ---- errors: table-driven ----------------------------------------------- */

typedef struct error_case {
    const char *text;
    size_t len;         /* 0: strlen(text) */
    const char *want;   /* the message after "PATH:"; '@' = PATH */
} error_case;

static void run_error_cases(const error_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        const error_case *ec = &cases[c];
        sl_lexicon *lex = (sl_lexicon *)&lex; /* must be reset to NULL */
        sl_error err;
        char path[512], want[1024], full[2048];
        sl_status s = load_text(ec->text, ec->len, NULL, &lex, &err, path, sizeof path);
        if (s != SL_ELEXICON)
            fail_msg("case %zu: status %d, expected SL_ELEXICON (%s)", c, (int)s, err.text);
        assert_null(lex);
        assert_int_equal(err.code, SL_ELEXICON);
        expand_at(ec->want, path, want, sizeof want);
        snprintf(full, sizeof full, "%s:%s", path, want);
        if (strcmp(err.text, full) != 0)
            fail_msg("case %zu:\n got  %s\n want %s", c, err.text, full);
    }
}

#define RUN_ERRORS(cases) run_error_cases(cases, sizeof cases / sizeof cases[0])

static void lexicon__header_errors_report_column(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"[t\n", 0, "1:1: theme header has no closing ']'; write it as [theme_name]"},
        {"\n   [t # the ] is in a comment\n", 0,
         "2:4: theme header has no closing ']'; write it as [theme_name]"},
        {"[t]  x\n", 0, "1:6: unexpected text after the theme header"},
        {"  [a..b]\n", 0,
         "1:4: bad theme name \"a..b\"; use letters, digits, '_' or '-', with '.' to nest"},
        {"[ .a ]\n", 0,
         "1:3: bad theme name \".a\"; use letters, digits, '_' or '-', with '.' to nest"},
        {"[a.]\n", 0,
         "1:2: bad theme name \"a.\"; use letters, digits, '_' or '-', with '.' to nest"},
        {"[]\n", 0, "1:2: bad theme name \"\"; use letters, digits, '_' or '-', with '.' to nest"},
        {"[a b]\n", 0,
         "1:2: bad theme name \"a b\"; use letters, digits, '_' or '-', with '.' to nest"},
        {"[a]\nx\n[b]\n[ a ]\n", 0, "4:3: duplicate theme [a], first defined at @:1"},
        /* An explicit header after an implicit parent moves its definition. */
        {"[p.q]\n[p]\n[p]\n", 0, "3:2: duplicate theme [p], first defined at @:2"},
    };
    RUN_ERRORS(cases);
}

static void lexicon__key_errors_report_column(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"label = x\n", 0, "1:1: key outside a theme; start a theme with [name] first"},
        {"# c\n  polarity = asset\n[t]\n", 0,
         "2:3: key outside a theme; start a theme with [name] first"},
        {"[t]\npolarity = sometimes\n", 0,
         "2:12: polarity must be problem, asset or neutral, not \"sometimes\""},
        {"[t]\npolarity\t=\"\"\n", 0,
         "2:12: polarity must be problem, asset or neutral, not \"\""},
        {"[t]\ncolour = red\n", 0,
         "2:1: unknown key \"colour\"; the keys are label, description, polarity, direction, example and counterexample "
         "(a word entry has no '=')"},
        {"[t]\nlonely=1\n", 0,
         "2:1: unknown key \"lonely\"; the keys are label, description, polarity, direction, example and counterexample "
         "(a word entry has no '=')"},
        {"[t]\nlabel = A\n\tlabel = B\n", 0, "3:2: label is given twice for [t]"},
        {"[t.u]\ndescription = A\ndescription = A\n", 0,
         "3:1: description is given twice for [t.u]"},
    };
    RUN_ERRORS(cases);
}

static void lexicon__word_errors_report_column(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"lonely\n", 0, "1:1: entry outside a theme; start a theme with [name] first"},
        {"[t]\nis*lat\n", 0, "2:3: '*' may only end a word (a prefix wildcard such as isolat*)"},
        {"[t]\n=iso*\n", 0, "2:5: '*' may only end a word (a prefix wildcard such as isolat*)"},
        {"[t]\n**\n", 0, "2:1: '*' may only end a word (a prefix wildcard such as isolat*)"},
        {"[t]\n=\n", 0, "2:1: empty word in entry"},
        {"[t]\n!*\n", 0, "2:2: empty word in entry"},
        {"[t]\n!\n", 0, "2:2: empty word in entry"},
        /* The same at the very end of the file, with no line break. */
        {"[t]\n!", 0, "2:2: empty word in entry"},
        {"[t]\n e.g\n", 0,
         "2:2: \"e.g\" is not one word as storylens reads text (2 tokens); "
         "quote a phrase or use a /regex/"},
        {"[t]\n'tis\n", 0,
         "2:1: \"'tis\" is not one word as storylens reads text (1 token); "
         "quote a phrase or use a /regex/"},
        {"[t]\n...\n", 0,
         "2:1: \"...\" is not one word as storylens reads text (0 tokens); "
         "quote a phrase or use a /regex/"},
        {"[t]\nsocially isolated  # comment\n", 0,
         "2:1: a word entry has a space; quote a phrase: \"socially isolated\""},
        {"[t]\n!a\tb\n", 0, "2:2: a word entry has a space; quote a phrase: \"a\tb\""},
    };
    RUN_ERRORS(cases);
}

static void lexicon__phrase_errors_report_column(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"[t]\n\"a b\n", 0, "2:1: unclosed quote in phrase; end it with \""},
        {"[t]\n!\"not lonely\n", 0, "2:2: unclosed quote in phrase; end it with \""},
        {"[t]\n\"a b\"x\n", 0, "2:6: unexpected text after the phrase"},
        {"[t]\n\"\"\n", 0, "2:1: empty phrase"},
        {"[t]\n!\"   \"\n", 0, "2:2: empty phrase"},
        {"[t]\n\"stay i*x\"\n", 0,
         "2:8: '*' may only end a word (a prefix wildcard such as isolat*)"},
        {"[t]\n\"stay ~ home\"\n", 0,
         "2:7: a gap is ~N with N from 0 to 20, e.g. \"stay ~3 home\""},
        {"[t]\n\"stay ~100 home\"\n", 0,
         "2:7: a gap is ~N with N from 0 to 20, e.g. \"stay ~3 home\""},
        {"[t]\n\"stay ~x3 home\"\n", 0, "2:7: a gap is ~N with N a number, e.g. ~3"},
        {"[t]\n\"stay ~21 home\"\n", 0, "2:7: gap ~21 is longer than the largest, ~20"},
        {"[t]\n\"~2 home\"\n", 0, "2:2: a ~N gap must stand between two words"},
        {"[t]\n\"stay ~1 ~2 home\"\n", 0, "2:10: a ~N gap must stand between two words"},
        {"[t]\n\"stay ~3\"\n", 0, "2:9: a ~N gap must stand between two words"},
        {"[t]\n\"stay at-home.\"\n", 0,
         "2:7: \"at-home.\" is not one word as storylens reads text (1 token); "
         "quote a phrase or use a /regex/"},
    };
    RUN_ERRORS(cases);
}

static void lexicon__regex_errors_report_column(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"[t]\n/abc\n", 0, "2:1: regex has no closing '/'; write /pattern/flags"},
        {"[t]\n!/ab\\/\n", 0, "2:2: regex has no closing '/'; write /pattern/flags"},
        {"[t]\n/a/g\n", 0, "2:4: unknown regex flag 'g'; the flags are i and x"},
        {"[t]\n/a/ixs\n", 0, "2:6: unknown regex flag 's'; the flags are i and x"},
        {"[t]\n/a/i+\n", 0, "2:5: unexpected text after the regex"},
        /* PCRE2 reports the end of the pattern "a(b": offset 3, column 1+1+3. */
        {"[t]\n/a(b/\n", 0,
         "2:5: bad regex: missing closing parenthesis (PCRE2 error 114 at offset 3)"},
        {"[t]\n  !/x)/i\n", 0,
         "2:6: bad regex: unmatched closing parenthesis (PCRE2 error 122 at offset 1)"},
    };
    RUN_ERRORS(cases);
}

static void lexicon__nul_byte_rejected(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"[t]\nlone\0ly\n", 12, "1:1: a NUL byte: this is not a text lexicon file"},
        {"\0", 1, "1:1: a NUL byte: this is not a text lexicon file"},
    };
    RUN_ERRORS(cases);
}

static void lexicon__wildcard_prefix_over_255_bytes_rejected(void **state)
{
    (void)state;
    char text[300];
    memcpy(text, "[t]\n", 4);
    memset(text + 4, 'a', 256);
    memcpy(text + 260, "*\n", 3);
    const error_case cases[] = {
        {text, 0, "2:1: wildcard prefix longer than 255 bytes"},
    };
    RUN_ERRORS(cases);

    /* 255 bytes is the largest prefix, and is flagged in prefix_len. */
    text[259] = '*';
    text[260] = '\n';
    text[261] = '\0';
    sl_lexicon *lex = load_ok(text, 0);
    assert_int_equal(lex->natoms, 1);
    assert_int_equal(lex->prefix_len[255], 1);
    assert_int_equal(lex->prefix_atoms.n, 1);
    sl_lexicon_free(lex);
}

/* ---- error counts --------------------------------------------------------- */

static void lexicon__more_errors_suffix_counts_the_rest(void **state)
{
    (void)state;
    static const error_case cases[] = {
        {"[t]\ncolour = red\nsocially isolated\n", 0,
         "2:1: unknown key \"colour\"; the keys are label, description, polarity, direction, example and counterexample "
         "(a word entry has no '=') (and 1 more error)"},
        {"[t]\n\"a b\n[t]\n/a(b/\nok\n[u\n", 0,
         "2:1: unclosed quote in phrase; end it with \" (and 3 more errors)"},
    };
    RUN_ERRORS(cases);
}

/* Parsing goes on across files; the first error is the first file's. */
static void lexicon__errors_counted_across_files(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        size_t alen;
        const char *want; /* after "DIR/" */
    } cases[] = {
        {"[t]\nx y\n", "[u]\n=\n[v\n", 0,
         "a.lex:2:1: a word entry has a space; quote a phrase: \"x y\" (and 2 more errors)"},
        {"[t]\nok\n", "[t]\n", 0, "b.lex:1:2: duplicate theme [t], first defined at @/a.lex:1"},
        {"[t]\0", "[u]\n=\n", 4,
         "a.lex:1:1: a NUL byte: this is not a text lexicon file (and 1 more error)"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        tmpdir d;
        dir_make(&d);
        put_file(&d, "b.lex", cases[c].b, strlen(cases[c].b), NULL, 0);
        put_file(&d, "a.lex", cases[c].a, cases[c].alen ? cases[c].alen : strlen(cases[c].a),
                 NULL, 0);
        const char *paths[] = {d.path};
        sl_lexicon *lex = NULL;
        sl_error err;
        sl_status s = sl_lexicon_load(&lex, paths, 1, NULL, &err);
        dir_remove(&d);
        assert_int_equal(s, SL_ELEXICON);
        assert_null(lex);
        char want[1024], full[2048];
        expand_at(cases[c].want, d.path, want, sizeof want);
        snprintf(full, sizeof full, "%s/%s", d.path, want);
        if (strcmp(err.text, full) != 0)
            fail_msg("case %zu:\n got  %s\n want %s", c, err.text, full);
    }
}

/* ---- themes ----------------------------------------------------------------- */

static void lexicon__implicit_parent_precedes_child_and_is_taken_over(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[outcome3.confidence]\n"   /* 1 */
                              "confid*\n"                 /* 2 */
                              "[isolation]\n"             /* 3 */
                              "lonely\n"                  /* 4 */
                              "[outcome3]\n"              /* 5 */
                              "label = Outcome 3\n"       /* 6 */
                              "polarity = asset\n"        /* 7 */
                              "[outcome3.agency]\n",      /* 8 */
                              0);
    static const char *const names[] = {"outcome3", "outcome3.confidence", "isolation",
                                        "outcome3.agency"};
    static const int32_t parents[] = {-1, 0, -1, 0};
    static const uint32_t lines[] = {5, 1, 3, 8};
    assert_int_equal(sl_lexicon_theme_count(lex), 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(sl_lexicon_theme_name(lex, i), names[i]);
        assert_int_equal(lex->themes[i].parent, parents[i]);
        assert_int_equal(lex->themes[i].implicit, 0);
        assert_int_equal(lex->themes[i].line, lines[i]);
        assert_int_equal(lex->themes[i].file, 0);
    }
    assert_null(sl_lexicon_theme_name(lex, 4));
    assert_string_equal(lex->themes[0].label, "Outcome 3");
    assert_int_equal(lex->themes[0].polarity, SL_ASSET);
    assert_null(lex->themes[1].label);
    assert_null(lex->themes[1].description);
    assert_int_equal(lex->themes[1].polarity, SL_NEUTRAL);
    /* Entries belong to the theme of their header. */
    assert_int_equal(lex->nentries, 2);
    assert_int_equal(lex->entries[0].theme, 1);
    assert_int_equal(lex->entries[1].theme, 2);
    sl_lexicon_free(lex);
}

static void lexicon__nested_names_create_every_ancestor(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[a.b.c]\nx\n[d]\n[a.b.e]\n", 0);
    static const char *const names[] = {"a", "a.b", "a.b.c", "d", "a.b.e"};
    static const int32_t parents[] = {-1, 0, 1, -1, 1};
    static const int implicit[] = {1, 1, 0, 0, 0};
    assert_int_equal(sl_lexicon_theme_count(lex), 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(sl_lexicon_theme_name(lex, i), names[i]);
        assert_int_equal(lex->themes[i].parent, parents[i]);
        assert_int_equal(lex->themes[i].implicit, implicit[i]);
    }
    /* Implicit parents carry the line of the header that made them. */
    assert_int_equal(lex->themes[0].line, 1);
    assert_int_equal(lex->themes[1].line, 1);

    sl_lexicon_free(lex);
}

static void lexicon__theme_keys_stored_unquoted_without_comment(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[isolation]   # a theme\n"
                              "label = Social isolation    # optional\n"
                              "description = \"Alone # not a comment\"\n"
                              "polarity=problem\n"
                              "[b]\n"
                              "polarity = asset\n"
                              "polarity = neutral\n"
                              "label =\n",
                              0);
    assert_int_equal(sl_lexicon_theme_count(lex), 2);
    assert_string_equal(lex->themes[0].name, "isolation");
    assert_string_equal(lex->themes[0].label, "Social isolation");
    assert_string_equal(lex->themes[0].description, "Alone # not a comment");
    assert_int_equal(lex->themes[0].polarity, SL_PROBLEM);
    assert_int_equal(lex->themes[1].polarity, SL_NEUTRAL);
    assert_string_equal(lex->themes[1].label, "");
    assert_int_equal(lex->nentries, 0);
    sl_lexicon_free(lex);
}

static void lexicon__theme_count_and_name_accept_null(void **state)
{
    (void)state;
    assert_int_equal(sl_lexicon_theme_count(NULL), 0);
    assert_null(sl_lexicon_theme_name(NULL, 0));
    sl_lexicon_free(NULL);
}

/* ---- entries and atoms ------------------------------------------------------ */

static void lexicon__repeated_entry_kept_once_per_theme(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[t]\n"
                              "lonely\n"
                              "  lonely   # again\n"
                              "\"stay home\"\n"
                              "\"stay home\"\n"
                              "/x/i\n"
                              "/x/i\n"
                              "!lonely\n"
                              "[u]\n"
                              "lonely\n",
                              0);
    static const char *const sources[] = {"lonely", "\"stay home\"", "/x/i", "!lonely",
                                          "lonely"};
    static const uint32_t themes[] = {0, 0, 0, 0, 1};
    static const uint32_t lines[] = {2, 4, 6, 8, 10};
    assert_int_equal(lex->nentries, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(lex->entries[i].source, sources[i]);
        assert_int_equal(lex->entries[i].theme, themes[i]);
        assert_int_equal(lex->entries[i].line, lines[i]);
        assert_int_equal(lex->entries[i].col, 1);
    }
    assert_int_equal(lex->entries[3].exclusion, 1);
    assert_int_equal(lex->entries[0].exclusion, 0);
    /* lone, stay, home: "lonely" in u and "!lonely" share t's atom. */
    assert_int_equal(lex->natoms, 3);
    sl_lexicon_free(lex);
}

static void lexicon__entries_folded_like_story_tokens(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[t]\n"
                              "LONELY\n"
                              "=CAFE\xcc\x81\n"        /* decomposed: folds to NFC "café" */
                              "ISOLAT*\n"
                              "=Don\xe2\x80\x99t\n"    /* U+2019 becomes ' */
                              "\"Socially   ISOLATED\"\n",
                              0);
    assert_int_equal(lex->nentries, 5);
    /* Sources are kept as written. */
    assert_string_equal(lex->entries[0].source, "LONELY");
    assert_string_equal(lex->entries[1].source, "=CAFE\xcc\x81");

    assert_int_equal(lex->entries[0].kind, SL_ENTRY_TOKENS);
    assert_int_equal(lex->entries[0].natoms, 1);
    assert_int_equal(lex->entries[0].atoms[0], atom_of(&lex->stem_atoms, "lone"));
    assert_int_equal(lex->entries[1].atoms[0], atom_of(&lex->exact_atoms, "caf\xc3\xa9"));
    assert_int_equal(lex->entries[2].atoms[0], atom_of(&lex->prefix_atoms, "isolat"));
    assert_int_equal(lex->entries[3].atoms[0], atom_of(&lex->exact_atoms, "don't"));
    /* socially -> social, isolated -> isolate -> isol (Snowball english). */
    assert_int_equal(lex->entries[4].natoms, 2);
    assert_int_equal(lex->entries[4].atoms[0], atom_of(&lex->stem_atoms, "social"));
    assert_int_equal(lex->entries[4].atoms[1], atom_of(&lex->stem_atoms, "isol"));
    assert_int_equal(lex->entries[4].gaps[0], 0);
    assert_int_equal(lex->entries[4].gaps[1], 0);

    assert_int_equal(lex->natoms, 6);
    assert_int_equal(lex->stem_atoms.n, 3);
    assert_int_equal(lex->exact_atoms.n, 2);
    assert_int_equal(lex->prefix_atoms.n, 1);
    /* Only the length of "isolat" is flagged. */
    size_t flagged = 0;
    for (size_t i = 0; i <= SL_MAX_PREFIX; i++)
        flagged += lex->prefix_len[i];
    assert_int_equal(flagged, 1);
    assert_int_equal(lex->prefix_len[6], 1);
    sl_lexicon_free(lex);
}

/* The worked example: atoms shared between two themes, the first-atom index
 * in lexicon order and the regex list.
 *
 *   entry  theme  source                 first atom
 *   0      a      lonely                 0 lone (stem)
 *   1      a      =alone                 1 alone (exact)
 *   2      a      /.../i                 -
 *   3      a      isolat*                2 isolat (prefix)
 *   4      a      "socially isolated"    3 social, then 4 isol
 *   5      b      Lonely                 0
 *   6      b      !/alone(ly)?/x         -
 *   7      b      isolat*                2
 *   8      b      "stay ~3 home"         5 stay, then 6 home
 *   9      b      =alone                 1
 */
static const char shared_text[] = "[a]\n"
                                  "lonely\n"
                                  "=alone\n"
                                  "/\\bon (his|her|their) own\\b/i\n"
                                  "isolat*\n"
                                  "\"socially isolated\"\n"
                                  "[b]\n"
                                  "Lonely\n"
                                  "!/alone(ly)?/x\n"
                                  "isolat*\n"
                                  "\"stay ~3 home\"\n"
                                  "=alone\n";

static void lexicon__atoms_shared_between_themes(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok(shared_text, 0);
    assert_int_equal(lex->nentries, 10);
    assert_int_equal(lex->natoms, 7);
    assert_int_equal(atom_of(&lex->stem_atoms, "lone"), 0);
    assert_int_equal(atom_of(&lex->exact_atoms, "alone"), 1);
    assert_int_equal(atom_of(&lex->prefix_atoms, "isolat"), 2);
    assert_int_equal(atom_of(&lex->stem_atoms, "social"), 3);
    assert_int_equal(atom_of(&lex->stem_atoms, "isol"), 4);
    assert_int_equal(atom_of(&lex->stem_atoms, "stay"), 5);
    assert_int_equal(atom_of(&lex->stem_atoms, "home"), 6);
    /* An exact atom is not a stem atom of the same text. */
    assert_null(sli_strmap_get(&lex->stem_atoms, "alone", 5));

    assert_int_equal(lex->entries[5].atoms[0], lex->entries[0].atoms[0]);
    assert_int_equal(lex->entries[9].atoms[0], lex->entries[1].atoms[0]);
    assert_int_equal(lex->entries[7].atoms[0], lex->entries[3].atoms[0]);
    assert_int_equal(lex->entries[8].natoms, 2);
    assert_int_equal(lex->entries[8].gaps[0], 0);
    assert_int_equal(lex->entries[8].gaps[1], 3);
    assert_int_equal(lex->entries[5].theme, 1);
    sl_lexicon_free(lex);
}

static void lexicon__first_atom_index_lists_entries_in_lexicon_order(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok(shared_text, 0);
    static const uint32_t off[] = {0, 2, 4, 6, 7, 7, 8, 8};
    static const uint32_t ent[] = {0, 5, 1, 9, 3, 7, 4, 8};
    assert_int_equal(lex->natoms + 1, sizeof off / sizeof off[0]);
    for (size_t a = 0; a <= lex->natoms; a++)
        assert_int_equal(lex->first_off[a], off[a]);
    for (size_t i = 0; i < sizeof ent / sizeof ent[0]; i++) {
        const sl_first *f = &lex->first[i];
        const sl_entry *e = &lex->entries[ent[i]];
        assert_int_equal(f->entry, ent[i]);
        assert_int_equal(f->theme, e->theme);
        assert_int_equal(f->natoms, e->natoms);
        assert_int_equal(f->exclusion, 0);
    }
    /* a phrase's second atom and its gap ride along: "socially isolated"
     * (entry 4, at 6) and "stay ~3 home" (entry 8, at 7) */
    assert_int_equal(lex->first[6].next, 4); /* isol */
    assert_int_equal(lex->first[6].gap, 0);
    assert_int_equal(lex->first[7].next, 6); /* home */
    assert_int_equal(lex->first[7].gap, 3);
    assert_int_equal(lex->first[7].theme, 1);
    assert_int_equal(lex->first[0].next, 0);
    sl_lexicon_free(lex);
}

/* Each entry's sign is its theme's polarity, or failing that the nearest
 * non-neutral ancestor's: a neutral child of an asset counts as an asset,
 * a problem child of an asset as a problem, a lone neutral theme as 0. */
static void lexicon__entry_sign_from_theme_or_nearest_ancestor(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[good]\npolarity = asset\nhelp\n"
                              "[good.quiet]\ncalm\n"
                              "[good.quiet.bad]\npolarity = problem\nstress\n"
                              "[plain]\ntea\n",
                              0);
    assert_int_equal(lex->nentries, 4);
    static const int8_t want[] = {1, 1, -1, 0};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(lex->entry_sign[i], want[i]);
    sl_lexicon_free(lex);
}

/* The index record says which entries are exclusions, so the matcher can
 * keep them apart without reading the entries; a phrase of 300 words has
 * its atom count capped at 255 (the search only asks 1, 2 or more). */
static void lexicon__first_atom_records_flag_exclusions_and_cap_atoms(void **state)
{
    (void)state;
    char text[4096] = "[a]\nhelp\n!\"help desk\"\n\"";
    for (int i = 0; i < 300; i++)
        strcat(text, i ? " w" : "w");
    strcat(text, "\"\n");
    sl_lexicon *lex = load_ok(text, 0);
    assert_int_equal(lex->nentries, 3);
    int seen = 0;
    for (size_t x = 0; x < lex->nentries; x++) {
        const sl_first *f = &lex->first[x];
        assert_int_equal(f->exclusion, f->entry == 1);
        if (f->entry == 2) {
            assert_int_equal(lex->entries[2].natoms, 300);
            assert_int_equal(f->natoms, 255);
            seen = 1;
        }
    }
    assert_true(seen);
    sl_lexicon_free(lex);
}

static void lexicon__regexes_listed_in_lexicon_order(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok(shared_text, 0);
    assert_int_equal(lex->nregexes, 2);
    assert_int_equal(lex->regexes[0], 2);
    assert_int_equal(lex->regexes[1], 6);
    const sl_entry *e = &lex->entries[2];
    assert_int_equal(e->kind, SL_ENTRY_REGEX);
    assert_int_equal(e->natoms, 0);
    assert_non_null(e->re);
    assert_string_equal(e->source, "/\\bon (his|her|their) own\\b/i");
    assert_int_equal(e->exclusion, 0);
    assert_int_equal(lex->entries[6].exclusion, 1);
    assert_string_equal(lex->entries[6].source, "!/alone(ly)?/x");
    assert_int_equal(lex->entries[6].line, 9);

    /* Flag i: caseless; UTF mode. */
    static const struct {
        const char *text;
        int match;
    } cases[] = {
        {"She was ON THEIR OWN again", 1},
        {"on his own", 1},
        {"gone on her ownership", 0},
        {"on our own", 0},
    };
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(e->re, NULL);
    assert_non_null(md);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = pcre2_match(e->re, (PCRE2_SPTR)cases[i].text, strlen(cases[i].text), 0, 0, md,
                             NULL);
        if ((rc > 0) != cases[i].match)
            fail_msg("regex case %zu: rc %d", i, rc);
    }
    pcre2_match_data_free(md);
    sl_lexicon_free(lex);
}

static void lexicon__phrase_gaps_and_columns(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("[t]\n"
                              "\t\"stay ~0 at ~20 home\"   # gaps\n"
                              "  !\"not ~05 lonely\"\n",
                              0);
    assert_int_equal(lex->nentries, 2);
    const sl_entry *e = &lex->entries[0];
    assert_string_equal(e->source, "\"stay ~0 at ~20 home\"");
    assert_int_equal(e->line, 2);
    assert_int_equal(e->col, 2);
    assert_int_equal(e->natoms, 3);
    assert_int_equal(e->gaps[0], 0);
    assert_int_equal(e->gaps[1], 0);
    assert_int_equal(e->gaps[2], 20);
    e = &lex->entries[1];
    assert_string_equal(e->source, "!\"not ~05 lonely\"");
    assert_int_equal(e->col, 3);
    assert_int_equal(e->exclusion, 1);
    assert_int_equal(e->natoms, 2);
    assert_int_equal(e->gaps[1], 5);
    assert_int_equal(e->atoms[1], atom_of(&lex->stem_atoms, "lone"));
    sl_lexicon_free(lex);
}

/* ---- files ------------------------------------------------------------------ */

static void lexicon__directory_loads_lex_files_sorted(void **state)
{
    (void)state;
    tmpdir d;
    dir_make(&d);
    put_file(&d, "b.lex", "[b]\nx\n", 6, NULL, 0);
    put_file(&d, "a.lex", "[a]\ny\n", 6, NULL, 0);
    put_file(&d, "notes.txt", "[broken\n", 8, NULL, 0);
    put_file(&d, "a.lex.bak", "[broken\n", 8, NULL, 0);
    put_file(&d, ".hidden.lex", "[broken\n", 8, NULL, 0);
    put_file(&d, "c.LEX", "[broken\n", 8, NULL, 0);
    char with_slash[80];
    snprintf(with_slash, sizeof with_slash, "%s/", d.path);
    const char *const variants[] = {d.path, with_slash};
    for (size_t v = 0; v < 2; v++) {
        const char *paths[] = {variants[v]};
        sl_lexicon *lex = NULL;
        sl_error err;
        sl_status s = sl_lexicon_load(&lex, paths, 1, NULL, &err);
        if (s != SL_OK)
            fail_msg("%s", err.text);
        assert_int_equal(lex->nfiles, 2);
        char want[128];
        snprintf(want, sizeof want, "%s/a.lex", d.path);
        assert_string_equal(lex->files[0].path, want);
        snprintf(want, sizeof want, "%s/b.lex", d.path);
        assert_string_equal(lex->files[1].path, want);
        assert_int_equal(sl_lexicon_theme_count(lex), 2);
        assert_string_equal(sl_lexicon_theme_name(lex, 0), "a");
        assert_string_equal(sl_lexicon_theme_name(lex, 1), "b");
        assert_int_equal(lex->themes[0].file, 0);
        assert_int_equal(lex->themes[1].file, 1);
        assert_int_equal(lex->entries[1].file, 1);
        sl_lexicon_free(lex);
    }
    dir_remove(&d);
}

/* The bundled folder's files are named by their path inside it (with or
 * without a final "/" on the folder); a file elsewhere, and one in a
 * folder whose name merely begins with the folder's, keep their path. */
static void lexicon__mark_bundled_names_files_inside_the_folder(void **state)
{
    (void)state;
    tmpdir d, e;
    dir_make(&d);
    dir_make(&e);
    put_file(&d, "a.lex", "[a]\ny\n", 6, NULL, 0);
    char other[128], prefix[80];
    put_file(&e, "b.lex", "[b]\nx\n", 6, other, sizeof other);
    snprintf(prefix, sizeof prefix, "%.*s", (int)strlen(d.path) - 1, d.path);
    char with_slash[80];
    snprintf(with_slash, sizeof with_slash, "%s/", d.path);
    const char *const marks[] = {d.path, with_slash, prefix};
    for (size_t v = 0; v < 3; v++) {
        const char *paths[] = {d.path, other};
        sl_lexicon *lex = NULL;
        sl_error err;
        if (sl_lexicon_load(&lex, paths, 2, NULL, &err) != SL_OK)
            fail_msg("%s", err.text);
        assert_string_equal(sli_lexfile_name(&lex->files[0]), lex->files[0].path);
        sl_lexicon_mark_bundled(lex, marks[v]);
        if (v < 2) {
            assert_string_equal(sli_lexfile_name(&lex->files[0]), "a.lex");
        } else {
            assert_null(lex->files[0].bundled);
        }
        char want[128];
        snprintf(want, sizeof want, "%s/a.lex", d.path);
        assert_string_equal(lex->files[0].path, want); /* errors still name it */
        assert_null(lex->files[1].bundled);
        assert_string_equal(sli_lexfile_name(&lex->files[1]), other);
        sl_lexicon_free(lex);
    }
    dir_remove(&d);
    dir_remove(&e);
}

static void lexicon__paths_load_in_given_order(void **state)
{
    (void)state;
    tmpdir d;
    dir_make(&d);
    char a[128], b[128];
    put_file(&d, "b.lex", "[b]\nx\n", 6, b, sizeof b);
    put_file(&d, "a.lex", "[a]\ny\n", 6, a, sizeof a);
    const char *paths[] = {b, a};
    sl_lexicon *lex = NULL;
    sl_error err;
    assert_int_equal(sl_lexicon_load(&lex, paths, 2, NULL, &err), SL_OK);
    assert_string_equal(lex->files[0].path, b);
    assert_string_equal(lex->files[1].path, a);
    assert_int_equal(theme_index(lex, "b"), 0);
    assert_int_equal(theme_index(lex, "a"), 1);
    sl_lexicon_free(lex);
    dir_remove(&d);
}

static void lexicon__missing_or_empty_input_is_noinput(void **state)
{
    (void)state;
    tmpdir d;
    dir_make(&d);
    sl_lexicon *lex = (sl_lexicon *)&lex;
    sl_error err;
    char want[256];

    const char *empty[] = {d.path};
    assert_int_equal(sl_lexicon_load(&lex, empty, 1, NULL, &err), SL_ENOINPUT);
    assert_null(lex);
    assert_int_equal(err.code, SL_ENOINPUT);
    snprintf(want, sizeof want, "%s: no *.lex files in this directory", d.path);
    assert_string_equal(err.text, want);

    put_file(&d, "readme.txt", "x\n", 2, NULL, 0);
    assert_int_equal(sl_lexicon_load(&lex, empty, 1, NULL, &err), SL_ENOINPUT);
    assert_string_equal(err.text, want);

    char missing[128];
    snprintf(missing, sizeof missing, "%s/nope.lex", d.path);
    const char *gone[] = {missing};
    assert_int_equal(sl_lexicon_load(&lex, gone, 1, NULL, &err), SL_ENOINPUT);
    assert_null(lex);
    snprintf(want, sizeof want, "%s: cannot open lexicon: No such file or directory", missing);
    assert_string_equal(err.text, want);

    /* A missing file stops the load before a good one is parsed. */
    char good[128];
    put_file(&d, "good.lex", "[t]\nx\n", 6, good, sizeof good);
    const char *mixed[] = {good, missing};
    assert_int_equal(sl_lexicon_load(&lex, mixed, 2, NULL, &err), SL_ENOINPUT);
    assert_null(lex);

    /* No paths at all is a usage error. */
    assert_int_equal(sl_lexicon_load(&lex, NULL, 0, NULL, &err), SL_EUSAGE);
    assert_null(lex);
    assert_string_equal(err.text, "no lexicon files given");
    /* err may be NULL. */
    assert_int_equal(sl_lexicon_load(&lex, gone, 1, NULL, NULL), SL_ENOINPUT);
    dir_remove(&d);
}

static void lexicon__sha256_recorded_per_file(void **state)
{
    (void)state;
    tmpdir d;
    dir_make(&d);
    /* printf '[isolation]\nlonely\n' | sha256sum */
    put_file(&d, "a.lex", "[isolation]\nlonely\n", 19, NULL, 0);
    /* printf '' | sha256sum: an empty file is a valid, empty lexicon */
    put_file(&d, "b.lex", "", 0, NULL, 0);
    const char *paths[] = {d.path};
    sl_lexicon *lex = NULL;
    sl_error err;
    assert_int_equal(sl_lexicon_load(&lex, paths, 1, NULL, &err), SL_OK);
    assert_int_equal(lex->nfiles, 2);
    assert_string_equal(lex->files[0].sha256,
                        "6adaf6b3167b63b931092dd18e65f38509092456b368bcd61ff06f77a8d0476a");
    assert_string_equal(lex->files[1].sha256,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sl_lexicon_free(lex);
    dir_remove(&d);
}

static void lexicon__large_file_read_whole(void **state)
{
    (void)state;
    /* More than the 4096-byte first read: 2000 distinct entries. */
    size_t cap = 64 + 2000 * 12, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text + n, cap - n, "[big]\n");
    for (int i = 0; i < 2000; i++)
        n += (size_t)snprintf(text + n, cap - n, "=w%d\n", i);
    sl_lexicon *lex = load_ok(text, n);
    free(text);
    assert_int_equal(lex->nentries, 2000);
    assert_int_equal(lex->natoms, 2000);
    assert_string_equal(lex->entries[1999].source, "=w1999");
    assert_int_equal(lex->entries[1999].line, 2001);
    assert_int_equal(atom_of(&lex->exact_atoms, "w1234"), 1234);
    sl_lexicon_free(lex);
}

static void lexicon__crlf_and_bom_accepted(void **state)
{
    (void)state;
    sl_lexicon *lex = load_ok("\xef\xbb\xbf[isolation]\r\n"
                              "label = Social isolation\r\n"
                              "lonely \r\n"
                              "\"socially isolated\"\r\n"
                              "/alone/i\r\n"
                              "\r\n"
                              "# comment\r\n"
                              "=alone",
                              0);
    assert_int_equal(sl_lexicon_theme_count(lex), 1);
    assert_string_equal(sl_lexicon_theme_name(lex, 0), "isolation");
    assert_string_equal(lex->themes[0].label, "Social isolation");
    static const char *const sources[] = {"lonely", "\"socially isolated\"", "/alone/i",
                                          "=alone"};
    assert_int_equal(lex->nentries, 4);
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(lex->entries[i].source, sources[i]);
    assert_int_equal(lex->entries[3].line, 8);
    assert_int_equal(atom_of(&lex->exact_atoms, "alone"), lex->entries[3].atoms[0]);
    sl_lexicon_free(lex);

    /* Errors in such files: CR is not text, and the BOM is not a column. */
    static const error_case cases[] = {
        {"[t]\r\n\"a b\"x\r\n", 0, "2:6: unexpected text after the phrase"},
        {"\xef\xbb\xbf[t\r\n", 0, "1:1: theme header has no closing ']'; write it as [theme_name]"},
        {"\xef\xbb\xbf[t]\r\ncolour = red\r\n", 0,
         "2:1: unknown key \"colour\"; the keys are label, description, polarity, direction, example and counterexample "
         "(a word entry has no '=')"},
    };
    RUN_ERRORS(cases);
}

static void lexicon__language_chooses_stemmer(void **state)
{
    (void)state;
    sl_lexicon *lex = NULL;
    sl_error err;
    char path[512];
    assert_int_equal(load_text("[t]\nlonely\n", 0, "klingon", &lex, &err, path, sizeof path),
                     SL_EUSAGE);
    assert_null(lex);
    assert_int_equal(err.code, SL_EUSAGE);
    const char *prefix = "unknown language \"klingon\"; use one of: ";
    assert_memory_equal(err.text, prefix, strlen(prefix));
    assert_non_null(strstr(err.text, "english"));
    assert_non_null(strstr(err.text, "french"));

    /* A lexicon error wins: nothing is compiled after one. */
    assert_int_equal(load_text("[t\n", 0, "klingon", &lex, &err, path, sizeof path),
                     SL_ELEXICON);

    assert_int_equal(load_text("[t]\nlonely\n", 0, "english", &lex, &err, path, sizeof path),
                     SL_OK);
    assert_string_equal(lex->language, "english");
    sl_lexicon_free(lex);
    lex = load_ok("[t]\nlonely\n", 0);
    assert_string_equal(lex->language, "english"); /* NULL means english */
    sl_lexicon_free(lex);
}

static void lexicon__languages_listed(void **state)
{
    (void)state;
    const char **l = sl_languages();
    assert_non_null(l);
    int english = 0;
    size_t n = 0;
    for (; l[n]; n++)
        english |= strcmp(l[n], "english") == 0;
    assert_true(english);
    assert_true(n > 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lexicon__header_errors_report_column),
        cmocka_unit_test(lexicon__key_errors_report_column),
        cmocka_unit_test(lexicon__word_errors_report_column),
        cmocka_unit_test(lexicon__phrase_errors_report_column),
        cmocka_unit_test(lexicon__regex_errors_report_column),
        cmocka_unit_test(lexicon__nul_byte_rejected),
        cmocka_unit_test(lexicon__wildcard_prefix_over_255_bytes_rejected),
        cmocka_unit_test(lexicon__more_errors_suffix_counts_the_rest),
        cmocka_unit_test(lexicon__errors_counted_across_files),
        cmocka_unit_test(lexicon__implicit_parent_precedes_child_and_is_taken_over),
        cmocka_unit_test(lexicon__nested_names_create_every_ancestor),
        cmocka_unit_test(lexicon__theme_keys_stored_unquoted_without_comment),
        cmocka_unit_test(lexicon__theme_count_and_name_accept_null),
        cmocka_unit_test(lexicon__repeated_entry_kept_once_per_theme),
        cmocka_unit_test(lexicon__entries_folded_like_story_tokens),
        cmocka_unit_test(lexicon__atoms_shared_between_themes),
        cmocka_unit_test(lexicon__first_atom_index_lists_entries_in_lexicon_order),
        cmocka_unit_test(lexicon__first_atom_records_flag_exclusions_and_cap_atoms),
        cmocka_unit_test(lexicon__entry_sign_from_theme_or_nearest_ancestor),
        cmocka_unit_test(lexicon__regexes_listed_in_lexicon_order),
        cmocka_unit_test(lexicon__phrase_gaps_and_columns),
        cmocka_unit_test(lexicon__directory_loads_lex_files_sorted),
        cmocka_unit_test(lexicon__mark_bundled_names_files_inside_the_folder),
        cmocka_unit_test(lexicon__paths_load_in_given_order),
        cmocka_unit_test(lexicon__missing_or_empty_input_is_noinput),
        cmocka_unit_test(lexicon__sha256_recorded_per_file),
        cmocka_unit_test(lexicon__large_file_read_whole),
        cmocka_unit_test(lexicon__crlf_and_bom_accepted),
        cmocka_unit_test(lexicon__language_chooses_stemmer),
        cmocka_unit_test(lexicon__languages_listed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
