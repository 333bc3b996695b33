/*
 * test_read.c - the corpus readers and sli_walk().
 *
 * Byte-exact inputs (BOMs, CRLF, missing final newlines, bad UTF-8) are
 * written to a tmpfile() and read as a stream named "mem.<ext>", so the
 * expected FILE:LINE ids and messages are known; the file-based cases use
 * fixtures under $SL_TEST_DATA/read/. Every expected value is written out
 * by hand.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/doc.h"
#include "read/read.h"

/* ---- helpers ---------------------------------------------------------- */

#define MAXDOCS 8

typedef struct result {
    sl_doc docs[MAXDOCS];
    size_t n;
    sl_status rc; /* of the first failing sli_reader_next, else SL_OK */
    sl_error err;
    char source[512]; /* docs[0].source, copied: the reader that owns it is freed */
} result;

static const char *data_dir(void)
{
    const char *d = getenv("SL_TEST_DATA");
    return d && *d ? d : "tests/data";
}

static void fixture(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/read/%s", data_dir(), rel);
}

/* Reads r until the end or the first error. */
static void drain(result *res, sl_reader *r)
{
    for (;;) {
        sl_doc d = {0};
        int got = -1;
        res->rc = sli_reader_next(r, &d, &got, &res->err);
        if (res->rc != SL_OK) {
            assert_int_equal(got, 0);
            assert_null(d.id);
            return;
        }
        if (!got)
            return;
        assert_true(res->n < MAXDOCS);
        if (res->n == 0)
            snprintf(res->source, sizeof res->source, "%s", d.source);
        d.source = NULL;
        res->docs[res->n++] = d;
    }
}

static void read_bytes_opts(result *res, sl_input_format fmt, const char *name,
                            const char *bytes, size_t len, const sl_read_opts *opts)
{
    memset(res, 0, sizeof *res);
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    rewind(f);
    sl_reader *r = NULL;
    assert_int_equal(sli_reader_open_stream(&r, f, name, fmt, opts, &res->err), SL_OK);
    drain(res, r);
    sli_reader_free(r);
    fclose(f);
}

#define READ(res, fmt, name, lit) read_bytes_opts(res, fmt, name, lit, sizeof lit - 1, NULL)

static void read_file(result *res, const char *rel, const char *id_base)
{
    char path[512];
    fixture(path, sizeof path, rel);
    memset(res, 0, sizeof *res);
    sl_reader *r = NULL;
    assert_int_equal(sli_reader_open(&r, path, id_base, SL_INPUT_AUTO, NULL, &res->err), SL_OK);
    drain(res, r);
    sli_reader_free(r);
}

static void result_clear(result *res)
{
    for (size_t i = 0; i < res->n; i++)
        sli_doc_clear(&res->docs[i]);
    res->n = 0;
}

static void assert_doc(const sl_doc *d, const char *id, const char *text, unsigned long line,
                       const char *meta)
{
    char m[512];
    assert_string_equal(d->id, id);
    assert_string_equal(d->text, text);
    assert_int_equal(d->text_len, strlen(text));
    assert_int_equal(d->line, line);
    meta_string(d, m, sizeof m);
    assert_string_equal(m, meta);
}

/* ---- CSV / TSV ---------------------------------------------------------- */

static void read_csv__quoted_comma_and_newline_in_field(void **state)
{
    (void)state;
    result res;
    read_file(&res, "stories.csv", NULL);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_doc(&res.docs[0], "s1", "Hello, world", 2, "site=North;");
    assert_doc(&res.docs[1], "s2", "Line one\nline two", 3, "site=South;");
    assert_string_equal(sli_doc_meta(&res.docs[1], "site"), "South");
    assert_non_null(strstr(res.source, "read/stories.csv"));
    result_clear(&res);
}

static void read_csv__bom_and_crlf(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "\xEF\xBB\xBFtext,site\r\nHi,N\r\n\r\nBye,S\r\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_doc(&res.docs[0], "mem.csv:2", "Hi", 2, "site=N;");
    assert_doc(&res.docs[1], "mem.csv:4", "Bye", 4, "site=S;");
    assert_string_equal(res.source, "mem.csv");
    result_clear(&res);
}

static void read_csv__bom_before_quoted_header(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "\xEF\xBB\xBF\"text\",\"id\"\nHi,x1\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "x1", "Hi", 2, "");
    result_clear(&res);
}

static void read_csv__doubled_quote(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "text,q\n\"She said \"\"yes\"\"\",\"\"\"\"\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.csv:2", "She said \"yes\"", 2, "q=\";");
    result_clear(&res);
}

