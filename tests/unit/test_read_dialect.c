/*
 * test_read_dialect.c - CSV as spreadsheets write it: the ';' read from a
 * header with no ',', --delimiter, old Mac CR line ends, --encoding's
 * transcoding and its located errors, and the Windows-1252 advice on
 * invalid UTF-8. Inputs are byte-exact, written to a tmpfile() and read as
 * a stream; every expected value is worked out by hand in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/doc.h"
#include "read/read.h"

#define MAXDOCS 6

typedef struct result {
    sl_doc docs[MAXDOCS];
    size_t n;
    sl_status rc;
    sl_error err;
    char notes[512]; /* the notes the reader gave, each ending in '\n' */
} result;

static void on_note(void *user, sl_severity sev, const char *msg)
{
    result *res = user;
    assert_int_equal(sev, SL_SEVERITY_NOTE);
    size_t used = strlen(res->notes);
    snprintf(res->notes + used, sizeof res->notes - used, "%s\n", msg);
}

/* Reads bytes[0..len) as a stream called name in fmt, with opts (its
 * message handler set here), until the end or the first error. */
static void read_with(result *res, sl_input_format fmt, const char *name, const char *bytes,
                      size_t len, sl_read_opts opts)
{
    memset(res, 0, sizeof *res);
    opts.on_message = on_note;
    opts.message_user = res;
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    rewind(f);
    sl_reader *r = NULL;
    res->rc = sli_reader_open_stream(&r, f, name, fmt, &opts, &res->err);
    while (res->rc == SL_OK) {
        sl_doc d = {0};
        int got = 0;
        res->rc = sli_reader_next(r, &d, &got, &res->err);
        if (res->rc != SL_OK || !got)
            break;
        assert_true(res->n < MAXDOCS);
        d.source = NULL;
        res->docs[res->n++] = d;
    }
    sli_reader_free(r);
    fclose(f);
}

#define READ(res, fmt, lit, ...) \
    read_with(res, fmt, "mem.csv", lit, sizeof lit - 1, (sl_read_opts){__VA_ARGS__})

static void clear(result *res)
{
    for (size_t i = 0; i < res->n; i++)
        sli_doc_clear(&res->docs[i]);
}

/* ---- the delimiter ------------------------------------------------------ */

static void dialect__semicolon_header_is_read_with_semicolon(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "id;text\n1;\"a,b;c\"\n2;d\n", .text_field = NULL);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 2);
    assert_string_equal(res.docs[0].id, "1");
    assert_string_equal(res.docs[0].text, "a,b;c");
    assert_string_equal(res.docs[1].text, "d");
    assert_string_equal(res.notes, "mem.csv: read with ';' as the delimiter (the header has "
                                   "no ','); give --delimiter to choose\n");
    clear(&res);
}

static void dialect__comma_and_semicolon_keep_comma(void **state)
{
    (void)state;
    result res;
    /* columns "x;y" and "text": ',' is kept, and no note */
    READ(&res, SL_INPUT_CSV, "x;y,text\n1;2,three\n", .text_field = NULL);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].text, "three");
    assert_string_equal(res.notes, "");
    clear(&res);
}

static void dialect__given_delimiter_wins_and_tsv_stays_tab(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "id|text\n1|a;b,c\n", .delimiter = '|');
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].text, "a;b,c");
    assert_string_equal(res.notes, "");
    clear(&res);
    /* a .tsv is read with a tab whatever --delimiter says */
    READ(&res, SL_INPUT_TSV, "id\ttext\n1\ta|b\n", .delimiter = '|');
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].text, "a|b");
    clear(&res);
}

static void dialect__missing_column_suggests_the_delimiter(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "id|text\n1|x\n", .text_field = NULL);
    assert_int_equal(res.rc, SL_EDATA);
    assert_string_equal(res.err.text,
                        "mem.csv:1: no column \"text\" in the header (columns: id|text); the "
                        "header holds '|': if that separates the fields, give --delimiter "
                        "'|'; else use --text-field");
}

/* ---- CR line ends ------------------------------------------------------- */

