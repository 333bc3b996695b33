/*
 * test_read_jsonl_fast.c - the JSONL fast path (read_jsonl_fast.c) against
 * hand-worked docs and against the jansson reference.
 *
 * Each case calls sli_rd_jsonl_fast on one line with a reader built on the
 * stack (named "mem.jsonl", at line 7). Accepted lines are checked field by
 * field against values written out by hand, then against the reference;
 * deferred lines must leave the doc empty, and where the reference reads
 * them, the test says what it gives. The last case mutates seed lines with
 * a fixed-seed PRNG and compares the two paths on every accepted mutant.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "read/record.h"

/* ---- helpers ---------------------------------------------------------- */

static char reader_name[] = "mem.jsonl";

static sl_reader reader(const char *text_field, const char *id_field)
{
    sl_reader r;
    memset(&r, 0, sizeof r);
    r.name = reader_name;
    r.text_field = text_field;
    r.id_field = id_field;
    r.line = 7;
    return r;
}

static int is_empty(const sl_doc *d)
{
    static const sl_doc zero;
    return memcmp(d, &zero, sizeof zero) == 0;
}

/* line is read by the fast path, which must accept it and give id, text
 * (text_len bytes) and meta; the reference must give the same doc. */
static void accepts_with(sl_reader *r, const char *line, size_t n, const char *id,
                         const char *text, size_t text_len, const char *meta)
{
    sl_doc d = {0}, ref = {0};
    sl_error err;
    char m[1024];
    assert_int_equal(sli_rd_jsonl_fast(r, line, n, &d), SL_RD_DONE);
    assert_string_equal(d.id, id);
    assert_int_equal(d.text_len, text_len);
    assert_memory_equal(d.text, text, text_len);
    for (size_t i = 0; i <= SL_TEXT_PAD; i++)
        assert_int_equal(d.text[text_len + i], 0);
    meta_string(&d, m, sizeof m);
    assert_string_equal(m, meta);
    assert_ptr_equal(d.source, r->name);
    assert_int_equal(d.line, 7);
    assert_int_equal(d.invalid_utf8, 0);
    assert_int_equal(sli_rd_jsonl_parse_ref(r, line, n, &ref, &err), SL_OK);
    assert_true(sli_doc_equal(&d, &ref));
    sli_doc_clear(&d);
    sli_doc_clear(&ref);
}

static void accepts(const char *line, const char *id, const char *text, const char *meta)
{
    sl_reader r = reader("text", "id");
    accepts_with(&r, line, strlen(line), id, text, strlen(text), meta);
}

/* The fast path defers line (n bytes) and leaves the doc untouched;
 * returns what the reference then makes of it (its doc cleared). */
static sl_status defers_n(sl_reader *r, const char *line, size_t n)
{
    sl_doc d = {0};
    sl_error err;
    assert_int_equal(sli_rd_jsonl_fast(r, line, n, &d), SL_RD_DEFER);
    assert_true(is_empty(&d));
    sl_status rc = sli_rd_jsonl_parse_ref(r, line, n, &d, &err);
    sli_doc_clear(&d);
    return rc;
}

static sl_status defers(const char *line)
{
    sl_reader r = reader("text", "id");
    return defers_n(&r, line, strlen(line));
}

/* ---- accepted lines ----------------------------------------------------- */

static void jsonl_fast__plain_story_fills_every_field(void **state)
{
    (void)state;
    accepts("{\"id\":\"s1\",\"site\":\"Ashford\",\"text\":\"Hello world\",\"year\":\"2016\"}",
            "s1", "Hello world", "site=Ashford;year=2016;");
}

static void jsonl_fast__whitespace_between_tokens(void **state)
{
    (void)state;
    accepts(" \t{ \"text\" :\r\"a\" ,\n\"id\"\t: \"b\" } \t\r", "b", "a", "");
}

