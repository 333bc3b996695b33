/*
 * test_concept.c - unit tests for the lexicon language v2 (concept.c and
 * the v2 lines of parse.c): word classes, rules expanded into phrases, the
 * entry each phrase reports, conditions, "@resolved" signs, examples, and
 * every error with its FILE:LINE:COL. The expected phrases, their order
 * and their atoms are worked out by hand from the rules written here
 * (near(A, B, N) is every "a ~N b" in A's then B's member order, then
 * every "b ~N a"; a phrase the rule gives twice counts once).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include "lexicon/lexicon.h"

/* The atom of a stem, or fails the test. */
static uint32_t stem_atom(const sl_lexicon *lex, const char *stem)
{
    const uint32_t *v = sli_strmap_get(&lex->stem_atoms, stem, strlen(stem));
    if (!v)
        fail_msg("no atom for stem \"%s\"", stem);
    return *v;
}

/* Entry e is the phrase of the given stems, each gap before its word. */
static void want_phrase(const sl_lexicon *lex, size_t e, size_t n, const char *const *stems,
                        const unsigned *gaps)
{
    const sl_entry *en = &lex->entries[e];
    if (en->natoms != n)
        fail_msg("entry %zu has %u atoms, not %zu", e, (unsigned)en->natoms, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(en->atoms[i], stem_atom(lex, stems[i]));
        assert_int_equal(en->gaps[i], gaps ? gaps[i] : 0);
    }
}

/* Loading src fails with the message "PATH:" tail, PATH in tail standing
 * for the file's path too. */
static void want_error(const char *src, const char *tail)
{
    char path[] = "/tmp/sl_test_concept_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, src, strlen(src)), (ssize_t)strlen(src));
    close(fd);
    const char *paths[] = {path};
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    sl_status s = sl_lexicon_load(&lex, paths, 1, NULL, &err);
    unlink(path);
    assert_int_equal(s, SL_ELEXICON);
    assert_null(lex);
    char want[2048];
    size_t n = (size_t)snprintf(want, sizeof want, "%s:", path);
    for (const char *t = tail; *t && n + 64 < sizeof want; t++)
        if (strncmp(t, "PATH", 4) == 0) {
            n += (size_t)snprintf(want + n, sizeof want - n, "%s", path);
            t += 3;
        } else
            want[n++] = *t;
    want[n] = '\0';
    if (strcmp(err.text, want) != 0)
        fail_msg("got  \"%s\"\nwant \"%s\"", err.text, want);
}

static void concept__class_entry_is_each_member_reporting_the_entry(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[class carer]\nwife\n\"my mum\"\n\n[t]\nlonely\n<carer>\n");
    /* written: lonely, <carer>; expanded: "my mum" after them, reporting <carer> */
    assert_int_equal(lex->nentries, 2);
    assert_int_equal(lex->nentries_all, 3);
    assert_string_equal(lex->entries[1].source, "<carer>");
    assert_string_equal(lex->entries[2].source, "<carer>");
    const char *wife[] = {"wife"}, *mum[] = {"my", "mum"};
    want_phrase(lex, 1, 1, wife, NULL);
    want_phrase(lex, 2, 2, mum, NULL);
    assert_int_equal(lex->entries[0].report, 0);
    assert_int_equal(lex->entries[1].report, 1);
    assert_int_equal(lex->entries[2].report, 1);
    assert_int_equal(lex->entry_report[2], 1);
    assert_int_equal(lex->entries[2].theme, lex->entries[1].theme);
    sl_lexicon_free(lex);
}

static void concept__near_is_both_orders_before_one(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[class carer]\nwife\nhusband\n[t]\nnear(<carer>, tired, 3)\n"
                               "before(<carer>, \"worn out\", 2)\n");
    /* near: wife ~3 tired, husband ~3 tired, tired ~3 wife, tired ~3 husband;
     * before: wife ~2 worn out, husband ~2 worn out */
    assert_int_equal(lex->nentries, 2);
    assert_int_equal(lex->nentries_all, 6);
    const unsigned g3[] = {0, 3}, g2[] = {0, 2, 0};
    const char *p0[] = {"wife", "tire"}, *p1[] = {"husband", "tire"};
    const char *p2[] = {"tire", "wife"}, *p3[] = {"tire", "husband"};
    const char *b0[] = {"wife", "worn", "out"}, *b1[] = {"husband", "worn", "out"};
    want_phrase(lex, 0, 2, p0, g3);   /* the written near(), first phrase */
    want_phrase(lex, 1, 3, b0, g2);   /* the written before(), first phrase */
    want_phrase(lex, 2, 2, p1, g3);
    want_phrase(lex, 3, 2, p2, g3);
    want_phrase(lex, 4, 2, p3, g3);
    want_phrase(lex, 5, 3, b1, g2);
    for (size_t e = 2; e < 5; e++)
        assert_int_equal(lex->entries[e].report, 0);
    assert_int_equal(lex->entries[5].report, 1);
    sl_lexicon_free(lex);
}

