/*
 * test_read_resync.c - how the readers go on after a malformed record
 * (--skip-invalid), and what sniffing a source does (UTF-16, binary).
 *
 * Inputs are byte-exact literals written to a tmpfile() and read as a
 * stream named "mem"; a pipe stands in for standard input where sniffing
 * must not lose the bytes it looked at. Each test lists, by hand, the
 * stories that must come out and the records that must be reported.
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

#include "core/doc.h"
#include "read/read.h"

/* What a read produced: story ids and texts joined, skipped lines, and the
 * first error that could not be skipped. */
typedef struct outcome {
    char ids[512];
    char texts[1024];
    char skipped[512]; /* "LINE:reason|" per skipped record */
    sl_status rc;
    sl_error err;
} outcome;

static void cat(char *buf, size_t size, const char *s)
{
    size_t n = strlen(buf);
    snprintf(buf + n, size - n, "%s", s);
}

static void drain(outcome *o, sl_reader *r)
{
    for (int calls = 0; calls < 1000; calls++) {
        sl_doc d = {0};
        int got = 0;
        sl_status s = sli_reader_next(r, &d, &got, &o->err);
        unsigned long line;
        const char *reason;
        if (s != SL_OK && sli_reader_skippable(r, &line, &reason)) {
            char item[300];
            snprintf(item, sizeof item, "%lu:%.200s|", line, reason);
            cat(o->skipped, sizeof o->skipped, item);
            continue;
        }
        if (s != SL_OK) {
            o->rc = s;
            return;
        }
        if (!got)
            return;
        cat(o->ids, sizeof o->ids, d.id);
        cat(o->ids, sizeof o->ids, " ");
        cat(o->texts, sizeof o->texts, d.text);
        cat(o->texts, sizeof o->texts, "|");
        sli_doc_clear(&d);
    }
    fail_msg("the reader made no progress");
}

static void read_mem(outcome *o, sl_input_format fmt, int skip, const char *bytes, size_t len)
{
    memset(o, 0, sizeof *o);
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    rewind(f);
    sl_reader *r = NULL;
    o->rc = sli_reader_open_stream(&r, f, "mem", fmt, NULL, &o->err);
    if (o->rc == SL_OK) {
        sli_reader_set_skip_invalid(r, skip);
        drain(o, r);
    }
    sli_reader_free(r);
    fclose(f);
}

#define READ(o, fmt, skip, lit) read_mem(o, fmt, skip, lit, sizeof lit - 1)

/* ---- CSV ---------------------------------------------------------------- */

static void csv_resync__unterminated_quote_costs_one_record(void **state)
{
    (void)state;
    outcome o;
    /* record 2 opens a quote that never closes: without skipping it is an
     * error at the quote (line 3, column 3); with skipping reading resumes
     * at line 4 and records 3 and 4 are read as written */
    static const char in[] = "id,text\n1,one\n2,\"open\n3,three\n4,four\n";
    READ(&o, SL_INPUT_CSV, 0, in);
    assert_int_equal(o.rc, SL_EDATA);
    assert_string_equal(o.err.text, "mem:3:3: quote opened here is never closed");
    assert_string_equal(o.ids, "1 ");
    READ(&o, SL_INPUT_CSV, 1, in);
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.ids, "1 3 4 ");
    assert_string_equal(o.texts, "one|three|four|");
    assert_string_equal(o.skipped, "3:quote opened here is never closed (at line 3, column 3)|");
}

static void csv_resync__character_after_closing_quote_resumes_next_line(void **state)
{
    (void)state;
    outcome o;
    /* record 1 (line 2): 1,"a"b has the b at column 6; the rest of line 2 is
     * dropped and record 2, a quoted field over two lines, reads whole */
    READ(&o, SL_INPUT_CSV, 1, "id,text\n1,\"a\"b,x\n2,\"c\nd\"\n");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.ids, "2 ");
    assert_string_equal(o.texts, "c\nd|");
    assert_string_equal(o.skipped, "2:unexpected character after a closing quote; write a quote "
                                   "inside a quoted field as \"\" (at line 2, column 6)|");
}

static void csv_resync__quote_closed_lines_later_replays_those_lines(void **state)
{
    (void)state;
    outcome o;
    /* record 1's quote swallows line 3 and closes at line 4's first quote,
     * then "x" follows: the record started at line 2, so lines 3 and 4 are
     * read again as records of their own */
    READ(&o, SL_INPUT_CSV, 1, "id,text\n1,\"a\n2,b\n3,\"x\"\n");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.ids, "2 3 ");
    assert_string_equal(o.texts, "b|x|");
    assert_string_equal(o.skipped, "2:unexpected character after a closing quote; write a quote "
                                   "inside a quoted field as \"\" (at line 4, column 4)|");
}

static void csv_resync__wrong_field_count_skips_the_whole_record(void **state)
{
    (void)state;
    outcome o;
    /* the bad record spans lines 2-3 (a quoted newline): all of it goes */
    READ(&o, SL_INPUT_TSV, 1, "id\ttext\n1\t\"a\nb\"\textra\n2\tok\n");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.ids, "2 ");
    assert_string_equal(o.skipped, "2:record has 3 fields, the header has 2|");
}