static void jsonl_fast__short_escapes_decode(void **state)
{
    (void)state;
    accepts("{\"text\":\"a\\nb\\\"c\\\\d\\/e\\tf\\bg\\fh\\ri\"}", "mem.jsonl:7",
            "a\nb\"c\\d/e\tf\bg\fh\ri", "");
}

static void jsonl_fast__unicode_escapes_become_utf8(void **state)
{
    (void)state;
    /* U+00E9 (2 bytes), U+20AC (3), U+1F600 as a surrogate pair (4),
     * upper- and lower-case hex */
    accepts("{\"text\":\"caf\\u00e9 \\u20AC \\uD83D\\uDE00 \\ud83d\\ude00 \\u0041\"}",
            "mem.jsonl:7", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF0\x9F\x98\x80 A", "");
}

static void jsonl_fast__raw_utf8_passes_through(void **state)
{
    (void)state;
    accepts("{\"text\":\"caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80\",\"w\xC3\xA9\":\"\xC3\xA9\"}",
            "mem.jsonl:7", "caf\xC3\xA9 \xE2\x9C\x93 \xF0\x9F\x98\x80", "w\xC3\xA9=\xC3\xA9;");
}

static void jsonl_fast__integers_keep_their_digits(void **state)
{
    (void)state;
    accepts("{\"id\":42,\"n\":-7,\"z\":0,\"mz\":-0,\"big\":123456789012345678,"
            "\"neg\":-123456789012345678,\"text\":\"t\"}",
            "42", "t", "n=-7;z=0;mz=0;big=123456789012345678;neg=-123456789012345678;");
    accepts("{\"text\":\"t\",\"id\":-0}", "0", "t", "");
    accepts("{\"text\":\"t\",\"ten\":10}", "mem.jsonl:7", "t", "ten=10;");
}

static void jsonl_fast__booleans_and_null_metadata(void **state)
{
    (void)state;
    accepts("{\"text\":\"t\",\"a\":true,\"gone\":null,\"b\":false}", "mem.jsonl:7", "t",
            "a=true;b=false;");
}

static void jsonl_fast__null_or_empty_id_falls_back_to_file_line(void **state)
{
    (void)state;
    accepts("{\"id\":null,\"text\":\"t\"}", "mem.jsonl:7", "t", "");
    accepts("{\"id\":\"\",\"text\":\"t\"}", "mem.jsonl:7", "t", "");
    accepts("{\"text\":\"t\"}", "mem.jsonl:7", "t", "");
}

static void jsonl_fast__metadata_keeps_key_order_around_id_and_text(void **state)
{
    (void)state;
    accepts("{\"z\":\"1\",\"id\":\"x\",\"a\":\"2\",\"text\":\"t\",\"m\":\"3\",\"\":\"e\"}", "x",
            "t", "z=1;a=2;m=3;=e;");
}

static void jsonl_fast__escaped_key_names_the_field(void **state)
{
    (void)state;
    accepts("{\"t\\u0065xt\":\"hello\",\"\\u0069d\":\"k\\\"1\",\"a\\nb\":\"\\t\"}", "k\"1",
            "hello", "a\nb=\t;");
}

static void jsonl_fast__empty_text(void **state)
{
    (void)state;
    accepts("{\"text\":\"\"}", "mem.jsonl:7", "", "");
}

static void jsonl_fast__other_field_names(void **state)
{
    (void)state;
    sl_reader r = reader("body", "key");
    const char *line = "{\"key\":\"k\",\"text\":\"meta now\",\"body\":\"b\",\"id\":5}";
    accepts_with(&r, line, strlen(line), "k", "b", 1, "text=meta now;id=5;");
    /* one field as both id and text, as the reference reads it */
    r = reader("text", "text");
    line = "{\"a\":\"1\",\"text\":\"both\"}";
    accepts_with(&r, line, strlen(line), "both", "both", 4, "a=1;");
}

static void jsonl_fast__long_text_with_escapes_at_every_offset(void **state)
{
    (void)state;
    /* longer than the stack work buffer, with a plain run of every length
     * from 0 to 40 before an escape or a multibyte character */
    size_t cap = 20000;
    char *line = malloc(cap), *want = malloc(cap);
    assert_non_null(line);
    assert_non_null(want);
    size_t n = 0, w = 0;
    n += (size_t)sprintf(line + n, "{\"id\":\"L\",\"text\":\"");
    for (int rep = 0; rep < 3; rep++)
        for (int run = 0; run <= 40; run++) {
            for (int i = 0; i < run; i++)
                line[n++] = want[w++] = (char)('a' + i % 26);
            if (run % 3 == 0) {
                memcpy(line + n, "\\n", 2);
                n += 2;
                want[w++] = '\n';
            } else if (run % 3 == 1) {
                memcpy(line + n, "\xC3\xA9", 2);
                n += 2;
                memcpy(want + w, "\xC3\xA9", 2);
                w += 2;
            } else {
                memcpy(line + n, "\\u00e9", 6);
                n += 6;
                memcpy(want + w, "\xC3\xA9", 2);
                w += 2;
            }
        }
    for (int i = 0; i < 5000; i++)
        line[n++] = want[w++] = 'z';
    n += (size_t)sprintf(line + n, "\",\"site\":\"S\"}");
    assert_true(n > 4096 && n < cap);
    sl_reader r = reader("text", "id");
    accepts_with(&r, line, n, "L", want, w, "site=S;");
    free(line);
    free(want);
}

static void jsonl_fast__text_before_long_metadata(void **state)
{
    (void)state;
    /* the text's buffer is sized by the rest of the line, then given back */
    char line[3000], note[2001];
    memset(note, 'n', 2000);
    note[2000] = '\0';
    snprintf(line, sizeof line, "{\"text\":\"short\",\"note\":\"%s\"}", note);
    sl_reader r = reader("text", "id");
    sl_doc d = {0}, ref = {0};
    sl_error err;
    assert_int_equal(sli_rd_jsonl_fast(&r, line, strlen(line), &d), SL_RD_DONE);
    assert_string_equal(d.text, "short");
    assert_int_equal(d.text_len, 5);
    assert_int_equal(d.nmeta, 1);
    assert_string_equal(d.meta[0].key, "note");
    assert_string_equal(d.meta[0].value, note);
    assert_int_equal(sli_rd_jsonl_parse_ref(&r, line, strlen(line), &ref, &err), SL_OK);
    assert_true(sli_doc_equal(&d, &ref));
    sli_doc_clear(&d);
    sli_doc_clear(&ref);
}

/* ---- deferred lines ----------------------------------------------------- */

static void jsonl_fast__missing_or_non_string_text_defers_to_the_error(void **state)
{
    (void)state;
    assert_int_equal(defers("{\"id\":\"a\"}"), SL_EDATA);
    assert_int_equal(defers("{}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":42}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":null}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":true}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":\"t\",\"id\":true}"), SL_EDATA);
}

