/*
 * test_report.c - --skip-invalid through the public API: what the message
 * handler hears (in input order), what .corpus.skipped and
 * .corpus.regex_failures list, and that skipping leaves every other
 * figure as if the bad records were not there.
 *
 * Lexicon (written to a scratch file): [a] lonely, and [r] /(a+)+$/ which
 * backtracks past PCRE2's match limit on a run of a's ending in b.
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

typedef struct heard {
    char text[4096];
    int n;
} heard;

static void listen(void *user, sl_severity sev, const char *msg)
{
    heard *h = user;
    assert_int_equal(sev, SL_SEVERITY_WARNING);
    size_t used = strlen(h->text);
    snprintf(h->text + used, sizeof h->text - used, "%s\n", msg);
    h->n++;
}

static sl_lexicon *load_lexicon(void)
{
    char path[] = "/tmp/sl-test-reportXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char lex[] = "[a]\nlonely\n[r]\n/(a+)+$/\n";
    assert_int_equal(write(fd, lex, sizeof lex - 1), (ssize_t)(sizeof lex - 1));
    close(fd);
    const char *paths[] = {path};
    sl_lexicon *l = NULL;
    sl_error err;
    assert_int_equal(sl_lexicon_load(&l, paths, 1, "english", &err), SL_OK);
    unlink(path);
    return l;
}

/* Runs the analysis of csv (read as CSV) and returns its JSON; *status
 * gets the first failure. Caller frees. */
static char *analyse(const sl_lexicon *lex, const char *csv, int skip, heard *h,
                     sl_status *status)
{
    sl_options *o;
    assert_int_equal(sl_options_new(&o), SL_OK);
    sl_options_set_threads(o, 2);
    sl_options_set_stdin_format(o, SL_INPUT_CSV);
    sl_options_set_skip_invalid(o, skip);
    sl_options_set_message_handler(o, listen, h);
    sl_analysis *an;
    sl_error err;
    assert_int_equal(sl_analysis_new(&an, lex, o, &err), SL_OK);
    FILE *in = fmemopen((void *)csv, strlen(csv), "rb");
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    *status = sl_analysis_add_stream(an, in, "mem.csv", &err);
    if (*status == SL_OK)
        *status = sl_analysis_write(an, mem, SL_FORMAT_JSON, &err);
    fclose(mem);
    fclose(in);
    sl_analysis_free(an);
    sl_options_free(o);
    return out;
}

/* The JSON without its "skipped": [...] and "regex_failures": [...] lines. */
static void drop_reports(char *json)
{
    const char *keys[] = {"\"skipped\": [", "\"regex_failures\": ["};
    for (size_t k = 0; k < 2; k++) {
        char *p = strstr(json, keys[k]);
        assert_non_null(p);
        char *end = strstr(p, "]");
        assert_non_null(end);
        memmove(p, end + 1, strlen(end + 1) + 1);
    }
}

static void report__skipped_records_warned_in_order_and_figures_unchanged(void **state)
{
    (void)state;
    sl_lexicon *lex = load_lexicon();
    heard h = {{0}, 0};
    sl_status s;
    /* line 3 has 3 fields; line 5 opens a quote never closed (resume at 6) */
    char *with = analyse(lex, "id,text\n1,lonely\n2,x,y\n3,so lonely\n4,\"open\n5,lonely\n", 1,
                         &h, &s);
    assert_int_equal(s, SL_OK);
    assert_string_equal(h.text,
                        "mem.csv:3: record has 3 fields, the header has 2; record skipped "
                        "(--skip-invalid)\n"
                        "mem.csv:5: quote opened here is never closed (at line 5, column 3); "
                        "record skipped (--skip-invalid)\n");
    assert_non_null(strstr(with, "\"file\": \"mem.csv\",\n        \"line\": 3,"));
    heard quiet = {{0}, 0};
    char *clean = analyse(lex, "id,text\n1,lonely\n3,so lonely\n5,lonely\n", 1, &quiet, &s);
    assert_int_equal(s, SL_OK);
    assert_int_equal(quiet.n, 0);
    drop_reports(with);
    drop_reports(clean);
    assert_string_equal(with, clean);
    /* by hand: 3 stories, 4 tokens, lonely 3 hits */
    assert_non_null(strstr(with, "\"documents\": 3,\n    \"tokens\": 4,"));
    free(with);
    free(clean);
    sl_lexicon_free(lex);
}

static void report__without_skipping_first_bad_record_fails(void **state)
{
    (void)state;
    sl_lexicon *lex = load_lexicon();
    heard h = {{0}, 0};
    sl_status s;
    char *out = analyse(lex, "id,text\n1,lonely\n2,x,y\n", 0, &h, &s);
    assert_int_equal(s, SL_EDATA);
    assert_int_equal(h.n, 0);
    free(out);
    sl_lexicon_free(lex);
}

static void report__regex_limit_drops_entry_for_that_story_only(void **state)
{
    (void)state;
    sl_lexicon *lex = load_lexicon();
    heard h = {{0}, 0};
    sl_status s;
    /* story 1: 40 a's then b: the limit; story 2 "aa" matches r once */
    char *out = analyse(lex,
                        "id,text\n1,aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n2,lonely aa\n", 1,
                        &h, &s);
    assert_int_equal(s, SL_OK);
    assert_int_equal(h.n, 1);
    assert_non_null(strstr(h.text, ":4:1: regex failed on story \"1\": match limit exceeded"));
    assert_non_null(strstr(out, "\"story\": \"1\","));
    assert_non_null(strstr(out, "\"reason\": \"match limit exceeded\""));
    /* r: 1 hit (story 2 only: story 1's entry was dropped) */
    const char *r = strstr(out, "\"themes\": {");
    assert_non_null(r);
    r = strstr(r, "\"r\": {");
    assert_non_null(r);
    const char *hits = strstr(r, "\"hits\": ");
    assert_non_null(hits);
    assert_int_equal(atoi(hits + 8), 1);
    free(out);
    sl_lexicon_free(lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report__skipped_records_warned_in_order_and_figures_unchanged),
        cmocka_unit_test(report__without_skipping_first_bad_record_fails),
        cmocka_unit_test(report__regex_limit_drops_entry_for_that_story_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