static void csv_resync__bad_header_is_never_skippable(void **state)
{
    (void)state;
    outcome o;
    /* a header that cannot be read: no record can be, so nothing is skipped */
    READ(&o, SL_INPUT_CSV, 1, "id,\"text\n1,a\n");
    assert_int_equal(o.rc, SL_EDATA);
    assert_string_equal(o.skipped, "");
    READ(&o, SL_INPUT_CSV, 1, "id,body\n1,a\n");
    assert_int_equal(o.rc, SL_EDATA);
    assert_non_null(strstr(o.err.text, "no column \"text\""));
}

static void csv_resync__crlf_lines_resume_the_same(void **state)
{
    (void)state;
    outcome o;
    READ(&o, SL_INPUT_CSV, 1, "id,text\r\n1,\"open\r\n2,two\r\n");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.ids, "2 ");
    assert_string_equal(o.texts, "two|");
}

/* ---- JSONL -------------------------------------------------------------- */

static void jsonl_resync__each_bad_line_skipped_alone(void **state)
{
    (void)state;
    outcome o;
    static const char in[] = "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\n[1]\n"
                             "{\"id\":\"d\",\"text\":2}\n{\"id\":\"e\",\"text\":\"y\"}\n";
    READ(&o, SL_INPUT_JSONL, 0, in);
    assert_int_equal(o.rc, SL_EDATA);
    assert_string_equal(o.ids, "a ");
    READ(&o, SL_INPUT_JSONL, 1, in);
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.ids, "a e ");
    assert_string_equal(o.skipped,
                        "2:unexpected token near end of file; the line must hold one JSON "
                        "object|3:found an array; the line must hold one JSON object|"
                        "4:story d: field \"text\" is a number, expected a string|");
}

/* ---- sniffing ----------------------------------------------------------- */

static void sniff__utf16le_and_be_read_as_utf8(void **state)
{
    (void)state;
    outcome o;
    /* "id,text\n1,café\n" in UTF-16LE and BE, each with its BOM */
    READ(&o, SL_INPUT_CSV, 0,
         "\xFF\xFEi\0d\0,\0t\0e\0x\0t\0\n\0" "1\0,\0c\0a\0f\0\xE9\0\n\0");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.texts, "caf\xC3\xA9|");
    READ(&o, SL_INPUT_TXT, 0, "\xFE\xFF\0l\0o\0n\0e\0l\0y");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.texts, "lonely|");
}

static void sniff__bad_utf16_becomes_an_invalid_byte(void **state)
{
    (void)state;
    outcome o;
    /* an unpaired low surrogate DC00 and a last odd byte: two 0xFF bytes */
    READ(&o, SL_INPUT_TXT, 0, "\xFF\xFE" "a\0\x00\xDC" "b\0" "c");
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.texts, "a\xFF" "b\xFF|");
}

/* Appends code point c to a UTF-16 buffer (big or little endian) and its
 * UTF-8 form to another: the test's own encoder, for the expected bytes. */