static void read_csv__record_line_counts_quoted_newlines(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "id,text\na,\"1\n2\n3\"\nb,x\n\nc,\"y\r\nz\"\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 3);
    assert_doc(&res.docs[0], "a", "1\n2\n3", 2, "");
    assert_doc(&res.docs[1], "b", "x", 5, "");
    assert_doc(&res.docs[2], "c", "y\r\nz", 7, "");
    result_clear(&res);
}

static void read_csv__unterminated_quote_reports_start_line(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "text,site\nok,N\nbad,\"open\nmore\nlines\n");
    assert_int_equal(res.n, 1);
    assert_int_equal(res.rc, SL_EDATA);
    assert_int_equal(res.err.code, SL_EDATA);
    assert_string_equal(res.err.text, "mem.csv:3:5: quote opened here is never closed");
    result_clear(&res);
}

static void read_csv__wrong_field_count_is_error(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *msg;
    } cases[] = {
        {"text,site\na,b,c\n", "mem.csv:2: record has 3 fields, the header has 2"},
        {"text,site\nok,N\nlonely\n", "mem.csv:3: record has 1 fields, the header has 2"},
        {"text,site\n\"a\nb\",c,d\n", "mem.csv:2: record has 3 fields, the header has 2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_CSV, "mem.csv", cases[i].in, strlen(cases[i].in), NULL);
        assert_int_equal(res.rc, SL_EDATA);
        assert_string_equal(res.err.text, cases[i].msg);
        result_clear(&res);
    }
}

static void read_csv__missing_text_column_is_error(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "a,b,c\n1,2,3\n");
    assert_int_equal(res.n, 0);
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text, "mem.csv:1: no column \"text\" in the header "
                                      "(columns: a, b, c); use --text-field");
}

static void read_csv__duplicate_header_is_error(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "text,site,site\nx,a,b\n");
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text, "mem.csv:1: column \"site\" appears twice in the header "
                                      "(columns 2 and 3); rename one");
}

static void read_csv__no_final_newline(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *text;
        const char *meta;
    } cases[] = {
        {"text,site\nhello,N", "hello", "site=N;"},
        {"text,site\nhello,", "hello", "site=;"},
        {"text,site\n\"quoted\",\"N\"", "quoted", "site=N;"},
        {"text,site\r\nhello,N\r", "hello", "site=N;"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_CSV, "mem.csv", cases[i].in, strlen(cases[i].in), NULL);
        assert_int_equal(res.rc, SL_OK);
        assert_int_equal(res.n, 1);
        assert_doc(&res.docs[0], "mem.csv:2", cases[i].text, 2, cases[i].meta);
        result_clear(&res);
    }
}

static void read_tsv__tab_separated(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_TSV, "mem.tsv", "id\ttext\tsite\nt1\ta, b\tN\nt2\t\"tab\there\"\tS\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_doc(&res.docs[0], "t1", "a, b", 2, "site=N;");
    assert_doc(&res.docs[1], "t2", "tab\there", 3, "site=S;");
    result_clear(&res);
}

static void read_csv__quote_inside_unquoted_field_is_literal(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "text,h\nab\"c, \"x\"\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.csv:2", "ab\"c", 2, "h= \"x\";");
    result_clear(&res);
}

static void read_csv__text_after_closing_quote_is_error(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "text\n\"ab\"c\n");
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text, "mem.csv:2:5: unexpected character after a closing quote; "
                                      "write a quote inside a quoted field as \"\"");
}

static void read_csv__empty_values_kept_as_metadata(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "mem.csv", "a,text,b\n,x,\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.csv:2", "x", 2, "a=;b=;");
    result_clear(&res);
}

static void read_csv__custom_text_and_id_fields(void **state)
{
    (void)state;
    sl_read_opts opts = {.text_field = "story", .id_field = "ref"};
    const char in[] = "ref,story,text\nR1,the story,not the text\n,second,x\n";
    result res;
    read_bytes_opts(&res, SL_INPUT_CSV, "mem.csv", in, sizeof in - 1, &opts);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_doc(&res.docs[0], "R1", "the story", 2, "text=not the text;");
    /* an empty id cell falls back to FILE:LINE */
    assert_doc(&res.docs[1], "mem.csv:3", "second", 3, "text=x;");
    result_clear(&res);
}

static void read_csv__empty_input_has_no_stories(void **state)
{
    (void)state;
    static const char *const inputs[] = {"", "\n\n", "text,site\n", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_CSV, "mem.csv", inputs[i], strlen(inputs[i]), NULL);
        assert_int_equal(res.rc, SL_OK);
        assert_int_equal(res.n, 0);
    }
}

