/*
 * test_office.c - the office readers (read/office.c, zip.c, xml.c, docx.c,
 * odt.c, xlsx.c, ods.c, sheet.c) on the fixtures of
 * $SL_TEST_DATA/office/ (written by tests/data/office/make). Every
 * expected value is written out by hand from the XML the script writes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read/office.h"
#include "read/read.h"
#include "support.h"

#define F1_TEXT "Jean was lonely after the move.\n\nHer carer, a daughter, was exhausted and the carer felt stressed."
#define F2_TEXT "The \"lunch club\" helped; he is less isolated, and less lonely."
#define F3_TEXT "A ramp was fitted."

static char path_buf[512];

static const char *fixture(const char *name)
{
    const char *d = getenv("SL_TEST_DATA");
    snprintf(path_buf, sizeof path_buf, "%s/office/%s", d ? d : "tests/data", name);
    return path_buf;
}

static sl_office_opts opts(const char *sheet, int split)
{
    return (sl_office_opts){.name = "F", .id_base = "f", .text_field = "text",
                            .id_field = "id", .sheet = sheet, .split_heading = split};
}

static sl_status load(sl_office_kind k, const char *name, sl_office_opts o, sl_office_docs *d,
                      sl_error *err)
{
    memset(d, 0, sizeof *d);
    return sli_office_load(k, fixture(name), &o, d, err);
}

static void check_doc(const sl_doc *d, const char *id, const char *text, const char *meta)
{
    char m[512];
    assert_string_equal(d->id, id);
    assert_string_equal(d->text, text);
    assert_int_equal(d->text_len, strlen(text));
    meta_string(d, m, sizeof m);
    assert_string_equal(m, meta);
}

static void docx_one_story(void **state)
{
    (void)state;
    sl_office_docs d;
    sl_error err = {0};
    assert_int_equal(load(SL_OFFICE_DOCX, "docx/f1.docx", opts(NULL, 0), &d, &err), SL_OK);
    assert_int_equal(d.n, 1);
    /* deleted text, the empty paragraph and the footnote are left out */
    check_doc(&d.docs[0], "f", F1_TEXT,
              "title=Jean;author=Ann Evans;created=2024-03-01T10:00:00Z;");
    sli_office_docs_free(&d);
    assert_int_equal(load(SL_OFFICE_DOCX, "docx/f3.docx", opts(NULL, 0), &d, &err), SL_OK);
    check_doc(&d.docs[0], "f", F3_TEXT, "title=Ramp;author=Bo Lind;created=2024-03-01T10:00:00Z;");
    sli_office_docs_free(&d);
}

static void odt_one_story(void **state)
{
    (void)state;
    sl_office_docs d;
    sl_error err = {0};
    assert_int_equal(load(SL_OFFICE_ODT, "odt/f1.odt", opts(NULL, 0), &d, &err), SL_OK);
    assert_int_equal(d.n, 1);
    /* the footnote and the comment inside the paragraphs are left out;
     * the author is the initial creator, not the last editor */
    check_doc(&d.docs[0], "f", F1_TEXT, "title=Jean;author=Ann Evans;created=2024-03-01T10:00:00;");
    sli_office_docs_free(&d);
}

static void split_on_heading(void **state)
{
    (void)state;
    static const sl_office_kind kinds[] = {SL_OFFICE_DOCX, SL_OFFICE_ODT};
    static const char *const files[] = {"split.docx", "split.odt"};
    for (int k = 0; k < 2; k++) {
        sl_office_docs d;
        sl_error err = {0};
        assert_int_equal(load(kinds[k], files[k], opts(NULL, 1), &d, &err), SL_OK);
        assert_int_equal(d.n, 3);
        const char *date = k ? "2024-03-01T10:00:00" : "2024-03-01T10:00:00Z";
        char m[256];
        snprintf(m, sizeof m, "title=Round 1;author=Ann Evans;created=%s;heading=Jean;", date);
        check_doc(&d.docs[0], "f#1", F1_TEXT, m);
        snprintf(m, sizeof m, "title=Round 1;author=Ann Evans;created=%s;heading=Sam;", date);
        check_doc(&d.docs[1], "f#2", F2_TEXT, m);
        /* a localised style id (berschrift2) named "heading 2" */
        snprintf(m, sizeof m, "title=Round 1;author=Ann Evans;created=%s;heading=Ramp;", date);
        check_doc(&d.docs[2], "f#3", F3_TEXT, m);
        sli_office_docs_free(&d);
        /* not splitting: the headings are paragraphs */
        assert_int_equal(load(kinds[k], files[k], opts(NULL, 0), &d, &err), SL_OK);
        assert_int_equal(d.n, 1);
        assert_non_null(strstr(d.docs[0].text, "Jean\n\nJean was lonely"));
        sli_office_docs_free(&d);
    }
}