static void jsonl_fast__duplicate_keys_defer(void **state)
{
    (void)state;
    /* the reference reads them: first position, last value */
    assert_int_equal(defers("{\"text\":\"t\",\"x\":\"1\",\"x\":\"2\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"x\":\"1\",\"\\u0078\":\"2\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"a\",\"text\":\"b\"}"), SL_OK);
    assert_int_equal(defers("{\"id\":null,\"text\":\"a\",\"id\":\"b\"}"), SL_OK);
}

static void jsonl_fast__reals_and_nested_values_defer(void **state)
{
    (void)state;
    assert_int_equal(defers("{\"text\":\"t\",\"r\":1.5}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"r\":1e5}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"r\":-2E-3}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"a\":[1,2]}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"o\":{}}"), SL_OK);
    /* 19 digits may overflow json_int_t: left to jansson */
    assert_int_equal(defers("{\"text\":\"t\",\"n\":1234567890123456789}"), SL_OK);
    /* too big for jansson: read as its text, no longer a malformed record */
    assert_int_equal(defers("{\"text\":\"t\",\"n\":99999999999999999999}"), SL_OK);
}

/* The reference's doc for line: id, and "key=value;" for each field. */
static void ref_reads(const char *line, const char *id, const char *meta)
{
    sl_reader r = reader("text", "id");
    sl_doc d = {0};
    sl_error err;
    assert_int_equal(sli_rd_jsonl_parse_ref(&r, line, strlen(line), &d, &err), SL_OK);
    assert_string_equal(d.id, id);
    char got[256] = "";
    for (size_t i = 0; i < d.nmeta; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s=%s;", d.meta[i].key,
                 d.meta[i].value);
    assert_string_equal(got, meta);
    sli_doc_clear(&d);
}