static void read_csv__huge_field_spans_buffers(void **state)
{
    (void)state;
    size_t big = 300000;
    char *in = malloc(big + 64);
    assert_non_null(in);
    size_t n = (size_t)sprintf(in, "text,site\n\"");
    for (size_t i = 0; i < big; i++)
        in[n++] = (i % 1000 == 999) ? '\n' : (i % 7 == 0 ? ',' : 'x');
    n += (size_t)sprintf(in + n, "\",N\nnext,S\n");
    result res;
    read_bytes_opts(&res, SL_INPUT_CSV, "mem.csv", in, n, NULL);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_int_equal(res.docs[0].text_len, big);
    assert_memory_equal(res.docs[0].text, in + 11, big);
    assert_int_equal(res.docs[1].line, 2 + big / 1000 + 1);
    assert_string_equal(res.docs[1].text, "next");
    free(in);
    result_clear(&res);
}

/* ---- JSONL -------------------------------------------------------------- */

static void read_jsonl__metadata_in_key_order(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl",
         "{\"zeta\":\"z\",\"id\":\"s1\",\"alpha\":1,\"text\":\"hi\",\"mid\":true,"
         "\"real\":2.5,\"off\":false,\"n\":null,\"arr\":[1],\"obj\":{},\"beta\":\"b\"}\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "s1", "hi", 1,
               "zeta=z;alpha=1;mid=true;real=2.5;off=false;beta=b;");
    assert_null(sli_doc_meta(&res.docs[0], "n"));
    assert_null(sli_doc_meta(&res.docs[0], "arr"));
    result_clear(&res);
}

static void read_jsonl__id_integer_rendered(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl",
         "{\"id\":42,\"text\":\"a\"}\n{\"id\":-7,\"text\":\"b\"}\n"
         "{\"id\":9007199254740993,\"text\":\"c\"}\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 3);
    assert_doc(&res.docs[0], "42", "a", 1, "");
    assert_doc(&res.docs[1], "-7", "b", 2, "");
    assert_doc(&res.docs[2], "9007199254740993", "c", 3, "");
    result_clear(&res);
}

static void read_jsonl__missing_id_uses_file_line(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl",
         "\n{\"text\":\"a\"}\n{\"id\":null,\"text\":\"b\"}\n{\"id\":\"\",\"text\":\"c\"}\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 3);
    assert_doc(&res.docs[0], "mem.jsonl:2", "a", 2, "");
    assert_doc(&res.docs[1], "mem.jsonl:3", "b", 3, "");
    assert_doc(&res.docs[2], "mem.jsonl:4", "c", 4, "");
    result_clear(&res);
}

static void read_jsonl__blank_lines_skipped(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl",
         "\n   \n{\"text\":\"one\"}\n\t\r\n{\"text\":\"two\"}");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_doc(&res.docs[0], "mem.jsonl:3", "one", 3, "");
    assert_doc(&res.docs[1], "mem.jsonl:5", "two", 5, "");
    result_clear(&res);
}

static void read_jsonl__bom_and_crlf_accepted(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl",
         "\xEF\xBB\xBF{\"text\":\"one\"}\r\n{\"text\":\"two\"}\r\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_doc(&res.docs[0], "mem.jsonl:1", "one", 1, "");
    assert_doc(&res.docs[1], "mem.jsonl:2", "two", 2, "");
    result_clear(&res);
}

static void read_jsonl__invalid_utf8_replaced_and_counted(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *text;
        size_t bad;
    } cases[] = {
        {"{\"text\":\"caf\xE9 ok\"}", "caf\xEF\xBF\xBD ok", 1},
        {"{\"text\":\"\xFF\xFE\"}", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
        /* a truncated 3-byte sequence: each of its bytes is bad */
        {"{\"text\":\"\xE2\x82!\"}", "\xEF\xBF\xBD\xEF\xBF\xBD!", 2},
        /* overlong '/', and a UTF-16 surrogate */
        {"{\"text\":\"\xC0\xAF\xED\xA0\x80\"}",
         "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5},
        {"{\"text\":\"\xE2\x82\xAC \xF0\x9F\x98\x80\"}", "\xE2\x82\xAC \xF0\x9F\x98\x80", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_JSONL, "mem.jsonl", cases[i].in, strlen(cases[i].in),
                        NULL);
        assert_int_equal(res.rc, SL_OK);
        assert_int_equal(res.n, 1);
        assert_string_equal(res.docs[0].text, cases[i].text);
        assert_int_equal(res.docs[0].invalid_utf8, cases[i].bad);
        result_clear(&res);
    }
}

static void read_jsonl__malformed_line_reports_line_and_column(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl", "{\"text\":\"ok\"}\n{\"text\": \"a\",}\n");
    assert_int_equal(res.n, 1);
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text, "mem.jsonl:2:14: string or '}' expected near '}'; "
                                      "the line must hold one JSON object");
    result_clear(&res);
}