static void put_both(unsigned char *u16, size_t *n16, char *u8, size_t *n8, uint32_t c, int big)
{
    uint16_t units[2] = {(uint16_t)c, 0};
    int nu = 1;
    if (c >= 0x10000) {
        units[0] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
        units[1] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
        nu = 2;
    }
    for (int k = 0; k < nu; k++) {
        u16[(*n16)++] = (unsigned char)(big ? units[k] >> 8 : units[k] & 0xFF);
        u16[(*n16)++] = (unsigned char)(big ? units[k] & 0xFF : units[k] >> 8);
    }
    if (c < 0x80) {
        u8[(*n8)++] = (char)c;
    } else if (c < 0x800) {
        u8[(*n8)++] = (char)(0xC0 | c >> 6);
        u8[(*n8)++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        u8[(*n8)++] = (char)(0xE0 | c >> 12);
        u8[(*n8)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        u8[(*n8)++] = (char)(0x80 | (c & 0x3F));
    } else {
        u8[(*n8)++] = (char)(0xF0 | c >> 18);
        u8[(*n8)++] = (char)(0x80 | ((c >> 12) & 0x3F));
        u8[(*n8)++] = (char)(0x80 | ((c >> 6) & 0x3F));
        u8[(*n8)++] = (char)(0x80 | (c & 0x3F));
    }
}

/* A UTF-16 story of 400,000 code units, many times the transcoder's
 * buffers (it converts as it reads, a chunk at a time), is read back
 * exactly, in both byte orders: emoji (surrogate pairs) every 997
 * characters and accented letters every 13 fall across the chunk
 * boundaries at every alignment, and a last odd byte becomes one 0xFF. */
static void sniff__long_utf16_streams_across_chunks(void **state)
{
    (void)state;
    enum { UNITS = 400000 };
    unsigned char *u16 = malloc(2 * UNITS + 16);
    char *u8 = malloc(4 * UNITS + 16);
    assert_non_null(u16);
    assert_non_null(u8);
    for (int big = 0; big < 2; big++) {
        size_t n16 = 0, n8 = 0;
        u16[n16++] = big ? 0xFE : 0xFF;
        u16[n16++] = big ? 0xFF : 0xFE;
        for (int i = 0; n16 < 2 * UNITS - 4; i++) {
            /* a pair across the end of the first chunk (the 8 KiB sniffed,
             * less the BOM) and of every 64 KiB after it */
            int at_edge = (n16 - 2) / 2 % 32768 == 4094;
            put_both(u16, &n16, u8, &n8,
                     i % 997 == 0 || at_edge ? 0x1F600 + (uint32_t)(i % 50)
                     : i % 13 == 0           ? 0xE9
                                             : (uint32_t)('a' + i % 26),
                     big);
        }
        u16[n16++] = 'z'; /* half a unit at the end */
        u8[n8++] = (char)0xFF;
        FILE *f = tmpfile();
        assert_non_null(f);
        assert_int_equal(fwrite(u16, 1, n16, f), n16);
        rewind(f);
        sl_reader *r = NULL;
        sl_error err = {0};
        assert_int_equal(sli_reader_open_stream(&r, f, "mem", SL_INPUT_TXT, NULL, &err), SL_OK);
        sl_doc d = {0};
        int got = 0;
        assert_int_equal(sli_reader_next(r, &d, &got, &err), SL_OK);
        assert_int_equal(got, 1);
        assert_int_equal(d.text_len, n8);
        assert_memory_equal(d.text, u8, n8);
        sli_doc_clear(&d);
        assert_int_equal(sli_reader_next(r, &d, &got, &err), SL_OK);
        assert_int_equal(got, 0);
        sli_reader_free(r);
        fclose(f);
    }
    free(u16);
    free(u8);
}

static void sniff__nul_in_first_bytes_is_binary(void **state)
{
    (void)state;
    outcome o;
    READ(&o, SL_INPUT_TXT, 0, "PK\x03\x04\0\0rest");
    assert_int_equal(o.rc, SL_EDATA);
    assert_non_null(strstr(o.err.text, "mem: looks like a binary file"));
}

static void sniff__pipe_keeps_the_bytes_it_looked_at(void **state)
{
    (void)state;
    /* a pipe cannot be rewound: the sniffed bytes must still be read */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    static const char in[] = "{\"id\":\"p\",\"text\":\"through a pipe\"}\n";
    assert_int_equal(write(fds[1], in, sizeof in - 1), (ssize_t)(sizeof in - 1));
    close(fds[1]);
    FILE *f = fdopen(fds[0], "rb");
    assert_non_null(f);
    outcome o;
    memset(&o, 0, sizeof o);
    sl_reader *r = NULL;
    assert_int_equal(sli_reader_open_stream(&r, f, "-", SL_INPUT_JSONL, NULL, &o.err), SL_OK);
    drain(&o, r);
    sli_reader_free(r);
    fclose(f);
    assert_int_equal(o.rc, SL_OK);
    assert_string_equal(o.texts, "through a pipe|");
}

static void sniff__binary_file_in_a_directory_is_skipped_not_failed(void **state)
{
    (void)state;
    char dir[] = "/tmp/sl-test-sniffXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/b.txt", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite("ab\0cd", 1, 5, f);
    fclose(f);
    sl_error err = {0};
    sl_reader *r = (sl_reader *)1;
    sl_walk_entry walked = {path, "b", 1, 0, NULL}, named = {path, "b", 0, 0, NULL};
    assert_int_equal(sli_reader_open_entry(&r, &walked, NULL, &err), SL_OK);
    assert_null(r);
    assert_non_null(strstr(err.text, "b.txt: looks like a binary file"));
    assert_int_equal(sli_reader_open_entry(&r, &named, NULL, &err), SL_EDATA);
    assert_null(r);
    remove(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_resync__unterminated_quote_costs_one_record),
        cmocka_unit_test(csv_resync__character_after_closing_quote_resumes_next_line),
        cmocka_unit_test(csv_resync__quote_closed_lines_later_replays_those_lines),
        cmocka_unit_test(csv_resync__wrong_field_count_skips_the_whole_record),
        cmocka_unit_test(csv_resync__bad_header_is_never_skippable),
        cmocka_unit_test(csv_resync__crlf_lines_resume_the_same),
        cmocka_unit_test(jsonl_resync__each_bad_line_skipped_alone),
        cmocka_unit_test(sniff__utf16le_and_be_read_as_utf8),
        cmocka_unit_test(sniff__bad_utf16_becomes_an_invalid_byte),
        cmocka_unit_test(sniff__long_utf16_streams_across_chunks),
        cmocka_unit_test(sniff__nul_in_first_bytes_is_binary),
        cmocka_unit_test(sniff__pipe_keeps_the_bytes_it_looked_at),
        cmocka_unit_test(sniff__binary_file_in_a_directory_is_skipped_not_failed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