static void jsonl_ref__metadata_big_number_read_as_text(void **state)
{
    (void)state;
    ref_reads("{\"id\":123456789012345678901234567890,\"text\":\"t\",\"n\":1e400,"
              "\"m\":-1e400,\"u\":1e-400,\"s\":\"1e400 \\\" 7\",\"k\":7}",
              "123456789012345678901234567890", "n=1e400;m=-1e400;u=0.0;s=1e400 \" 7;k=7;");
}

static void jsonl_ref__nul_in_id_kept_distinct(void **state)
{
    (void)state;
    ref_reads("{\"id\":\"a\\u0000b\",\"text\":\"t\",\"site\":\"s\\u0000x\"}", "a\\0b",
              "site=s\\0x;");
    ref_reads("{\"id\":\"a\\u0000c\",\"text\":\"t\"}", "a\\0c", "");
}

static void jsonl_fast__nul_escapes_defer(void **state)
{
    (void)state;
    assert_int_equal(defers("{\"text\":\"a\\u0000b\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"m\":\"\\u0000\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\",\"k\\u0000\":\"v\"}"), SL_EDATA);
}

static void jsonl_fast__invalid_utf8_defers_to_the_counting_path(void **state)
{
    (void)state;
    sl_reader r = reader("text", "id");
    const char *line = "{\"text\":\"caf\xE9\"}";
    sl_doc d = {0};
    sl_error err;
    assert_int_equal(defers_n(&r, line, strlen(line)), SL_OK);
    assert_int_equal(sli_rd_jsonl_parse_ref(&r, line, strlen(line), &d, &err), SL_OK);
    assert_int_equal(d.invalid_utf8, 1);
    assert_string_equal(d.text, "caf\xEF\xBF\xBD");
    sli_doc_clear(&d);
    /* overlong, surrogate, beyond U+10FFFF, truncated, stray continuation */
    assert_int_equal(defers("{\"text\":\"\xC0\xAF\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"\xED\xA0\x80\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"\xF4\x90\x80\x80\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"\xE2\x82\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"\x80\"}"), SL_OK);
    assert_int_equal(defers("{\"text\":\"t\"}\xC3"), SL_EDATA);
}

static void jsonl_fast__bad_surrogate_escapes_defer_to_the_error(void **state)
{
    (void)state;
    assert_int_equal(defers("{\"text\":\"\\uD83D\"}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":\"\\uDE00\"}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":\"\\uD83D\\u0041\"}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":\"\\uD83Dx\"}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":\"\\u12G4\"}"), SL_EDATA);
    assert_int_equal(defers("{\"text\":\"\\x\"}"), SL_EDATA);
}