static void read_jsonl__not_an_object_is_error(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl", "[1, 2]\n");
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text,
                        "mem.jsonl:1: found an array; the line must hold one JSON object");
}

static void read_jsonl__text_not_string_is_error(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *msg;
    } cases[] = {
        {"{\"id\":\"s9\",\"text\":5}",
         "mem.jsonl:1: story s9: field \"text\" is a number, expected a string"},
        {"{\"text\":null}",
         "mem.jsonl:1: story mem.jsonl:1: field \"text\" is null, expected a string"},
        {"{\"text\":[\"a\"]}",
         "mem.jsonl:1: story mem.jsonl:1: field \"text\" is an array, expected a string"},
        {"{\"id\":3,\"body\":\"x\"}", "mem.jsonl:1: story 3: field \"text\" is missing"},
        {"{\"body\":\"x\"}", "mem.jsonl:1: story mem.jsonl:1: field \"text\" is missing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_JSONL, "mem.jsonl", cases[i].in, strlen(cases[i].in),
                        NULL);
        assert_int_equal(res.rc, SL_EDATA);
        assert_string_equal(res.err.text, cases[i].msg);
    }
}

static void read_jsonl__id_of_other_type_is_error(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl", "{\"id\":true,\"text\":\"x\"}\n");
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text,
                        "mem.jsonl:1: field \"id\" is a boolean, expected a string or an "
                        "integer id; use --id-field to name another field");
}

static void read_jsonl__duplicate_key_last_value_wins(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl",
         "{\"site\":\"a\",\"text\":\"x\",\"q\":1,\"site\":\"b\"}\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.jsonl:1", "x", 1, "site=b;q=1;");
    result_clear(&res);
}

static void read_jsonl__nul_escape_kept_in_text(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl", "{\"text\":\"a\\u0000b\"}\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_int_equal(res.docs[0].text_len, 3);
    assert_memory_equal(res.docs[0].text, "a\0b", 4);
    result_clear(&res);
}

static void read_jsonl__custom_fields_and_long_line(void **state)
{
    (void)state;
    size_t big = 200000;
    char *in = malloc(big + 64);
    assert_non_null(in);
    size_t n = (size_t)sprintf(in, "{\"ref\":\"r1\",\"body\":\"");
    memset(in + n, 'y', big);
    n += big;
    n += (size_t)sprintf(in + n, "\",\"id\":\"m\"}\n");
    sl_read_opts opts = {.text_field = "body", .id_field = "ref"};
    result res;
    read_bytes_opts(&res, SL_INPUT_JSONL, "mem.jsonl", in, n, &opts);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].id, "r1");
    assert_int_equal(res.docs[0].text_len, big);
    assert_string_equal(sli_doc_meta(&res.docs[0], "id"), "m");
    free(in);
    result_clear(&res);
}

/* ---- TXT / MD ----------------------------------------------------------- */

static void read_txt__front_matter_metadata(void **state)
{
    (void)state;
    result res;
    read_file(&res, "front_matter.md", "site-a/s01");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "site-a/s01", "Story text.\nSecond line.\n", 1,
               "site=North;quarter=2024 Q1;spaced key=value;");
    result_clear(&res);
}

static void read_txt__front_matter_crlf_and_repeated_key(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_TXT, "mem.txt", "---\r\nsite: N\r\nk: \"\"\r\nsite: S\r\n---\r\nBody\r\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.txt", "Body\r\n", 1, "site=S;k=;");
    result_clear(&res);
}

static void read_txt__no_front_matter_whole_file(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        const char *text;
    } cases[] = {
        {"Just a story.\n---\nk: v\n---\n", "Just a story.\n---\nk: v\n---\n"},
        {"", ""},
        {"no newline", "no newline"},
        /* opened but never closed: all of it is text */
        {"---\nk: v\nstory", "---\nk: v\nstory"},
        {"---", "---"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_TXT, "mem.txt", cases[i].in, strlen(cases[i].in), NULL);
        assert_int_equal(res.rc, SL_OK);
        assert_int_equal(res.n, 1);
        assert_doc(&res.docs[0], "mem.txt", cases[i].text, 1, "");
        result_clear(&res);
    }
}