static void sheets_like_csv(void **state)
{
    (void)state;
    static const sl_office_kind kinds[] = {SL_OFFICE_XLSX, SL_OFFICE_ODS};
    static const char *const files[] = {"stories.xlsx", "stories.ods"};
    for (int k = 0; k < 2; k++) {
        sl_office_docs d;
        sl_error err = {0};
        assert_int_equal(load(kinds[k], files[k], opts(NULL, 0), &d, &err), SL_OK);
        assert_int_equal(d.n, 3);
        check_doc(&d.docs[0], "f1", F1_TEXT, "site=North;");
        check_doc(&d.docs[1], "f2", F2_TEXT, "site=South;");
        check_doc(&d.docs[2], "f3", F3_TEXT, "site=North;");
        assert_int_equal(d.docs[2].line, 4);
        assert_int_equal(d.empty_rows, 0);
        sli_office_docs_free(&d);
        /* the second sheet by name: it has no text column */
        assert_int_equal(load(kinds[k], files[k], opts("Notes", 0), &d, &err), SL_EDATA);
        assert_non_null(strstr(err.text, "F: sheet \"Notes\" row 1: no column \"text\""));
        sli_office_docs_free(&d);
        assert_int_equal(load(kinds[k], files[k], opts("Nope", 0), &d, &err), SL_EDATA);
        assert_non_null(strstr(err.text, "no sheet \"Nope\" (sheets: Stories, Notes)"));
        sli_office_docs_free(&d);
    }
}

static void sheet_values_rows_merges(void **state)
{
    (void)state;
    sl_office_docs d;
    sl_error err = {0};
    assert_int_equal(load(SL_OFFICE_XLSX, "extra.xlsx", opts(NULL, 0), &d, &err), SL_OK);
    assert_int_equal(d.n, 3);
    check_doc(&d.docs[0], "a", "lonely", "visits=3;date=2024-03-15;site=North;");
    check_doc(&d.docs[1], "b", "isolated", "visits=0.3;date=2024-03-15 12:00:00;site=North;");
    check_doc(&d.docs[2], "F:6", "ramp", "visits=TRUE;date=#N/A;site=North;");
    assert_int_equal(d.empty_rows, 2); /* rows 3 and 5 */
    assert_int_equal(d.filled, 2);     /* E4 and E6 from the merged E2 */
    sli_office_docs_free(&d);
    assert_int_equal(load(SL_OFFICE_ODS, "extra.ods", opts(NULL, 0), &d, &err), SL_OK);
    assert_int_equal(d.n, 3);
    check_doc(&d.docs[0], "a", "lonely", "visits=3;date=03/15/24;site=North;");
    check_doc(&d.docs[1], "b", "isolated", "visits=30%;date=7;site=North;");
    check_doc(&d.docs[2], "F:5", "ramp", "visits=TRUE;date=;site=North;");
    assert_int_equal(d.empty_rows, 1);
    assert_int_equal(d.filled, 2);
    sli_office_docs_free(&d);
}