static void jsonl_fast__grammar_errors_defer_to_the_error(void **state)
{
    (void)state;
    static const char *bad[] = {
        "{\"text\":\"t\"} x",    "{\"text\":\"t\"}}",    "{\"text\":\"t\",}",
        "{\"text\" \"t\"}",      "{\"text\":\"t\" \"a\":1}", "{text:\"t\"}",
        "{\"text\":\"t\"",       "{\"text\":\"t",        "{\"text\":\"t\\",
        "{\"text\":\"a\tb\"}",   "{\"text\":\"a\x1f\"}", "{\"text\":\"t\",\"n\":01}",
        "{\"text\":\"t\",\"n\":-}", "{\"text\":\"t\",\"n\":+1}", "{\"text\":\"t\",\"b\":truex}",
        "{\"text\":\"t\",\"b\":tru}", "{\"text\":\"t\",\"b\":nul}", "{\"text\":\"t\",\"n\":1x}",
        "[1]",                   "\"text\"",             "{\"text\":\"t\"}\f",
        "{,}",                   "\f{\"text\":\"t\"}",   "{\"text\":\"\\u12\"}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (defers(bad[i]) != SL_EDATA)
            fail_msg("the reference read %s", bad[i]);
}

static void jsonl_fast__nul_byte_defers(void **state)
{
    (void)state;
    sl_reader r = reader("text", "id");
    assert_int_equal(defers_n(&r, "{\"text\":\"a\0b\"}", 14), SL_EDATA);
    assert_int_equal(defers_n(&r, "{\"text\":\"ab\"}\0", 14), SL_EDATA);
}

static void jsonl_fast__too_many_keys_defer(void **state)
{
    (void)state;
    char line[2048];
    size_t n = (size_t)sprintf(line, "{\"text\":\"t\"");
    for (int i = 1; i < 64; i++)
        n += (size_t)sprintf(line + n, ",\"k%d\":%d", i, i);
    sprintf(line + n, "}");
    sl_doc d = {0};
    sl_reader r = reader("text", "id");
    assert_int_equal(sli_rd_jsonl_fast(&r, line, strlen(line), &d), SL_RD_DONE);
    assert_int_equal(d.nmeta, 63);
    assert_string_equal(d.meta[62].key, "k63");
    assert_string_equal(d.meta[62].value, "63");
    sli_doc_clear(&d);
    sprintf(line + n, ",\"k64\":64}");
    assert_int_equal(defers(line), SL_OK);
}

/* ---- randomized differential ------------------------------------------ */

static uint64_t rng_state;

static uint32_t rng(void)
{
    /* xorshift64*: fixed seed, so every run tests the same mutants */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Du) >> 32);
}

/* Bytes that matter to the grammar, the escapes or UTF-8. */
static const char alphabet[] = "{}[]:,\"\\/ubfnrtaeE0123456789-+. \t\r\nDdCc\x01\x1f\x7f"
                               "\x80\xBF\xC2\xC3\xA9\xE0\xED\xA0\xF0\xF4\x90\xFF";

static size_t mutate(char *buf, size_t n, size_t cap)
{
    size_t at = n ? rng() % n : 0;
    /* half the time a byte of the line itself: mutants stay closer to JSON */
    char c = (rng() & 1) && n ? buf[rng() % n] : alphabet[rng() % (sizeof alphabet - 1)];
    switch (rng() % 4) {
    case 0: /* replace */
        if (n)
            buf[at] = c;
        break;
    case 1: /* insert */
        if (n < cap) {
            memmove(buf + at + 1, buf + at, n - at);
            buf[at] = c;
            n++;
        }
        break;
    case 2: /* delete */
        if (n) {
            memmove(buf + at, buf + at + 1, n - at - 1);
            n--;
        }
        break;
    default: { /* copy a short span elsewhere: repeats keys and escapes */
        size_t len = 1 + rng() % 8, to = n ? rng() % n : 0;
        if (at + len <= n && n + len <= cap) {
            char span[8];
            memcpy(span, buf + at, len);
            memmove(buf + to + len, buf + to, n - to);
            memcpy(buf + to, span, len);
            n += len;
        }
        break;
    }
    }
    return n;
}