static void read_txt__closing_fence_at_end_gives_empty_text(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_TXT, "mem.txt", "---\nk: v\n---");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.txt", "", 1, "k=v;");
    result_clear(&res);
}

static void read_txt__bom_dropped(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_TXT, "mem.txt", "\xEF\xBB\xBF---\nk: v\n---\nT");
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.txt", "T", 1, "k=v;");
    result_clear(&res);
    READ(&res, SL_INPUT_TXT, "mem.txt", "\xEF\xBB\xBFplain\n");
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "mem.txt", "plain\n", 1, "");
    result_clear(&res);
}

static void read_txt__stdin_story_is_named_stdin(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_TXT, "-", "one story\n\nfrom a pipe\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "stdin", "one story\n\nfrom a pipe\n", 1, "");
    assert_string_equal(res.source, "-");
    result_clear(&res);
}

/* ---- opening ------------------------------------------------------------ */

static void format_of_path__by_extension_case_insensitive(void **state)
{
    (void)state;
    static const struct {
        const char *path;
        sl_input_format fmt;
    } cases[] = {
        {"a.txt", SL_INPUT_TXT},        {"dir/b.MD", SL_INPUT_TXT},
        {"c.jsonl", SL_INPUT_JSONL},    {"d.NDJSON", SL_INPUT_JSONL},
        {"e.Csv", SL_INPUT_CSV},        {"f.tsv", SL_INPUT_TSV},
        {"g.json", SL_INPUT_AUTO},      {"README", SL_INPUT_AUTO},
        {".txt", SL_INPUT_AUTO},        {"dir.csv/file", SL_INPUT_AUTO},
        {"archive.txt.gz", SL_INPUT_AUTO}, {"x.", SL_INPUT_AUTO},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(sli_format_of_path(cases[i].path), cases[i].fmt);
}

static void reader_open__missing_file_is_noinput(void **state)
{
    (void)state;
    sl_reader *r = (sl_reader *)state; /* any non-NULL value: must be reset */
    sl_error err;
    assert_int_equal(sli_reader_open(&r, "no/such/file.csv", NULL, SL_INPUT_AUTO, NULL, &err),
                     SL_ENOINPUT);
    assert_null(r);
    assert_int_equal(err.code, SL_ENOINPUT);
    assert_string_equal(err.text, "no/such/file.csv: cannot open: No such file or directory");
}

static void reader_open__unknown_extension_is_usage_error(void **state)
{
    (void)state;
    sl_reader *r = NULL;
    sl_error err;
    assert_int_equal(sli_reader_open(&r, "notes.xyz", NULL, SL_INPUT_AUTO, NULL, &err),
                     SL_EUSAGE);
    assert_string_equal(err.text, "notes.xyz: unknown input format; name it .txt, .md, "
                                  ".jsonl, .csv, .tsv, .docx, .odt, .xlsx or .ods, or use "
                                  "--input-format");
    /* renaming an old Word document .txt would not help: say what would */
    assert_int_equal(sli_reader_open(&r, "notes.DOC", NULL, SL_INPUT_AUTO, NULL, &err),
                     SL_EDATA);
    assert_string_equal(err.text, "notes.DOC: an old Word document, which storylens does "
                                  "not read: save it as .docx or as plain text (.txt)");
}

static void reader_open__directory_is_noinput(void **state)
{
    (void)state;
    char path[512];
    fixture(path, sizeof path, "corpus/site-a/s01.txt");
    *strrchr(path, '/') = '\0';
    sl_reader *r = NULL;
    sl_error err;
    assert_int_equal(sli_reader_open(&r, path, NULL, SL_INPUT_TXT, NULL, &err), SL_ENOINPUT);
    assert_non_null(strstr(err.text, ": cannot open: Is a directory"));
}

static void reader_open__explicit_format_and_default_id(void **state)
{
    (void)state;
    char path[512];
    fixture(path, sizeof path, "corpus/README");
    sl_reader *r = NULL;
    sl_error err;
    assert_int_equal(sli_reader_open(&r, path, NULL, SL_INPUT_TXT, NULL, &err), SL_OK);
    sl_doc d = {0};
    int got = 0;
    assert_int_equal(sli_reader_next(r, &d, &got, &err), SL_OK);
    assert_int_equal(got, 1);
    assert_string_equal(d.id, "README");
    assert_string_equal(d.text, "Not a story: no known extension.\n");
    sli_doc_clear(&d);
    assert_int_equal(sli_reader_next(r, &d, &got, &err), SL_OK);
    assert_int_equal(got, 0);
    sli_reader_free(r);
}

static void reader_open_stream__auto_means_jsonl(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_AUTO, "-", "{\"text\":\"piped\"}\n");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_doc(&res.docs[0], "-:1", "piped", 1, "");
    result_clear(&res);
}