static void dialect__cr_only_file_ends_records_at_cr(void **state)
{
    (void)state;
    result res;
    /* line 1 header, 2 "1,a", 3-4 the quoted "b<CR>c" (the CR stays data),
     * 5 "3,d": record 3 starts on line 5 */
    READ(&res, SL_INPUT_CSV, "id,text\r1,a\r2,\"b\rc\"\r3,d\r", .text_field = NULL);
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 3);
    assert_string_equal(res.docs[1].text, "b\rc");
    assert_int_equal(res.docs[1].line, 3);
    assert_int_equal(res.docs[2].line, 5);
    clear(&res);
}

static void dialect__lone_cr_in_lf_file_stays_data(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "id,text\n1,a\rb\n", .text_field = NULL);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].text, "a\rb");
    clear(&res);
}

/* ---- --encoding ---------------------------------------------------------- */

static void dialect__windows_1252_is_transcoded(void **state)
{
    (void)state;
    result res;
    /* 0xFC u-umlaut (C3 BC), 0x80 euro (E2 82 AC) */
    READ(&res, SL_INPUT_CSV, "id,text\n1,M\xfcller \x80\n", .encoding = "windows-1252");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].text, "M\xc3\xbcller \xe2\x82\xac");
    clear(&res);
}

static void dialect__invalid_byte_is_located(void **state)
{
    (void)state;
    result res;
    /* 0x8D is no character of Windows-1252: line 4 (the quoted field
     * opened on line 3 goes on there), column 2, after the "y" */
    READ(&res, SL_INPUT_CSV, "id,text\n1,ok\n2,\"x\ny\x8d\"\n", .encoding = "cp1252");
    assert_int_equal(res.rc, SL_EDATA);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.err.text, "mem.csv:4:2: byte 0x8D is not valid cp1252: the file is "
                                      "in another encoding; name that with --encoding (or "
                                      "save the file as UTF-8)");
    clear(&res);
}

static void dialect__utf16_without_bom_is_little_endian(void **state)
{
    (void)state;
    result res;
    READ(&res, SL_INPUT_CSV, "i\0d\0,\0t\0e\0x\0t\0\n\0" "1\0,\0\xfc\0\n\0", .encoding = "utf-16");
    assert_int_equal(res.rc, SL_OK);
    assert_int_equal(res.n, 1);
    assert_string_equal(res.docs[0].text, "\xc3\xbc");
    clear(&res);
}

/* ---- the Windows-1252 advice -------------------------------------------- */

static void dialect__looks_cp1252(void **state)
{
    (void)state;
    assert_true(sli_looks_cp1252("M\xfcller", 7));             /* a letter in a word */
    assert_true(sli_looks_cp1252("say \x93hi\x94", 9));         /* curly quotes */
    assert_false(sli_looks_cp1252("plain", 5));                  /* nothing invalid */
    assert_false(sli_looks_cp1252("caf\xc3\xa9", 5));            /* valid UTF-8 */
    assert_false(sli_looks_cp1252("x \xc4\xe3\xba\xc3", 6));     /* a run of four (GBK) */
    assert_false(sli_looks_cp1252("a\x81" "b", 3));              /* not in Windows-1252 */
    assert_false(sli_looks_cp1252("a \xff b", 5));               /* a lone bad byte, no word */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dialect__semicolon_header_is_read_with_semicolon),
        cmocka_unit_test(dialect__comma_and_semicolon_keep_comma),
        cmocka_unit_test(dialect__given_delimiter_wins_and_tsv_stays_tab),
        cmocka_unit_test(dialect__missing_column_suggests_the_delimiter),
        cmocka_unit_test(dialect__cr_only_file_ends_records_at_cr),
        cmocka_unit_test(dialect__lone_cr_in_lf_file_stays_data),
        cmocka_unit_test(dialect__windows_1252_is_transcoded),
        cmocka_unit_test(dialect__invalid_byte_is_located),
        cmocka_unit_test(dialect__utf16_without_bom_is_little_endian),
        cmocka_unit_test(dialect__looks_cp1252),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