static void jsonl_fast__random_mutants_match_the_reference(void **state)
{
    (void)state;
    static const char *seeds[] = {
        "{\"id\":\"s1\",\"site\":\"Ashford\",\"text\":\"Hello world, \\\"quoted\\\"\\nnext\"}",
        "{\"id\":42,\"n\":-7,\"b\":true,\"x\":null,\"text\":\"caf\\u00e9 \\uD83D\\uDE00\"}",
        "{\"text\":\"caf\xC3\xA9 \xE2\x9C\x93\",\"id\":\"\",\"f\":false}",
        " { \"a\" : 0 , \"text\" : \"\\t\\/\\b\\f\\r\" } ",
    };
    static const char *fields[][2] = {{"text", "id"}, {"text", "text"}, {"id", "text"}};
    rng_state = 0x5EED5EEDu;
    size_t done = 0, deferred = 0;
    for (size_t round = 0; round < 60000; round++) {
        char buf[256];
        const char *seed = seeds[round % 4];
        size_t n = strlen(seed);
        memcpy(buf, seed, n);
        for (uint32_t k = 1 + rng() % 3; k > 0; k--)
            n = mutate(buf, n, sizeof buf);
        sl_reader r = reader(fields[round % 3][0], fields[round % 3][1]);
        sl_doc fast = {0}, ref = {0};
        sl_error err;
        sl_rd_fast got = sli_rd_jsonl_fast(&r, buf, n, &fast);
        sl_status rc = sli_rd_jsonl_parse_ref(&r, buf, n, &ref, &err);
        if (got == SL_RD_DONE) {
            done++;
            if (rc != SL_OK || !sli_doc_equal(&fast, &ref))
                fail_msg("paths differ on %.*s", (int)n, buf);
        } else {
            deferred++;
            assert_true(is_empty(&fast));
        }
        sli_doc_clear(&fast);
        sli_doc_clear(&ref);
    }
    print_message("%zu accepted, %zu deferred\n", done, deferred);
    /* both outcomes were exercised, not just one */
    assert_true(done > 7000);
    assert_true(deferred > 7000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_fast__plain_story_fills_every_field),
        cmocka_unit_test(jsonl_fast__whitespace_between_tokens),
        cmocka_unit_test(jsonl_fast__short_escapes_decode),
        cmocka_unit_test(jsonl_fast__unicode_escapes_become_utf8),
        cmocka_unit_test(jsonl_fast__raw_utf8_passes_through),
        cmocka_unit_test(jsonl_fast__integers_keep_their_digits),
        cmocka_unit_test(jsonl_fast__booleans_and_null_metadata),
        cmocka_unit_test(jsonl_fast__null_or_empty_id_falls_back_to_file_line),
        cmocka_unit_test(jsonl_fast__metadata_keeps_key_order_around_id_and_text),
        cmocka_unit_test(jsonl_fast__escaped_key_names_the_field),
        cmocka_unit_test(jsonl_fast__empty_text),
        cmocka_unit_test(jsonl_fast__other_field_names),
        cmocka_unit_test(jsonl_fast__long_text_with_escapes_at_every_offset),
        cmocka_unit_test(jsonl_fast__text_before_long_metadata),
        cmocka_unit_test(jsonl_fast__missing_or_non_string_text_defers_to_the_error),
        cmocka_unit_test(jsonl_fast__duplicate_keys_defer),
        cmocka_unit_test(jsonl_fast__reals_and_nested_values_defer),
        cmocka_unit_test(jsonl_fast__nul_escapes_defer),
        cmocka_unit_test(jsonl_ref__metadata_big_number_read_as_text),
        cmocka_unit_test(jsonl_ref__nul_in_id_kept_distinct),
        cmocka_unit_test(jsonl_fast__invalid_utf8_defers_to_the_counting_path),
        cmocka_unit_test(jsonl_fast__bad_surrogate_escapes_defer_to_the_error),
        cmocka_unit_test(jsonl_fast__grammar_errors_defer_to_the_error),
        cmocka_unit_test(jsonl_fast__nul_byte_defers),
        cmocka_unit_test(jsonl_fast__too_many_keys_defer),
        cmocka_unit_test(jsonl_fast__random_mutants_match_the_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