/* An operand's leading fillers ("the", "in", "a", ...) move into the gap
 * before it, but a phrase is never cut to one word: "in a home" keeps
 * "a home" (gap 2 + 1), "the care home" becomes "care home" (2 + 1), and
 * "the staff" stays whole, since "staff" alone, like "home" alone, says
 * something else. */
static void concept__operand_fillers_never_leave_one_word(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[t]\nbefore(tired, \"in a home\", 2)\n"
                               "before(tired, \"the care home\", 2)\n"
                               "before(tired, \"the staff\", 2)\n");
    assert_int_equal(lex->nentries_all, 3);
    const unsigned g3[] = {0, 3, 0}, g2[] = {0, 2, 0};
    const char *p0[] = {"tire", "a", "home"}, *p1[] = {"tire", "care", "home"};
    const char *p2[] = {"tire", "the", "staff"};
    want_phrase(lex, 0, 3, p0, g3);
    want_phrase(lex, 1, 3, p1, g3);
    want_phrase(lex, 2, 3, p2, g2);
    sl_lexicon_free(lex);
}

/* A rule written twice in a theme counts once, and the copy leaves no
 * trace: its placeholder is dropped with its deferred expansion, so the
 * entry after it keeps its own index and atoms (the expansion once filled
 * the next entry's index, appending the rule's atoms to "lonely", or an
 * index past the last entry, which leaked). */
static void concept__duplicate_rule_leaves_the_next_entry_alone(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[t]\nnear(tired, wife, 2)\nnear(tired, wife, 2)\nlonely\n");
    /* written: near() and lonely; expanded: near's second phrase */
    assert_int_equal(lex->nentries, 2);
    assert_int_equal(lex->nentries_all, 3);
    assert_string_equal(lex->entries[1].source, "lonely");
    const char *lonely[] = {"lone"};
    want_phrase(lex, 1, 1, lonely, NULL);
    const unsigned g[] = {0, 2};
    const char *p0[] = {"tire", "wife"}, *p1[] = {"wife", "tire"};
    want_phrase(lex, 0, 2, p0, g);
    want_phrase(lex, 2, 2, p1, g);
    sl_lexicon_free(lex);
}

static void concept__class_in_a_phrase_and_shared_members_once(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[class c]\nwife\nson\n[t]\n\"<c> ~2 was tired\"\n"
                               "[u]\nnear(<c>, <c>, 1)\n");
    /* the phrase: wife ~2 was tired, son ~2 was tired (2); near(<c>, <c>):
     * wife wife, wife son, son wife, son son, then the same four again
     * reversed, each kept once (4) */
    assert_int_equal(lex->nentries, 2);
    assert_int_equal(lex->nentries_all, 6);
    const unsigned g[] = {0, 2, 0};
    const char *p[] = {"son", "was", "tire"};
    want_phrase(lex, 2, 3, p, g);
    sl_lexicon_free(lex);
}

static void concept__class_defined_in_a_later_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/sl_test_concept_dir_XXXXXX", a[600], b[600];
    assert_non_null(mkdtemp(dir));
    snprintf(a, sizeof a, "%s/a.lex", dir);
    snprintf(b, sizeof b, "%s/b.lex", dir);
    FILE *f = fopen(a, "w");
    fputs("[t]\n<later>\n", f);
    fclose(f);
    f = fopen(b, "w");
    fputs("[class later]\nwife\n", f);
    fclose(f);
    const char *paths[] = {dir};
    sl_lexicon *lex = NULL;
    sl_error err = {0};
    assert_int_equal(sl_lexicon_load(&lex, paths, 1, NULL, &err), SL_OK);
    assert_int_equal(lex->nentries, 1);
    const char *wife[] = {"wife"};
    want_phrase(lex, 0, 1, wife, NULL);
    sl_lexicon_free(lex);
    unlink(a);
    unlink(b);
    rmdir(dir);
}