static void hostile_files(void **state)
{
    (void)state;
    static const struct {
        sl_office_kind k;
        const char *file, *want;
    } t[] = {
        {SL_OFFICE_DOCX, "bomb.docx", "part word/document.xml inflates too many times"},
        {SL_OFFICE_XLSX, "damaged.xlsx", "not a readable zip archive"},
        {SL_OFFICE_DOCX, "notzip.docx", "not a readable zip archive"},
        {SL_OFFICE_DOCX, "deep.docx", "part word/document.xml:"},
        {SL_OFFICE_DOCX, "dtd.docx", "document type or entity declaration"},
        {SL_OFFICE_XLSX, "docx/f1.docx", "no xl/workbook.xml in the archive"},
        {SL_OFFICE_ODT, "docx/f1.docx", "no content.xml in the archive"},
        {SL_OFFICE_DOCX, "nopart.docx", "no word/document.xml in the archive"},
        {SL_OFFICE_ODT, "badxml.odt", "part content.xml:2: Opening and ending tag mismatch"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        sl_office_docs d;
        sl_error err = {0};
        sl_office_opts o = opts(NULL, 0);
        o.name = fixture(t[i].file);
        assert_int_equal(load(t[i].k, t[i].file, o, &d, &err), SL_EDATA);
        if (!strstr(err.text, t[i].want) || !strstr(err.text, t[i].file))
            fail_msg("%s: %s", t[i].file, err.text);
        sli_office_docs_free(&d);
    }
}

/* A damaged file opens, and its first read gives the error: skippable as
 * a whole file (line 0) once --skip-invalid is set, and read no further. */
static void damage_is_given_by_the_first_read(void **state)
{
    (void)state;
    for (int skip = 0; skip <= 1; skip++) {
        sl_reader *r = NULL;
        sl_error err = {0};
        assert_int_equal(sli_reader_open(&r, fixture("notzip.docx"), NULL, SL_INPUT_AUTO, NULL,
                                         &err), SL_OK);
        sli_reader_set_skip_invalid(r, skip);
        sl_doc doc = {0};
        int got = 1;
        assert_int_equal(sli_reader_next(r, &doc, &got, &err), SL_EDATA);
        assert_int_equal(got, 0);
        assert_non_null(strstr(err.text, "notzip.docx: not a readable zip archive"));
        unsigned long line = 99;
        const char *reason = NULL;
        assert_int_equal(sli_reader_skippable(r, &line, &reason), skip);
        if (skip) {
            assert_int_equal(line, 0);
            assert_true(strncmp(reason, "not a readable zip archive", 26) == 0);
        }
        assert_int_equal(sli_reader_next(r, &doc, &got, &err), SL_OK);
        assert_int_equal(got, 0);
        sli_reader_free(r);
    }
}

/* numfmt.xlsx (tests/data/office/make): each number as its format shows
 * it, worked out by hand from the styles the script writes. */
static void xlsx_number_formats(void **state)
{
    (void)state;
    sl_office_docs d;
    sl_error err = {0};
    assert_int_equal(load(SL_OFFICE_XLSX, "numfmt.xlsx", opts(NULL, 0), &d, &err), SL_OK);
    assert_int_equal(d.n, 3);
    check_doc(&d.docs[0], "a", "lonely at home",
              "share=25%;score=3.142;budget=£1,234.50;people=12,500;date=2024-03-15;code=007;");
    check_doc(&d.docs[1], "b", "isolated and lonely",
              "share=12.5%;score=0.500;budget=-£1,234.50;people=1,000;date=2024-03-16;code=42;");
    check_doc(&d.docs[2], "c", "a ramp was fitted",
              "share=25%;score=2.675;budget=£0.50;people=12,500;date=2024-03-17;code=0.1;");
    sli_office_docs_free(&d);
}

static void byte_budget(void **state)
{
    (void)state;
    sl_office_docs d;
    sl_error err = {0};
    sl_office_opts o = opts(NULL, 0);
    o.max_bytes = 1000; /* the sheet part alone is over 1000 bytes */
    assert_int_equal(load(SL_OFFICE_XLSX, "stories.xlsx", o, &d, &err), SL_EDATA);
    assert_non_null(strstr(err.text, "inflates past the limit"));
    sli_office_docs_free(&d);
}

static void cell_refs(void **state)
{
    (void)state;
    unsigned long r, c;
    assert_int_equal(sli_cell_ref("A1", &r, &c), 0);
    assert_true(r == 1 && c == 0);
    assert_int_equal(sli_cell_ref("AB12", &r, &c), 0);
    assert_true(r == 12 && c == 27);
    assert_int_equal(sli_cell_ref("XFD1048576", &r, &c), 0);
    assert_int_equal(sli_cell_ref("XFE1", &r, &c), -1);
    assert_int_equal(sli_cell_ref("A1048577", &r, &c), -1);
    assert_int_equal(sli_cell_ref("A0", &r, &c), -1);
    assert_int_equal(sli_cell_ref("1", &r, &c), -1);
    assert_int_equal(sli_cell_ref("a1", &r, &c), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(docx_one_story),   cmocka_unit_test(odt_one_story),
        cmocka_unit_test(split_on_heading), cmocka_unit_test(sheets_like_csv),
        cmocka_unit_test(sheet_values_rows_merges), cmocka_unit_test(hostile_files),
        cmocka_unit_test(byte_budget),      cmocka_unit_test(cell_refs),
        cmocka_unit_test(damage_is_given_by_the_first_read),
        cmocka_unit_test(xlsx_number_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