/* ---- walking ------------------------------------------------------------ */

static void walk__directory_sorted_recursive_known_extensions(void **state)
{
    (void)state;
    /* files of unknown formats are kept, marked unread, to be listed */
    static const char *const want[][3] = {
        {"README", "README", "u"},       {"Zeta.txt", "Zeta", ""},
        {"alpha.jsonl", "alpha", ""},     {"ignore.json", "ignore", "u"},
        {"site-a/notes", "site-a/notes", "u"}, {"site-a/s01.txt", "site-a/s01", ""},
        {"site-a/s02.MD", "site-a/s02", ""}, {"site-b/a.tsv", "site-b/a", ""},
        {"site-b/sub/deep.csv", "site-b/sub/deep", ""},
    };
    const size_t nwant = sizeof want / sizeof want[0];
    for (int slash = 0; slash < 2; slash++) {
        char dir[512], path[600];
        fixture(dir, sizeof dir, slash ? "corpus/" : "corpus");
        sl_walk_entry *e = NULL;
        size_t n = 0;
        sl_error err;
        assert_int_equal(sli_walk(dir, &e, &n, &err), SL_OK);
        assert_int_equal(n, nwant);
        for (size_t i = 0; i < n; i++) {
            fixture(path, sizeof path, "corpus/");
            strcat(path, want[i][0]);
            assert_string_equal(e[i].path, path);
            assert_string_equal(e[i].id_base, want[i][1]);
            assert_int_equal(e[i].unread != NULL, want[i][2][0] == 'u');
        }
        sli_walk_free(e, n);
    }
}

static void walk__single_file_gives_its_name(void **state)
{
    (void)state;
    char path[512];
    fixture(path, sizeof path, "corpus/site-b/sub/deep.csv");
    sl_walk_entry *e = NULL;
    size_t n = 0;
    sl_error err;
    assert_int_equal(sli_walk(path, &e, &n, &err), SL_OK);
    assert_int_equal(n, 1);
    assert_string_equal(e[0].path, path);
    assert_string_equal(e[0].id_base, "deep");
    sli_walk_free(e, n);
}

static void walk__missing_path_is_noinput(void **state)
{
    (void)state;
    sl_walk_entry *e = (sl_walk_entry *)state;
    size_t n = 99;
    sl_error err;
    assert_int_equal(sli_walk("no/such/dir", &e, &n, &err), SL_ENOINPUT);
    assert_null(e);
    assert_int_equal(n, 0);
    assert_string_equal(err.text, "no/such/dir: no such file or directory");
}

static void walk__symlink_loop_not_followed_dangling_link_listed(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/sl_walk_XXXXXX";
    char *root = mkdtemp(tmpl);
    assert_non_null(root);
    char sub[64], story[96], loop[96], dangling[96];
    snprintf(sub, sizeof sub, "%s/d", root);
    snprintf(story, sizeof story, "%s/d/s.txt", root);
    snprintf(loop, sizeof loop, "%s/d/back", root);
    snprintf(dangling, sizeof dangling, "%s/d/gone.txt", root);
    assert_int_equal(mkdir(sub, 0700), 0);
    FILE *f = fopen(story, "w");
    assert_non_null(f);
    fputs("x\n", f);
    fclose(f);
    assert_int_equal(symlink("..", loop), 0);
    assert_int_equal(symlink("nowhere.txt", dangling), 0);

    sl_walk_entry *e = NULL;
    size_t n = 0;
    sl_error err;
    sl_status rc = sli_walk(root, &e, &n, &err);
    unlink(dangling);
    unlink(loop);
    unlink(story);
    rmdir(sub);
    rmdir(root);
    assert_int_equal(rc, SL_OK);
    /* the loop is not followed; the dangling link is kept, marked lost, so
     * the run lists it as skipped (it was dropped in silence) */
    assert_int_equal(n, 2);
    assert_string_equal(e[0].id_base, "d/gone.txt");
    assert_int_equal(e[0].lost, ENOENT);
    assert_string_equal(e[1].id_base, "d/s");
    assert_int_equal(e[1].lost, 0);
    sl_reader *r = (sl_reader *)1;
    assert_int_equal(sli_reader_open_entry(&r, &e[0], NULL, &err), SL_OK);
    assert_null(r);
    assert_non_null(strstr(err.text, "gone.txt: cannot be read: a symlink to nothing"));
    sli_walk_free(e, n);
}