static void concept__conditions_flag_every_phrase(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[class home]\n\"care home\"\n\"nursing home\"\n"
                               "[r]\npolarity = asset\navoided(<home>)\n"
                               "[s]\nnegated(friends)\nended(\"strain\")\nlonely\n");
    assert_int_equal(lex->has_conditions, 1);
    assert_int_equal(sl_lexicon_has_conditions(lex), 1);
    assert_int_equal(lex->nentries, 4);
    assert_int_equal(lex->nentries_all, 5);
    assert_int_equal(lex->entries[0].cond, SL_COND_AVOIDED);
    assert_int_equal(lex->entries[4].cond, SL_COND_AVOIDED); /* "nursing home" */
    assert_int_equal(lex->entries[1].cond, SL_COND_NEGATED);
    assert_int_equal(lex->entries[2].cond, SL_COND_ENDED);
    assert_int_equal(lex->entries[3].cond, SL_COND_NONE);
    sl_lexicon_free(lex);
    lex = lex_from("[t]\nlonely\n");
    assert_int_equal(sl_lexicon_has_conditions(lex), 0);
    sl_lexicon_free(lex);
}

static void concept__resolved_entry_has_the_opposite_sign(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[class pal]\nfriends\npals\n[iso]\npolarity = problem\nlonely\n"
                               "\"new <pal>\" @resolved\n");
    assert_int_equal(lex->nentries, 2);
    assert_int_equal(lex->entry_sign[0], -1);
    assert_int_equal(lex->entry_sign[1], 1);
    assert_int_equal(lex->entry_sign[2], 1); /* "new pals", expanded */
    assert_string_equal(lex->entries[1].source, "\"new <pal>\"");
    sl_lexicon_free(lex);
}

static void concept__examples_kept_with_their_direction(void **state)
{
    (void)state;
    sl_lexicon *lex = lex_from("[iso]\nlonely\nexample = improved: She is no longer lonely.\n"
                               "example = He was lonely\ncounterexample = \"A lone # wolf.\"\n");
    assert_int_equal(lex->nexamples, 3);
    assert_int_equal(lex->examples[0].must_match, 1);
    assert_int_equal(lex->examples[0].want, SL_DIRECTION_IMPROVED);
    assert_string_equal(lex->examples[0].text, "She is no longer lonely.");
    assert_int_equal(lex->examples[0].line, 3);
    assert_int_equal(lex->examples[1].want, 0);
    assert_string_equal(lex->examples[1].text, "He was lonely");
    assert_int_equal(lex->examples[2].must_match, 0);
    assert_string_equal(lex->examples[2].text, "A lone # wolf.");
    sl_lexicon_free(lex);
}

static void concept__errors_name_line_and_column(void **state)
{
    (void)state;
    want_error("[t]\n  <nobody>\n", "2:3: unknown word class <nobody>; define it with "
                                    "[class nobody]");
    want_error("[class a]\n<a>\n[t]\n<a>\n", "4:1: word class <a> uses itself (through its "
                                             "members)");
    want_error("[class a]\n[t]\n<a>\n", "3:1: word class <a> has no members");
    want_error("[t]\nnear(a, b)\n", "2:1: near() takes three arguments: near(A, B, N) with N "
                                    "the most tokens between A and B (0-20)");
    want_error("[t]\nbefore(a, b, 21)\n", "2:1: before(): the distance \"21\" must be a number "
                                          "of tokens from 0 to 20");
    want_error("[t]\nnear(a b, c, 2)\n", "2:1: \"a b\" is not an operand; quote a phrase, "
                                         "write a class as <name>, a rule as near(A, B, N)");
    want_error("[class a]\n/x/\n", "2:1: a class member is a word, wildcard, exact word, "
                                   "phrase or rule; exclusions and regexes belong in themes");
    want_error("[class a]\nlabel = x\n", "2:1: a word class has no keys; its lines are its "
                                         "members");
    want_error("[class a]\nx\n[class a]\ny\n", "3:8: duplicate class [class a], first defined "
                                               "at PATH:1");
    want_error("[t]\nexample =\n", "2:10: an example needs a sentence after '='");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(concept__class_entry_is_each_member_reporting_the_entry),
        cmocka_unit_test(concept__near_is_both_orders_before_one),
        cmocka_unit_test(concept__class_in_a_phrase_and_shared_members_once),
        cmocka_unit_test(concept__operand_fillers_never_leave_one_word),
        cmocka_unit_test(concept__duplicate_rule_leaves_the_next_entry_alone),
        cmocka_unit_test(concept__class_defined_in_a_later_file),
        cmocka_unit_test(concept__conditions_flag_every_phrase),
        cmocka_unit_test(concept__resolved_entry_has_the_opposite_sign),
        cmocka_unit_test(concept__examples_kept_with_their_direction),
        cmocka_unit_test(concept__errors_name_line_and_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