/* ---- many fields, in every format --------------------------------------- */

#define MANY 100

/* One story in fmt with text "t" and the fields k0=v0 ... k99=v297 (value
 * three times the key's number), written as that format writes them. */
static char *many_fields_input(sl_input_format fmt, size_t *len)
{
    size_t cap = 64 + MANY * 32, n = 0;
    char *in = malloc(cap);
    assert_non_null(in);
    if (fmt == SL_INPUT_JSONL) {
        n += (size_t)snprintf(in + n, cap - n, "{\"text\":\"t\"");
        for (int i = 0; i < MANY; i++)
            n += (size_t)snprintf(in + n, cap - n, ",\"k%d\":\"v%d\"", i, i * 3);
        n += (size_t)snprintf(in + n, cap - n, "}\n");
    } else if (fmt == SL_INPUT_CSV) {
        n += (size_t)snprintf(in + n, cap - n, "text");
        for (int i = 0; i < MANY; i++)
            n += (size_t)snprintf(in + n, cap - n, ",k%d", i);
        n += (size_t)snprintf(in + n, cap - n, "\nt");
        for (int i = 0; i < MANY; i++)
            n += (size_t)snprintf(in + n, cap - n, ",v%d", i * 3);
        n += (size_t)snprintf(in + n, cap - n, "\n");
    } else {
        n += (size_t)snprintf(in + n, cap - n, "---\n");
        for (int i = 0; i < MANY; i++)
            n += (size_t)snprintf(in + n, cap - n, "k%d: v%d\n", i, i * 3);
        n += (size_t)snprintf(in + n, cap - n, "---\nt");
    }
    assert_true(n < cap);
    *len = n;
    return in;
}

/* Every reader keeps a story's fields in source order, each with its own
 * value, however many there are (the meta array grows several times). */
static void read__hundred_fields_keep_order_and_values(void **state)
{
    (void)state;
    static const struct {
        sl_input_format fmt;
        const char *name, *id;
    } cases[] = {
        {SL_INPUT_JSONL, "mem.jsonl", "mem.jsonl:1"},
        {SL_INPUT_CSV, "mem.csv", "mem.csv:2"},
        {SL_INPUT_TXT, "mem.txt", "mem.txt"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t len;
        char *in = many_fields_input(cases[c].fmt, &len);
        result res;
        read_bytes_opts(&res, cases[c].fmt, cases[c].name, in, len, NULL);
        free(in);
        assert_int_equal(res.rc, SL_OK);
        assert_int_equal(res.n, 1);
        const sl_doc *d = &res.docs[0];
        assert_string_equal(d->id, cases[c].id);
        assert_string_equal(d->text, "t");
        assert_int_equal(d->nmeta, MANY);
        for (int i = 0; i < MANY; i++) {
            char k[16], v[16];
            snprintf(k, sizeof k, "k%d", i);
            snprintf(v, sizeof v, "v%d", i * 3);
            assert_string_equal(d->meta[i].key, k);
            assert_string_equal(d->meta[i].value, v);
        }
        assert_string_equal(d->meta[0].key, "k0");
        assert_string_equal(d->meta[0].value, "v0");
        assert_string_equal(d->meta[57].key, "k57");
        assert_string_equal(d->meta[57].value, "v171");
        assert_string_equal(d->meta[99].key, "k99");
        assert_string_equal(d->meta[99].value, "v297");
        result_clear(&res);
    }
}

/* A key repeated in front matter keeps its first place and takes its last
 * value, whether that value is longer, shorter or empty; the fields around
 * it are untouched. */
static void read_txt__repeated_key_replaced_in_place(void **state)
{
    (void)state;
    static const struct {
        const char *in, *meta;
    } cases[] = {
        {"---\na: 1\nb: 2\na: a much longer value\nc: 3\n---\nT",
         "a=a much longer value;b=2;c=3;"},
        {"---\na: first long value\nb: 2\na: x\n---\nT", "a=x;b=2;"},
        {"---\na: 1\na: 2\na: 3\na: 4\na: 5\n---\nT", "a=5;"},
        {"---\nb: 2\na: 1\na:\n---\nT", "b=2;a=;"},
        /* keys are compared whole: "a" is not "ab" */
        {"---\nab: 1\na: 2\nab: 3\n---\nT", "ab=3;a=2;"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        result res;
        read_bytes_opts(&res, SL_INPUT_TXT, "mem.txt", cases[i].in, strlen(cases[i].in), NULL);
        assert_int_equal(res.rc, SL_OK);
        assert_int_equal(res.n, 1);
        assert_doc(&res.docs[0], "mem.txt", "T", 1, cases[i].meta);
        result_clear(&res);
    }
}

/* ---- sl_doc ------------------------------------------------------------- */

static void doc__meta_lookup_and_clear(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_JSONL, "mem.jsonl", "{\"text\":\"t\",\"a\":\"1\",\"b\":\"2\"}\n");
    assert_int_equal(res.n, 1);
    sl_doc *d = &res.docs[0];
    assert_string_equal(sli_doc_meta(d, "b"), "2");
    assert_null(sli_doc_meta(d, "c"));
    assert_null(sli_doc_meta(NULL, "a"));
    sli_doc_clear(d);
    assert_null(d->id);
    assert_null(d->meta);
    assert_int_equal(d->nmeta, 0);
    sli_doc_clear(d); /* clearing twice is harmless */
    sli_doc_clear(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(read_csv__quoted_comma_and_newline_in_field),
        cmocka_unit_test(read_csv__bom_and_crlf),
        cmocka_unit_test(read_csv__bom_before_quoted_header),
        cmocka_unit_test(read_csv__doubled_quote),
        cmocka_unit_test(read_csv__record_line_counts_quoted_newlines),
        cmocka_unit_test(read_csv__unterminated_quote_reports_start_line),
        cmocka_unit_test(read_csv__wrong_field_count_is_error),
        cmocka_unit_test(read_csv__missing_text_column_is_error),
        cmocka_unit_test(read_csv__duplicate_header_is_error),
        cmocka_unit_test(read_csv__no_final_newline),
        cmocka_unit_test(read_tsv__tab_separated),
        cmocka_unit_test(read_csv__quote_inside_unquoted_field_is_literal),
        cmocka_unit_test(read_csv__text_after_closing_quote_is_error),
        cmocka_unit_test(read_csv__empty_values_kept_as_metadata),
        cmocka_unit_test(read_csv__custom_text_and_id_fields),
        cmocka_unit_test(read_csv__empty_input_has_no_stories),
        cmocka_unit_test(read_csv__huge_field_spans_buffers),
        cmocka_unit_test(read_jsonl__metadata_in_key_order),
        cmocka_unit_test(read_jsonl__id_integer_rendered),
        cmocka_unit_test(read_jsonl__missing_id_uses_file_line),
        cmocka_unit_test(read_jsonl__blank_lines_skipped),
        cmocka_unit_test(read_jsonl__bom_and_crlf_accepted),
        cmocka_unit_test(read_jsonl__invalid_utf8_replaced_and_counted),
        cmocka_unit_test(read_jsonl__malformed_line_reports_line_and_column),
        cmocka_unit_test(read_jsonl__not_an_object_is_error),
        cmocka_unit_test(read_jsonl__text_not_string_is_error),
        cmocka_unit_test(read_jsonl__id_of_other_type_is_error),
        cmocka_unit_test(read_jsonl__duplicate_key_last_value_wins),
        cmocka_unit_test(read_jsonl__nul_escape_kept_in_text),
        cmocka_unit_test(read_jsonl__custom_fields_and_long_line),
        cmocka_unit_test(read_txt__front_matter_metadata),
        cmocka_unit_test(read_txt__front_matter_crlf_and_repeated_key),
        cmocka_unit_test(read_txt__no_front_matter_whole_file),
        cmocka_unit_test(read_txt__closing_fence_at_end_gives_empty_text),
        cmocka_unit_test(read_txt__bom_dropped),
        cmocka_unit_test(read_txt__stdin_story_is_named_stdin),
        cmocka_unit_test(format_of_path__by_extension_case_insensitive),
        cmocka_unit_test(reader_open__missing_file_is_noinput),
        cmocka_unit_test(reader_open__unknown_extension_is_usage_error),
        cmocka_unit_test(reader_open__directory_is_noinput),
        cmocka_unit_test(reader_open__explicit_format_and_default_id),
        cmocka_unit_test(reader_open_stream__auto_means_jsonl),
        cmocka_unit_test(walk__directory_sorted_recursive_known_extensions),
        cmocka_unit_test(walk__single_file_gives_its_name),
        cmocka_unit_test(walk__missing_path_is_noinput),
        cmocka_unit_test(walk__symlink_loop_not_followed_dangling_link_listed),
        cmocka_unit_test(read__hundred_fields_keep_order_and_values),
        cmocka_unit_test(read_txt__repeated_key_replaced_in_place),
        cmocka_unit_test(doc__meta_lookup_and_clear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
